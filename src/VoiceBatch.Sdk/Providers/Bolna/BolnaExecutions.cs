using System.Globalization;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Reads Bolna executions (one per call) into <see cref="CallRecord"/>s, tolerantly: every field may be missing or
/// typed differently between Bolna's documents, and one odd field never loses the record.
/// </summary>
internal static class BolnaExecutions
{
    /// <summary>
    /// One page of executions. Both routes may answer a bare array or the envelope
    /// <c>{page_number|page, page_size, total, has_more, data[]}</c>. A bare array from the legacy route is the
    /// whole list (that route is unpaged); from the v2 route it is one page (the pager stops on a short page).
    /// Without <c>has_more</c>, <c>total</c> gives the page count.
    /// </summary>
    public static Page<CallRecord> ReadPage(JsonElement raw, int requestedPageSize, bool legacyRoute, ProviderId provider)
    {
        if (raw.ValueKind == JsonValueKind.Array)
        {
            return new Page<CallRecord>(Map(raw), HasMore: legacyRoute ? false : null);
        }

        if (raw.ValueKind == JsonValueKind.Object && FirstArray(raw, "data", "executions") is { } items)
        {
            bool? hasMore = raw.TryGetProperty("has_more", out var more) && more.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? more.GetBoolean()
                : null;
            int? totalPages = null;
            if (hasMore is null && Int(raw, "total") is { } total)
            {
                var size = Int(raw, "page_size") is { } s && s > 0 ? s : requestedPageSize;
                totalPages = (int)Math.Ceiling(total / (double)size);
            }

            return new Page<CallRecord>(Map(items), hasMore, totalPages);
        }

        throw new VoiceBatchResponseException(
            $"'{provider}' answered the executions request with JSON that is neither an array nor a page of executions.",
            BolnaAdapter.Snippet(raw), provider);
    }

    /// <summary>
    /// One execution. Id = <c>id</c> as text (a number or a UUID string). Duration = <c>conversation_duration</c>,
    /// else <c>conversation_time</c>, else <c>telephony_data.duration</c> (seconds; numbers or numeric strings).
    /// PhoneNumber = <c>telephony_data.to_number</c> (else <c>context_details.recipient_phone_number</c>) in E.164
    /// when it parses. Variables = <c>context_details</c>'s scalar members, plus the members of its nested
    /// <c>recipient_data</c> (where Bolna keeps the CSV's columns); values as text. <c>error_message</c>,
    /// <c>answered_by_voice_mail</c>, costs and extracted data have no canonical field: they stay in Raw, and the
    /// status comes from the execution-status table alone.
    /// </summary>
    public static CallRecord ToCall(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) return new CallRecord { Status = CallStatus.Unknown, Raw = e };

        var telephony = e.TryGetProperty("telephony_data", out var t) && t.ValueKind == JsonValueKind.Object ? t : (JsonElement?)null;
        var context = e.TryGetProperty("context_details", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        var status = Text(e, "status");
        var to = (telephony is { } tel ? Text(tel, "to_number") : null) ?? (context is { } ctx ? Text(ctx, "recipient_phone_number") : null);
        var recording = telephony is { } te ? Text(te, "recording_url") : null;

        return new CallRecord
        {
            Id = Text(e, "id"),
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(to),
            Status = BolnaMapping.MapCallStatus(status),
            RawStatus = status,
            Duration = Seconds(e, "conversation_duration") ?? Seconds(e, "conversation_time") ?? (telephony is { } td ? Seconds(td, "duration") : null),
            RecordingUrl = WebLink.Parse(recording),
            Transcript = e.TryGetProperty("transcript", out var tr) && tr.ValueKind == JsonValueKind.String ? tr.GetString() : null,
            Variables = context is { } vars ? Variables(vars) : CallRecord.EmptyVariables,
            CreatedAt = e.TryGetProperty("created_at", out var created) ? Timestamps.Read(created) : null,
            UpdatedAt = e.TryGetProperty("updated_at", out var updated) ? Timestamps.Read(updated) : null,
            Raw = e,
        };
    }

    private static List<CallRecord> Map(JsonElement array)
    {
        var calls = new List<CallRecord>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray()) calls.Add(ToCall(item));
        return calls;
    }

    private static Dictionary<string, string> Variables(JsonElement context)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in context.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object && member.NameEquals("recipient_data"))
            {
                foreach (var inner in member.Value.EnumerateObject())
                {
                    if (Scalar(inner.Value) is { } value) variables.TryAdd(inner.Name, value);
                }
            }
            else if (Scalar(member.Value) is { } value)
            {
                variables[member.Name] = value;
            }
        }

        return variables;
    }

    private static JsonElement? FirstArray(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array) return value;
        }

        return null;
    }

    internal static string? Text(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static int? Int(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
            : obj.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n
            : null;

    private static TimeSpan? Seconds(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        double seconds;
        if (v.ValueKind == JsonValueKind.Number) seconds = v.GetDouble();
        else if (v.ValueKind != JsonValueKind.String || !double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)) return null;
        return double.IsFinite(seconds) && seconds is >= 0 and <= 1e9 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
