using System.Net;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Http;

/// <summary>The shared HTTP pipeline, through the real DI registration, against a loopback WireMock server.</summary>
public sealed class PipelineTests
{
    private static readonly ProviderId Probe = ProbeAdapter.ProbeId;
    private WireMockServer _server = null!;
    private TestClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = WireMockServer.Start();
        _client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, _server.Url!)));
    }

    [TearDown]
    public void TearDown()
    {
        // Every test also proves the canary key never leaks into a log line.
        Assert.That(_client.AllLogText(), Does.Not.Contain(TestClient.CanaryKey));
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void Respond(string path, int status, string body, string? contentType = "application/json", Action<IResponseBuilder>? extra = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (contentType is not null) response = response.WithHeader("Content-Type", contentType);
        extra?.Invoke(response);
        _server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    private int Received(string path, string method) => _server.LogEntries.Count(e => e.RequestMessage!.Path == path && e.RequestMessage.Method == method);

    private static void AssertNoKey(Exception ex) => Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));

    [Test]
    public async Task Sends_the_key_as_a_bearer_token()
    {
        Respond("/probe/b1", 200, """{"id":"b1"}""");
        await _client.Client.GetBatchAsync(Probe, "b1");
        var header = _server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single();
        Assert.That(header, Is.EqualTo("Bearer " + TestClient.CanaryKey));
    }

    [TestCase(401)]
    [TestCase(403)]
    public void Unauthorized_and_forbidden_become_authentication_errors(int status)
    {
        Respond("/probe/b1", status, """{"detail":"Invalid token sk_canary_7f3d9a1b2c4e6f80"}""");
        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(status));
            Assert.That(ex.Provider, Is.EqualTo(Probe));
            Assert.That(ex.Message, Does.Contain("Invalid token"));
            Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(1), "authentication failures are not retried");
        });
        AssertNoKey(ex!);
    }

    // Error bodies as the vendors publish them: ElevenLabs' {"detail": {status, message}}; Synthflow's OpenAPI error schema
    // {"detail": {status, description, request_id, category}}; Bland's {"data": null, "errors": [{error, message}]}
    // (Fixtures/Published/bland); FastAPI's validation list; an OpenAI-style {"error": {message, code}}.
    [TestCase("""{"detail":{"status":"invalid_batch","message":"Batch call not found"}}""", "Batch call not found", "invalid_batch", null)]
    [TestCase("""{"detail":{"status":404,"description":"Batch call not found","request_id":"req-sf-1","category":"not_found"}}""", "Batch call not found", "not_found", "req-sf-1")]
    [TestCase("""{"data":null,"errors":[{"error":"CALL_RECORDING_NOT_FOUND","message":"Call recording not found"}]}""", "Call recording not found", "CALL_RECORDING_NOT_FOUND", null)]
    [TestCase("""{"detail":[{"loc":["path","id"],"msg":"value is not a valid uuid","type":"type_error.uuid"},{"loc":["query","limit"],"msg":"too large","type":"value_error"}]}""", "value is not a valid uuid; too large", "type_error.uuid", null)]
    [TestCase("""{"error":{"message":"Batch call not found","code":"not_found"}}""", "Batch call not found", "not_found", null)]
    public void Nested_error_bodies_give_their_message_code_and_request_id(string body, string message, string code, string? requestId)
    {
        Respond("/probe/nope", 404, body);
        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _client.Client.GetBatchAsync(Probe, "nope"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain(": " + message + "."), "the vendor's message, not its JSON");
            Assert.That(ex.ErrorCode, Is.EqualTo(code));
            Assert.That(ex.RequestId, Is.EqualTo(requestId));
        });
    }

    [Test]
    public async Task A_retry_after_in_milliseconds_is_honoured_before_retry_after_seconds()
    {
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("ms").WillSetStateTo("answered")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("retry-after-ms", "1").WithHeader("Retry-After", "120").WithBody("{}"));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("ms").WhenStateIs("answered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"b1"}"""));

        var batch = await _client.Client.GetBatchAsync(Probe, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b1"), "a 1 ms wait is within the retry cap, where 120 s would not be");
            Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Not_found_becomes_BatchNotFoundException_with_vendor_message_code_and_request_id()
    {
        Respond("/probe/nope", 404, """{"statusCode":404,"message":"Batch call not found","error":"Not Found"}""", extra: r => r.WithHeader("x-request-id", "req-42"));
        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _client.Client.GetBatchAsync(Probe, "nope"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(404));
            Assert.That(ex.Message, Does.Contain("Batch call not found"));
            Assert.That(ex.ErrorCode, Is.EqualTo("Not Found"));
            Assert.That(ex.RequestId, Is.EqualTo("req-42"));
            Assert.That(ex.ToString(), Does.Contain("req-42"));
        });
    }

    [Test]
    public void Rate_limit_beyond_the_cap_is_not_waited_for_and_carries_RetryAfter()
    {
        Respond("/probe/b1", 429, """{"message":"Too many requests"}""", extra: r => r.WithHeader("Retry-After", "120"));
        var ex = Assert.ThrowsAsync<VoiceBatchRateLimitException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(1), "120 s is above MaxRetryDelay: surfaced at once");
    }

    [Test]
    public async Task Rate_limit_with_a_short_RetryAfter_is_retried_then_succeeds()
    {
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("rl").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("rl").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"b1"}"""));

        var batch = await _client.Client.GetBatchAsync(Probe, "b1");
        Assert.That(batch.Id, Is.EqualTo("b1"));
        Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(2));
    }

    [Test]
    public async Task Transient_5xx_on_a_read_is_retried_then_succeeds()
    {
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("5xx").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("5xx").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(502));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("5xx").WhenStateIs("two")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"b1","status":"running"}"""));

        var batch = await _client.Client.GetBatchAsync(Probe, "b1");
        Assert.That(batch.RawStatus, Is.EqualTo("running"));
        Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_fake_clock_registered_by_the_app_does_not_freeze_http_retries()
    {
        _client.Dispose();
        var frozen = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        _client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, _server.Url!)), s => s.AddSingleton<TimeProvider>(frozen));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("frozen").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("frozen").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"b1"}"""));

        var batch = await _client.Client.GetBatchAsync(Probe, "b1").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(batch.Id, Is.EqualTo("b1"));
        Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(2));
    }

    [Test]
    public void Persistent_5xx_on_a_read_ends_in_VoiceBatchException_after_the_retries()
    {
        Respond("/probe/b1", 500, """{"message":"Failed to aggregate batch data"}""");
        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(500));
        Assert.That(ex.Message, Does.Contain("Failed to aggregate batch data"));
        Assert.That(Received("/probe/b1", "GET"), Is.EqualTo(4), "1 attempt + 3 retries");
    }

    [Test]
    public void Create_is_never_retried_and_a_503_makes_its_outcome_uncertain()
    {
        Respond("/probe", 503, "Service Unavailable", "text/plain");
        var request = new CreateBatchRequest { AgentId = "a1", Name = "May run", Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]) };
        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, request));
        Assert.Multiple(() =>
        {
            Assert.That(Received("/probe", "POST"), Is.EqualTo(1), "a create is sent exactly once");
            Assert.That(ex!.BatchName, Is.EqualTo("May run"));
            Assert.That(ex.Message, Does.Contain("NOT re-sent"));
            Assert.That(ex.StatusCode, Is.EqualTo(503));
        });
    }

    [Test]
    public void Create_that_times_out_is_sent_once_and_uncertain()
    {
        _client.Dispose();
        _client = new TestClient(b => b.AddProbe(o =>
        {
            TestClient.Fast(o, _server.Url!);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalTimeout = TimeSpan.FromSeconds(2);
        }));
        var slow = new SlowResponder(TimeSpan.FromSeconds(2), 201, """{"id":"late"}""");
        _server.Given(Request.Create().WithPath("/probe")).RespondWith(slow.Response());
        var request = new CreateBatchRequest { AgentId = "a1", Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]) };

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, request));
        Assert.That(slow.Arrived, Is.EqualTo(1));
    }

    [Test]
    public void Create_to_a_closed_port_says_nothing_was_sent()
    {
        _client.Dispose();
        var closed = WireMockServer.Start();
        var url = closed.Url!;
        closed.Stop();
        closed.Dispose();
        _client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, url)));
        var request = new CreateBatchRequest { AgentId = "a1", Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]) };

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.CreateBatchAsync(Probe, request));
        Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
        Assert.That(ex!.Message, Does.Contain("was not sent"));
    }

    [Test]
    public void Retry_of_failed_calls_is_a_non_idempotent_post_and_is_not_retried()
    {
        Respond("/probe/b1/retry", 503, string.Empty, null);
        Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.RetryBatchAsync(Probe, "b1"));
        Assert.That(Received("/probe/b1/retry", "POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task Idempotent_action_marked_by_its_adapter_is_retried()
    {
        _server.Given(Request.Create().WithPath("/probe/b1/status")).InScenario("patch").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/probe/b1/status")).InScenario("patch").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"success":true}"""));

        var batch = await _client.Client.CancelBatchAsync(Probe, "b1");
        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
        Assert.That(Received("/probe/b1/status", "PATCH"), Is.EqualTo(2));
    }

    [TestCase("{\"id\": ", "application/json", TestName = "Truncated JSON")]
    [TestCase("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", TestName = "HTML error page on 200")]
    [TestCase("", "application/json", TestName = "Empty body")]
    [TestCase("   ", "application/json", TestName = "Whitespace body")]
    public void Unreadable_success_bodies_become_VoiceBatchResponseException(string body, string contentType)
    {
        Respond("/probe/b1", 200, body, contentType);
        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(200));
        Assert.That(ex.BodySnippet, Is.EqualTo(body.Trim().Length == 0 ? string.Empty : body));
    }

    [Test]
    public void Html_error_page_on_a_5xx_is_summarised_not_thrown_raw()
    {
        Respond("/probe/b1", 502, "<html><body>Bad gateway</body></html>", "text/html");
        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(502));
        Assert.That(ex.Message, Does.Contain("Bad gateway"));
    }

    [Test]
    public void Phone_numbers_in_vendor_error_bodies_are_masked()
    {
        Respond("/probe/b1", 400, """{"message":"Row 2: +14155550101 is not allowed"}""");
        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        Assert.That(ex!.Message, Does.Not.Contain("+14155550101"));
        Assert.That(ex.Message, Does.Contain("0101"));
    }

    [Test]
    public void Cancellation_returns_promptly_while_the_vendor_is_slow()
    {
        _server.Given(Request.Create().WithPath("/probe/slow")).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"slow"}""").WithDelay(TimeSpan.FromSeconds(4)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(async () => await _client.Client.GetBatchAsync(Probe, "slow", cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "cancellation must not wait for the slow vendor");
    }

    [Test]
    public void A_slow_read_beyond_the_attempt_timeout_ends_in_a_typed_timeout_error()
    {
        _client.Dispose();
        _client = new TestClient(b => b.AddProbe(o =>
        {
            TestClient.Fast(o, _server.Url!);
            o.MaxRetries = 1;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromSeconds(3);
        }));
        var slow = new SlowResponder(TimeSpan.FromSeconds(2), 200, """{"id":"slow"}""");
        _server.Given(Request.Create().WithPath("/probe/slow")).RespondWith(slow.Response());

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "slow"));
        Assert.That(ex!.Message, Does.Contain("timed out"));
        Assert.That(slow.Arrived, Is.EqualTo(2), "a timed-out read is retried once (MaxRetries = 1)");
    }

    [Test]
    public void Redirects_are_not_followed_so_the_key_never_travels_elsewhere()
    {
        Respond("/probe/b1", (int)HttpStatusCode.Found, string.Empty, null, r => r.WithHeader("Location", "http://127.0.0.1:1/steal"));
        Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
    }
}
