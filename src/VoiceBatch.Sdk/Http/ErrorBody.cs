using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Http;

/// <summary>
/// What a vendor's error body says, whichever vendor-neutral shape it has: <c>{statusCode, message, error}</c>,
/// <c>{detail}</c> (FastAPI: a string or a list of validation errors; ElevenLabs and Synthflow: an object with
/// <c>message</c>/<c>description</c>, <c>status</c>/<c>category</c>, <c>request_id</c>), <c>{message, status, code,
/// errorMessage}</c>, <c>{error: {message, code}}</c>, <c>{errors: [{error, message}]}</c> (Bland), or plain text.
/// <see cref="Text"/> is the (scrubbed) body, kept so an adapter can read a vendor-specific report from it (e.g. row
/// errors of a create); <see cref="RequestId"/> is the body's own request id, for vendors that send none as a header.
/// </summary>
internal sealed record ErrorBody(string? Message, string? Code, string Text, string? RequestId = null)
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
        return body with
        {
            Message = body.Message is null ? null : scrubber.Scrub(body.Message),
            Code = body.Code is null ? null : scrubber.Scrub(body.Code),
            RequestId = body.RequestId is null ? null : scrubber.Scrub(body.RequestId),
        };
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
            var message = dto.ErrorMessage ?? dto.Message?.Message ?? dto.Detail?.Message ?? dto.ErrorMessageSnake ?? dto.Error?.Message ?? dto.Errors?.Message;
            var code = dto.Code ?? dto.ErrorCode ?? dto.ErrorCodeCamel ?? dto.Detail?.Code ?? dto.Error?.Code ?? dto.Errors?.Code ?? dto.Message?.Code
                       ?? (dto.Error is { IsText: true } word ? word.Message : null);
            var requestId = dto.RequestId ?? dto.Detail?.RequestId ?? dto.Error?.RequestId;
            return new ErrorBody(message, string.Equals(code, message, StringComparison.Ordinal) ? null : code, text, requestId);
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

/// <summary>Every member name vendors use for an error's message and code; scalar values of any JSON kind read as text,
/// the members that vendors also send as objects or lists as an <see cref="ErrorPart"/>.</summary>
internal sealed class ErrorBodyDto
{
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; set; }
    [JsonPropertyName("message")] public ErrorPart? Message { get; set; }
    [JsonPropertyName("detail")] public ErrorPart? Detail { get; set; }
    [JsonPropertyName("error_message")] public string? ErrorMessageSnake { get; set; }
    [JsonPropertyName("error")] public ErrorPart? Error { get; set; }
    [JsonPropertyName("errors")] public ErrorPart? Errors { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
    [JsonPropertyName("errorCode")] public string? ErrorCodeCamel { get; set; }
    [JsonPropertyName("request_id")] public string? RequestId { get; set; }
}

/// <summary>
/// One error member's meaning, whatever its JSON kind: text as sent; an object by its own message
/// (<c>message</c>, <c>description</c>, <c>msg</c>, <c>detail</c>, <c>error</c>), code (<c>code</c>, <c>error_code</c>,
/// <c>type</c>, <c>category</c>, <c>status</c> when it is a word, else an <c>error</c> word beside the message, as Bland's
/// <c>{error: "CALL_RECORDING_NOT_FOUND", message}</c>) and <c>request_id</c> — or, with no message member, its
/// JSON; a list as its elements' messages joined by "; " (the first five) and the first code.
/// </summary>
[JsonConverter(typeof(ErrorPartConverter))]
internal sealed record ErrorPart(string? Message, string? Code = null, string? RequestId = null)
{
    /// <summary>True when the member was plain text (e.g. NestJS's <c>error: "Not Found"</c>, which is a code beside a message).</summary>
    public bool IsText { get; init; }
}

internal sealed class ErrorPartConverter : JsonConverter<ErrorPart>
{
    private static readonly string[] MessageNames = ["message", "description", "msg", "detail", "error", "error_message"];
    private static readonly string[] CodeNames = ["code", "error_code", "type", "category", "status"];

    public override ErrorPart? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Of(document.RootElement, depth: 0);
    }

    public override void Write(Utf8JsonWriter writer, ErrorPart value, JsonSerializerOptions options) => writer.WriteStringValue(value.Message);

    private static ErrorPart? Of(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return string.IsNullOrWhiteSpace(value.GetString()) ? null : new ErrorPart(value.GetString()) { IsText = true };
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return new ErrorPart(value.GetRawText());
            case JsonValueKind.Object:
                var message = depth < 2 ? First(value, MessageNames, depth) : null;
                var code = CodeNames.Select(name => value.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))
                           ?? (value.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() != message?.Message ? e.GetString() : null);
                var requestId = value.TryGetProperty("request_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return new ErrorPart(message?.Message ?? value.GetRawText(), code ?? message?.Code, requestId ?? message?.RequestId);
            case JsonValueKind.Array:
                var parts = value.EnumerateArray().Select(item => depth < 2 ? Of(item, depth + 1) : null).Where(p => p?.Message is not null).Take(5).ToList();
                return parts.Count == 0
                    ? value.GetArrayLength() == 0 ? null : new ErrorPart(value.GetRawText())
                    : new ErrorPart(string.Join("; ", parts.Select(p => p!.Message)), parts.Select(p => p!.Code).FirstOrDefault(c => c is not null));
            default:
                return null;
        }
    }

    private static ErrorPart? First(JsonElement value, string[] names, int depth)
    {
        foreach (var name in names)
        {
            if (value.TryGetProperty(name, out var member) && Of(member, depth + 1) is { Message: not null } part) return part;
        }

        return null;
    }
}
