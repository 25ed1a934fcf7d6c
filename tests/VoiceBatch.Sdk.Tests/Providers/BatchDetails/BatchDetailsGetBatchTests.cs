using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.BatchDetails.BatchDetailsTestServer;

namespace VoiceBatch.Tests.Providers.BatchDetails;

public sealed class BatchDetailsGetBatchTests
{
    private BatchDetailsTestServer _api = null!;

    [SetUp]
    public void SetUp() => _api = new BatchDetailsTestServer();

    [TearDown]
    public void TearDown() => _api.Dispose();

    private static string Total(int total) => $$$"""{"status":true,"code":200,"errorMessage":"","data":{"batchId":"{{{BatchId}}}","total":{{{total}}},"totalPages":{{{total}}},"data":[]}}""";

    private void AnswerFiltered(string word, int total)
        => _api.Answer(Get().WithParam("filter", $$"""{"callStatus":"{{word}}"}"""), Total(total), priority: 1);

    [Test]
    public async Task Seed_batch_is_read_with_counters_from_the_filtered_totals()
    {
        _api.Answer(Get().WithParam("limit", "1"), Seeds.Read(Seeds.BatchDetailsGet), priority: 20);
        _api.Answer(Get().WithParam("filter"), Total(0), priority: 5); // every other outcome word: none
        AnswerFiltered("completed", 60);
        AnswerFiltered("answered", 10);
        AnswerFiltered("no-answer", 20);
        AnswerFiltered("busy", 5);
        AnswerFiltered("in-progress", 3);
        AnswerFiltered("ringing", 2);
        AnswerFiltered("canceled", 1);

        var batch = await _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.BatchDetails));
            Assert.That(batch.Id, Is.EqualTo(BatchId));
            Assert.That(batch.Name, Is.EqualTo("Marketing Campaign May 2025"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.RawStatus, Is.EqualTo("active"));
            Assert.That(batch.Progress.Total, Is.EqualTo(150), "Total comes from the unfiltered request");
            Assert.That(batch.Progress.Completed, Is.EqualTo(70));
            Assert.That(batch.Progress.Failed, Is.EqualTo(25));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(5));
            Assert.That(batch.Progress.Cancelled, Is.EqualTo(1));
            Assert.That(batch.Progress.Finished, Is.EqualTo(96));
            Assert.That(batch.Progress.Pending, Is.EqualTo(49));
            Assert.That(batch.Calls, Is.Empty);
            Assert.That(batch.Raw?.GetProperty("data").GetProperty("total").GetInt32(), Is.EqualTo(150));

            var requests = _api.Requests;
            Assert.That(requests, Has.Count.EqualTo(21), "one unfiltered read plus one per counted word");
            Assert.That(requests.Select(r => Query(r, "limit")), Is.All.EqualTo("1"));
            Assert.That(requests.Count(r => Query(r, "filter") == "(absent)"), Is.EqualTo(1));
            Assert.That(requests.Select(r => r.RequestMessage!.Headers!["Authorization"].ToString()), Is.All.EqualTo("Bearer " + TestClient.CanaryKey));
        });
    }

    [Test]
    public async Task A_small_batch_is_counted_from_every_records_latest_attempt()
    {
        _api.Answer(Get().WithParam("limit", "1"), Envelope(1, 4, 4, Record("a", "completed")));
        _api.Answer(Get().WithParam("limit", "50"), Envelope(1, 4, 1,
            Record("a", "completed"),
            """{"_id":"b","phoneLogs":[{"callStatus":"completed","createdAt":"2025-05-15T10:00:00Z"},{"callStatus":"no-answer","createdAt":"2025-05-15T09:00:00Z"}]}""",
            """{"_id":"c","phoneLogs":[{"callStatus":"no-answer","createdAt":"2025-05-15T09:00:00Z"},{"callStatus":"ringing","createdAt":"2025-05-15T11:00:00Z"}]}""",
            """{"_id":"d","phoneLogs":[]}"""));

        var batch = await _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Total, Is.EqualTo(4));
            Assert.That(batch.Progress.Completed, Is.EqualTo(2), "b's latest attempt (10:00) is completed");
            Assert.That(batch.Progress.InProgress, Is.EqualTo(1), "c's latest attempt (11:00) is ringing");
            Assert.That(batch.Progress.Failed, Is.Zero);
            Assert.That(batch.Progress.Pending, Is.EqualTo(1));
            Assert.That(_api.Requests.Any(r => Query(r, "filter") != "(absent)"), Is.False, "no filtered counting for a small batch");
        });
    }

    [Test]
    public async Task An_empty_batch_needs_one_request()
    {
        _api.Answer(Get(), Envelope(1, 0, 0));

        var batch = await _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId);

        Assert.That(batch.Progress.Total, Is.Zero);
        Assert.That(batch.Progress.Fraction, Is.Null);
        Assert.That(_api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Status_false_on_a_200_is_a_typed_error_with_the_vendors_message()
    {
        _api.Answer(Get(), """{"message":"Failed to aggregate batch data","status":false,"code":500,"errorMessage":"aggregation timed out","data":null}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.GetType(), Is.EqualTo(typeof(VoiceBatchException)));
            Assert.That(ex.Message, Does.Contain("aggregation timed out"));
            Assert.That(ex.ErrorCode, Is.EqualTo("500"));
            Assert.That(ex.StatusCode, Is.EqualTo(500));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.BatchDetails));
        });
    }

    [Test]
    public void Status_false_with_code_404_is_not_found()
    {
        _api.Answer(Get(), """{"message":"Batch not found","status":false,"code":404,"errorMessage":"","data":null}""");

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));

        Assert.That(ex!.Message, Does.Contain("Batch not found"));
        Assert.That(ex.ErrorCode, Is.EqualTo("404"));
    }

    [Test]
    public void Status_false_with_code_401_is_an_authentication_error()
    {
        _api.Answer(Get(), """{"message":"Unauthorized","status":"false","code":"401"}""");

        Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));
    }

    [Test]
    public void A_non_empty_errorMessage_is_an_error_even_with_status_true()
    {
        _api.Answer(Get(), """{"message":"ok","status":true,"code":400,"errorMessage":"Invalid filter JSON","data":{"total":0}}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));

        Assert.That(ex!.Message, Does.Contain("Invalid filter JSON"));
        Assert.That(ex.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void The_api_key_echoed_in_an_envelope_error_is_scrubbed()
    {
        _api.Answer(Get(), $$"""{"status":false,"code":401,"errorMessage":"token {{TestClient.CanaryKey}} rejected"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public void An_http_404_is_not_found()
    {
        _api.Answer(Get(), """{"message":"Batch not found","status":false,"code":404}""", status: 404);

        Assert.ThrowsAsync<BatchNotFoundException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));
    }

    [Test]
    public void A_success_without_data_is_a_response_error()
    {
        _api.Answer(Get(), """{"message":"ok","status":true,"code":200,"errorMessage":""}""");

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId));
    }
}
