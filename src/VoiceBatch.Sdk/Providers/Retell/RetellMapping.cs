using System.Globalization;
using VoiceBatch.Contacts;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Retell;

/// <summary>
/// Retell ↔ canonical, every table in one place (VENDORS.md "Retell", corrected by the research notes and Retell's SDKs):
/// the call status refined by the disconnection reason, a call's fields, the create body and the create answer.
/// </summary>
internal static class RetellMapping
{
    /// <summary>The name format used when the request has none (UTC): <c>VoiceBatch 2026-03-14 09:30</c> — the name to look
    /// for in Retell's dashboard after an uncertain create.</summary>
    public const string DefaultNameFormat = "'VoiceBatch' yyyy-MM-dd HH:mm";

    /// <summary>
    /// A call's status: <c>call_status</c> (<c>ItemV3PhoneCallResponse.call_status</c>), refined by
    /// <c>disconnection_reason</c> once the call is over — Retell says how a call ended only through the reason.
    /// <list type="bullet">
    /// <item><c>registered</c> ("Call id issued, starting to make a call using this id") → Ringing: the call is being placed
    /// and holds a line (the notes suggested Queued; but a batch task that waits has no call at all — it is simply not listed —
    /// so every listed <c>registered</c> call is already dialling, like the shared table's <c>initiated</c>/<c>dialing</c>).</item>
    /// <item><c>ongoing</c> ("Call connected and ongoing") → InProgress.</item>
    /// <item><c>ended</c> or <c>not_connected</c>: by reason (<see cref="Outcome"/>).</item>
    /// <item><c>error</c> ("Call encountered error") → Failed, whatever the reason.</item>
    /// <item>anything else → Unknown (RawStatus keeps the word).</item>
    /// </list>
    /// </summary>
    public static CallStatus MapCallStatus(string? callStatus, string? disconnectionReason) => StatusWord.Normalize(callStatus) switch
    {
        "registered" => CallStatus.Ringing,
        "ongoing" => CallStatus.InProgress,
        "ended" => Outcome(disconnectionReason, connected: true),
        "notconnected" => Outcome(disconnectionReason, connected: false),
        "error" => CallStatus.Failed,
        _ => CallStatus.Unknown,
    };

    /// <summary>
    /// How a finished call ended, from <c>disconnection_reason</c> (the SDKs' 34-word enum):
    /// <c>dial_no_answer</c>, <c>user_declined</c>, <c>voicemail_reached</c>, <c>ivr_reached</c> → NoAnswer (nobody was reached:
    /// the shared table counts voicemail as unanswered, and an IVR is no person either) · <c>dial_busy</c> → Busy ·
    /// <c>manual_stopped</c> → Cancelled (someone stopped the call) · the dialling, telephony, payment, concurrency, spam and
    /// <c>error_*</c> reasons, and <c>registered_call_timeout</c> → Failed · every other reason (<c>user_hangup</c>,
    /// <c>agent_hangup</c>, <c>call_transfer</c>, <c>inactivity</c>, <c>max_duration_reached</c>, <c>transfer_*</c>,
    /// <c>call_take_over</c>, a word added later, or none) → Completed when the call was <c>ended</c> ("Either user or agent
    /// hung up, or call transferred": it connected), Failed when it was <c>not_connected</c>.
    /// </summary>
    public static CallStatus Outcome(string? disconnectionReason, bool connected)
    {
        var reason = StatusWord.Normalize(disconnectionReason);
        return reason switch
        {
            "dialnoanswer" or "userdeclined" or "voicemailreached" or "ivrreached" => CallStatus.NoAnswer,
            "dialbusy" => CallStatus.Busy,
            "manualstopped" => CallStatus.Cancelled,
            "dialfailed" or "invaliddestination" or "telephonyproviderpermissiondenied" or "telephonyproviderunavailable"
                or "siproutingerror" or "markedasspam" or "scamdetected" or "novalidpayment" or "concurrencylimitreached"
                or "noconcurrencyfallback" or "registeredcalltimeout" => CallStatus.Failed,
            not null when reason.StartsWith("error", StringComparison.Ordinal) => CallStatus.Failed,
            _ => connected ? CallStatus.Completed : CallStatus.Failed,
        };
    }

