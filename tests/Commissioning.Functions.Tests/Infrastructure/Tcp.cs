using System.Net.Sockets;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>Whether something is listening: how the tests tell that a server they started is ready.</summary>
public static class Tcp
{
    /// <summary>True when a connection to <paramref name="host"/>:<paramref name="port"/> is accepted now.</summary>
    public static async Task<bool> AcceptsAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
