using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
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
            return new Page<CallRecord>(Map(WireJson.Array(raw)!), HasMore: legacyRoute ? false : null);
        }

        if (WireJson.FirstArray(raw, "data", "executions") is { } items)
        {
            var hasMore = WireJson.Bool(WireJson.Member(raw, "has_more"));
            int? totalPages = null;
            if (hasMore is null && WireJson.Int(raw, "total") is { } total)
            {
                var size = WireJson.Int(raw, "page_size") is { } s && s > 0 ? s : requestedPageSize;
                totalPages = (int)Math.Ceiling(total / (double)size);
            }

            return new Page<CallRecord>(Map(items), hasMore, totalPages);
        }

        throw new VoiceBatchResponseException(
            $"'{provider}' answered the executions request with JSON that is neither an array nor a page of executions.",
            WireResponse.Snippet(raw), provider);
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

        var telephony = WireJson.Member(e, "telephony_data") is { ValueKind: JsonValueKind.Object } t ? t : (JsonElement?)null;
        var context = WireJson.Member(e, "context_details") is { ValueKind: JsonValueKind.Object } c ? c : (JsonElement?)null;
        var status = WireJson.Text(e, "status");
        var to = WireJson.Text(telephony, "to_number") ?? WireJson.Text(context, "recipient_phone_number");

        return new CallRecord
        {
            Id = WireJson.Text(e, "id"),
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(to),
            Status = BolnaMapping.MapCallStatus(status),
            RawStatus = status,
            Duration = WireJson.Seconds(e, "conversation_duration") ?? WireJson.Seconds(e, "conversation_time") ?? WireJson.Seconds(telephony, "duration"),
            RecordingUrl = WireJson.Url(telephony, "recording_url"),
            Transcript = e.TryGetProperty("transcript", out var tr) && tr.ValueKind == JsonValueKind.String ? tr.GetString() : null,
            Variables = context is { } vars ? Variables(vars) : CallRecord.EmptyVariables,
            CreatedAt = WireJson.Time(e, "created_at"),
            UpdatedAt = WireJson.Time(e, "updated_at"),
            Raw = e,
        };
    }

    private static List<CallRecord> Map(IReadOnlyList<JsonElement> items)
    {
        var calls = new List<CallRecord>(items.Count);
        foreach (var item in items) calls.Add(ToCall(item));
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
                    if (WireJson.Scalar(inner.Value) is { } value) variables.TryAdd(inner.Name, value);
                }
            }
            else if (WireJson.Scalar(member.Value) is { } value)
            {
                variables[member.Name] = value;
            }
        }

        return variables;
    }
}
