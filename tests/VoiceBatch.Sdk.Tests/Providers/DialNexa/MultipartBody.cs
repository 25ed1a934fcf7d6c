using System.Text;
using System.Text.RegularExpressions;

namespace VoiceBatch.Tests.Providers.DialNexa;

/// <summary>One part of a multipart/form-data body as the server received it.</summary>
public sealed record ReceivedPart(string Name, string? FileName, string? ContentType, string Disposition, string Text);

/// <summary>A small, strict multipart/form-data parser for checking what the SDK sent (the test's own code, so a
/// mistake in the SDK's form cannot hide behind the same library on both sides).</summary>
public static partial class MultipartBody
{
    public static IReadOnlyList<ReceivedPart> Parse(string contentType, byte[] body)
    {
        var boundary = BoundaryOf().Match(contentType) is { Success: true } m ? m.Groups[1].Value.Trim('"') : throw new FormatException("No boundary in " + contentType);
        var text = Encoding.UTF8.GetString(body);
        var delimiter = "--" + boundary;
        var parts = new List<ReceivedPart>();
        var sections = text.Split(delimiter);
        Assert.That(sections[^1].Trim(), Is.EqualTo("--"), "the body ends with the closing delimiter");
        foreach (var section in sections.Skip(1).SkipLast(1))
        {
            var split = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = section[..split].Trim('\r', '\n');
            var content = section[(split + 4)..];
            if (content.EndsWith("\r\n", StringComparison.Ordinal)) content = content[..^2];
            var headers = head.Split("\r\n").Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var disposition = headers["Content-Disposition"];
            var name = NameOf().Match(disposition).Groups[1].Value;
            var fileName = FileNameOf().Match(disposition) is { Success: true } f ? f.Groups[1].Value : null;
            parts.Add(new ReceivedPart(name, fileName, headers.GetValueOrDefault("Content-Type"), disposition, content));
        }

        return parts;
    }

    [GeneratedRegex("boundary=([^;]+)")]
    private static partial Regex BoundaryOf();

    [GeneratedRegex("(?<![a-z])name=\"([^\"]*)\"")]
    private static partial Regex NameOf();

    [GeneratedRegex("filename=\"([^\"]*)\"")]
    private static partial Regex FileNameOf();
}
