using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;
using VoiceBatch.Tests.Support;
using WireMock.Logging;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bolna;

/// <summary>A WireMock server plus a real DI client with Bolna registered and a fake clock. The fake clock also drives
/// Polly's delays, so a test that needs a retry to actually happen passes <c>fakeClock: false</c>.</summary>
internal sealed class BolnaTestServer : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 23, 15, 0, 0, TimeSpan.Zero);

    public BolnaTestServer(Action<BolnaOptions>? configure = null, bool fakeClock = true)
    {
        Server = WireMockServer.Start();
        Time = new FakeTimeProvider(Now);
        Client = new TestClient(
            b => b.AddBolna(o =>
            {
                TestClient.Fast(o, Server.Url!);
                configure?.Invoke(o);
            }),
            fakeClock ? services => services.AddSingleton<TimeProvider>(Time) : null);
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TestClient Client { get; }

    public IBatchCallClient Api => Client.Client;

    public IReadOnlyList<ILogEntry> Requests(string method, string path)
        => Server.LogEntries.Where(e => e.RequestMessage!.Method == method && e.RequestMessage.Path == path).ToList();

    public void Dispose()
    {
        Client.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

/// <summary>A multipart/form-data request body as the server received it: name → every value (files as text).</summary>
internal sealed record FormPart(string Name, string? FileName, string? ContentType, string Text);

internal static class Multipart
{
    public static async Task<IReadOnlyList<FormPart>> ReadAsync(ILogEntry entry)
    {
        var contentType = entry.RequestMessage!.Headers!["Content-Type"].ToString();
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(entry.RequestMessage.BodyAsBytes!));
        var parts = new List<FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            parts.Add(new FormPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                await text.ReadToEndAsync()));
        }

        return parts;
    }
}
