using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Issue 14.4 — no secret anywhere. A vendor echoes the configured key (and a contact's number) back in every way one
/// might — a header dump, a query string, a JSON field, URL-encoded, JSON-escaped — in an error body, a 5xx, an
/// unreadable 200; none of it may reach an exception's message, <c>ToString()</c>, <see cref="VoiceBatchResponseException.BodySnippet"/>,
/// any <see cref="Exception.Data"/> entry or any log line, in ANY of those spellings.
/// </summary>
[TestFixture(TestClient.CanaryKey)]
[TestFixture(SpecialKey)]
public sealed class SecretScrubbingTests(string key)
{
    /// <summary>A key with the characters encoders change: '+', '/', '=' and '&amp;'.</summary>
    public const string SpecialKey = "sk+canary/7f3d=9a1b&2c4e6f80";

    private const string Phone = "+14155550101";

    private static readonly ProviderId Probe = ProbeAdapter.ProbeId;

    private static readonly string PhoneJsonEscaped = JsonEncodedText.Encode(Phone).Value;                 // \u002B14155550101

    private string Key => key;

    /// <summary>Every spelling that must never be seen.</summary>
    private string[] Forbidden
    {
        get
        {
            var k = new Spellings(Key);
            return [k.Raw, k.UrlEncoded, k.UrlEncoded.ToLowerInvariant(), k.JsonEscaped, k.JsonEscapedSlashes, k.Relaxed, Phone, Phone[1..], PhoneJsonEscaped];
        }
    }

    /// <summary>The vendor's echoes: how each writes the key (<paramref name="k"/> holds its spellings), and its content type.</summary>
    private static readonly (string Name, Func<Spellings, string> Body, string ContentType)[] Bodies =
    [
        ("plain message", k => $$"""{"message":"Invalid key {{k.Raw}} for {{Phone}}"}""", "application/json"),
        ("x-api-key header dump", k => $"Request headers: x-api-key: {k.Raw}\nX-Phone: {Phone}", "text/plain"),
        ("bearer header dump", k => $"Authorization: Bearer {k.Raw}; to={Phone}", "text/plain"),
        ("xi-api-key header dump", k => $$"""{"detail":"xi-api-key: {{k.Raw}} rejected for {{Phone}}"}""", "application/json"),
        ("query string", k => $$"""{"error":"GET /v1/batches?api_key={{k.UrlEncoded}}&to={{Uri.EscapeDataString(Phone)}} denied"}""", "application/json"),
        ("json token field", k => $$$"""{"message":"bad credentials","request":{"token": "{{{k.JsonEscaped}}}","to":"{{{PhoneJsonEscaped}}}"}}""", "application/json"),
        ("url-encoded key", k => $"key={k.UrlEncoded}&phone={Uri.EscapeDataString(Phone)}", "application/x-www-form-urlencoded"),
        ("json-escaped key", k => $$"""{"message":"The key {{k.JsonEscaped}} is not valid for {{PhoneJsonEscaped}}"}""", "application/json"),
        ("json-escaped slashes", k => $$"""{"errorMessage":"Key '{{k.JsonEscapedSlashes}}' unknown","code":"AUTH"}""", "application/json"),
        ("relaxed json", k => $$"""{"message":"Key {{k.Relaxed}} unknown to {{Phone}}"}""", "application/json"),
        ("html page", k => $"<html><body><pre>api_key={k.Raw}\nphone={Phone}</pre></body></html>", "text/html"),
    ];

    public static IEnumerable<TestCaseData> Echoes()
    {
        foreach (var (name, _, type) in Bodies)
        {
            // On a 200 a JSON object is a (tolerantly read) answer, not an error: only the unreadable bodies fail there.
            foreach (var status in type == "application/json" ? [400, 401, 500] : new[] { 400, 401, 500, 200 })
            {
                yield return new TestCaseData(name, status).SetName($"Key_echoed_as_{name.Replace(' ', '_')}_on_{status}_is_scrubbed");
            }
        }
    }

    /// <summary>The key as each encoder writes it.</summary>
    private sealed record Spellings(string Raw)
    {
        public string UrlEncoded => Uri.EscapeDataString(Raw);

        public string JsonEscaped => JsonEncodedText.Encode(Raw).Value;

        public string JsonEscapedSlashes => JsonEscaped.Replace("/", "\\/", StringComparison.Ordinal);

        public string Relaxed => JsonEncodedText.Encode(Raw, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
    }

    private WireMockServer _server = null!;
    private TestClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = WireMockServer.Start();
        _client = new TestClient(b => b.AddProbe(o =>
        {
            TestClient.Fast(o, _server.Url!);
            o.ApiKey = Key;
            o.MaxRetries = 1;
        }));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    [TestCaseSource(nameof(Echoes))]
    public void Reads_and_creates(string echo, int status)
    {
        var (_, write, contentType) = Bodies.Single(b => b.Name == echo);
        var body = write(new Spellings(Key));
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
        var create = new CreateBatchRequest { AgentId = "a1", Name = "Echo", Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = Phone }]) };

        var read = Assert.CatchAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        var created = Assert.CatchAsync<VoiceBatchException>(() => _client.Client.CreateBatchAsync(Probe, create));
        var retried = Assert.CatchAsync<VoiceBatchException>(() => _client.Client.RetryBatchAsync(Probe, "b1"));

        foreach (var ex in new[] { read!, created!, retried! })
        {
            AssertClean(ex);
        }

        AssertClean(_client.AllLogText(), "the logs");
    }

    [Test]
    public void The_snippet_and_data_still_say_what_the_vendor_said()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html")
            .WithBody($"<html>maintenance; api_key={Key}</html>"));

        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex!.BodySnippet, Does.StartWith("<html>maintenance; api_key=***"));
    }

    [Test]
    public void A_phone_number_in_a_json_escaped_vendor_message_is_masked_but_still_recognisable()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"message":"{{PhoneJsonEscaped}} is on the do-not-call list"}"""));

        var ex = Assert.CatchAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex!.Message, Does.Contain("+1415***0101 is on the do-not-call list"));
    }

    private void AssertClean(VoiceBatchException ex)
    {
        AssertClean(ex.ToString(), "ToString()");
        AssertClean(ex.Message, "Message");
        if (ex is VoiceBatchResponseException { BodySnippet: { } snippet }) AssertClean(snippet, "BodySnippet");
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            AssertClean(e.Message, e.GetType().Name + ".Message");
            foreach (DictionaryEntry entry in e.Data) AssertClean($"{entry.Key}={entry.Value}", e.GetType().Name + ".Data");
        }
    }

    private void AssertClean(string text, string where)
    {
        foreach (var secret in Forbidden)
        {
            Assert.That(text, Does.Not.Contain(secret), $"{where} shows '{secret}':\n{text}");
        }
    }
}
