using System.Globalization;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.VoiceAI;

/// <summary>
/// The create side of VoiceAI: the vendor-specific checks made before anything is sent, the submit body, and the
/// reading of a validation refusal that names recipients (FastAPI's <c>{"detail":[{"loc":[…],"msg":…}]}</c>).
/// </summary>
internal static class VoiceAISubmit
{
    /// <summary>The name format used when the request has none (UTC): <c>VoiceBatch 2026-03-14 09:30</c>.</summary>
    public const string DefaultNameFormat = "'VoiceBatch' yyyy-MM-dd HH:mm";

    /// <summary>Checks the VoiceAI-specific rules and builds the submit body. Throws before anything is sent.</summary>
    /// <param name="request">The request, already validated by the client.</param>
    /// <param name="now">The current time (names an unnamed batch).</param>
    /// <returns>The body to send.</returns>
    public static VoiceAISubmitDto Build(CreateBatchRequest request, DateTimeOffset now)
    {
        if (request.MaxRetries is > 0)
        {
            throw new ArgumentException(
                "VoiceAI cannot retry calls automatically (its submit has no retry settings): leave CreateBatchRequest.MaxRetries unset "
                + "and call RetryBatchAsync after the batch finishes to re-call failed and unanswered contacts. Nothing was sent.",
                nameof(request));
        }

        var from = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim();
        if (from is not null && from.StartsWith('+') && PhoneNumberNormalizer.TryNormalize(from, null, out _))
        {
            throw new ArgumentException(
                "VoiceAI takes the id of one of its caller phone numbers (agent_phone_number_id), not the number itself: set "
                + "CreateBatchRequest.FromPhoneNumber to that id. Nothing was sent.",
                nameof(request));
        }

        return new VoiceAISubmitDto
        {
            CallName = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(now) : request.Name.Trim(),
            AgentId = request.AgentId.Trim(),
            AgentPhoneNumberId = from,
            ScheduledTimeUnix = request.ScheduledAt?.ToUnixTimeSeconds(),
            TargetConcurrencyLimit = request.MaxConcurrentCalls,
            Recipients = request.Contacts.Contacts.Select(ToRecipient).ToList(),
        };
    }

    /// <summary>The name given to an unnamed batch (VoiceAI requires <c>call_name</c>); it is also the name to look for
    /// when a create's outcome is uncertain.</summary>
    public static string DefaultName(DateTimeOffset now) => now.UtcDateTime.ToString(DefaultNameFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// A 400/422 whose body names recipients (<c>loc: ["body","recipients",2,"phone_number"]</c>) →
    /// <see cref="ContactValidationException"/> with one row error per named recipient, mapped back to the sheet rows.
    /// Null when the body names no recipient (the caller then rethrows the original error).
    /// </summary>
    public static ContactValidationException? RowErrorsOf(VoiceBatchException error, ContactList contacts)
    {
        var body = ErrorBody.Of(error);
        if (string.IsNullOrWhiteSpace(body)) return null;
        var rows = new List<ContactRowError>();
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("detail", out var detail)
                || detail.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var item in detail.EnumerateArray())
            {
                if (RowErrorOf(item, contacts) is { } row) rows.Add(row);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (rows.Count == 0) return null;
        var summary = string.Join("; ", rows.Take(5).Select(r => $"row {r.Row}{(r.Column is null ? string.Empty : $" ({r.Column})")}: {r.Reason}"));
        return new ContactValidationException(
            $"'{ProviderId.VoiceAI}' rejected {rows.Count} recipient(s) (HTTP {error.StatusCode}): {summary}{(rows.Count > 5 ? "; …" : string.Empty)}. Nothing was created.",
            rows, ProviderId.VoiceAI, error.StatusCode, error.RequestId);
    }

    private static ContactRowError? RowErrorOf(JsonElement item, ContactList contacts)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("loc", out var loc) || loc.ValueKind != JsonValueKind.Array) return null;
        var path = loc.EnumerateArray().ToList();
        var at = path.FindIndex(e => e.ValueKind == JsonValueKind.String && e.GetString() == "recipients");
        if (at < 0 || at + 1 >= path.Count || path[at + 1].ValueKind != JsonValueKind.Number
            || !path[at + 1].TryGetInt32(out var index) || index < 0 || index >= contacts.Contacts.Count)
        {
            return null;
        }

        // The deepest named field: "phone_number", or a variable's name under conversation_initiation_client_data.dynamic_variables.
        string? column = null;
        for (var i = path.Count - 1; i > at + 1 && column is null; i--)
        {
            if (path[i].ValueKind == JsonValueKind.String) column = path[i].GetString();
        }

        var contact = contacts.Contacts[index];
        var value = column == "phone_number" ? contact.PhoneNumber
            : column is not null && contact.Variables.TryGetValue(column, out var v) ? v
            : null;
        var reason = item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString()! : "rejected by VoiceAI";
        return new ContactRowError(contact.Row, column, Redactor.Truncate(reason, 300), value);
    }

    private static VoiceAISubmitRecipientDto ToRecipient(Contact contact) => new()
    {
        PhoneNumber = contact.PhoneNumber,
        ClientData = contact.Variables.Count == 0
            ? null
            : new VoiceAISubmitClientDataDto { DynamicVariables = new Dictionary<string, string>(contact.Variables, StringComparer.Ordinal) },
    };
}
