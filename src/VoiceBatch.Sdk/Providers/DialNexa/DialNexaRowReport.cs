using System.Globalization;
using System.Text.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// Reads DialNexa's 400 "destination validation" report on create. Seed 004 only says it is "grouped error details,
/// including the affected row numbers", so it is read tolerantly: the vendor's message from <c>message</c> (a
/// string or a list of strings) or <c>error</c>; the groups as an array under <c>errors</c> or <c>details</c> whose
/// items carry the reason as <c>reason</c>/<c>message</c>/<c>error</c>, an optional <c>column</c>/<c>field</c>, and the
/// rows as <c>rows</c>/<c>row_numbers</c>/<c>rowNumbers</c>/<c>row</c> (a number, numeric text, "2, 5", or a list of
/// those) — or as an object mapping each reason to its rows.
/// </summary>
/// <remarks>
/// DialNexa's row numbers are taken as rows of the uploaded CSV with its header as row 1 (the spreadsheet convention
/// of <see cref="ContactRowError.Row"/>). The SDK uploaded the validated contacts in order, so uploaded row <c>r</c> is
/// <c>contacts[r − 2]</c>, and the error reports that contact's row in the CALLER's sheet, with its number as
/// <see cref="ContactRowError.Value"/>. A row outside the upload is reported as DialNexa numbered it. The raw
/// (scrubbed) body is always quoted in the exception message, so nothing is lost when the shape differs.
/// </remarks>
internal static class DialNexaRowReport
{
    private static readonly string[] GroupKeys = ["errors", "details"];
    private static readonly string[] ReasonKeys = ["reason", "message", "error"];
    private static readonly string[] ColumnKeys = ["column", "field"];
    private static readonly string[] RowKeys = ["rows", "row_numbers", "rowNumbers", "row"];

    /// <summary>The row errors in <paramref name="body"/>, or null when it names no rows (then the 400 is not a row report).</summary>
    public static ContactValidationException? TryRead(string? body, IReadOnlyList<Contact> uploaded, VoiceBatchException translated)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object) return null;
        var errors = new List<ContactRowError>();
        foreach (var key in GroupKeys)
        {
            if (!root.TryGetProperty(key, out var groups)) continue;
            if (groups.ValueKind == JsonValueKind.Array)
            {
                foreach (var group in groups.EnumerateArray())
                {
                    if (group.ValueKind != JsonValueKind.Object) continue;
                    var reason = FirstText(group, ReasonKeys) ?? "rejected by DialNexa";
                    var column = FirstText(group, ColumnKeys);
                    foreach (var row in RowsOf(group)) errors.Add(ToError(row, column, reason, uploaded));
                }
            }
            else if (groups.ValueKind == JsonValueKind.Object)
            {
                foreach (var group in groups.EnumerateObject())
                {
                    var rows = group.Value.ValueKind == JsonValueKind.Object ? RowsOf(group.Value) : Rows(group.Value);
                    foreach (var row in rows) errors.Add(ToError(row, null, group.Name, uploaded));
                }
            }
        }

        if (errors.Count == 0) return null;
        var vendorSays = VendorMessage(root);
        var sample = string.Join("; ", errors.Take(5).Select(e => $"row {e.Row}: {e.Reason}"));
        var message = $"'{ProviderId.DialNexa}' refused {errors.Count} contact row(s) (HTTP 400){(vendorSays is null ? string.Empty : ": " + Redactor.Truncate(vendorSays, 300))} "
                      + $"({sample}{(errors.Count > 5 ? "; …" : string.Empty)}). Nothing was created; fix or remove these rows (rows of your sheet). "
                      + $"DialNexa's response: {Redactor.Truncate(body, 2000)}";
        var exception = new ContactValidationException(message, errors, ProviderId.DialNexa, translated.StatusCode, translated.RequestId);
        exception.Data[Http.ErrorBody.DataKey] = body;
        return exception;
    }

    private static ContactRowError ToError(int vendorRow, string? column, string reason, IReadOnlyList<Contact> uploaded)
    {
        var index = vendorRow - 2;
        return index >= 0 && index < uploaded.Count
            ? new ContactRowError(uploaded[index].Row, column, reason, uploaded[index].PhoneNumber)
            : new ContactRowError(vendorRow, column, reason, null);
    }

    private static List<int> RowsOf(JsonElement group)
    {
        foreach (var key in RowKeys)
        {
            if (group.TryGetProperty(key, out var value)) return Rows(value);
        }

        return [];
    }

    private static List<int> Rows(JsonElement value)
    {
        var rows = new List<int>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out var n):
                rows.Add(n);
                break;
            case JsonValueKind.String:
                foreach (var part in (value.GetString() ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)) rows.Add(r);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) rows.AddRange(Rows(item));
                break;
        }

        return rows;
    }

    private static string? VendorMessage(JsonElement root)
    {
        if (root.TryGetProperty("message", out var message))
        {
            if (message.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(message.GetString())) return message.GetString();
            if (message.ValueKind == JsonValueKind.Array)
            {
                var lines = message.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()).ToList();
                if (lines.Count > 0) return string.Join("; ", lines);
            }
        }

        return FirstText(root, ["error"]);
    }

    private static string? FirstText(JsonElement element, string[] keys)
    {
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }
        }

        return null;
    }
}
