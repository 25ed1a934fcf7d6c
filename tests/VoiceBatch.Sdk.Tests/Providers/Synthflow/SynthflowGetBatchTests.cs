using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowGetBatchTests
{
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    [Test]
    public async Task A_batch_reads_into_the_canonical_model_from_under_response()
    {
        _sf.Answer("GET", "/v2/calls/batch/3f6f2f5e", SynthflowTestServer.Ok("""
            {"batch_call_id":"3f6f2f5e","name":"August re-engagement","status":"scheduled","total_task_count":10,"dispatched_count":4,
             "failed_count":1,"pending_count":5,"created_at":"2026-06-23T14:00:00Z","model_id":"1631a495","from_phone_number":"+16286666348","mode":"x"}
            """));

        var batch = await _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "3f6f2f5e");

        var request = _sf.Server.LogEntries.Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Path, Is.EqualTo("/v2/calls/batch/3f6f2f5e"), "paths under /v2, as on Synthflow's hosts");
            Assert.That(request.Headers!["Authorization"].ToString(), Is.EqualTo("Bearer " + TestClient.CanaryKey));
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.Synthflow));
            Assert.That(batch.Id, Is.EqualTo("3f6f2f5e"));
            Assert.That(batch.Name, Is.EqualTo("August re-engagement"));
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Running, "scheduled")));
            Assert.That(batch.AgentId, Is.EqualTo("1631a495"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+16286666348"));
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 6, 23, 14, 0, 0, TimeSpan.Zero)));
            Assert.That((batch.Progress.Total, batch.Progress.Completed, batch.Progress.Failed, batch.Progress.Pending), Is.EqualTo(((int?)10, 4, 1, 5)));
            Assert.That(batch.Raw?.GetProperty("mode").GetString(), Is.EqualTo("x"), "unknown members stay in Raw");
            Assert.That(batch.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_batch_without_its_id_keeps_the_id_asked_for()
    {
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok("""{"status":"paused"}"""));

        var batch = await _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1");

        Assert.That((batch.Id, batch.Status), Is.EqualTo(("b1", BatchStatus.Paused)));
    }

    [Test]
    public async Task An_odd_member_never_loses_the_batch()
    {
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok("""{"batch_call_id":"b1","status":"completed","total_task_count":{"n":1},"created_at":"yesterday","dispatched_count":2}"""));

        var batch = await _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1");

        Assert.That((batch.Status, batch.CreatedAt, batch.Progress.Total, batch.Progress.Completed), Is.EqualTo((BatchStatus.Completed, (DateTimeOffset?)null, (int?)null, 2)));
    }

    [TestCase("""{"status":"ok"}""")]
    [TestCase("""{"status":"ok","response":null}""")]
    [TestCase("""{"status":"ok","response":[1,2]}""")]
    [TestCase("""[]""")]
    public void An_answer_without_a_batch_under_response_is_a_response_error(string body)
    {
        _sf.Answer("GET", "/v2/calls/batch/b1", body);

        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1"));

        Assert.That(ex!.Provider, Is.EqualTo(ProviderId.Synthflow));
    }

    [Test]
    public void A_missing_batch_is_not_found_with_synthflows_description()
    {
        _sf.Answer("GET", "/v2/calls/batch/nope", """{"detail":{"status":"error","description":"Batch call not found","request_id":"req_7","category":"not_found"}}""", 404);

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "nope"));

        Assert.That((ex!.StatusCode, ex.Message.Contains("Batch call not found", StringComparison.Ordinal)), Is.EqualTo(((int?)404, true)));
    }

    [Test]
    public void A_bad_key_is_an_authentication_error()
    {
        _sf.Answer("GET", "/v2/calls/batch/b1", """{"detail":{"status":"error","description":"Invalid API key","request_id":"req_8","category":"authentication"}}""", 401);

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1"));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public void A_429_is_a_rate_limit_error_with_retry_after()
    {
        _sf.Dispose();
        _sf = new SynthflowTestServer(o => o.MaxRetries = 0);
        _sf.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/calls/batch/b1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "12").WithBody("""{"detail":{"status":"error","description":"Too many requests","request_id":"r","category":"rate_limit"}}"""));

        var ex = Assert.ThrowsAsync<VoiceBatchRateLimitException>(() => _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1"));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
    }
}
