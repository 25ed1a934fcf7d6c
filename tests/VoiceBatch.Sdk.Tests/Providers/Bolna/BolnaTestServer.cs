using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VoiceBatch.Tests.Support;
using WireMock.Logging;

namespace VoiceBatch.Tests.Providers.Bolna;

/// <summary>A WireMock server plus a real DI client with Bolna registered and a fake clock. The fake clock also drives
/// Polly's delays, so a test that needs a retry to actually happen passes <c>fakeClock: false</c>.</summary>
internal sealed class BolnaTestServer : VendorTestServer
{
    public static readonly DateTimeOffset Now = new(2026, 6, 23, 15, 0, 0, TimeSpan.Zero);

    public BolnaTestServer(Action<BolnaOptions>? configure = null, bool fakeClock = true)
        : base(ProviderId.Bolna, Now, fakeClock, (b, url) => b.AddBolna(o =>
        {
            TestClient.Fast(o, url);
            configure?.Invoke(o);
        }))
    {
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
