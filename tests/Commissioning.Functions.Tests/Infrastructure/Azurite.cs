using System.Net;
using System.Diagnostics;
using System.Net.Sockets;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// A real Azurite (blob + table) started from the pinned npm package on free loopback ports, in memory.
/// Each instance is its own emulator, so test classes never share state and parallel runs never collide.
/// Stop() and Start() simulate storage going away and coming back (same ports; data lost when in memory, kept when
/// started with <c>keepDataOnDisk</c>, which stores it in a private temporary folder).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private Process? _process;
    private readonly string? _location;

    public Azurite(bool keepDataOnDisk = false)
    {
        _location = keepDataOnDisk ? Directory.CreateTempSubdirectory("azurite-").FullName : null;
    }

    public int BlobPort { get; } = FreePort();
    public int QueuePort { get; } = FreePort();
    public int TablePort { get; } = FreePort();

    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The app's own provisioning against this emulator: what any store needs to make its storage exist.</summary>
    public Commissioning.Functions.Storage.StorageProvisioning Provisioning() => new(
        new Azure.Storage.Blobs.BlobServiceClient(ConnectionString),
        new Azure.Data.Tables.TableServiceClient(ConnectionString),
        new Azure.Storage.Queues.QueueServiceClient(ConnectionString));

    public static async Task<Azurite> StartNewAsync(bool keepDataOnDisk = false)
    {
        var azurite = new Azurite(keepDataOnDisk);
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var script = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm install' (scripts/setup.sh does).");
        }

        string[] storage = _location is null ? ["--inMemoryPersistence"] : ["--location", _location];
        _process = await NodeTool.StartAsync("Azurite",
            [
                script, "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
                .. storage,
            ],
            async () => await Listening(BlobPort) && await Listening(TablePort));
    }

    public async Task StopAsync()
    {
        await NodeTool.StopAsync(_process);
        _process = null;
    }

    /// <summary>
    /// Stops Azurite the way an orderly shutdown would (SIGINT), so a disk-backed instance flushes what it has
    /// acknowledged; falls back to killing it.
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // it did not stop in time: StopAsync kills it
            }
        }

        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private static Task<bool> Listening(int port) => Tcp.AcceptsAsync("127.0.0.1", port);

    /// <summary>
    /// A free loopback port below the system's ephemeral range (32768 and up on Linux), so no outgoing connection of any
    /// process can be given it: a server that is stopped and started again on the same port (an outage test) finds it
    /// still free. Ports are drawn at random and tried, so parallel test classes do not collide.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: draw again
            }
        }

        using var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return ((IPEndPoint)any.LocalEndpoint).Port;
    }
}
