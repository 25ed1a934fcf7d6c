using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VoiceBatch.Testing.Hosting;

/// <summary>Reading and writing JSON on the wire the way the vendors do (no <c>\u002B</c> for a <c>+</c>).</summary>
internal static class Wire
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="body"/> as <c>application/json</c> with <paramref name="statusCode"/>.</summary>
    public static async Task WriteAsync(HttpContext context, JsonNode? body, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body?.ToJsonString(Json) ?? "null", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes JSON text as given (the vendors' own examples, verbatim).</summary>
    public static async Task WriteRawAsync(HttpContext context, string json, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The request body as JSON, or null when it is empty or not JSON.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>UTC, milliseconds, trailing <c>Z</c> (<c>2024-03-01T10:00:00.000Z</c>, JavaScript's <c>toISOString</c>).</summary>
    public static string IsoMillis(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>UTC to the second with a trailing <c>Z</c> (<c>2024-01-23T05:14:37Z</c>).</summary>
    public static string IsoSeconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix seconds.</summary>
    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    /// <summary>A query value as a positive integer, <paramref name="fallback"/> when absent; null when present but not a positive integer.</summary>
    public static int? PositiveInt(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
    }

    /// <summary>A JSON object of <paramref name="values"/> (string values).</summary>
    public static JsonObject Object(IReadOnlyDictionary<string, string> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values) obj[key] = value;
        return obj;
    }
}
