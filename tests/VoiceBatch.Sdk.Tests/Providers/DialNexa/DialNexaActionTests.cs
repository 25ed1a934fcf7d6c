using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaActionTests : DialNexaFixture
{
    private const string StatusPath = "/v1/batch-calls/bat_1/status";

    private static string Answered(string status, string action) => $$$"""
        {"success":true,"message":"Batch {{{action}}} successful","campaign":{"id":"bat_1","status":"{{{status}}}","title":"May Follow-Up Run"},"affectedCalls":{"cancelled":12,"pending":0}}
        """;

    private string SentAction(int index = 0)
    {
        var body = Received("PATCH", StatusPath)[index].RequestMessage!.Body!;
        using var doc = JsonDocument.Parse(body);
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "action" }), "the body is exactly {\"action\": …}");
        return doc.RootElement.GetProperty("action").GetString()!;
    }

    [Test]
    public async Task Cancel_patches_the_status_action_and_maps_the_campaign()
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(), Answered("cancelled", "cancel"));

        var batch = await Client.CancelBatchAsync(ProviderId.DialNexa, "bat_1");

        var sent = Received("PATCH", StatusPath).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(SentAction(), Is.EqualTo("cancel"));
            Assert.That(sent.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(batch.Id, Is.EqualTo("bat_1"));
            Assert.That(batch.Name, Is.EqualTo("May Follow-Up Run"), "campaign.title is the name");
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(batch.RawStatus, Is.EqualTo("cancelled"));
            Assert.That(batch.IsTerminal, Is.True);
            Assert.That(batch.Progress.Total, Is.Null, "the action answer carries no counters");
            Assert.That(batch.Raw?.GetProperty("affectedCalls").GetProperty("cancelled").GetInt32(), Is.EqualTo(12));
            Assert.That(Received("GET", "/v1/batch-calls/bat_1"), Is.Empty, "no follow-up read when the campaign status is given");
        });
    }

    [TestCase("pause", "paused", BatchStatus.Paused)]
    [TestCase("resume", "active", BatchStatus.Queued)]
    [TestCase("resume", "running", BatchStatus.Running)]
    public async Task Pause_and_resume_send_their_action(string action, string newStatus, BatchStatus expected)
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(), Answered(newStatus, action));

        var batch = action == "pause"
            ? await Client.PauseBatchAsync(ProviderId.DialNexa, "bat_1")
            : await Client.ResumeBatchAsync(ProviderId.DialNexa, "bat_1");

        Assert.Multiple(() =>
        {
            Assert.That(SentAction(), Is.EqualTo(action));
            Assert.That(batch.Status, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Cancelling_a_finished_batch_is_a_typed_invalid_state_error()
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(),
            """{"statusCode":400,"message":"Cannot cancel a batch that is already completed","error":"Bad Request"}""", 400);

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.CancelBatchAsync(ProviderId.DialNexa, "bat_1"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.DialNexa));
            Assert.That(ex.Message, Does.Contain("Cannot cancel a batch that is already completed"));
            Assert.That(ex.Message, Does.Contain("cancel"));
            Assert.That(Received("PATCH", StatusPath), Has.Count.EqualTo(1), "a 400 is not retried");
        });
    }

    [Test]
    public void A_409_is_an_invalid_state_too_but_a_404_is_a_missing_batch()
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(), """{"statusCode":409,"message":"Batch is not paused"}""", 409);
        Answer(Request.Create().WithPath("/v1/batch-calls/nope/status").UsingPatch(), """{"statusCode":404,"message":"Batch call not found"}""", 404);

        Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.ResumeBatchAsync(ProviderId.DialNexa, "bat_1"));
        Assert.ThrowsAsync<BatchNotFoundException>(() => Client.ResumeBatchAsync(ProviderId.DialNexa, "nope"));
    }

    [Test]
    public void A_2xx_with_success_false_is_an_invalid_state_error()
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(), """{"success":false,"message":"Batch is already paused"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.PauseBatchAsync(ProviderId.DialNexa, "bat_1"));

        Assert.That(ex!.Message, Does.Contain("Batch is already paused"));
    }

    [Test]
    public async Task A_503_on_the_status_action_is_retried_then_succeeds()
    {
        UseClient(fakeClock: false);
        Server.Given(Request.Create().WithPath(StatusPath).UsingPatch()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"statusCode":503,"message":"Service Unavailable"}"""));
        Server.Given(Request.Create().WithPath(StatusPath).UsingPatch()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Answered("paused", "pause")));

        var batch = await Client.PauseBatchAsync(ProviderId.DialNexa, "bat_1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(Received("PATCH", StatusPath), Has.Count.EqualTo(2), "the idempotent action was sent again after the 503");
            Assert.That(SentAction(1), Is.EqualTo("pause"), "the retry carries the same body");
        });
    }

    [Test]
    public async Task An_answer_without_a_campaign_status_is_followed_by_a_read()
    {
        Answer(Request.Create().WithPath(StatusPath).UsingPatch(), """{"success":true,"message":"ok","affectedCalls":{}}""");
        Answer(Request.Create().WithPath("/v1/batch-calls/bat_1").UsingGet(), """{"id":"bat_1","status":"paused","total_leads":9}""");

        var batch = await Client.PauseBatchAsync(ProviderId.DialNexa, "bat_1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(batch.Progress.Total, Is.EqualTo(9));
            Assert.That(Received("GET", "/v1/batch-calls/bat_1"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Disabled_operations_are_reported_and_never_sent()
    {
        UseClient(tweak: o => o.DisabledOperations = [BatchOperation.Cancel, BatchOperation.Pause, BatchOperation.List]);

        var capabilities = Client.GetCapabilities(ProviderId.DialNexa);
        var ex = Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.CancelBatchAsync(ProviderId.DialNexa, "bat_1"));

        Assert.Multiple(() =>
        {
            Assert.That(capabilities.CanCancel, Is.False);
            Assert.That(capabilities.CanPause, Is.False);
            Assert.That(capabilities.CanList, Is.False);
            Assert.That(capabilities.CanResume, Is.True);
            Assert.That(capabilities.CanGet, Is.True);
            Assert.That(ex!.Operation, Is.EqualTo(BatchOperation.Cancel));
            Assert.That(Server.LogEntries, Is.Empty);
        });
    }
}
