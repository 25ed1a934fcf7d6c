using System.Globalization;
using VoiceBatch.Contacts;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Synthflow;

/// <summary>
/// Synthflow ↔ canonical, every table in one place (VENDORS.md "Synthflow", corrected by Synthflow's batch-calls pages —
/// each row says why): batch status, recipient status, counters, the recipient fields, and the create body.
/// </summary>
internal static class SynthflowMapping
{
    /// <summary>"Between 1 and 10000 per request" (create page: <c>tasks</c>).</summary>
    public const int MaxTasksPerRequest = 10_000;

    /// <summary>The name format used when the request has none (UTC): <c>VoiceBatch 2026-03-14 09:30</c> — the name to
    /// look for in the list after an uncertain create.</summary>
    public const string DefaultNameFormat = "'VoiceBatch' yyyy-MM-dd HH:mm";

    /// <summary>Contact columns read as the recipient's <c>lead_name</c>, in order of preference (matched ignoring case,
    /// <c>_</c>, <c>-</c> and spaces). The column also stays a custom variable.</summary>
    public static readonly IReadOnlyList<string> NameColumns = ["leadname", "name", "fullname", "contactname", "customername", "firstname"];

    /// <summary>Contact columns read as the recipient's <c>lead_email</c>, in order of preference (matched as above).</summary>
    public static readonly IReadOnlyList<string> EmailColumns = ["leademail", "email", "emailaddress"];

