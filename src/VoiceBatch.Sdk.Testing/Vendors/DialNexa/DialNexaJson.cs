using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.DialNexa;

/// <summary>DialNexa's JSON, written by hand from its documents (never the SDK's DTOs).</summary>
internal static class DialNexaJson
{
    /// <summary>The caller number the simulated agent version has attached (the current API takes it from the agent).</summary>
    public const string AgentNumber = "+14155550100";

    public static string Title(BatchState batch) => batch.Spec.Name ?? string.Empty;

    public static string FromNumber(BatchState batch) => batch.Spec.Fields.TryGetValue("from_phone_number", out var n) && n.Length > 0 ? n : AgentNumber;

    /// <summary>The create answer — current OpenAPI 201 (<c>{id, title, total_records, status, from_number}</c>).</summary>
    public static JsonObject Created(BatchState batch) => new()
    {
        ["id"] = batch.Id,
        ["title"] = Title(batch),
        ["total_records"] = batch.Calls.Count,
        ["status"] = DialNexaWords.Initiated,
        ["from_number"] = FromNumber(batch),
    };

    /// <summary>One batch as a batch record — seed 000's schema (<c>{id, name, status, total_leads, completed, failed, agent_id, created_at}</c>),
    /// the only documented batch record, with today's status words.</summary>
    public static JsonObject Record(BatchState batch, DateTimeOffset now)
    {
        var counts = batch.Count(now);
        return new JsonObject
        {
            ["id"] = batch.Id,
            ["name"] = Title(batch),
            ["status"] = DialNexaWords.Batch(batch.Phase),
            ["total_leads"] = batch.Calls.Count,
            ["completed"] = counts[CallState.Completed],
            ["failed"] = counts[CallState.NoAnswer] + counts[CallState.Busy] + counts[CallState.Failed],
            ["agent_id"] = batch.Spec.AgentId,
            ["created_at"] = Wire.IsoMillis(batch.CreatedAt),
        };
    }

    /// <summary>One item of the current list (OA <c>GET /v1/batch-calls</c> 200 <c>items[]</c>).</summary>
    public static JsonObject ListItem(BatchState batch, DateTimeOffset now)
    {
        var counts = batch.Count(now);
        var sent = batch.Calls.Count(c => c.Latest is { } a && a.DialedAt <= now);
        var lastSent = batch.Calls.Select(c => c.Latest?.DialedAt).Where(t => t <= now).Max();
        return new JsonObject
        {
            ["id"] = batch.Id,
            ["title"] = Title(batch),
            ["status"] = DialNexaWords.Batch(batch.Phase),
            ["total_records"] = batch.Calls.Count,
            ["createdAt"] = Wire.IsoMillis(batch.CreatedAt),
            ["total_lead_count"] = batch.Calls.Count,
            ["sent_lead_count"] = sent,
            ["picked_up_lead_count"] = counts[CallState.Completed] + counts[CallState.InProgress],
            ["picked_up_calls"] = counts[CallState.Completed],
            ["last_call_sent_at"] = lastSent is { } t ? Wire.IsoMillis(t) : null,
            ["number_of_retries"] = 0,
            ["first_retry_count"] = 0,
            ["second_retry_count"] = 0,
            ["third_retry_count"] = 0,
            ["fourth_retry_count"] = 0,
            ["attempt_stages"] = new JsonArray(new JsonObject { ["depth"] = 0, ["attempted"] = sent, ["total"] = batch.Calls.Count }),
        };
    }

    /// <summary>One call log (OA <c>GET /v1/calls</c> item; <c>GET /v1/calls/{id}</c> adds transcript and summary).</summary>
    public static JsonObject CallLog(BatchState batch, SimCall call, DateTimeOffset now, bool detailed)
    {
        var state = call.StateAt(now);
        var attempt = call.Latest;
        var log = new JsonObject
        {
            ["id"] = call.Id,
            ["agent_id"] = batch.Spec.AgentId,
            ["to_number"] = call.Contact.PhoneNumber,
            ["from_number"] = FromNumber(batch),
            ["status"] = DialNexaWords.Call(state),
            ["call_direction"] = "outbound",
            ["createdAt"] = Wire.IsoMillis(batch.CreatedAt),
            ["duration"] = state == CallState.Completed && attempt is not null ? (long)Math.Round(attempt.TalkTime.TotalSeconds) : 0,
            ["end_reason"] = DialNexaWords.EndReason(state),
            ["recording_url"] = state == CallState.Completed ? $"https://recordings.dialnexa.sim.invalid/{call.Id}.mp3" : null,
            ["batch_id"] = batch.Id,
        };
        if (detailed)
        {
            log["transcript"] = state == CallState.Completed ? Transcript(call) : null;
            log["summary"] = state == CallState.Completed ? "The contact listened to the offer and asked for a follow-up." : null;
        }

        return log;
    }

    /// <summary>A short, plausible transcript that uses the contact's first variable, as an agent prompt would.</summary>
    public static string Transcript(SimCall call)
    {
        var name = call.Contact.Variables.Values.FirstOrDefault(v => v.Length > 0) ?? "there";
        return $"Agent: Hello {name}, I am calling about your enquiry. User: Yes, tell me more. Agent: I will send the details today.";
    }
}
