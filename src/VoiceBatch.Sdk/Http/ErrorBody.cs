using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Http;

/// <summary>
/// What a vendor's error body says, whichever vendor-neutral shape it has: <c>{statusCode, message, error}</c>,
/// <c>{detail}</c> (FastAPI; a string or a list of validation errors), <c>{message, status, code, errorMessage}</c>,
/// <c>{errors: …}</c>, or plain text. <see cref="Text"/> is the (scrubbed) body, kept so an adapter can read a
/// vendor-specific report from it (e.g. row errors of a create).
/// </summary>
internal sealed record ErrorBody(string? Message, string? Code, string Text)
{
    /// <summary>The key under which a translated exception's <see cref="Exception.Data"/> keeps the scrubbed body text.</summary>
    public const string DataKey = "VoiceBatch.ResponseBody";

    public static ErrorBody Empty { get; } = new(null, null, string.Empty);

    /// <summary>Reads <paramref name="text"/> (already scrubbed) and scrubs what it read out of it again with
    /// <paramref name="scrubber"/>: JSON unescaping can rebuild a key or a number that the raw text only held escaped
    /// (<c>\u002B1415…</c>). Never throws.</summary>
    public static ErrorBody Parse(string text, Scrubber scrubber)
    {
        var body = Parse(text);
        return body with { Message = body.Message is null ? null : scrubber.Scrub(body.Message), Code = body.Code is null ? null : scrubber.Scrub(body.Code) };
    }

    /// <summary>Reads <paramref name="text"/> (already scrubbed); never throws. What it reads out may need scrubbing again:
    /// prefer <see cref="Parse(string, Scrubber)"/>.</summary>
    public static ErrorBody Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != '{') return new ErrorBody(null, null, text);
        try
        {
            var dto = JsonSerializer.Deserialize(text, HttpJsonContext.Default.ErrorBodyDto);
            if (dto is null) return new ErrorBody(null, null, text);
            var message = dto.ErrorMessage ?? dto.Message ?? dto.Detail ?? dto.ErrorMessageSnake ?? dto.Error ?? dto.Errors;
            var code = dto.Code ?? dto.ErrorCode ?? dto.ErrorCodeCamel ?? dto.Error;
            return new ErrorBody(message, string.Equals(code, message, StringComparison.Ordinal) ? null : code, text);
        }
        catch (JsonException)
        {
            return new ErrorBody(null, null, text);
        }
    }

    /// <summary>The body text a translated exception carries, if any.</summary>
    public static string? Of(Exception exception) => exception.Data[DataKey] as string;

    /// <summary>True when the vendor's message (or, without one, the body) contains <paramref name="phrase"/>, ignoring case.</summary>
    public bool Says(string phrase) => (Message ?? Text).Contains(phrase, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Every member name vendors use for an error's message and code; values of any JSON kind read as text.</summary>
internal sealed class ErrorBodyDto
{
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("detail")] public string? Detail { get; set; }
    [JsonPropertyName("error_message")] public string? ErrorMessageSnake { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("errors")] public string? Errors { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
    [JsonPropertyName("errorCode")] public string? ErrorCodeCamel { get; set; }
}