    /// <summary>
    /// Batch status ("One of <c>scheduled</c>, <c>in_progress</c>, <c>paused</c>, <c>completed</c> or <c>canceled</c>").
    /// <c>scheduled</c> is NOT "waiting for a start time": pause "suspends dialing" and "only scheduled batches can be
    /// paused", so a <c>scheduled</c> batch may be dialling. It is Queued until a recipient has left the queue (dispatched,
    /// failed, or claimed: <c>total_task_count</c> above <c>pending_count</c>), then Running. Synthflow publishes no start
    /// time on the batch, so the SDK never reports Scheduled. <c>canceled</c> (a user's cancel) → Cancelled.
    /// </summary>
    public static BatchStatus MapBatchStatus(string? word, SynthflowBatch? counts) => StatusWord.Normalize(word) switch
    {
        "scheduled" => HasStarted(counts) ? BatchStatus.Running : BatchStatus.Queued,
        "inprogress" => BatchStatus.Running,
        "paused" => BatchStatus.Paused,
        "completed" => BatchStatus.Completed,
        "cancelled" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>
    /// Recipient (task) status, the route's five words. <c>claimed</c> (picked up for dialling) → Queued.
    /// <c>dispatched</c> ("Recipients whose call was placed") → Completed: it is a recipient's LAST status in Synthflow's
    /// batch API, which does not say how the call went (answered, voicemail, no answer — that is in Synthflow's call
    /// records, <c>GET /v2/calls/{call_id}</c>); the batch's work for that recipient is done. So for Synthflow, Completed
    /// means "the call was placed". <c>failed</c> ("could not be placed", reason in <c>error_message</c>) → Failed.
    /// <c>canceled</c> (not dialled because the batch was cancelled) → Cancelled.
    /// </summary>
    public static CallStatus MapTaskStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "pending" => CallStatus.Pending,
        "claimed" => CallStatus.Queued,
        "dispatched" => CallStatus.Completed,
        "failed" => CallStatus.Failed,
        "cancelled" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    /// <summary>
    /// The recipients filter for a canonical status, through <see cref="MapTaskStatus"/> backwards: Pending → <c>pending</c>,
    /// Queued → <c>claimed</c>, Completed → <c>dispatched</c>, Failed → <c>failed</c>, Cancelled → <c>canceled</c>. Null when
    /// no recipient can ever be in that status (Ringing, InProgress, NoAnswer, Busy, Unknown): nothing needs to be asked.
    /// </summary>
    public static string? TaskStatusFilter(CallStatus status) => status switch
    {
        CallStatus.Pending => "pending",
        CallStatus.Queued => "claimed",
        CallStatus.Completed => "dispatched",
        CallStatus.Failed => "failed",
        CallStatus.Cancelled => "canceled",
        _ => null,
    };

    /// <summary>A batch (create answer, get, action answers, list items). AgentId ← <c>model_id</c>. The batch object has no
    /// update or start time.</summary>
    public static BatchCall ToBatch(ProviderId provider, Wire<SynthflowBatch> wire, string? fallbackId = null)
    {
        var dto = wire.Value ?? new SynthflowBatch();
        return new BatchCall
        {
            Provider = provider,
            Id = dto.BatchCallId ?? fallbackId ?? string.Empty,
            Name = dto.Name,
            AgentId = dto.ModelId,
            Status = MapBatchStatus(dto.Status, dto),
            RawStatus = dto.Status,
            Progress = ToProgress(dto),
            CreatedAt = dto.CreatedAt,
            FromPhoneNumber = dto.FromPhoneNumber,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// The four counters through the recipient table into the shared tally: <c>pending_count</c> as Pending,
    /// <c>dispatched_count</c> as <see cref="MapTaskStatus"/>(<c>dispatched</c>) (Completed: placed),
    /// <c>failed_count</c> as Failed; Total = <c>total_task_count</c>. Recipients the four do not account for
    /// (<c>total − dispatched − failed − pending</c>) are claimed ones (Queued) — or, in a <c>canceled</c> batch, the ones
    /// "marked canceled" (Cancelled). A counter that overshoots never pushes another below 0.
    /// </summary>
    public static BatchProgress ToProgress(SynthflowBatch dto)
    {
        int dispatched = Math.Max(0, dto.DispatchedCount ?? 0), failed = Math.Max(0, dto.FailedCount ?? 0);
        var counts = new List<KeyValuePair<CallStatus, int>>
        {
            KeyValuePair.Create(MapTaskStatus("dispatched"), dispatched),
            KeyValuePair.Create(MapTaskStatus("failed"), failed),
        };
        if (dto.PendingCount is { } pending) counts.Add(KeyValuePair.Create(MapTaskStatus("pending"), pending));
        var cancelled = MapBatchStatus(dto.Status, dto) == BatchStatus.Cancelled;
        if (dto.TotalTaskCount is { } total && (dto.PendingCount is not null || cancelled))
        {
            var unaccounted = Math.Max(0, total - dispatched - failed - Math.Max(0, dto.PendingCount ?? 0));
            counts.Add(KeyValuePair.Create(MapTaskStatus(cancelled ? "canceled" : "claimed"), unaccounted));
        }

        return BatchProgress.FromCallCounts(counts, dto.TotalTaskCount);
    }

    /// <summary>One recipient. Id ← <c>id</c> (the SDK sends <c>row-N</c>, N the sheet row); PhoneNumber ←
    /// <c>to_phone_number</c> (E.164 when it parses); Name ← <c>lead_name</c>; Variables ← <c>custom_variables</c>;
    /// ConversationId ← <c>call_id</c> (Synthflow's call id, for its call records). <c>lead_email</c> and
    /// <c>error_message</c> have no canonical field: they stay in Raw. No duration, recording or transcript: those are
    /// on Synthflow's call records.</summary>
    public static CallRecord ToCall(Wire<SynthflowTask> wire)
    {
        if (wire.Value is not { } task) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = task.Id,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(task.ToPhoneNumber),
            Name = string.IsNullOrWhiteSpace(task.LeadName) ? null : task.LeadName,
            Status = MapTaskStatus(task.Status),
            RawStatus = task.Status,
            ConversationId = task.CallId,
            Variables = task.CustomVariables is { Count: > 0 } variables ? variables : CallRecord.EmptyVariables,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// The create body; throws before anything is sent for what Synthflow would refuse or could not honour:
    /// <list type="bullet">
    /// <item><c>from_phone_number</c> ← <see cref="CreateBatchRequest.FromPhoneNumber"/>, else <see cref="SynthflowOptions.FromPhoneNumber"/>;
    /// required for a new batch (guide) and sent as E.164.</item>
    /// <item><c>model_id</c> ← AgentId; <c>name</c> ← Name, else <see cref="DefaultName"/>.</item>
    /// <item>One task per contact, in sheet order: <c>id</c> = <c>row-N</c> (N its 1-based sheet row: deterministic, so a
    /// manual re-append after an uncertain create carries the same ids and is skipped by Synthflow), <c>to_phone_number</c>,
    /// <c>lead_name</c> and <c>lead_email</c> from the first matching column (<see cref="NameColumns"/>,
    /// <see cref="EmailColumns"/>), and every column as <c>custom_variables</c> (text values).</item>
    /// <item>ScheduledAt and MaxRetries above 0 are refused: the stored create page ends before any start-time or retry
    /// field, so neither can be sent as Synthflow names it — and a batch meant for later must not start now.</item>
    /// </list>
    /// MaxConcurrentCalls has no published field either ("dialed over time as your account's concurrency allows"): the
    /// adapter logs it as not sent. RetryInterval without retries has no effect and is not sent.
    /// </summary>
    public static SynthflowCreate Create(ProviderId provider, CreateBatchRequest request, string? defaultFrom, DateTimeOffset now)
    {
        if (request.ScheduledAt is not null)
        {
            throw new ArgumentException(
                "Synthflow's batch API publishes no start-time field the SDK can send, so CreateBatchRequest.ScheduledAt cannot be honoured "
                + "(the batch would start at once). Leave ScheduledAt unset and create the batch when it should start. Nothing was sent.",
                nameof(request));
        }

        if (request.MaxRetries is > 0)
        {
            throw new ArgumentException(
                "Synthflow's batch API publishes no retry settings, so CreateBatchRequest.MaxRetries cannot be honoured: leave it unset. Nothing was sent.",
                nameof(request));
        }

        var contacts = request.Contacts.Contacts;
        if (contacts.Count > MaxTasksPerRequest)
        {
            throw new ContactValidationException(
                $"Synthflow takes at most {MaxTasksPerRequest} recipients per batch request; this batch has {contacts.Count}. Split it. Nothing was sent.", [], provider);
        }

        var from = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? defaultFrom : request.FromPhoneNumber;
        if (string.IsNullOrWhiteSpace(from))
        {
            throw new ArgumentException(
                "Synthflow needs a caller ID for every new batch: set CreateBatchRequest.FromPhoneNumber or SynthflowOptions.FromPhoneNumber "
                + "(VoiceBatch:Synthflow:FromPhoneNumber) to one of your Synthflow numbers. Nothing was sent.",
                nameof(request));
        }

        if (!from.Trim().StartsWith('+') || !PhoneNumberNormalizer.TryNormalize(from, null, out var e164))
        {
            throw new ArgumentException("Synthflow's caller ID (from_phone_number) must be a number in E.164 (a '+', the country code and the number, no spaces). Nothing was sent.", nameof(request));
        }

        return new SynthflowCreate
        {
            Name = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(now) : request.Name.Trim(),
            ModelId = request.AgentId.Trim(),
            FromPhoneNumber = e164,
            Tasks = contacts.Select(Task).ToList(),
        };
    }

    /// <summary>The name given to an unnamed batch.</summary>
    public static string DefaultName(DateTimeOffset now) => now.UtcDateTime.ToString(DefaultNameFormat, CultureInfo.InvariantCulture);

    /// <summary>The task id of the contact on sheet row <paramref name="row"/>.</summary>
    public static string TaskId(int row) => "row-" + row.ToString(CultureInfo.InvariantCulture);

    private static SynthflowCreateTask Task(Contact contact) => new()
    {
        Id = TaskId(contact.Row),
        ToPhoneNumber = contact.PhoneNumber,
        LeadName = FirstColumn(contact.Variables, NameColumns),
        LeadEmail = FirstColumn(contact.Variables, EmailColumns),
        CustomVariables = contact.Variables.Count == 0 ? null : new Dictionary<string, string>(contact.Variables, StringComparer.Ordinal),
    };

    private static string? FirstColumn(IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> names)
    {
        foreach (var wanted in names)
        {
            foreach (var (column, value) in variables)
            {
                if (!string.IsNullOrWhiteSpace(value) && ColumnKey(column) == wanted) return value.Trim();
            }
        }

        return null;
    }

    /// <summary>A column name compared loosely: lower case, without <c>_</c>, <c>-</c> and spaces.</summary>
    private static string ColumnKey(string column)
        => string.Concat(column.Where(c => c is not ('_' or '-') && !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>True once a recipient has left the queue (placed, failed or claimed).</summary>
    private static bool HasStarted(SynthflowBatch? counts)
        => counts is not null
           && ((counts.DispatchedCount ?? 0) + (counts.FailedCount ?? 0) > 0
               || (counts.TotalTaskCount is { } total && counts.PendingCount is { } pending && total > pending));
}
