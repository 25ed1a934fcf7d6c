using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Synthflow;

/// <summary>One recipient as the create sent it: its id (the caller's, else one Synthflow-style id made up here), its
/// lead fields and its <c>custom_variables</c> exactly as received.</summary>
internal sealed record SynthflowSentTask(string Id, string? LeadName, string? LeadEmail, JsonObject? CustomVariables);

/// <summary>What a create carried that the answers report besides the contacts: the recipients' own fields and the caller ID.</summary>
internal sealed record SynthflowExtras(IReadOnlyList<SynthflowSentTask> Tasks, string FromPhoneNumber);

/// <summary>
/// Synthflow's JSON, written by hand from its batch-calls pages (docs.synthflow.ai
/// <c>api-reference/platform-api/batch-calls/*.md</c>; the guide <c>batch-calling.md</c>): the <c>{status, response}</c>
/// envelope, the batch object (members in the guide's create-answer order, then the pause/cancel pages' order), the
/// recipient (task) object, pagination and the <c>{"detail": {status, description, request_id, category}}</c> error.
/// </summary>
internal static class SynthflowJson
{
    /// <summary>
    /// A batch's word (after the store moved it to now). Synthflow: "One of <c>scheduled</c>, <c>in_progress</c>, <c>paused</c>,
    /// <c>completed</c> or <c>canceled</c>", and "only scheduled batches can be paused" (pause "suspends dialing"). The
    /// simulator reads that as: <c>scheduled</c> while recipients are still waiting to be dialled (also while it dials
    /// them), <c>in_progress</c> once every recipient has been dialled and calls are still on the line.
    /// </summary>
    public static string BatchWord(BatchState batch) => batch.Phase switch
    {
        BatchPhase.Created or BatchPhase.Scheduled or BatchPhase.Queued => "scheduled",
        BatchPhase.Running => batch.Calls.Any(c => c.AwaitingDial && c.CancelledAt is null) ? "scheduled" : "in_progress",
        BatchPhase.Paused => "paused",
        BatchPhase.Completed => "completed",
        _ => "canceled",
    };

    /// <summary>
    /// A recipient's word (the recipients route's filter enum: <c>pending</c>, <c>claimed</c>, <c>dispatched</c>,
    /// <c>failed</c>, <c>canceled</c>). Placing a call takes the first quarter of its ring time: the recipient is
    /// <c>claimed</c> meanwhile, then <c>dispatched</c> ("Recipients whose call was placed") — answered, unanswered or
    /// busy alike — or <c>failed</c> ("could not be placed"). Recipients the cancel found undialled are <c>canceled</c>.
    /// </summary>
    public static string TaskWord(SimCall call, DateTimeOffset now, TimeSpan ring)
    {
        var state = call.StateAt(now);
        if (state == CallState.Pending) return "pending";
        if (state == CallState.Cancelled) return "canceled";
        var attempt = call.Latest!;
        if (now < attempt.DialedAt + ring / 4) return "claimed";
        return attempt.Outcome == CallOutcome.Failed ? "failed" : "dispatched";
    }

    /// <summary>The envelope every answer has.</summary>
    public static JsonObject Ok(JsonNode response) => new() { ["status"] = "ok", ["response"] = response };

    /// <summary>The batch object.</summary>
    public static JsonObject Batch(BatchState batch, SynthflowExtras extras, DateTimeOffset now, TimeSpan ring)
    {
        var words = batch.Calls.Select(c => TaskWord(c, now, ring)).ToList();
        return new JsonObject
        {
            ["batch_call_id"] = batch.Id,
            ["name"] = batch.Spec.Name,
            ["from_phone_number"] = extras.FromPhoneNumber,
            ["status"] = BatchWord(batch),
            ["total_task_count"] = batch.Calls.Count,
            ["dispatched_count"] = words.Count(w => w == "dispatched"),
            ["failed_count"] = words.Count(w => w == "failed"),
            ["pending_count"] = words.Count(w => w == "pending"),
            ["created_at"] = Wire.IsoSeconds(batch.CreatedAt),
            ["model_id"] = batch.Spec.AgentId,
        };
    }

    /// <summary>One recipient: the task as sent, its status, the reason of a pre-dial failure, and the id of the call it became.</summary>
    public static JsonObject Task(SimCall call, SynthflowSentTask sent, DateTimeOffset now, TimeSpan ring)
    {
        var word = TaskWord(call, now, ring);
        var task = new JsonObject
        {
            ["id"] = sent.Id,
            ["to_phone_number"] = call.Contact.PhoneNumber,
            ["lead_name"] = sent.LeadName,
            ["lead_email"] = sent.LeadEmail,
            ["custom_variables"] = sent.CustomVariables?.DeepClone() ?? new JsonObject(),
            ["status"] = word,
            ["error_message"] = word == "failed" ? "The call could not be placed: the carrier rejected the number" : null,
            ["call_id"] = word == "dispatched" ? call.Id : null,
        };
        return task;
    }

    /// <summary>A page: <c>{pagination: {total_records, limit, offset}, &lt;items&gt;: […]}</c>.</summary>
    public static JsonObject Page(string itemsName, IEnumerable<JsonObject> items, int total, int limit, int offset) => new()
    {
        ["pagination"] = new JsonObject { ["total_records"] = total, ["limit"] = limit, ["offset"] = offset },
        [itemsName] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray()),
    };

    /// <summary>The documented error body; the values of <c>status</c> and <c>category</c> are not published and are worded here.</summary>
    public static JsonObject Error(string description, string category, string requestId) => new()
    {
        ["detail"] = new JsonObject
        {
            ["status"] = "error",
            ["description"] = description,
            ["request_id"] = requestId,
            ["category"] = category,
        },
    };
}
