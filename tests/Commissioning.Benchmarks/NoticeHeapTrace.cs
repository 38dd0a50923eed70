using System.Globalization;

namespace Commissioning.Benchmarks;

/// <summary>
/// Whether scoring a notice body holds more memory the further it goes: the managed heap after a full collection,
/// above what the read body and its index hold, sampled five times while the processes of <see cref="NoticeBenchmarks"/>'
/// page and 1,000-release package are scored one at a time. Flat samples mean memory does not grow with the package.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --notice-heap
/// </summary>
public static class NoticeHeapTrace
{
    public static void Run()
    {
        var bodies = new NoticeBenchmarks();
        bodies.BuildBodies();
        foreach (var (name, body) in new[] { ("FTS page, 100 releases", bodies.PageBody), ("package, 1,000 releases", bodies.PackageBody) })
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var results = NoticeBenchmarks.ScoreEach(body).ToList().Count; // warm up
            var processes = 0;
            var samples = new List<long>(5);
            before = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var _ in NoticeBenchmarks.ScoreEach(body))
            {
                if (++processes % Math.Max(1, results / 5) == 0)
                {
                    samples.Add(GC.GetTotalMemory(forceFullCollection: true) - before);
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({body.Length / 1024:N0} KiB, {results} processes): heap held while scoring, every {results / 5} processes: {string.Join(", ", samples.Select(s => (s / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB"))}"));
        }
    }
}
