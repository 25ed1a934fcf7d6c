namespace VoiceBatch.Internal;

/// <summary>Scrubbing for code outside a provider (contact sheets): the same rules as <see cref="Http.Scrubber"/>.</summary>
internal static class Redactor
{
    public static string Scrub(string? text, string? secret) => secret is null ? Http.Scrubber.Anonymous.Scrub(text) : new Http.Scrubber(() => secret).Scrub(text);

    public static string Truncate(string text, int max) => Http.Scrubber.Truncate(text, max);
}
