using VoiceBatch.Providers.Bland;
using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.Bland.BlandTestServer;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>One batch: metadata from GET /v2/batches/{id}, status and counters from its logs.</summary>
public sealed class BlandGetBatchTests
{
    private const string PublishedId = "a9a033b7-44d8-40c6-aaec-42cd43106273";
    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    [Test]
    public async Task Blands_own_get_and_logs_examples_read_verbatim()
    {
        _bland.Batch(PublishedId, Published.Read("bland/get-batch.response.json"), Published.Read("bland/get-batch-logs.response.json"));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, PublishedId);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo(PublishedId));
            Assert.That(batch.Name, Is.EqualTo("Untitled Batch"));
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 8, 19, 28, 12, 627, TimeSpan.Zero)));
            Assert.That(batch.AgentId, Is.Null, "the example's global is a task, not a pathway");
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Completed, "complete")), "the complete event is newer than the in_progress one");
            Assert.That((batch.Progress.Total, batch.Progress.Completed, batch.Progress.Failed, batch.Progress.Pending), Is.EqualTo(((int?)1, 1, 0, 0)));
            Assert.That(batch.Progress.Fraction, Is.EqualTo(1d));
            Assert.That(batch.UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 8, 19, 28, 42, 748, TimeSpan.Zero)));
            Assert.That(batch.Calls, Is.Empty, "the call_objects preview has no outcomes");
            Assert.That(batch.Raw!.Value.GetProperty("batch").GetProperty("description").GetString(), Is.EqualTo("Untitled Batch"));
            Assert.That(batch.Raw!.Value.GetProperty("logs").GetArrayLength(), Is.EqualTo(2));
            Assert.That(_bland.Logged("GET", $"/v2/batches/{PublishedId}/logs").Single().RequestMessage!.Query!["direction"].Single(), Is.EqualTo("desc"));
        });
    }

    [Test]
    public async Task The_sdk_name_pathway_and_caller_number_read_back_from_base_prompt()
    {
        const string basePrompt = """{\"pathway_id\":\"pw_9\",\"from\":\"+14155550100\",\"metadata\":{\"voicebatch_batch_name\":\"Spring renewals\"}}""";
        _bland.Batch("b1", Meta("b1", basePrompt), Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Name, batch.AgentId, batch.FromPhoneNumber), Is.EqualTo(("Spring renewals", "pw_9", "+14155550100")));
    }

    [Test]
    public async Task A_description_of_its_own_wins_over_the_sdk_name_and_a_persona_is_the_agent()
    {
        const string basePrompt = """{\"persona_id\":\"persona_3\",\"metadata\":{\"voicebatch_batch_name\":\"ours\"}}""";
        _bland.Batch("b1", Meta("b1", basePrompt, description: "Named in the dashboard"));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Name, batch.AgentId), Is.EqualTo(("Named in the dashboard", "persona_3")));
    }

    [Test]
    public async Task Running_counters_come_from_the_newest_lifecycle_message()
    {
        _bland.Batch("b1", Meta("b1"), Logs(
            Lifecycle("in_progress", "2026-03-14T09:10:00Z", "Requested: 10. Validated: 8. Dispatched: 5. CPS: 1.12."),
            Lifecycle("validating", "2026-03-14T09:01:00Z", "Requested: 10.")));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Total, Is.EqualTo(8), "calls are placed only for validated call objects");
            Assert.That(batch.Progress.InProgress, Is.EqualTo(5), "placed, outcome not reported until the complete event");
            Assert.That(batch.Progress.Pending, Is.EqualTo(3));
            Assert.That(batch.Progress.Finished, Is.Zero);
        });
    }

    [Test]
    public async Task A_stopped_batch_counts_what_was_never_dispatched_as_cancelled()
    {
        _bland.Batch("b1", Meta("b1"), Logs(
            Complete("2026-03-14T09:30:00Z", 10, 1, 3),
            Lifecycle("stopped", "2026-03-14T09:20:00Z", "Requested: 10. Validated: 10. Dispatched: 4.")));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Progress.Completed, batch.Progress.Failed, batch.Progress.Cancelled, batch.Progress.Pending), Is.EqualTo((3, 1, 6, 0)));
    }

    [Test]
    public async Task A_stopped_batch_before_its_counters_keeps_the_dispatched_calls_in_progress()
    {
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("stopped", "2026-03-14T09:20:00Z", "Requested: 10. Validated: 10. Dispatched: 4.")));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Progress.InProgress, batch.Progress.Cancelled, batch.Progress.Pending), Is.EqualTo((4, 6, 0)));
    }

    [Test]
    public async Task Completed_without_a_complete_event_is_all_finished_without_a_breakdown()
    {
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("completed", "2026-03-14T09:20:00Z", "Requested: 4. Validated: 4. Dispatched: 4.")));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Progress.Total, batch.Progress.Finished, batch.Progress.Completed, batch.Progress.Fraction), Is.EqualTo(((int?)4, 4, 0, (double?)1)));
    }

    [Test]
    public async Task Logs_are_paged_newest_first_until_the_counters_are_found()
    {
        var paused = Enumerable.Range(0, LogPageSize).Select(i => Lifecycle("paused", $"2026-03-14T09:{59 - (i % 60):00}:00Z", message: "paused by user", id: $"p{i}")).ToArray();
        _bland.Respond("GET", "/v2/batches/b1", 200, Meta("b1"));
        _bland.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/batches/b1/logs").WithParam("skip", "0").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(Logs(paused)));
        _bland.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/batches/b1/logs").WithParam("skip", "100").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(Logs(Lifecycle("in_progress", "2026-03-14T08:00:00Z", "Requested: 7. Validated: 7. Dispatched: 2."))));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That((batch.Progress.Total, batch.Progress.InProgress), Is.EqualTo(((int?)7, 2)));
            Assert.That(_bland.SentCount("GET", "/v2/batches/b1/logs"), Is.EqualTo(2));
            Assert.That(_bland.Sent.Where(s => s.Contains("/logs", StringComparison.Ordinal)), Has.All.Contains("take=100").And.All.Contains("direction=desc"));
        });
    }

    [Test]
    public async Task A_page_that_only_repeats_events_already_read_ends_the_reading()
    {
        var page = Enumerable.Range(0, LogPageSize).Select(i => Lifecycle("paused", "2026-03-14T09:00:00Z", message: "paused", id: $"p{i}")).ToArray();
        _bland.Batch("b1", Meta("b1"), Logs(page));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
        Assert.That(_bland.SentCount("GET", "/v2/batches/b1/logs"), Is.EqualTo(2), "a server that ignores skip answers the same page again");
    }

    [Test]
    public async Task A_log_that_never_names_counters_is_read_at_most_five_pages()
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, Meta("b1"));
        _bland.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/batches/b1/logs").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(_ =>
                Logs(Enumerable.Range(0, LogPageSize).Select(_ => Lifecycle("paused", "2026-03-14T09:00:00Z", message: "paused", id: Guid.NewGuid().ToString())).ToArray())));

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Status, batch.Progress.Total), Is.EqualTo((BatchStatus.Paused, (int?)null)));
        Assert.That(_bland.SentCount("GET", "/v2/batches/b1/logs"), Is.EqualTo(BlandAdapter.MaxLogPages));
    }

    [Test]
    public async Task An_error_inside_a_200_envelope_is_a_typed_error()
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, """{"data": null, "errors": [{"error": "BATCH_NOT_FOUND", "message": "Batch not found"}]}""");

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.ErrorCode, Is.EqualTo("BATCH_NOT_FOUND"));
            Assert.That(ex.Message, Does.Contain("Batch not found").And.Contain("2xx"));
            Assert.That(_bland.SentCount("GET", "/v2/batches/b1/logs"), Is.Zero);
        });
    }

    [Test]
    public void Blands_published_error_envelope_is_a_typed_error_on_200_and_on_404()
    {
        var body = Published.Read("bland/error-envelope.recording-not-found.response.json");
        _bland.Respond("GET", "/v2/batches/b1", 200, body);
        _bland.Respond("GET", "/v2/batches/b2", 404, body);

        var inside = Assert.ThrowsAsync<BatchNotFoundException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1"));
        var outside = Assert.ThrowsAsync<BatchNotFoundException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b2"));

        Assert.That(inside!.ErrorCode, Is.EqualTo("CALL_RECORDING_NOT_FOUND"));
        Assert.That(outside!.Message, Does.Contain("Call recording not found"));
    }

    [TestCase("UNAUTHORIZED", typeof(VoiceBatchAuthenticationException))]
    [TestCase("INVALID_API_KEY", typeof(VoiceBatchAuthenticationException))]
    [TestCase("RATE_LIMITED", typeof(VoiceBatchRateLimitException))]
    [TestCase("SOMETHING_ELSE", typeof(VoiceBatchException))]
    public void Envelope_error_codes_choose_the_exception(string code, Type expected)
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, $$"""{"data": null, "errors": [{"error": "{{code}}", "message": "no"}]}""");

        var ex = Assert.CatchAsync<VoiceBatchException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1"));

        Assert.That(ex!.GetType(), Is.EqualTo(expected));
    }

    [Test]
    public void An_error_naming_a_phone_number_or_the_key_is_scrubbed()
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, $$"""{"data": null, "errors": [{"error": "BAD", "message": "number +14155550101 rejected for key {{TestClient.CanaryKey}}"}]}""");

        var ex = Assert.CatchAsync<VoiceBatchException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1"));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain("+14155550101"));
    }

    [Test]
    public async Task A_batch_without_a_log_keeps_its_metadata_and_reads_unknown()
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, Meta("b1", description: "Old batch"));
        _bland.Respond("GET", "/v2/batches/b1/logs", 404, """{"data": null, "errors": [{"error": "NOT_FOUND", "message": "No logs"}]}""");

        var batch = await _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Name, batch.Status, batch.RawStatus, batch.Progress.Total), Is.EqualTo(("Old batch", BatchStatus.Unknown, (string?)null, (int?)null)));
    }

    [Test]
    public void A_batch_answer_without_data_is_a_response_error()
    {
        _bland.Respond("GET", "/v2/batches/b1", 200, """{"errors": null}""");

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1"));
    }

    private const int LogPageSize = BlandAdapter.LogPageSize;
}
