using System.Globalization;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bolna;

/// <summary>What a Bolna create carried that the batch answers report (the rows it could not call, the caller numbers, the file name).</summary>
internal sealed record BolnaUpload(int TotalContacts, IReadOnlyList<string> FromPhoneNumbers, string FileName);

/// <summary>
/// Bolna's JSON (bolna.ai/docs <c>api-reference/batches/get_batch.md</c>, <c>…/batches/executions.md</c>): the <c>Batch</c>
/// schema and the <c>AgentExecution</c> object, written by hand.
/// </summary>
internal static class BolnaJson
{
    /// <summary>Current batch words: "Progression: created → scheduled → running → completed. stopped means manually halted"
    /// (get_batch.md), with <c>queued</c> between scheduled and running (changelog sep-2025).</summary>
    public static string BatchWord(BatchPhase phase) => phase switch
    {
        BatchPhase.Created => "created",
        BatchPhase.Scheduled => "scheduled",
        BatchPhase.Queued => "queued",
        BatchPhase.Running or BatchPhase.Paused => "running",
        BatchPhase.Completed => "completed",
        _ => "stopped",
    };

    /// <summary>Execution words (the OpenAPI's 15-value enum); a contact the batch never dialled because it was stopped is <c>stopped</c>.</summary>
    public static string CallWord(CallState state) => state switch
    {
        CallState.Pending => "queued",
        CallState.Ringing => "ringing",
        CallState.InProgress => "in-progress",
        CallState.Completed => "completed",
        CallState.NoAnswer => "no-answer",
        CallState.Busy => "busy",
        CallState.Failed => "failed",
        _ => "stopped",
    };

    /// <summary><c>2026-06-23T07:00:00+00:00</c>: the numeric-offset form Bolna asks for and echoes.</summary>
    public static string Offset(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static JsonObject Batch(BatchState batch, BolnaUpload upload, DateTimeOffset now)
    {
        var counts = new JsonObject();
        foreach (var group in batch.Calls.GroupBy(c => CallWord(c.StateAt(now))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            counts[group.Key] = group.Count();
        }

        return new JsonObject
        {
            ["batch_id"] = batch.Id,
            ["humanized_created_at"] = Humanize(now - batch.CreatedAt),
            ["created_at"] = Wire.IsoSeconds(batch.CreatedAt),
            ["updated_at"] = Wire.IsoSeconds(batch.UpdatedAt),
            ["status"] = BatchWord(batch.Phase),
            ["scheduled_at"] = batch.RequestedStartAt is { } at ? Offset(at) : null,
            ["from_phone_number"] = upload.FromPhoneNumbers.Count > 0 ? upload.FromPhoneNumbers[0] : null, // deprecated: "Use from_phone_numbers instead"
            ["from_phone_numbers"] = new JsonArray(upload.FromPhoneNumbers.Select(n => (JsonNode?)n).ToArray()),
            ["file_name"] = upload.FileName,
            ["valid_contacts"] = batch.Calls.Count,
            ["total_contacts"] = upload.TotalContacts,
            ["execution_status"] = counts,
        };
    }

    public static JsonObject Execution(BatchState batch, SimCall call, BolnaUpload upload, DateTimeOffset now)
    {
        var state = call.StateAt(now);
        var attempt = call.Latest;
        var ended = state is CallState.Completed or CallState.NoAnswer or CallState.Busy or CallState.Failed;
        var talk = state == CallState.Completed && attempt is not null ? Math.Round(attempt.TalkTime.TotalSeconds, 1) : 0d;
        var from = upload.FromPhoneNumbers.Count > 0 ? upload.FromPhoneNumbers[0] : BolnaSimulator.AgentNumber;
        var telephony = new JsonObject
        {
            ["duration"] = (long)Math.Round(talk), // the schema says a string (^\d+$); every published example is a number
            ["to_number"] = call.Contact.PhoneNumber,
            ["from_number"] = from,
            ["recording_url"] = state == CallState.Completed ? $"https://recordings.bolna.sim.invalid/call/{call.Id}" : null,
            ["call_type"] = "outbound",
            ["provider"] = "twilio",
            ["hangup_by"] = ended ? (state == CallState.Completed ? "Callee" : "Carrier") : null,
            ["hangup_reason"] = state switch
            {
                CallState.Completed => "Normal Hangup",
                CallState.NoAnswer => "Call unanswered",
                CallState.Busy => "Call recipient was busy",
                CallState.Failed => "Call failed",
                _ => null,
            },
            ["ring_duration"] = attempt is not null && now >= attempt.RingEndsAt ? (long)Math.Round((attempt.RingEndsAt - attempt.DialedAt).TotalSeconds) : null,
        };
        var changed = call.ChangedAt(now) ?? batch.CreatedAt;
        return new JsonObject
        {
            ["id"] = call.Id,
            ["agent_id"] = batch.Spec.AgentId,
            ["batch_id"] = batch.Id,
            ["conversation_duration"] = talk,
            ["total_cost"] = Math.Round(talk * 0.2, 2), // cents
            ["status"] = CallWord(state),
            ["error_message"] = state == CallState.Failed ? "The carrier could not place the call" : null,
            ["answered_by_voice_mail"] = false,
            ["transcript"] = state == CallState.Completed ? Transcript(call) : null,
            ["created_at"] = Wire.IsoSeconds(batch.CreatedAt),
            ["updated_at"] = Wire.IsoSeconds(changed),
            ["user_number"] = call.Contact.PhoneNumber,
            ["agent_number"] = from,
            ["telephony_data"] = telephony,
            ["context_details"] = new JsonObject { ["recipient_data"] = Wire.Object(call.Contact.Variables) },
            ["batch_run_details"] = new JsonObject
            {
                ["status"] = CallWord(state),
                ["created_at"] = Wire.IsoSeconds(batch.CreatedAt),
                ["updated_at"] = Wire.IsoSeconds(changed),
                ["retried"] = 0,
            },
        };
    }

    private static string Transcript(SimCall call)
    {
        var name = call.Contact.Variables.Values.FirstOrDefault(v => v.Length > 0) ?? "there";
        return $"assistant: Hi {name}! Is now a good time to talk?\nuser: Yes, go ahead.\nassistant: Great, I will be quick.";
    }

    private static string Humanize(TimeSpan age) => age.TotalMinutes switch
    {
        < 1 => "a few seconds ago",
        < 60 => $"{(int)age.TotalMinutes} minutes ago",
        < 1440 => $"{(int)age.TotalHours} hours ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
