using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>
/// Compares an answer with a vendor's published example by shape: every member of the example is present in the
/// answer with the same JSON kind (recursively; arrays by their first items). A null on either side matches any kind
/// (examples fill optional values the simulator leaves null, and the reverse). Extra members in the answer are allowed:
/// readers must ignore unknown members. Paths in <c>optional</c> (e.g. <c>"warning"</c>, <c>"recipients[].whatsapp_user_id"</c>)
/// may be missing.
/// </summary>
internal static class JsonShape
{
    public static void AssertCovers(JsonNode expected, JsonNode? actual, params string[] optional)
    {
        var problems = new List<string>();
        Compare(expected, actual, string.Empty, optional.ToHashSet(StringComparer.Ordinal), problems);
        Assert.That(problems, Is.Empty, "shape differs from the published example:\n" + string.Join("\n", problems) + "\nanswer: " + actual?.ToJsonString());
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, HashSet<string> optional, List<string> problems)
    {
        if (expected is null || actual is null) return;
        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        if (Kind(expectedKind) != Kind(actualKind))
        {
            problems.Add($"{Show(path)}: expected {expectedKind}, got {actualKind}");
            return;
        }

        switch (expected)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var child = path.Length == 0 ? name : path + "." + name;
                    if (!((JsonObject)actual).TryGetPropertyValue(name, out var got))
                    {
                        if (!optional.Contains(child)) problems.Add($"{child}: missing");
                        continue;
                    }

                    Compare(value, got, child, optional, problems);
                }

                break;
            case JsonArray array when array.Count > 0 && ((JsonArray)actual).Count > 0:
                Compare(array[0], ((JsonArray)actual)[0], path + "[]", optional, problems);
                break;
        }
    }

    private static JsonValueKind Kind(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : kind;

    private static string Show(string path) => path.Length == 0 ? "(root)" : path;
}
