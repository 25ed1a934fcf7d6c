using System.Text.Json.Nodes;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>The vendors' published examples (Fixtures/Published, see SOURCES.md) and seeds (Fixtures/Seeds).</summary>
internal static class Published
{
    public static string Text(string vendor, string file) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Published", vendor, file));

    public static JsonNode Json(string vendor, string file) => JsonNode.Parse(Text(vendor, file))!;

    public static string Seed(string file) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Seeds", file));
}
