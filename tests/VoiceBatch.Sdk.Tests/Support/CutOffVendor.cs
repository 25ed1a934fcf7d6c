using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceBatch.Tests.Support;

/// <summary>
/// A vendor on a bare socket that answers every request with its status line, headers declaring
/// <c>Content-Length: 400</c> and only the first bytes of the body, then closes its side gracefully (FIN, not a reset,
/// so the client reliably reads the headers first and then sees the body end early). Arrivals are counted before the
/// answer is written.
/// </summary>
internal sealed class CutOffVendor : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _partialBody;
    private int _arrivals;

    public CutOffVendor(string partialBody)
    {
        _partialBody = partialBody;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri Url { get; }

    public int Arrivals => Volatile.Read(ref _arrivals);

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true) connections.Add(ServeAsync(await _listener.AcceptSocketAsync(_stop.Token)));
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var received = new StringBuilder();
                var buffer = new byte[8192];
                int end;
                while ((end = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                {
                    var n = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    received.Append(Encoding.Latin1.GetString(buffer, 0, n));
                }

                var head = received.ToString()[..end];
                var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                for (var have = received.Length - end - 4; have < length;)
                {
                    var n = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    have += n;
                }

                Interlocked.Increment(ref _arrivals);
                var answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n" + _partialBody;
                await socket.SendAsync(Encoding.UTF8.GetBytes(answer), _stop.Token);
                socket.Shutdown(SocketShutdown.Send);
                while (await socket.ReceiveAsync(buffer, _stop.Token) > 0)
                {
                    // wait for the client to close its side
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
