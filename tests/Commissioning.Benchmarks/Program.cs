using BenchmarkDotNet.Running;

namespace Commissioning.Benchmarks;

// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*'
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
