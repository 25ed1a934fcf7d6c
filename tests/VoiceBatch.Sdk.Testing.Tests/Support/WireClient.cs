using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>Plain HTTP helpers for wire-level tests: no SDK in the way.</summary>
internal static class WireClient
{
    public static async Task<(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)> CallAsync(this HttpClient http, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
        }

        return ((int)response.StatusCode, body, text, response);
    }

    public static Task<(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)> FetchAsync(this HttpClient http, string path) => http.CallAsync(HttpMethod.Get, path);

    public static Task<(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)> PostJsonAsync(this HttpClient http, string path, string json)
        => http.CallAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)> PostFormAsync(this HttpClient http, string path, string? csv, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (csv is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "leads.csv");
        }

        return http.CallAsync(HttpMethod.Post, path, form);
    }

    public static void AssertJsonEqual(JsonNode? expected, JsonNode? actual)
        => Assert.That(JsonNode.DeepEquals(expected, actual), Is.True, $"expected {expected?.ToJsonString()}\n     got {actual?.ToJsonString()}");
}
