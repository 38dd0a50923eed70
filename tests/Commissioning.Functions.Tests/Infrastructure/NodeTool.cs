using System.Diagnostics;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// Starts one of the repository's Node tools (Azurite, MailDev, the channel inbox) from node_modules or scripts/, with
/// its output drained, and waits (bounded) until it answers; a tool that exits or stays silent fails the fixture.
/// </summary>
public static class NodeTool
{
    public static async Task<Process> StartAsync(string name, IEnumerable<string> arguments, Func<Task<bool>> ready, TimeSpan? within = null)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        var complaints = new System.Collections.Concurrent.ConcurrentQueue<string>();   // the tool's own words when it will not start
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && complaints.Count < 20)
            {
                complaints.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = within ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var code = process.ExitCode;
                process.Dispose();
                throw new InvalidOperationException($"{name} exited with code {code}: {string.Join(" | ", complaints)}");
            }

            try
            {
                if (await ready())
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await StopAsync(process);
        throw new TimeoutException($"{name} did not start within {limit.TotalSeconds:0} seconds: {string.Join(" | ", complaints)}");
    }

    /// <summary>Kills the tool and whatever it started, and waits for it to go.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
