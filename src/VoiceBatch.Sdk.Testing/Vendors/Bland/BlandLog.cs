using System.Globalization;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bland;

/// <summary>One event of a batch's log: <c>lifecycle</c> (a state change) or <c>complete</c> (the final counters).</summary>
internal sealed record BlandEvent(DateTimeOffset At, int Order, string Type, string? Word, JsonObject Payload);

/// <summary>
/// A batch's log as <c>GET /v2/batches/{id}/logs</c> answers it (docs.bland.ai api-v1/get/batches-id-logs), derived from the
/// batch's state at a moment plus the changes users made. The words are the cookbook's lifecycle words; the messages follow
/// the published one ("Requested: 1. Validated: 1. Dispatched: 1. CPS: 1.12."). A batch is <c>validating</c> for half the
/// queue delay, then <c>waiting_for_scheduled_calls</c> (its calls start later) or <c>dispatching</c>, <c>in_progress</c> when
/// the first call is dialled, and ends with a <c>complete</c> event (as the published log does, with no <c>completed</c>
/// lifecycle event). A stop logs <c>stopped</c>, a pause <c>paused</c>, a resume <c>in_progress</c> — Bland publishes no words
/// for these three. A batch that fails validation logs <c>failed</c> with the reason.
/// </summary>
internal static class BlandLog
{
    public static List<BlandEvent> Events(BatchState batch, BlandBatchExtras extras, SimulatorOptions options, DateTimeOffset now)
    {
        var requested = extras.CallObjects.Count;
        var valid = batch.Calls.Count;
        var counts = $"Requested: {requested}. Validated: {valid}.";
        var validated = batch.CreatedAt + options.QueueDelay / 2;
        var events = new List<BlandEvent> { Lifecycle(batch.CreatedAt, 1, "validating", $"Requested: {requested}.") };
        if (extras.ValidationError is { } reason)
        {
            events.Add(Lifecycle(validated, 2, "failed", $"{counts} Validation failed: {reason}."));
            return Upto(events, now);
        }

        if (batch.StartAt is { } start && start > validated)
        {
            events.Add(Lifecycle(validated, 2, "waiting_for_scheduled_calls", $"{counts} Dispatched: 0."));
        }

        if (batch.StartAt is { } begin && (batch.StartedAt is not null || batch.Phase == BatchPhase.Queued))
        {
            events.Add(Lifecycle(begin > validated ? begin : validated, 3, "dispatching", $"{counts} Dispatched: 0."));
        }

        if (batch.StartedAt is { } started)
        {
            events.Add(Lifecycle(started, 4, "in_progress", $"{counts} Dispatched: {valid}. CPS: {Cps(batch):0.00}."));
        }

        events.AddRange(extras.Actions.Select((a, i) => Lifecycle(a.At, 100 + i, a.Word, a.Message)));
        if (CompletedAt(batch) is { } done && done <= now)
        {
            var outcomes = batch.Count(now);
            events.Add(new BlandEvent(done, 1000, "complete", null, new JsonObject
            {
                ["calls_total"] = requested,
                ["calls_failed"] = outcomes[CallState.NoAnswer] + outcomes[CallState.Busy] + outcomes[CallState.Failed] + extras.Rejected.Count,
                ["calls_successful"] = outcomes[CallState.Completed],
            }));
        }

        return Upto(events, now);
    }

    /// <summary>The log entries as sent, newest first (or oldest first), one page of them.</summary>
    public static JsonArray Page(BatchState batch, IEnumerable<BlandEvent> events, bool ascending, int skip, int take)
    {
        var ordered = ascending ? events.OrderBy(e => e.At).ThenBy(e => e.Order) : events.OrderByDescending(e => e.At).ThenByDescending(e => e.Order);
        return new JsonArray(ordered.Skip(skip).Take(take).Select(e => (JsonNode?)new JsonObject
        {
            ["id"] = EventId(batch.Id, e.Order),
            ["batch_id"] = batch.Id,
            ["org_id"] = BlandJson.OrgId,
            ["event_type"] = e.Type,
            ["timestamp"] = Wire.IsoMillis(e.At),
            ["payload"] = e.Payload.DeepClone(),
        }).ToArray());
    }

    /// <summary>The batch's word now: the newest state change, or, once complete, <c>completed</c> / <c>completed_partial</c>
    /// ("The batch finished but some calls failed"); a stopped batch stays <c>stopped</c>.</summary>
    public static string Word(BatchState batch, BlandBatchExtras extras, SimulatorOptions options, DateTimeOffset now)
    {
        var events = Events(batch, extras, options, now);
        var last = events.Where(e => e.Word is not null).OrderBy(e => e.At).ThenBy(e => e.Order).LastOrDefault()?.Word ?? "validating";
        if (batch.Phase != BatchPhase.Completed || !events.Any(e => e.Type == "complete")) return last;
        var complete = events.Single(e => e.Type == "complete").Payload;
        return (int)complete["calls_failed"]! > 0 ? "completed_partial" : "completed";
    }

    /// <summary>When the batch's counters are final: its last call ended (after a stop, the calls already on the line finish).</summary>
    private static DateTimeOffset? CompletedAt(BatchState batch)
    {
        if (batch.FinishedAt is not { } finished || batch.Phase is not (BatchPhase.Completed or BatchPhase.Cancelled)) return null;
        var lastEnd = batch.Calls.Select(c => c.Latest?.EndsAt).Where(e => e is not null).Max();
        return lastEnd > finished ? lastEnd : finished;
    }

    private static double Cps(BatchState batch) => Math.Max(0.01, Math.Min(batch.Concurrency, batch.Calls.Count) / 2.0);

    private static BlandEvent Lifecycle(DateTimeOffset at, int order, string word, string message)
        => new(at, order, "lifecycle", word, new JsonObject { ["message"] = message, ["state_change"] = word });

    private static List<BlandEvent> Upto(List<BlandEvent> events, DateTimeOffset now) => events.Where(e => e.At <= now).ToList();

    /// <summary>A stable UUID-shaped id per event (the same event reads with the same id on every request).</summary>
    private static string EventId(string batchId, int order)
        => string.Create(CultureInfo.InvariantCulture, $"{batchId[..Math.Min(24, batchId.Length)]}{order:x12}");
}
