namespace Commissioning.Functions.Hosting;

/// <summary>How this process was started: by the Functions host as its isolated worker, or on its own (the local runner).</summary>
public enum HostingMode
{
    Worker,
    LocalRunner,
}

public static class HostingModes
{
    /// <summary>The argument the Functions host always passes its worker: the address of its gRPC channel.</summary>
    public const string HostUriArgument = "--functions-uri";

    /// <summary>Settings App Service (and so Azure Functions) sets on every instance it runs.</summary>
    public static readonly IReadOnlyList<string> AppServiceSettings = ["WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID"];

    /// <summary>
    /// The worker when the host's arguments are there. Without them, the local runner, except on Azure: an app there
    /// started without the host is misconfigured, and serving requests outside the host's control (no scaling, no
    /// timer lock, no queue semantics) would hide it, so it stops with a message instead.
    /// </summary>
    public static HostingMode Detect(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (args.Any(a => a.Equals(HostUriArgument, StringComparison.OrdinalIgnoreCase) || a.StartsWith(HostUriArgument + "=", StringComparison.OrdinalIgnoreCase)))
        {
            return HostingMode.Worker;
        }

        if (AppServiceSettings.FirstOrDefault(name => !string.IsNullOrEmpty(environment(name))) is { } setting)
        {
            throw new InvalidOperationException(
                $"This app was started on Azure ({setting} is set) without the Functions host's arguments ({HostUriArgument} …). " +
                "On Azure it runs only as the Functions host's isolated worker: check that the app's runtime is dotnet-isolated " +
                "and that nothing starts the program directly. The local runner is for machines without the host.");
        }

        return HostingMode.LocalRunner;
    }
}
