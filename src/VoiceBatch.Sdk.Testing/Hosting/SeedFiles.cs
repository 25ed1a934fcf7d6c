using System.Collections.Concurrent;

namespace VoiceBatch.Testing.Hosting;

/// <summary>The vendors' own example JSON (tests/VoiceBatch.Sdk.Tests/Fixtures/Seeds), embedded in the package and served
/// verbatim. Each is read from the assembly once and kept: a request never touches a stream.</summary>
internal static class SeedFiles
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of the embedded seed <paramref name="fileName"/> (e.g. <c>bolna-get.json</c>).</summary>
    public static string Read(string fileName) => Cache.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream("Seeds." + name)
            ?? throw new InvalidOperationException($"The seed '{name}' is not embedded in VoiceBatch.Sdk.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
