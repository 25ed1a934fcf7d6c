using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.ConvAI;

/// <summary>
/// Validates a submit body the way the vendors' pydantic models do (ElevenLabs <c>create.md</c>: required
/// <c>call_name</c>, <c>agent_id</c>, <c>recipients</c>; <c>target_concurrency_limit</c> ≥ 1), answering FastAPI's 422
/// <c>{"detail":[{type, loc, msg}]}</c>. A recipient needs a <c>phone_number</c> (E.164) or a <c>whatsapp_user_id</c>;
/// those two messages are not published and are worded here.
/// </summary>
internal static class ConvAISubmit
{
    /// <summary>The validation errors of <paramref name="body"/> (empty when it is valid).</summary>
    public static List<JsonObject> Validate(JsonNode? body, bool acceptsConcurrency)
    {
        var errors = new List<JsonObject>();
        if (body is not JsonObject root)
        {
            errors.Add(FastApiError.Item("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", "body"));
            return errors;
        }

        foreach (var field in new[] { "call_name", "agent_id" })
        {
            if (root[field] is null) errors.Add(FastApiError.Item("missing", "Field required", "body", field));
            else if (root[field]!.GetValueKind() != JsonValueKind.String) errors.Add(FastApiError.Item("string_type", "Input should be a valid string", "body", field));
        }

        if (root["scheduled_time_unix"] is { } when && when.GetValueKind() != JsonValueKind.Null && !IsInteger(when))
        {
            errors.Add(FastApiError.Item("int_type", "Input should be a valid integer", "body", "scheduled_time_unix"));
        }

        if (acceptsConcurrency && root["target_concurrency_limit"] is { } limit && limit.GetValueKind() != JsonValueKind.Null)
        {
            if (!IsInteger(limit)) errors.Add(FastApiError.Item("int_type", "Input should be a valid integer", "body", "target_concurrency_limit"));
            else if (limit.GetValue<long>() < 1) errors.Add(FastApiError.Item("greater_than_equal", "Input should be greater than or equal to 1", "body", "target_concurrency_limit"));
        }

        if (root["recipients"] is null)
        {
            errors.Add(FastApiError.Item("missing", "Field required", "body", "recipients"));
            return errors;
        }

        if (root["recipients"] is not JsonArray recipients)
        {
            errors.Add(FastApiError.Item("list_type", "Input should be a valid list", "body", "recipients"));
            return errors;
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            if (recipients[i] is not JsonObject recipient)
            {
                errors.Add(FastApiError.Item("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", "body", "recipients", i));
                continue;
            }

            var phone = Text(recipient["phone_number"]);
            if (phone is not null && !PhoneText.IsE164(phone))
            {
                errors.Add(FastApiError.Item("value_error", "Value error, phone_number must be in E.164 format", "body", "recipients", i, "phone_number"));
            }
            else if (phone is null && Text(recipient["whatsapp_user_id"]) is null)
            {
                errors.Add(FastApiError.Item("value_error", "Value error, a recipient needs a phone_number or a whatsapp_user_id", "body", "recipients", i));
            }

            if (recipient["conversation_initiation_client_data"]?["dynamic_variables"] is { } variables && variables is not JsonObject)
            {
                errors.Add(FastApiError.Item("dict_type", "Input should be a valid dictionary", "body", "recipients", i, "conversation_initiation_client_data", "dynamic_variables"));
            }
        }

        return errors;
    }

    /// <summary>A recipient's dynamic variables as text (strings as they are, other values as their JSON).</summary>
    public static Dictionary<string, string> Variables(JsonObject recipient)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (recipient["conversation_initiation_client_data"]?["dynamic_variables"] is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                if (value is null) continue;
                variables[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
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

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    private static bool IsInteger(JsonNode node)
        => node.GetValueKind() == JsonValueKind.Number && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
