using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bland;

/// <summary>
/// Bland ↔ canonical, every table in one place: the batch lifecycle words (cookbook "Batch Lifecycle Statuses", the logs'
/// <c>state_change</c>), the call words (<c>queue_status</c>, <c>completed</c>, <c>answered_by</c>), the counters read from
/// the logs, the field aliases, the create body and the <c>{data, errors}</c> error envelope. The log summary it reads is
/// <see cref="BlandLogSummary"/>.
/// </summary>
internal static partial class BlandMapping
{
    /// <summary>The <c>description</c> Bland gives a batch created without one (api-v1/get/batches-id example).</summary>
    public const string UntitledBatch = "Untitled Batch";

    /// <summary>The <c>global.metadata</c> key the SDK keeps the batch's name under (Bland's create has no name field; its
    /// <c>base_prompt</c> echoes <c>global</c>, so the name reads back from every get and list item).</summary>
    public const string NameMetadataKey = "voicebatch_batch_name";

    /// <summary>Bland's own default country for numbers written without a code (Send Call: "Country code defaults to +1 (US)").</summary>
    public const string DefaultRegion = "US";

    /// <summary>
    /// Batch lifecycle words (Bland-com/bland-ai-cookbooks @ 62d2620, <c>09-batch-campaigns/README.md</c> "Batch Lifecycle
    /// Statuses"; <c>python/monitor_batch.py</c> <c>TERMINAL_STATUSES</c>), plus the logs' own <c>complete</c> event type.
    /// <c>validating</c> → Queued (accepted, nothing dialled). <c>waiting_for_scheduled_calls</c> → Running (the immediate
    /// calls are out; the rest wait for their <c>start_time</c>; <see cref="Decide"/> makes it Scheduled when nothing has been
    /// dispatched yet). <c>completed_partial</c> ("finished but some calls failed") → Completed: the batch did not fail, its
    /// failures are in the counters. <c>stopped</c>/<c>cancelled</c> and <c>paused</c> are not in the cookbook's table (Bland
    /// publishes no word for a stopped or paused batch); they are read as the words those actions would plausibly leave.
    /// </summary>
    public static BatchStatus MapBatchStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "validating" => BatchStatus.Queued,
        "dispatching" or "inprogress" or "inprogresschunked" or "waitingforscheduledcalls" => BatchStatus.Running,
        "completed" or "completedpartial" or "complete" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "stopped" or "cancelled" => BatchStatus.Cancelled,
        "paused" => BatchStatus.Paused,
        _ => BatchStatus.Unknown,
    };

    /// <summary>
    /// A call's <c>queue_status</c> (stages <c>new</c>, <c>queued</c>, <c>allocated</c>, <c>started</c>, <c>complete</c>; errors
    /// <c>pre_queue_error</c>, <c>queue_error</c>, <c>call_error</c>, <c>complete_error</c> — <c>CINTELLILABS/bland-ai-typescript</c>
    /// @ 88c52f0 <c>CallDetailsResponse.ts</c>, generated from Bland's API definition; the docs' examples also write
    /// <c>completed</c>). <c>allocated</c> ("extremely brief, the call is being dispatched") → Ringing; <c>complete_error</c>
    /// ("an error occurred after the call was completed, e.g. a post-call webhook failed") → Completed: the conversation
    /// happened. Bland publishes no busy word; <c>busy</c>, <c>no-answer</c>, <c>failed</c> (seen in third-party types) are
    /// read as the shared table reads them.
    /// </summary>
    public static CallStatus MapCallWord(string? word) => StatusWord.Normalize(word) switch
    {
        "new" => CallStatus.Pending,
        "queued" => CallStatus.Queued,
        "allocated" or "ringing" => CallStatus.Ringing,
        "started" or "inprogress" => CallStatus.InProgress,
        "complete" or "completed" or "completeerror" => CallStatus.Completed,
        "prequeueerror" or "queueerror" or "callerror" or "failed" or "error" => CallStatus.Failed,
        "busy" => CallStatus.Busy,
        "noanswer" or "voicemail" => CallStatus.NoAnswer,
        "cancelled" or "stopped" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    /// <summary>
    /// A call's canonical status: <c>queue_status</c> (else <c>status</c>) through <see cref="MapCallWord"/>; a call still in a
    /// stage whose <c>completed</c> is true is Completed ("If it differs from the value of queue_status, this will be the most
    /// up-to-date status"); a completed call that <c>answered_by</c> <c>voicemail</c> or <c>no-answer</c> reached nobody → NoAnswer.
    /// </summary>
    public static CallStatus MapCallStatus(BlandCall call)
    {
        var status = MapCallWord(call.QueueStatus ?? call.Status);
        if (call.Completed is true && status is CallStatus.Pending or CallStatus.Queued or CallStatus.Ringing or CallStatus.InProgress or CallStatus.Unknown)
        {
            status = CallStatus.Completed;
        }

        return status == CallStatus.Completed && StatusWord.Normalize(call.AnsweredBy) is "voicemail" or "noanswer" ? CallStatus.NoAnswer : status;
    }

    /// <summary>
    /// The batch's status from its logs (newest first): the newest <c>lifecycle</c> event's <c>state_change</c>, unless a
    /// <c>complete</c> event is newer — then the batch has ended: Completed (RawStatus <c>complete</c>, the event's own word;
    /// Bland's logs example ends that way, with no <c>completed</c> lifecycle event), or still Cancelled/Failed when the newest
    /// lifecycle word said so (a stopped batch reports its final counters too). <c>waiting_for_scheduled_calls</c> with nothing
    /// dispatched is Scheduled. No log events yet (Bland "validates the batch first"): Queued, or Scheduled when the call
    /// objects' <c>start_time</c> is ahead; RawStatus null.
    /// </summary>
    public static (BatchStatus Status, string? RawStatus) Decide(BlandLogSummary logs, DateTimeOffset? scheduledAt, DateTimeOffset now)
    {
        var word = logs.Lifecycle?.Payload?.StateChange;
        if (logs.Complete is { } complete && (logs.Lifecycle is null || logs.IsNewer(complete, logs.Lifecycle)))
        {
            var kept = MapBatchStatus(word);
            return kept is BatchStatus.Cancelled or BatchStatus.Failed ? (kept, word) : (BatchStatus.Completed, complete.EventType);
        }

        if (word is not null)
        {
            var status = MapBatchStatus(word);
            return StatusWord.Normalize(word) == "waitingforscheduledcalls" && (logs.Counts?.Dispatched ?? 0) == 0 ? (BatchStatus.Scheduled, word) : (status, word);
        }

        return (scheduledAt > now ? BatchStatus.Scheduled : BatchStatus.Queued, null);
    }

    /// <summary>
    /// Whole-batch counters from the logs. The <c>complete</c> event is exact: Total = <c>calls_total</c>, Completed =
    /// <c>calls_successful</c>, Failed = <c>calls_failed</c> (Bland does not define "successful": per-call outcomes, unanswered
    /// calls included, come from <c>GetCallsAsync</c>); what neither counts is Cancelled in a stopped batch. Before it, the
    /// newest lifecycle message (<c>"Requested: N. Validated: N. Dispatched: N."</c>) gives Total = Validated (else Requested)
    /// and InProgress = Dispatched — placed, outcome not yet reported; in a stopped batch the undispatched rest is Cancelled, in
    /// a failed one Failed, and a batch that reads completed without its counters is all Finished. Nothing logged: unknown.
    /// </summary>
    public static BatchProgress ToProgress(BlandLogSummary logs, BatchStatus status)
    {
        if (logs.Complete?.Payload is { } done)
        {
            var total = done.CallsTotal;
            var successful = done.CallsSuccessful ?? 0;
            var failed = done.CallsFailed ?? 0;
            var rest = Math.Max(0, (total ?? 0) - successful - failed);
            return status == BatchStatus.Cancelled
                ? BatchProgress.FromCounts(total, completed: successful, failed: failed, cancelled: rest)
                : BatchProgress.FromCounts(total, completed: successful, failed: failed);
        }

        if (logs.Counts is not { } counts) return BatchProgress.Empty;
        var planned = counts.Validated ?? counts.Requested;
        var dispatched = Math.Min(counts.Dispatched ?? 0, planned ?? int.MaxValue);
        var undispatched = Math.Max(0, (planned ?? 0) - dispatched);
        return status switch
        {
            BatchStatus.Cancelled => BatchProgress.FromCounts(planned, inProgress: dispatched, cancelled: undispatched),
            BatchStatus.Failed => BatchProgress.FromCounts(planned, inProgress: dispatched, failed: undispatched),
            BatchStatus.Completed => BatchProgress.FromCounts(planned, finished: planned),
            _ => BatchProgress.FromCounts(planned, inProgress: dispatched),
        };
    }

    /// <summary>The numbers of a lifecycle message (<c>"Requested: 1. Validated: 1. Dispatched: 1. CPS: 1.12."</c>); null when
    /// it names none of them.</summary>
    public static BlandCounts? ParseCounts(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        int? requested = null, validated = null, dispatched = null;
        foreach (Match m in CountPattern().Matches(message))
        {
            if (!int.TryParse(m.Groups["value"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) continue;
            switch (m.Groups["name"].Value.ToUpperInvariant())
            {
                case "REQUESTED": requested = n; break;
                case "VALIDATED": validated = n; break;
                case "DISPATCHED": dispatched = n; break;
            }
        }

        return requested is null && validated is null && dispatched is null ? null : new BlandCounts(requested, validated, dispatched);
    }

    /// <summary>
    /// A batch (get, list item) with its logs. Id ← <c>id</c> | <c>batch_id</c>. Name ← <c>description</c>, unless it is Bland's
    /// default <c>"Untitled Batch"</c> and the SDK's own name is in <c>base_prompt</c>'s <c>metadata</c>. AgentId ←
    /// <c>base_prompt</c>'s <c>pathway_id</c> | <c>persona_id</c> (a prompt is not an id); FromPhoneNumber ← its <c>from</c>.
    /// ScheduledAt ← the earliest <c>start_time</c> in the <c>call_objects</c> preview (a preview: approximate for a batch whose
    /// calls start at different times). UpdatedAt ← the newest log event read. The preview is not <see cref="BatchCall.Calls"/>
    /// (it has no outcomes): read calls with <c>GetCallsAsync</c>. Raw ← <c>{"batch": data, "logs": [events read, newest first]}</c>.
    /// </summary>
    public static BatchCall ToBatch(ProviderId provider, Wire<BlandBatch> wire, BlandLogSummary? logs, DateTimeOffset now, string? fallbackId = null)
    {
        var dto = wire.Value ?? new BlandBatch();
        var global = ReadGlobal(dto.BasePrompt);
        var scheduledAt = (dto.CallObjects ?? []).Select(c => LenientJson.ParseTime(c.StartTime)).Where(t => t is not null).Min();
        var (status, rawStatus) = logs is null ? (BatchStatus.Unknown, null) : Decide(logs, scheduledAt, now);
        var name = dto.Description is { Length: > 0 } d && d != UntitledBatch ? d
            : global?.Metadata is { } m && m.TryGetValue(NameMetadataKey, out var ours) && ours.Length > 0 ? ours
            : dto.Description;
        return new BatchCall
        {
            Provider = provider,
            Id = dto.Id ?? dto.BatchId ?? fallbackId ?? string.Empty,
            Name = name,
            AgentId = global?.PathwayId ?? global?.PersonaId,
            Status = status,
            RawStatus = rawStatus,
            Progress = logs is null ? BatchProgress.Empty : ToProgress(logs, status),
            CreatedAt = dto.CreatedAt,
            UpdatedAt = logs?.Newest,
            ScheduledAt = scheduledAt,
            FromPhoneNumber = global?.From,
            Raw = Compose(wire.Raw, logs?.Entries ?? []),
        };
    }

    /// <summary>
    /// One call. Id ← <c>call_id</c>; PhoneNumber ← <c>to</c> (E.164 when it parses, with Bland's own US default for numbers
    /// sent without a country code, else as sent); Duration ← <c>call_length</c> (MINUTES) | <c>corrected_duration</c>
    /// (seconds); Transcript ← <c>concatenated_transcript</c> (call details only; the list has none); Variables ←
    /// <c>request_data</c>. <c>error_message</c>, <c>answered_by</c>, <c>from</c> and the rest stay in Raw.
    /// </summary>
    public static CallRecord ToCall(Wire<BlandCall> wire)
    {
        if (wire.Value is not { } c) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = c.CallId,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(c.To, DefaultRegion),
            Status = MapCallStatus(c),
            RawStatus = c.QueueStatus ?? c.Status,
            Duration = LenientJson.Duration(c.CallLength, 60) ?? c.CorrectedDuration,
            RecordingUrl = c.RecordingUrl,
            Transcript = c.ConcatenatedTranscript,
            Variables = c.RequestData is { Count: > 0 } data ? data : CallRecord.EmptyVariables,
            CreatedAt = c.CreatedAt,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// The create body (api-v1/post/batches; cookbook "Create Batch"), checked before anything is sent. <c>global</c> carries
    /// the agent as <see cref="BlandOptions.AgentIdKind"/> says — <c>pathway_id</c> (default), <c>persona_id</c> or <c>task</c>, one
    /// of them only (Send Call: the task is "not to be specified if using a pathway") — the caller number as <c>from</c>, and the
    /// batch's Name in <c>metadata.voicebatch_batch_name</c> (Bland's create has no name field). Each contact is one call object:
    /// <c>phone_number</c> (E.164), its other columns as <c>request_data</c> (the prompt reads them as <c>{{column}}</c>), and,
    /// with ScheduledAt, <c>start_time</c> — Bland schedules per call, there is no batch-level start. Bland takes no concurrency
    /// or retry settings for a batch: MaxRetries above 0 is refused (nothing is sent); MaxConcurrentCalls is not sent (the
    /// adapter logs a Warning).
    /// </summary>
    public static BlandCreate Create(CreateBatchRequest request, BlandOptions options)
    {
        if (request.MaxRetries is > 0)
        {
            throw new ArgumentException(
                "Bland's batch create takes no retry settings: leave CreateBatchRequest.MaxRetries unset (or 0). Nothing was sent.", nameof(request));
        }

        var agent = request.AgentId.Trim();
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var global = new BlandGlobal
        {
            PathwayId = options.AgentIdKind == BlandAgentKind.Pathway ? agent : null,
            PersonaId = options.AgentIdKind == BlandAgentKind.Persona ? agent : null,
            Task = options.AgentIdKind == BlandAgentKind.Task ? agent : null,
            From = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim(),
            Metadata = name is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [NameMetadataKey] = name },
        };
        var start = request.ScheduledAt is { } at ? StartTime(at) : null;
        return new BlandCreate
        {
            CallObjects = request.Contacts.Contacts.Select(c => new BlandCallObject
            {
                PhoneNumber = c.PhoneNumber,
                RequestData = c.Variables.Count == 0 ? null : new Dictionary<string, string>(c.Variables, StringComparer.Ordinal),
                StartTime = start,
            }).ToList(),
            Global = global,
            StatusWebhook = options.StatusWebhook?.AbsoluteUri,
        };
    }

    /// <summary>A call object's <c>start_time</c>: ISO-8601 in UTC with a numeric offset, rounded up to the second
    /// (<c>2026-03-15T14:00:00+00:00</c>, the cookbook's form).</summary>
    public static string StartTime(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var extra = utc.UtcTicks % TimeSpan.TicksPerSecond;
        if (extra != 0) utc = utc.AddTicks(TimeSpan.TicksPerSecond - extra);
        return utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
    }

    /// <summary><c>base_prompt</c> (the batch's <c>global</c> as a JSON string) read back; null when absent or not a JSON object.</summary>
    public static BlandGlobal? ReadGlobal(string? basePrompt)
    {
        if (string.IsNullOrWhiteSpace(basePrompt) || !basePrompt.TrimStart().StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize(basePrompt, BlandJsonContext.Default.BlandGlobal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>{"batch": …, "logs": […]}</c>: the two answers a Bland batch is read from, each as sent.</summary>
    private static JsonElement Compose(JsonElement batch, IReadOnlyList<JsonElement> logs)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("batch");
            if (batch.ValueKind == JsonValueKind.Undefined) json.WriteNullValue();
            else batch.WriteTo(json);
            json.WriteStartArray("logs");
            foreach (var entry in logs) entry.WriteTo(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    [GeneratedRegex(@"(?<name>[A-Za-z]+)\s*:\s*(?<value>\d+)(?!\d|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();
}

/// <summary>The numbers a lifecycle message names (<c>Requested</c>, <c>Validated</c>, <c>Dispatched</c>).</summary>
internal readonly record struct BlandCounts(int? Requested, int? Validated, int? Dispatched);
