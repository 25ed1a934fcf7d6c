using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna ↔ canonical, every table in one place (VENDORS.md "Bolna", corrected by Bolna's current docs — each row
/// cites its source): batch status, execution status, counters, field aliases, and the create/schedule forms.
/// </summary>
internal static class BolnaMapping
{
    /// <summary>Bolna refuses a start less than this far ahead (<c>api-reference/errors</c>: "Scheduled time should be
    /// atleast 2 minutes in the future"), then rounds it up to the next 10-minute mark (<c>quickstarts/batch</c>).</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(2);

    /// <summary>Bolna refuses a start more than 30 days ahead (<c>api-reference/batches/schedule</c>: "later values return a 400").</summary>
    public static readonly TimeSpan MaximumLead = TimeSpan.FromDays(30);

    /// <summary>Added to <see cref="MinimumLead"/> when checking a start, and when choosing one for a request without
    /// <c>ScheduledAt</c>: covers the time the create takes before the schedule request arrives, and clock skew.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>Bolna's documented range for <c>max_retries</c> (<c>guides/outbound/auto-retry</c>: 1–3).</summary>
    public const int MaxRetriesLimit = 3;

    /// <summary>The phone column Bolna reads (<c>api-reference/batches/create</c>: "<c>contact_number</c> is required").</summary>
    public const string PhoneHeader = "contact_number";

    /// <summary>
    /// Batch status. <c>processed</c> (errors page: "CSV parsed …, no calls dialed yet") → Draft like <c>created</c>.
    /// <c>executed</c> (seed 003 and the older OpenAPI) is Completed only when no execution is still open (see
    /// <see cref="IsOpen"/>), else Running. <c>stopped</c> (a user's stop) and <c>canceled</c> → Cancelled.
    /// </summary>
    public static BatchStatus MapBatchStatus(string? word, IReadOnlyDictionary<string, int>? executionStatus) => StatusWord.Normalize(word) switch
    {
        "created" or "processed" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "queued" => BatchStatus.Queued,
        "running" => BatchStatus.Running,
        "executed" => HasOpenExecutions(executionStatus) ? BatchStatus.Running : BatchStatus.Completed,
        "completed" => BatchStatus.Completed,
        "stopped" or "cancelled" => BatchStatus.Cancelled,
        "failed" => BatchStatus.Failed,
        _ => BatchStatus.Unknown,
    };

    /// <summary>
    /// Execution status (the OpenAPI's 15 values, plus <c>prepared</c> from the errors page and quickstart, and the
    /// <c>running</c> count key of the errors page's <c>execution_status</c> example).
    /// <c>call-disconnected</c> is NOT final: Bolna's docs ("fires the instant the line drops, before duration, cost,
    /// recording URL … are finalized. The true terminal state is <c>completed</c> (or <c>no-answer</c>, <c>busy</c>, …)")
    /// — so it is InProgress until its real outcome arrives (this corrects VENDORS.md, which listed it as Completed).
    /// <c>stopped</c> → Cancelled: Bolna's dashboard groups it with failures, but a user's stop is a cancellation, not a
    /// fault of the call.
    /// </summary>
    public static CallStatus MapCallStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "prepared" => CallStatus.Pending,
        "scheduled" or "queued" or "rescheduled" => CallStatus.Queued,
        "initiated" or "ringing" => CallStatus.Ringing,
        "inprogress" or "running" or "calldisconnected" => CallStatus.InProgress,
        "completed" => CallStatus.Completed,
        "busy" => CallStatus.Busy,
        "noanswer" => CallStatus.NoAnswer,
        "balancelow" or "failed" or "error" => CallStatus.Failed,
        "cancelled" or "stopped" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    /// <summary>A batch (get, list item). Name ← <c>file_name</c>; FromPhoneNumber ← <c>from_phone_number</c>
    /// (deprecated) | <c>from_phone_numbers[0]</c> (current). Total = <c>valid_contacts</c>: calls are placed only for
    /// valid rows (<c>total_contacts − valid_contacts</c> rows were invalid; both stay in Raw).</summary>
    public static BatchCall ToBatch(ProviderId provider, Wire<BolnaBatch> wire, string? fallbackId = null)
    {
        var dto = wire.Value ?? new BolnaBatch();
        return new BatchCall
        {
            Provider = provider,
            Id = dto.BatchId ?? fallbackId ?? string.Empty,
            Name = dto.FileName,
            AgentId = dto.AgentId,
            Status = MapBatchStatus(dto.Status, dto.ExecutionStatus),
            RawStatus = dto.Status,
            Progress = ToProgress(dto),
            CreatedAt = dto.CreatedAt,
            UpdatedAt = dto.UpdatedAt,
            ScheduledAt = dto.ScheduledAt,
            FromPhoneNumber = dto.FromPhoneNumber ?? dto.FromPhoneNumbers?.FirstOrDefault(),
            RawJson = wire.Json,
        };
    }

    /// <summary>Each <c>execution_status</c> key through <see cref="MapCallStatus"/> into the shared tally; Total =
    /// <c>valid_contacts</c>. Without <c>valid_contacts</c> the breakdown's own waiting count is Pending. Unknown keys
    /// count as not finished (they stay in Raw). Bolna's counts can exceed <c>valid_contacts</c>: Pending clamps at 0.</summary>
    public static BatchProgress ToProgress(BolnaBatch dto)
        => BatchProgress.FromCallCounts(
            (dto.ExecutionStatus ?? []).Select(e => KeyValuePair.Create(MapCallStatus(e.Key), e.Value)),
            dto.ValidContacts);

    /// <summary>
    /// One execution. Id ← <c>id</c> (UUID or integer, as text). PhoneNumber ← <c>telephony_data.to_number</c> |
    /// <c>user_number</c> (current examples carry only this) | <c>context_details.recipient_phone_number</c>, E.164 when
    /// it parses. Duration ← <c>conversation_duration</c> | <c>conversation_time</c> | <c>telephony_data.duration</c>
    /// (seconds). RecordingUrl ← <c>telephony_data.recording_url</c> | <c>recording_url</c> (Bolna's proxy link needs the key
    /// and its target expires after 24 h). Variables ← <c>context_details</c>' scalars plus its <c>recipient_data</c>.
    /// Times ← <c>created_at</c> | <c>createdAt</c>. <c>error_message</c>, <c>answered_by_voice_mail</c>, costs and
    /// extracted data have no canonical field: they stay in Raw.
    /// </summary>
    public static CallRecord ToCall(Wire<BolnaExecution> wire)
    {
        if (wire.Value is not { } e) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = e.Id,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(e.Telephony?.ToNumber ?? e.UserNumber ?? e.Context?.RecipientPhoneNumber),
            Status = MapCallStatus(e.Status),
            RawStatus = e.Status,
            Duration = e.ConversationDuration ?? e.ConversationTime ?? e.Telephony?.Duration,
            RecordingUrl = e.Telephony?.RecordingUrl ?? e.RecordingUrl,
            Transcript = e.Transcript,
            Variables = e.Context?.Variables ?? CallRecord.EmptyVariables,
            CreatedAt = e.CreatedAt ?? e.CreatedAtCamel,
            UpdatedAt = e.UpdatedAt ?? e.UpdatedAtCamel,
            RawJson = wire.Json,
        };
    }

    /// <summary>The earliest start Bolna accepts when the caller gives none: now + 2 minutes + the margin, to the second.</summary>
    public static DateTimeOffset EarliestStart(DateTimeOffset now) => RoundUpToSecond(now + MinimumLead + Margin);

    /// <summary>Checks a start against Bolna's window (≥ 2 minutes + margin, ≤ 30 days ahead) before anything is sent,
    /// and returns the time that will be sent (UTC, rounded up to a whole second).</summary>
    public static DateTimeOffset ValidateStart(DateTimeOffset at, DateTimeOffset now, string paramName)
    {
        if (at < now + MinimumLead + Margin - TimeSpan.FromSeconds(30))
        {
            throw new ArgumentOutOfRangeException(paramName, at,
                $"Bolna needs a batch's start at least {MinimumLead.TotalMinutes:0} minutes ahead when it arrives (it is now {now.ToUniversalTime():O}; "
                + "allow half a minute more for the request). Nothing was sent.");
        }

        if (at > now + MaximumLead)
        {
            throw new ArgumentOutOfRangeException(paramName, at, $"Bolna accepts a start at most {MaximumLead.TotalDays:0} days ahead. Nothing was sent.");
        }

        return RoundUpToSecond(at.ToUniversalTime());
    }

    /// <summary>ISO-8601 with a NUMERIC offset (<c>2026-06-23T15:30:00+00:00</c>): Bolna answers a trailing <c>Z</c> with 500.</summary>
    public static string FormatStart(DateTimeOffset at)
        => at.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>
    /// When the batch really starts: Bolna rounds the requested start up to the next 10-minute mark and says so in its
    /// answer (<c>state: "scheduled at 2024-03-20T04:10:00+00:00"</c>, <c>guides/outbound/batch-calling</c>). That time
    /// when the answer gives it; else the requested time rounded up to the next 10 minutes.
    /// </summary>
    public static DateTimeOffset EffectiveStart(string? state, DateTimeOffset requested)
    {
        const string prefix = "scheduled at ";
        if (state is { } s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && LenientJson.ParseTime(s[prefix.Length..]) is { } said) return said;
        var extra = requested.UtcTicks % TimeSpan.FromMinutes(10).Ticks;
        return extra == 0 ? requested : requested.AddTicks(TimeSpan.FromMinutes(10).Ticks - extra);
    }

    /// <summary>The create form: <c>agent_id</c>, <c>file</c> (CSV, phone column <c>contact_number</c>), one
    /// <c>from_phone_numbers</c> part per caller number (the deprecated single <c>from_phone_number</c> is not sent),
    /// <c>retry_config</c> and <c>webhook_url</c> when given.</summary>
    public static MultipartFormDataContent CreateForm(CreateBatchRequest request, byte[] csv, string fileName, string? retryConfig, Uri? webhook)
    {
        var form = new MultipartFormDataContent().Text("agent_id", request.AgentId.Trim()).File("file", fileName, csv, "text/csv");
        if (!string.IsNullOrWhiteSpace(request.FromPhoneNumber)) form.Text("from_phone_numbers", request.FromPhoneNumber.Trim());
        return form.Text("retry_config", retryConfig).Text("webhook_url", webhook?.AbsoluteUri);
    }

    /// <summary>The schedule form: <c>scheduled_at</c> with a numeric offset.</summary>
    public static MultipartFormDataContent ScheduleForm(DateTimeOffset at) => new MultipartFormDataContent().Text("scheduled_at", FormatStart(at));

    /// <summary>The CSV Bolna wants: <c>contact_number</c> (E.164) first, every other column a variable (a variable column
    /// itself called <c>contact_number</c> would duplicate the phone header and is left out).</summary>
    public static byte[] Csv(ContactList contacts)
    {
        var variables = contacts.VariableNames.Where(n => !string.Equals(n.Trim(), PhoneHeader, StringComparison.OrdinalIgnoreCase)).ToList();
        return ContactCsvWriter.Write(contacts.Contacts, variables, PhoneHeader);
    }

    /// <summary>The uploaded file's name: Bolna keeps it as <c>file_name</c>, which reads back as the batch's Name.</summary>
    public static string FileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "contacts.csv";
        var safe = new StringBuilder(name.Trim().Length);
        foreach (var ch in name.Trim()) safe.Append(char.IsControl(ch) || ch is '/' or '\\' or '"' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : ch);
        var text = safe.Length > 120 ? safe.ToString(0, 120) : safe.ToString();
        return text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? text : text + ".csv";
    }

    /// <summary>
    /// <c>{"enabled":true,"max_retries":N,"retry_intervals_minutes":[m,…]}</c> when MaxRetries is 1–3 (Bolna's range); null
    /// (Bolna's default: no retries) when it is null or 0. The interval list repeats RetryInterval (whole minutes, rounded
    /// up, at least 1) once per retry; without an interval Bolna's default intervals apply.
    /// </summary>
    public static string? RetryConfig(CreateBatchRequest request)
    {
        if (request.MaxRetries is not { } retries || retries == 0) return null;
        if (retries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), retries, $"Bolna allows 1 to {MaxRetriesLimit} retries per contact (CreateBatchRequest.MaxRetries). Nothing was sent.");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("enabled", true);
            json.WriteNumber("max_retries", retries);
            if (request.RetryInterval is { } interval)
            {
                var minutes = Math.Max(1, (long)Math.Ceiling(interval.TotalMinutes));
                json.WriteStartArray("retry_intervals_minutes");
                for (var i = 0; i < retries; i++) json.WriteNumberValue(minutes);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>"Still to dial or on the line": what keeps an <c>executed</c> batch Running.</summary>
    private static bool IsOpen(CallStatus status) => status is CallStatus.Pending or CallStatus.Queued or CallStatus.Ringing or CallStatus.InProgress;

    private static bool HasOpenExecutions(IReadOnlyDictionary<string, int>? executionStatus)
        => executionStatus?.Any(e => e.Value > 0 && IsOpen(MapCallStatus(e.Key))) == true;

    private static DateTimeOffset RoundUpToSecond(DateTimeOffset at)
    {
        var extra = at.UtcTicks % TimeSpan.TicksPerSecond;
        return extra == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - extra);
    }
}
