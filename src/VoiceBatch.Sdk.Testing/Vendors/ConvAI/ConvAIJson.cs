using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.ConvAI;

/// <summary>What a submit carried that the answers echo: each recipient's own JSON (client data, WhatsApp id) and the
/// batch-level fields that are not simulated but are reported back.</summary>
internal sealed record ConvAIExtras(IReadOnlyList<JsonObject> Recipients, JsonObject Echo, string? PhoneNumberId);

/// <summary>
/// The batch-calling JSON: <c>BatchCallResponse</c> (submit, list items, cancel, retry) and
/// <c>BatchCallDetailedResponse</c> (get: the same plus <c>recipients</c>), fields in seed 001's order.
/// </summary>
internal static class ConvAIJson
{
    public static JsonObject Batch(BatchState batch, ConvAIExtras extras, DateTimeOffset now, bool withRecipients)
    {
        var counts = batch.Count(now);
        var body = new JsonObject
        {
            ["id"] = batch.Id,
            ["name"] = batch.Spec.Name,
            ["agent_id"] = batch.Spec.AgentId,
            ["created_at_unix"] = Wire.Unix(batch.CreatedAt),
            ["scheduled_time_unix"] = Wire.Unix(batch.RequestedStartAt ?? batch.CreatedAt),
            ["last_updated_at_unix"] = Wire.Unix(batch.UpdatedAt),
            ["status"] = ConvAIWords.Batch(batch.Phase),
            ["agent_name"] = "Simulated agent " + batch.Spec.AgentId,
        };
        if (withRecipients)
        {
            body["recipients"] = new JsonArray(batch.Calls.Select(c => (JsonNode?)Recipient(batch, c, extras.Recipients[c.Index], now)).ToArray());
        }

        body["phone_number_id"] = extras.PhoneNumberId;
        body["phone_provider"] = extras.PhoneNumberId is null ? null : "twilio";
        body["total_calls_dispatched"] = batch.Calls.Count(c => c.Latest is { } a && a.DialedAt <= now && !c.AwaitingDial);
        body["total_calls_scheduled"] = batch.Calls.Count;
        body["total_calls_finished"] = counts[CallState.Completed] + counts[CallState.NoAnswer] + counts[CallState.Busy] + counts[CallState.Failed];
        body["retry_count"] = batch.RetryCount;
        foreach (var (key, value) in extras.Echo) body[key] = value?.DeepClone();
        return body;
    }

    private static JsonObject Recipient(BatchState batch, SimCall call, JsonObject sent, DateTimeOffset now)
    {
        var recipient = new JsonObject
        {
            ["id"] = call.Id,
            ["status"] = ConvAIWords.Recipient(call, now),
            ["created_at_unix"] = Wire.Unix(batch.CreatedAt),
            ["updated_at_unix"] = Wire.Unix(call.ChangedAt(now) ?? batch.CreatedAt),
        };
        if (call.Contact.PhoneNumber.Length > 0) recipient["phone_number"] = call.Contact.PhoneNumber;
        if (sent["whatsapp_user_id"] is { } wa) recipient["whatsapp_user_id"] = wa.DeepClone();
        if (call.Latest is { } a && a.Outcome == CallOutcome.Answered && now >= a.RingEndsAt)
        {
            recipient["conversation_id"] = "conv_" + call.Id[(call.Id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        }

        if (sent["conversation_initiation_client_data"] is { } data) recipient["conversation_initiation_client_data"] = data.DeepClone();
        return recipient;
    }
}
