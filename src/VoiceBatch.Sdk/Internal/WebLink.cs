namespace VoiceBatch.Internal;

/// <summary>Reads a vendor's link (recording URLs): only absolute http(s) URLs count. On Linux a bare path such as
/// <c>/rec.mp3</c> parses as an absolute <c>file://</c> URI, which must never be handed to a caller as a recording.</summary>
internal static class WebLink
{
    public static Uri? Parse(string? text)
        => Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
}
