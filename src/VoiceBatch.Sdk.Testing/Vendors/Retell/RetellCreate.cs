using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Retell;

/// <summary>
/// Checks a <c>POST /create-batch-call</c> body against <c>BatchCallCreateBatchCallParams</c> (python SDK
/// <c>types/batch_call_create_batch_call_params.py</c>): <c>from_number</c> and <c>tasks</c> required; each task's
/// <c>to_number</c> E.164 (unless <c>ignore_e164_validation</c>); <c>retell_llm_dynamic_variables</c> a <c>Dict[str, str]</c>;
/// <c>trigger_timestamp</c> a number (unix MILLISECONDS); <c>reserved_concurrency</c> an integer ≥ 0. Retell publishes no
/// refusal wording: the messages are the simulator's.
/// </summary>
internal static class RetellCreate
{
    /// <summary>Why <paramref name="body"/> would be refused with a 400, or null when it is valid.</summary>
    public static string? Problem(JsonNode? body)
    {
        if (body is not JsonObject root) return "The request body must be a JSON object.";
        if (RetellJson.Text(root["from_number"]) is not { } from) return "from_number is required.";
        if (!PhoneText.IsE164(from)) return "from_number must be in E.164 format.";
        if (root["name"] is { } name && name.GetValueKind() != JsonValueKind.String) return "name must be a string.";
        if (root["trigger_timestamp"] is { } at && at.GetValueKind() != JsonValueKind.Number) return "trigger_timestamp must be a number (unix milliseconds).";
        if (root["reserved_concurrency"] is { } reserved && (!IsInteger(reserved) || reserved.GetValue<double>() < 0)) return "reserved_concurrency must be an integer of at least 0.";
        if (root["tasks"] is not JsonArray tasks || tasks.Count == 0) return "tasks must be a non-empty list.";
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i] is not JsonObject task) return $"tasks[{i}] must be an object.";
            var ignoreE164 = task["ignore_e164_validation"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
            if (RetellJson.Text(task["to_number"]) is not { } to) return $"tasks[{i}].to_number is required.";
            if (!ignoreE164 && !PhoneText.IsE164(to)) return $"tasks[{i}].to_number must be in E.164 format.";
            if (task["override_agent_id"] is { } agent && agent.GetValueKind() != JsonValueKind.String) return $"tasks[{i}].override_agent_id must be a string.";
            if (task["retell_llm_dynamic_variables"] is { } variables)
            {
                if (variables is not JsonObject map) return $"tasks[{i}].retell_llm_dynamic_variables must be an object.";
                if (map.Any(v => v.Value?.GetValueKind() != JsonValueKind.String)) return $"tasks[{i}].retell_llm_dynamic_variables values must be strings.";
            }
        }

        return null;
    }

    /// <summary>A task's dynamic variables (already checked to be strings).</summary>
    public static Dictionary<string, string> Variables(JsonObject task)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (task["retell_llm_dynamic_variables"] is JsonObject map)
        {
            foreach (var (key, value) in map) variables[key] = value!.GetValue<string>();
        }

        return variables;
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

    /// <summary>The start <c>trigger_timestamp</c> asks for, read as MILLISECONDS — as Retell reads it, so a value sent in seconds
    /// means January 1970 (already past: the batch is sent at once).</summary>
    public static DateTimeOffset? Start(JsonObject root)
        => root["trigger_timestamp"] is JsonValue at && at.GetValue<double>() is var ms && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Min(ms, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()))
            : null;

    private static bool IsInteger(JsonNode node)
        => node.GetValueKind() == JsonValueKind.Number && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
