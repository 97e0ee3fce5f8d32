using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GrokFlow.Tests.Host.Tcp;

/// <summary>A plain TCP sender for the stream-source tests.</summary>
internal sealed class TcpTestClient : IDisposable
{
    private readonly TcpClient _client = new(AddressFamily.InterNetwork) { NoDelay = true };

    public static async Task<TcpTestClient> ConnectAsync(IPEndPoint endPoint)
    {
        var client = new TcpTestClient();
        await client._client.ConnectAsync(endPoint);
        return client;
    }

    public NetworkStream Stream => _client.GetStream();

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await Stream.WriteAsync(bytes);

    public static string OctetCounted(string message) => $"{Encoding.UTF8.GetByteCount(message)} {message}";

    /// <summary>Waits until the server closes the connection (a read returns 0 or the connection is reset).</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[256];
        try
        {
            while (await Stream.ReadAsync(buffer, cts.Token) > 0) { }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
