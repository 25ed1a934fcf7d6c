namespace VoiceBatch.Testing.Hosting;

/// <summary>The vendors' own example JSON (tests/VoiceBatch.Sdk.Tests/Fixtures/Seeds), embedded in the package and served verbatim.</summary>
internal static class SeedFiles
{
    /// <summary>The text of the embedded seed <paramref name="fileName"/> (e.g. <c>bolna-get.json</c>).</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream("Seeds." + fileName)
            ?? throw new InvalidOperationException($"The seed '{fileName}' is not embedded in VoiceBatch.Sdk.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
