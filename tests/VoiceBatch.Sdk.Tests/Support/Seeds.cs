namespace VoiceBatch.Tests.Support;

/// <summary>The vendors' own JSON examples, copied verbatim from ../shared/seeds into Fixtures/Seeds.</summary>
internal static class Seeds
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Seeds", name));

    public const string DialNexaGetSchema = "dialnexa-get-schema.json";
    public const string DialNexaGetProse = "dialnexa-get-prose.json";
    public const string DialNexaCreate = "dialnexa-create.json";
    public const string VoiceAIGet = "voiceai-get.json";
    public const string BatchDetailsGet = "batchdetails-get.json";
    public const string BolnaGet = "bolna-get.json";
}

/// <summary>Each vendor's CURRENT published examples (OpenAPI examples, API-reference pages, SDK wire tests), copied
/// verbatim into Fixtures/Published/&lt;vendor&gt;; Fixtures/Published/SOURCES.md says where each one comes from.</summary>
internal static class Published
{
    public static string Read(string path) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Published", path));
}
