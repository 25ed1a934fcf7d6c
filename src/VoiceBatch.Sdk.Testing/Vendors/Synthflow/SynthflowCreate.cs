using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Synthflow;

/// <summary>A create body the simulator accepted: the batch-level fields and the recipients, duplicates already skipped.</summary>
internal sealed record SynthflowCreateBody(string? Name, string ModelId, string FromPhoneNumber, IReadOnlyList<(SynthflowSentTask Task, SimulatedContact Contact)> Tasks, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Checks a <c>POST /v2/calls/batch</c> body as Synthflow documents it (create page and guide): a new batch needs
/// <c>model_id</c>, <c>from_phone_number</c> and "between 1 and 10,000 <c>tasks</c>"; each task needs a
/// <c>to_phone_number</c>; <c>id</c> is optional and "unique within the batch" (a repeated id is skipped);
/// <c>custom_variables</c> is a map. Synthflow's refusal wording is not published: each message here is worded for the
/// simulator. Appends (<c>batch_call_id</c>) are not simulated and are refused.
/// </summary>
internal static class SynthflowCreate
{
    public const int MaxTasks = 10_000;

    /// <summary>The accepted body, or the description of why it is refused.</summary>
    public static (SynthflowCreateBody? Body, string? Refusal) Read(JsonNode? node, Func<string> newTaskId)
    {
        if (node is not JsonObject root) return (null, "The request body must be a JSON object.");
        if (root["batch_call_id"] is not null) return (null, "Appending recipients to an existing batch (batch_call_id) is not simulated.");
        if (Text(root["model_id"]) is not { } model) return (null, "model_id is required to create a batch.");
        if (Text(root["from_phone_number"]) is not { } from) return (null, "from_phone_number is required to create a batch.");
        if (!PhoneText.IsE164(from)) return (null, "from_phone_number must be a phone number in E.164 format.");
        if (root["name"] is { } name && name.GetValueKind() != JsonValueKind.String) return (null, "name must be a string.");
        if (root["tasks"] is not JsonArray tasks || tasks.Count is < 1 or > MaxTasks) return (null, $"tasks must be a list of between 1 and {MaxTasks} recipients.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(SynthflowSentTask, SimulatedContact)>();
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i] is not JsonObject task) return (null, $"tasks[{i}] must be an object.");
            if (Text(task["to_phone_number"]) is not { } to) return (null, $"tasks[{i}].to_phone_number is required.");
            if (!PhoneText.IsE164(to)) return (null, $"tasks[{i}].to_phone_number must be a phone number in E.164 format.");
            if (task["custom_variables"] is { } vars && vars is not JsonObject) return (null, $"tasks[{i}].custom_variables must be an object.");
            if (task["id"] is { } idNode && Text(idNode) is null) return (null, $"tasks[{i}].id must be a non-empty string.");
            var id = Text(task["id"]) ?? newTaskId();
            if (!seen.Add(id)) continue; // "Recipients re-sent with an id that already exists in the batch are skipped"
            var variables = task["custom_variables"] as JsonObject;
            accepted.Add((new SynthflowSentTask(id, Text(task["lead_name"]), Text(task["lead_email"]), (JsonObject?)variables?.DeepClone()), new SimulatedContact(to, Variables(variables))));
        }

        return (new SynthflowCreateBody(Text(root["name"]), model, from, accepted, Fields(root)), null);
    }

    /// <summary>The body's top-level scalar members as text (what <see cref="SimulatedBatch.Fields"/> shows).</summary>
    public static Dictionary<string, string> Fields(JsonObject root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            if (value is JsonValue v) fields[key] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        }

        return fields;
    }

    /// <summary><c>custom_variables</c> as text: strings as sent, other values as their JSON; nulls left out.</summary>
    public static Dictionary<string, string> Variables(JsonObject? values)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            if (value is null) continue;
            variables[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        return variables;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
}
