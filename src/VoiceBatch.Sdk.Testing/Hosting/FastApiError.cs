using System.Text.Json.Nodes;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// FastAPI's error bodies (VoiceAI/ThreeTone and ElevenLabs are FastAPI services): <c>{"detail": "text"}</c> for an
/// <c>HTTPException</c>, and for a 422 the documented <c>HTTPValidationError</c> <c>{"detail": [{type, loc, msg}]}</c>
/// (pydantic v2 error types; <c>loc</c> mixes names and indexes, e.g. <c>["body","recipients",2,"phone_number"]</c>).
/// </summary>
internal static class FastApiError
{
    public static JsonObject Detail(string message) => new() { ["detail"] = message };

    /// <summary>One validation error item.</summary>
    public static JsonObject Item(string type, string message, params object[] loc) => new()
    {
        ["type"] = type,
        ["loc"] = new JsonArray(loc.Select(l => l switch { int i => (JsonNode?)i, _ => (JsonNode?)l.ToString() }).ToArray()),
        ["msg"] = message,
    };

    public static JsonObject Validation(IEnumerable<JsonObject> items) => new() { ["detail"] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray()) };
}
