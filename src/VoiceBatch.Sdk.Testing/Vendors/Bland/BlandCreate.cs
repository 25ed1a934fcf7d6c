using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bland;

/// <summary>A call object Bland accepted into the batch but will not dial (no E.164 <c>phone_number</c>, or an unreadable <c>start_time</c>).</summary>
internal sealed record BlandRejected(string CallId, JsonObject CallObject, string Reason);

/// <summary>
/// A <c>POST /v2/batches/create</c> body as Bland reads it (docs.bland.ai api-v1/post/batches; the cookbook
/// <c>Bland-com/bland-ai-cookbooks</c> @ 62d2620 <c>09-batch-campaigns/README.md</c>): a body that is not an object, without a
/// <c>call_objects</c> array or without a <c>global</c> object is refused at once (400); everything the cookbook lists under
/// "Batch status is failed" — a <c>global</c> with neither <c>task</c> nor <c>pathway_id</c> (or <c>persona_id</c>, Send Call's
/// preset), a <c>global</c> with a <c>phone_number</c>, an empty <c>call_objects</c> — is accepted and then fails validation.
/// A call object without an E.164 <c>phone_number</c> ("Invalid or disconnected phone numbers") is kept but never dialled.
/// </summary>
internal sealed class BlandCreate
{
    private BlandCreate(JsonObject body, JsonObject global, List<JsonObject> callObjects)
    {
        Body = body;
        Global = global;
        CallObjects = callObjects;
    }

    public JsonObject Body { get; }

    public JsonObject Global { get; }

    /// <summary>Every call object as received, in order (non-objects read as empty objects).</summary>
    public IReadOnlyList<JsonObject> CallObjects { get; }

    /// <summary>Why the batch will fail validation, or null.</summary>
    public string? ValidationError =>
        CallObjects.Count == 0 ? "call_objects must not be empty"
        : Global["phone_number"] is not null ? "global must not include phone_number"
        : Text(Global["task"]) is null && Text(Global["pathway_id"]) is null && Text(Global["persona_id"]) is null ? "global must include task or pathway_id"
        : null;

    /// <summary>Reads the body; on a refusal, <paramref name="refusal"/> says why (answered 400).</summary>
    public static BlandCreate? Read(JsonNode? body, out string? refusal)
    {
        refusal = body switch
        {
            not JsonObject => "The request body must be a JSON object",
            JsonObject o when o["call_objects"] is not JsonArray => "call_objects is required and must be an array",
            JsonObject o when o["global"] is not JsonObject => "global is required and must be an object",
            JsonObject o when o["status_webhook"] is { } hook && hook.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null) => "status_webhook must be a string",
            _ => null,
        };
        if (refusal is not null) return null;
        var root = (JsonObject)body!;
        var items = ((JsonArray)root["call_objects"]!).Select(n => n as JsonObject ?? []).ToList();
        return new BlandCreate(root, (JsonObject)root["global"]!, items);
    }

    /// <summary>A call object's <c>start_time</c>: "2026-01-01 12:00:00-05:00" or ISO-8601; "timezone is optional, defaults to
    /// UTC". Null when absent; false when present but unreadable.</summary>
    public static bool TryStart(JsonObject callObject, out DateTimeOffset? start)
    {
        start = null;
        if (callObject["start_time"] is not { } node || node.GetValueKind() == JsonValueKind.Null) return true;
        if (Text(node) is not { } text) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)) return false;
        start = at;
        return true;
    }

    /// <summary>The body's top-level scalars, and <c>global</c>'s as <c>global.name</c> (what <see cref="SimulatedBatch.Fields"/> shows).</summary>
    public Dictionary<string, string> Fields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(Body, string.Empty);
        Add(Global, "global.");
        return fields;

        void Add(JsonObject obj, string prefix)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v) fields[prefix + key] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            }
        }
    }

    /// <summary>A call object's <c>request_data</c> as text (strings as they are, other values as their JSON).</summary>
    public static Dictionary<string, string> Variables(JsonObject callObject)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (callObject["request_data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (value is not null) variables[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }

        return variables;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    /// <summary>True when the call object names a number Bland would dial.</summary>
    public static bool IsDialable(JsonObject callObject) => PhoneText.IsE164(Text(callObject["phone_number"]));
}
