using System.Text.Json;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bland;

// Bland's error envelope: every /v2 answer is {data, errors}, and errors may come inside an HTTP 2xx (the docs: "errors
// null|array: null on success, or an array of error objects if access fails"; example {"data": null, "errors": [{"error":
// "CALL_RECORDING_NOT_FOUND", "message": "Call recording not found"}]}, api-v1/get/calls-id-recording).
internal static partial class BlandMapping
{
    /// <summary>
    /// A 2xx answer whose <c>errors</c> is not empty, as the shared error table reads it (the vendor said no, so nothing was
    /// done). The status it stands for comes from the error's code: <c>…NOT_FOUND</c> on a route about one batch → 404,
    /// <c>…UNAUTHORIZED…</c>/<c>…FORBIDDEN…</c>/<c>…API_KEY…</c> → 401, <c>…RATE_LIMIT…</c> → 429, anything else → 400 (with
    /// <paramref name="route"/>'s own meaning of 400, e.g. an action refused in the batch's state). Null when there is no error;
    /// the answer's <paramref name="raw"/> JSON is parsed only then.
    /// </summary>
    public static VoiceBatchException? EnvelopeError(ProviderId provider, Scrubber scrubber, JsonElement? errors, RawJson raw, string what, bool aboutBatch, RouteTraits? route = null)
    {
        var list = Errors(errors);
        if (list.Count == 0) return null;
        var code = list.Select(e => e.Code).FirstOrDefault(c => c is not null);
        var message = string.Join("; ", list.Select(e => e.Message ?? e.Code).Where(m => m is not null));
        var upper = code?.ToUpperInvariant() ?? string.Empty;
        var status = upper.Contains("NOT_FOUND", StringComparison.Ordinal) && aboutBatch ? 404
            : upper.Contains("UNAUTHORIZED", StringComparison.Ordinal) || upper.Contains("FORBIDDEN", StringComparison.Ordinal) || upper.Contains("API_KEY", StringComparison.Ordinal) ? 401
            : upper.Contains("RATE_LIMIT", StringComparison.Ordinal) ? 429
            : 400;
        string text;
        try
        {
            text = raw.Element.GetRawText();
        }
        catch (JsonException)
        {
            text = string.Empty; // the errors were read; the answer's own text is not needed to report them
        }

        var body = new ErrorBody(message.Length == 0 ? null : scrubber.Scrub(message), code is null ? null : scrubber.Scrub(code), scrubber.Scrub(text));
        return ErrorMap.FromStatus(provider, status, body, what + " (an error inside Bland's HTTP 2xx {data, errors} answer)", null, null, route);
    }

    /// <summary><c>errors</c> as (code, message) pairs: each array item <c>{error, message}</c> (or a string); a lone object or
    /// string is one error; null, an empty array or blank text is none.</summary>
    public static List<(string? Code, string? Message)> Errors(JsonElement? errors)
    {
        var list = new List<(string? Code, string? Message)>();
        if (errors is not { } e) return list;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Add(item);
        }
        else
        {
            Add(e);
        }

        return list;

        void Add(JsonElement item)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                    list.Add((null, item.GetString()));
                    break;
                case JsonValueKind.Object:
                    list.Add((Text(item, "error") ?? Text(item, "code"), Text(item, "message") ?? Text(item, "detail")));
                    break;
                case JsonValueKind.Number or JsonValueKind.True:
                    list.Add((item.GetRawText(), null));
                    break;
            }
        }
    }

    private static string? Text(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? (string.IsNullOrWhiteSpace(v.GetString()) ? null : v.GetString())
            : v.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? v.GetRawText() : null : null;
}
