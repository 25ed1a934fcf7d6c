using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// The error body of a NestJS API (DialNexa's OpenAPI <c>ErrorResponse</c>: <c>{statusCode, message, error}</c>, where
/// <c>error</c> is the status's reason phrase and <c>message</c> a string or a list of strings).
/// </summary>
internal static class NestError
{
    public static JsonObject Of(int statusCode, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["message"] = message,
        ["error"] = ReasonPhrases.GetReasonPhrase(statusCode),
    };

    public static JsonObject Of(int statusCode, IEnumerable<string> messages) => new()
    {
        ["statusCode"] = statusCode,
        ["message"] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray()),
        ["error"] = ReasonPhrases.GetReasonPhrase(statusCode),
    };
}
