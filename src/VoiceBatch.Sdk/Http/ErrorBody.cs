using System.Text.Json;

namespace VoiceBatch.Http;

/// <summary>What a vendor's error body says, read tolerantly from any of the documented shapes:
/// DialNexa <c>{statusCode, message, error}</c>, Bolna <c>{detail}</c>/<c>{message}</c>,
/// batch-details <c>{message, status, code, errorMessage}</c>, or plain text.</summary>
internal sealed record ErrorBody(string? Message, string? Code, string Text)
{
    /// <summary>The key under which the translated exception's <see cref="Exception.Data"/> keeps the (scrubbed) body text,
    /// so an adapter can re-read a vendor-specific report (e.g. DialNexa's row errors).</summary>
    public const string DataKey = "VoiceBatch.ResponseBody";

    public static ErrorBody Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new ErrorBody(null, null, string.Empty);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new ErrorBody(null, null, text);
            var root = doc.RootElement;
            var message = FirstString(root, "errorMessage", "message", "detail", "error_message", "error");
            var code = FirstString(root, "code", "error_code", "errorCode", "error");
            if (string.Equals(code, message, StringComparison.Ordinal)) code = null;
            return new ErrorBody(message, code, text);
        }
        catch (JsonException)
        {
            return new ErrorBody(null, null, text);
        }
    }

    /// <summary>The body text kept on an exception by the error translator, if any.</summary>
    public static string? Of(Exception exception) => exception.Data[DataKey] as string;

    private static string? FirstString(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            if (!root.TryGetProperty(name, out var value)) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.Object or JsonValueKind.Array:
                    return value.GetRawText();
            }
        }

        return null;
    }
}
