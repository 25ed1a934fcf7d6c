using System.Globalization;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.ElevenLabs;

/// <summary>
/// The batch-calling dialect (ElevenLabs, VoiceAI) ↔ canonical, every table in one place: batch and recipient status
/// words, counters, the submit body and the 422 recipient report (VENDORS.md "VoiceAI" and "ElevenLabs"; the status enums
/// are ElevenLabs' <c>BatchCallStatus</c> and <c>BatchCallRecipientStatus</c>, which ThreeTone's batch enum matches word for
/// word — ThreeTone publishes no recipient enum, so ElevenLabs' is used for both).
/// </summary>
internal static class ElevenLabsMapping
{
    /// <summary>The name format used when the request has none (UTC): <c>VoiceBatch 2026-03-14 09:30</c>.</summary>
    public const string DefaultNameFormat = "'VoiceBatch' yyyy-MM-dd HH:mm";

    /// <summary>Batch status: <c>pending</c> is Scheduled while <c>scheduled_time_unix</c> is still ahead, else Queued.</summary>
    public static BatchStatus MapBatchStatus(string? word, DateTimeOffset? scheduledAt, DateTimeOffset now) => StatusWord.Normalize(word) switch
    {
        "pending" => scheduledAt > now ? BatchStatus.Scheduled : BatchStatus.Queued,
        "inprogress" => BatchStatus.Running,
        "completed" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "cancelled" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>Recipient status (ElevenLabs' eight words). <c>voicemail</c> → NoAnswer: nobody was reached.</summary>
    public static CallStatus MapCallStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "pending" => CallStatus.Pending,
        "dispatched" => CallStatus.Queued,
        "initiated" => CallStatus.Ringing,
        "inprogress" => CallStatus.InProgress,
        "completed" => CallStatus.Completed,
        "failed" => CallStatus.Failed,
        "cancelled" => CallStatus.Cancelled,
        "voicemail" => CallStatus.NoAnswer,
        _ => CallStatus.Unknown,
    };

    /// <summary>A batch → canonical. FromPhoneNumber is the vendor's caller-number ID (<c>phone_number_id</c>), not a number.</summary>
    public static BatchCall ToBatch(ProviderId provider, Wire<ElevenLabsBatch> wire, DateTimeOffset now, string? fallbackId = null)
    {
        var dto = wire.Value ?? new ElevenLabsBatch();
        var calls = dto.Recipients is { } recipients ? recipients.Select(ToCall).ToList() : [];
        var status = MapBatchStatus(dto.Status, dto.ScheduledAt, now);
        return new BatchCall
        {
            Provider = provider,
            Id = dto.Id ?? fallbackId ?? string.Empty,
            Name = dto.Name,
            AgentId = dto.AgentId,
            AgentName = dto.AgentName,
            Status = status,
            RawStatus = dto.Status,
            Progress = ToProgress(dto, calls, status),
            CreatedAt = dto.CreatedAt,
            UpdatedAt = dto.UpdatedAt,
            ScheduledAt = dto.ScheduledAt,
            FromPhoneNumber = dto.PhoneNumberId,
            Calls = calls,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// Counters: from the recipients when the batch lists any (the whole batch is inline); otherwise from the totals —
    /// Total = <c>total_calls_scheduled</c>, Finished = <c>total_calls_finished</c>, InProgress = <c>total_calls_dispatched −
    /// total_calls_finished</c> (never below 0); the totals give no outcome breakdown. ThreeTone defines finished as
    /// "completed + failed" (cancelled recipients are not in it), so a batch that has ENDED (completed, failed, cancelled)
    /// reports every call finished and none pending, rather than calls pending forever.
    /// </summary>
    public static BatchProgress ToProgress(ElevenLabsBatch dto, IReadOnlyList<CallRecord> calls, BatchStatus status)
    {
        if (calls.Count > 0) return BatchProgress.FromCallStatuses(calls.Select(c => c.Status));

        var total = dto.TotalCallsScheduled;
        var finished = dto.TotalCallsFinished ?? 0;
        var inFlight = Math.Max(0, (dto.TotalCallsDispatched ?? 0) - finished);
        return status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled
            ? BatchProgress.FromCounts(total, finished: Math.Max(total ?? 0, finished))
            : BatchProgress.FromCounts(total, inProgress: inFlight, finished: finished);
    }

    /// <summary>One recipient → canonical. A recipient addressed by <c>whatsapp_user_id</c> alone has no PhoneNumber (the id
    /// stays in Raw); a number that does not parse is kept as sent. <c>dynamic_variables</c> become text.</summary>
    public static CallRecord ToCall(Wire<ElevenLabsRecipient> wire)
    {
        if (wire.Value is not { } r) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = r.Id,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(r.PhoneNumber),
            Status = MapCallStatus(r.Status),
            RawStatus = r.Status,
            ConversationId = r.ConversationId,
            Variables = r.ClientData?.DynamicVariables is { Count: > 0 } variables ? variables : CallRecord.EmptyVariables,
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            RawJson = wire.Json,
        };
    }

    /// <summary>
    /// Checks the dialect's rules and builds the submit body; throws before anything is sent. <c>call_name</c> is required:
    /// an unnamed request gets <see cref="DefaultNameFormat"/> (also the name to look for after an uncertain create).
    /// <c>scheduled_time_unix</c> only with ScheduledAt (an absolute instant, so <c>timezone</c> is never sent);
    /// <c>target_concurrency_limit</c> only where the dialect takes it (ThreeTone's submit documents none: there the limit is
    /// not sent and the adapter logs a Warning, as Bolna's per-account concurrency is ignored too).
    /// FromPhoneNumber is the caller-number ID (<c>agent_phone_number_id</c>): a real E.164 number there is refused.
    /// No retries on submit: MaxRetries above 0 is refused (use RetryBatchAsync).
    /// </summary>
    public static ElevenLabsSubmit Submit(CreateBatchRequest request, BatchCallingDialect dialect, DateTimeOffset now)
    {
        if (request.MaxRetries is > 0)
        {
            throw new ArgumentException(
                $"{dialect.Vendor} cannot retry calls automatically (its submit has no retry settings): leave CreateBatchRequest.MaxRetries unset "
                + "and call RetryBatchAsync after the batch finishes to re-call failed and unanswered contacts. Nothing was sent.",
                nameof(request));
        }

        var from = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim();
        if (from is not null && PhoneNumberNormalizer.IsInternational(from))
        {
            throw new ArgumentException(
                $"{dialect.Vendor} takes the id of one of its caller phone numbers (agent_phone_number_id), not the number itself: set "
                + "CreateBatchRequest.FromPhoneNumber to that id. Nothing was sent.",
                nameof(request));
        }

        return new ElevenLabsSubmit
        {
            CallName = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(now) : request.Name.Trim(),
            AgentId = request.AgentId.Trim(),
            AgentPhoneNumberId = from,
            ScheduledTimeUnix = request.ScheduledAt?.ToUnixTimeSeconds(),
            TargetConcurrencyLimit = dialect.TakesConcurrencyLimit ? request.MaxConcurrentCalls : null,
            Recipients = request.Contacts.Contacts.Select(c => new ElevenLabsSubmitRecipient
            {
                PhoneNumber = c.PhoneNumber,
                ClientData = c.Variables.Count == 0 ? null : new ElevenLabsSubmitClientData { DynamicVariables = new Dictionary<string, string>(c.Variables, StringComparer.Ordinal) },
            }).ToList(),
        };
    }

    /// <summary>The name given to an unnamed batch.</summary>
    public static string DefaultName(DateTimeOffset now) => now.UtcDateTime.ToString(DefaultNameFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// A 400/422 whose FastAPI body names recipients (<c>loc: ["body","recipients",2,"phone_number"]</c>) → one row error per
    /// named recipient, mapped back to the sheet rows (the deepest named field is the column). Empty when no recipient is named.
    /// </summary>
    public static List<ContactRowError> RowErrors(string? body, ContactList contacts)
    {
        var rows = new List<ContactRowError>();
        if (string.IsNullOrWhiteSpace(body)) return rows;
        ElevenLabsValidationError? error;
        try
        {
            error = JsonSerializer.Deserialize(body, ElevenLabsJsonContext.Default.ElevenLabsValidationError);
        }
        catch (JsonException)
        {
            return rows;
        }

        foreach (var item in error?.Detail ?? [])
        {
            var path = item.Loc ?? [];
            var at = path.FindIndex(e => e.ValueKind == JsonValueKind.String && e.GetString() == "recipients");
            if (at < 0 || at + 1 >= path.Count || path[at + 1].ValueKind != JsonValueKind.Number
                || !path[at + 1].TryGetInt32(out var index) || index < 0 || index >= contacts.Contacts.Count)
            {
                continue;
            }

            string? column = null;
            for (var i = path.Count - 1; i > at + 1 && column is null; i--)
            {
                if (path[i].ValueKind == JsonValueKind.String) column = path[i].GetString();
            }

            var contact = contacts.Contacts[index];
            var value = column == "phone_number" ? contact.PhoneNumber
                : column is not null && contact.Variables.TryGetValue(column, out var v) ? v
                : null;
            rows.Add(new ContactRowError(contact.Row, column, Scrubber.Truncate(item.Msg ?? "rejected by the vendor", 300), value));
        }

        return rows;
    }
}
