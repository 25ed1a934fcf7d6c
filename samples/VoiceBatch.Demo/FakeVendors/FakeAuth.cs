using Microsoft.AspNetCore.Http;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>Checks the vendor's auth header the way the vendor documents it.</summary>
internal static class FakeAuth
{
    public static IResult? Bearer(HttpRequest request)
        => request.Headers.Authorization == $"Bearer {FakeVendorServer.ApiKey}" ? null : Results.Json(new { detail = "Invalid authentication credentials" }, statusCode: 401);

    public static IResult? ApiKeyHeader(HttpRequest request)
        => request.Headers["x-api-key"] == FakeVendorServer.ApiKey ? null : Results.Json(new { detail = "Invalid API key" }, statusCode: 401);

    public static IResult Seed(string folder, string file) => Results.Text(File.ReadAllText(Path.Combine(folder, file)), "application/json");

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
