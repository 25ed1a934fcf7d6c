using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.VoiceAI;

/// <summary>
/// VoiceAI wire → canonical: the two status tables, the counter mapping and the field mapping, each in one place
/// (VENDORS.md "VoiceAI" row for row). The decisions are listed on <see cref="VoiceAIAdapter"/>.
/// </summary>
internal static class VoiceAIMapping
{
    /// <summary>A batch (detailed read, submit/list/cancel/retry answer) → canonical.</summary>
    /// <param name="dto">The bound batch.</param>
    /// <param name="raw">The vendor's JSON of this batch.</param>
    /// <param name="now">The current time, to tell a future <c>pending</c> batch (Scheduled) from a waiting one (Queued).</param>
    /// <param name="fallbackId">The id asked for, used when the body carries none.</param>
    public static BatchCall ToBatch(VoiceAIBatchDto dto, JsonElement raw, DateTimeOffset now, string? fallbackId = null)
    {
        var calls = ToCalls(dto.Recipients);
        var scheduledAt = Timestamps.Read(dto.ScheduledTimeUnix);
        return new BatchCall
        {
            Provider = ProviderId.VoiceAI,
            Id = dto.Id ?? WireJson.Text(raw, "id") ?? fallbackId ?? string.Empty,
            Name = dto.Name,
            AgentId = dto.AgentId,
            AgentName = dto.AgentName,
            Status = MapBatchStatus(dto.Status, scheduledAt, now),
            RawStatus = dto.Status,
            Progress = ToProgress(dto, calls),
            CreatedAt = Timestamps.Read(dto.CreatedAtUnix),
            UpdatedAt = Timestamps.Read(dto.LastUpdatedAtUnix),
            ScheduledAt = scheduledAt,
            FromPhoneNumber = dto.PhoneNumberId,
            Calls = calls,
            Raw = raw,
        };
    }

    /// <summary>A batch element of a list page → canonical; an element of an unexpected shape keeps its Raw and reads as Unknown.</summary>
    public static BatchCall ToBatch(JsonElement element, DateTimeOffset now)
        => ToBatch(BindOrEmpty(element, VoiceBatchJsonContext.Default.VoiceAIBatchDto), element, now);

    /// <summary>Counters: from the recipients when the batch lists any (the whole batch is inline), else from the
    /// vendor's totals: Total = <c>total_calls_scheduled</c>, Finished = <c>total_calls_finished</c>,
    /// InProgress = <c>total_calls_dispatched − total_calls_finished</c> (never below 0).</summary>
    public static BatchProgress ToProgress(VoiceAIBatchDto dto, IReadOnlyList<CallRecord> calls)
    {
        if (calls.Count > 0) return BatchProgress.FromCallStatuses(calls.Select(c => c.Status));

        var finished = WireJson.Int(dto.TotalCallsFinished);
        var dispatched = WireJson.Int(dto.TotalCallsDispatched);
        var inFlight = Math.Max(0, (dispatched ?? 0) - (finished ?? 0));
        return BatchProgress.FromCounts(WireJson.Int(dto.TotalCallsScheduled), inProgress: inFlight, finished: finished);
    }

    /// <summary>Batch status table (VENDORS.md, VoiceAI). <c>pending</c> with a start time still ahead is Scheduled.</summary>
    public static BatchStatus MapBatchStatus(string? word, DateTimeOffset? scheduledAt, DateTimeOffset now) => StatusWord.Normalize(word) switch
    {
        "pending" => scheduledAt > now ? BatchStatus.Scheduled : BatchStatus.Queued,
        "inprogress" => BatchStatus.Running,
        "completed" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "cancelled" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>Recipient status table (VENDORS.md, VoiceAI).</summary>
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

    /// <summary>The recipients array → call records, in the vendor's order (anything but an array gives none).</summary>
    public static IReadOnlyList<CallRecord> ToCalls(JsonElement? recipients)
    {
        if (recipients is not { ValueKind: JsonValueKind.Array } array) return [];
        var calls = new List<CallRecord>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            calls.Add(ToCall(BindOrEmpty(element, VoiceBatchJsonContext.Default.VoiceAIRecipientDto), element));
        }

        return calls;
    }

    /// <summary>One recipient → canonical. A recipient addressed by <c>whatsapp_user_id</c> alone has no PhoneNumber (the id stays in Raw).</summary>
    public static CallRecord ToCall(VoiceAIRecipientDto dto, JsonElement raw) => new()
    {
        Id = dto.Id,
        PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(dto.PhoneNumber),
        Status = MapCallStatus(dto.Status),
        RawStatus = dto.Status,
        ConversationId = dto.ConversationId,
        Variables = ToVariables(dto.ClientData?.DynamicVariables),
        CreatedAt = Timestamps.Read(dto.CreatedAtUnix),
        UpdatedAt = Timestamps.Read(dto.UpdatedAtUnix),
        Raw = raw,
    };

    /// <summary><c>dynamic_variables</c> → text: strings as they are, numbers and booleans as their JSON text
    /// (invariant: <c>42</c>, <c>3.5</c>, <c>true</c>), objects and arrays as JSON; nulls are left out.</summary>
    public static IReadOnlyDictionary<string, string> ToVariables(JsonElement? variables)
    {
        if (variables is not { ValueKind: JsonValueKind.Object } map) return CallRecord.EmptyVariables;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
            result[property.Name] = WireJson.Scalar(value) ?? value.GetRawText();
        }

        return result.Count == 0 ? CallRecord.EmptyVariables : result.AsReadOnly();
    }

    /// <summary>Binds one element; an element of an unexpected shape gives an empty DTO (its Raw is still kept by the caller).</summary>
    private static T BindOrEmpty<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : new()
    {
        if (element.ValueKind != JsonValueKind.Object) return new T();
        try
        {
            return WireResponse.Bind(element, typeInfo, ProviderId.VoiceAI);
        }
        catch (VoiceBatchResponseException)
        {
            return new T();
        }
    }
}