    /// <summary>
    /// One call. Id and ConversationId ← <c>call_id</c> (the id Retell's dashboard and <c>GET /v2/get-call/{call_id}</c> know
    /// the conversation by). PhoneNumber ← <c>to_number</c> (E.164 when it parses). RawStatus ← <c>call_status</c> as sent (the
    /// <c>disconnection_reason</c> stays in Raw). Duration ← <c>duration_ms</c>, else <c>end_timestamp − start_timestamp</c>.
    /// RecordingUrl ← <c>recording_url</c>. Variables ← <c>retell_llm_dynamic_variables</c>. CreatedAt ← <c>start_timestamp</c>;
    /// UpdatedAt ← <c>end_timestamp</c>, else <c>start_timestamp</c>. Name is null (a Retell task has no name). Transcript is
    /// null on v3 items: it needs one <c>GET /v2/get-call/{call_id}</c> per call, which the SDK does not send.
    /// </summary>
    public static CallRecord ToCall(Wire<RetellCall> wire)
    {
        if (wire.Value is not { } c) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = c.CallId,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(c.ToNumber),
            Status = MapCallStatus(c.CallStatus, c.DisconnectionReason),
            RawStatus = c.CallStatus,
            Duration = c.DurationMs ?? (c.EndTimestamp - c.StartTimestamp is { } span && span >= TimeSpan.Zero ? span : null),
            RecordingUrl = c.RecordingUrl,
            Transcript = c.Transcript,
            ConversationId = c.CallId,
            Variables = c.DynamicVariables is { Count: > 0 } variables ? variables : CallRecord.EmptyVariables,
            CreatedAt = c.StartTimestamp,
            UpdatedAt = c.EndTimestamp ?? c.StartTimestamp,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// Checks Retell's rules and builds the create body; throws before anything is sent.
    /// <list type="bullet">
    /// <item><c>from_number</c> ← <see cref="CreateBatchRequest.FromPhoneNumber"/>, else <see cref="RetellOptions.DefaultFromNumber"/>;
    /// Retell requires one, in E.164.</item>
    /// <item>The agent: Retell binds an agent to the caller number and has no batch-level agent field, but every task takes
    /// <c>override_agent_id</c> ("for this particular call … This does not bind the agent to this number"). The canonical
    /// request always names an agent, so it is sent as every task's <c>override_agent_id</c>: the calls use the agent the caller
    /// named, whatever the number is bound to. No <c>override_agent_version</c> is sent (Retell's default version applies).</item>
    /// <item><c>tasks[]</c>: <c>to_number</c> (E.164) and the contact's variables as <c>retell_llm_dynamic_variables</c> (already
    /// strings, as Retell's <c>Dict[str, str]</c> requires; none → not sent).</item>
    /// <item><c>name</c> ← Name, or <see cref="DefaultNameFormat"/> when unnamed (also the name an uncertain create reports).</item>
    /// <item><c>trigger_timestamp</c> ← ScheduledAt in unix MILLISECONDS; none → Retell sends at once.</item>
    /// <item>MaxRetries above 0 is refused: Retell's batches have no retry settings and no retry route.</item>
    /// <item>MaxConcurrentCalls is not sent: Retell has no per-batch cap (its <c>reserved_concurrency</c> reserves capacity for
    /// OTHER calls — the opposite). The adapter logs a Warning instead.</item>
    /// </list>
    /// </summary>
    public static RetellCreateBatchCall CreateBody(CreateBatchRequest request, RetellOptions options, DateTimeOffset now)
    {
        if (request.MaxRetries is > 0)
        {
            throw new ArgumentException(
                "Retell cannot retry calls automatically (its batches have no retry settings and no retry route): leave "
                + "CreateBatchRequest.MaxRetries unset or 0. Nothing was sent.", nameof(request));
        }

        var from = FromNumber(request, options);
        var agent = request.AgentId.Trim();
        return new RetellCreateBatchCall
        {
            FromNumber = from,
            Name = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(now) : request.Name.Trim(),
            TriggerTimestamp = request.ScheduledAt?.ToUnixTimeMilliseconds(),
            Tasks = request.Contacts.Contacts.Select(c => new RetellTask
            {
                ToNumber = c.PhoneNumber,
                OverrideAgentId = agent,
                DynamicVariables = c.Variables.Count == 0 ? null : new Dictionary<string, string>(c.Variables, StringComparer.Ordinal),
            }).ToList(),
        };
    }

    /// <summary>
    /// The create answer → the batch as created. Id ← <c>batch_call_id</c>; Name ← <c>name</c> (else the one sent);
    /// FromPhoneNumber ← <c>from_number</c> (else the one sent); AgentId ← the agent sent as <c>override_agent_id</c>;
    /// Progress.Total ← <c>total_task_count</c> (else the tasks sent), all of them pending; ScheduledAt ←
    /// <c>scheduled_timestamp</c> read in seconds or milliseconds by size (the docs' example answers seconds to a request in
    /// milliseconds), else the requested start. Status: Scheduled when a start was requested and is still ahead, else Queued
    /// ("If omitted, the call will be sent immediately"). RawStatus is null: Retell has no batch status word.
    /// </summary>
    public static BatchCall ToCreated(ProviderId provider, Wire<RetellBatchCall> wire, CreateBatchRequest request, RetellCreateBatchCall sent, DateTimeOffset now)
    {
        var dto = wire.Value!;
        var scheduledAt = dto.ScheduledTimestamp ?? request.ScheduledAt;
        return new BatchCall
        {
            Provider = provider,
            Id = dto.BatchCallId!,
            Name = dto.Name ?? sent.Name,
            AgentId = sent.Tasks.Count > 0 ? sent.Tasks[0].OverrideAgentId : null,
            Status = request.ScheduledAt is not null && scheduledAt > now ? BatchStatus.Scheduled : BatchStatus.Queued,
            Progress = BatchProgress.FromCounts(dto.TotalTaskCount is >= 0 ? dto.TotalTaskCount : sent.Tasks.Count),
            ScheduledAt = scheduledAt,
            FromPhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(dto.FromNumber) ?? sent.FromNumber,
            RawJson = wire.Json,
        };
    }

    /// <summary>The list-calls body for one page of a batch's calls (<c>batch_call_id</c> <c>eq</c> the id).</summary>
    public static RetellListCalls ListCalls(string batchId, int limit, string? cursor, bool descending) => new()
    {
        FilterCriteria = new RetellFilterCriteria { BatchCallId = new RetellStringFilter { Op = "eq", Type = "string", Value = batchId } },
        Limit = limit,
        PaginationKey = cursor,
        SortOrder = descending ? "descending" : "ascending",
    };

    /// <summary>The name given to an unnamed batch.</summary>
    public static string DefaultName(DateTimeOffset now) => now.UtcDateTime.ToString(DefaultNameFormat, CultureInfo.InvariantCulture);

    private static string FromNumber(CreateBatchRequest request, RetellOptions options)
    {
        var from = !string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? request.FromPhoneNumber.Trim() : options.DefaultFromNumber?.Trim();
        if (string.IsNullOrEmpty(from))
        {
            throw new ArgumentException(
                "Retell needs the number the batch calls from (from_number, a number the Retell account owns; its bound agent is "
                + "overridden per call by AgentId): set CreateBatchRequest.FromPhoneNumber or RetellOptions.DefaultFromNumber. Nothing was sent.",
                nameof(request));
        }

        if (!from.StartsWith('+') || !PhoneNumberNormalizer.TryNormalize(from, null, out var e164))
        {
            throw new ArgumentException(
                "Retell takes the caller number itself in E.164 form (a '+' and the country code), not a number id. Nothing was sent.",
                nameof(request));
        }

        return e164;
    }
}
