using System.Globalization;
using BenchmarkDotNet.Running;

namespace Commissioning.Benchmarks;

// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*'
// Or, for the submit benchmark's methods side by side in one process: ... -- --paired [rounds]
// Or, for the heap held while notice bodies are scored: ... -- --notice-heap
public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--paired")
        {
            await PairedSubmitRounds.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60);
            return;
        }

        if (args.Length > 0 && args[0] == "--notice-heap")
        {
            NoticeHeapTrace.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
