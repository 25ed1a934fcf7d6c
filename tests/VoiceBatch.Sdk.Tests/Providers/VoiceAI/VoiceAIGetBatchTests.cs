using System.Globalization;
using System.Text;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.VoiceAI;

public sealed class VoiceAIGetBatchTests
{
    private VoiceAITestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new VoiceAITestHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "VoiceAI", name));

    private async Task<BatchCall> GetAsync(string body, string id = "b1")
    {
        _host.Respond("GET", $"{VoiceAITestHost.Root}/{id}", 200, body);
        return await _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, id);
    }

    [Test]
    public async Task Seed_batch_reads_into_the_canonical_model()
    {
        var batch = await GetAsync(Seeds.Read(Seeds.VoiceAIGet));

        var epoch123 = DateTimeOffset.FromUnixTimeSeconds(123);
        Assert.Multiple(() =>
        {
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.VoiceAI));
            Assert.That(batch.Id, Is.EqualTo("<string>"));
            Assert.That(batch.Name, Is.EqualTo("<string>"));
            Assert.That(batch.AgentId, Is.EqualTo("<string>"));
            Assert.That(batch.AgentName, Is.EqualTo("<string>"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "pending with a start time in the past (123 = 1970) is queued");
            Assert.That(batch.RawStatus, Is.EqualTo("pending"));
            Assert.That(batch.CreatedAt, Is.EqualTo(epoch123));
            Assert.That(batch.UpdatedAt, Is.EqualTo(epoch123));
            Assert.That(batch.ScheduledAt, Is.EqualTo(epoch123));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("<string>"), "phone_number_id: VoiceAI's caller-number id");
            Assert.That(batch.IsTerminal, Is.False);
            Assert.That(batch.Calls, Has.Count.EqualTo(1));
            Assert.That(batch.Progress.Total, Is.EqualTo(1), "counted from the recipients, not the 0 totals");
            Assert.That(batch.Progress.Pending, Is.EqualTo(1));
            Assert.That(batch.Progress.Finished, Is.Zero);
            Assert.That(batch.Raw?.GetProperty("phone_provider").GetString(), Is.EqualTo("twilio"));
        });

        var call = batch.Calls[0];
        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo("<string>"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Pending));
            Assert.That(call.RawStatus, Is.EqualTo("pending"));
            Assert.That(call.PhoneNumber, Is.EqualTo("<string>"), "a number that does not parse is kept as sent");
            Assert.That(call.ConversationId, Is.EqualTo("<string>"));
            Assert.That(call.Variables, Is.Empty, "dynamic_variables: {}");
            Assert.That(call.CreatedAt, Is.EqualTo(epoch123));
            Assert.That(call.UpdatedAt, Is.EqualTo(epoch123));
            Assert.That(call.Raw?.GetProperty("whatsapp_user_id").GetString(), Is.EqualTo("<string>"));
            Assert.That(call.Raw?.GetProperty("conversation_initiation_client_data").GetProperty("source_info").GetProperty("source").GetString(), Is.EqualTo("unknown"));
        });
    }

    [Test]
    public async Task Api_key_goes_in_x_api_key_and_never_as_Authorization()
    {
        await GetAsync(Seeds.Read(Seeds.VoiceAIGet));

        var request = _host.Logged("GET", $"{VoiceAITestHost.Root}/b1").Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers!["x-api-key"].Single(), Is.EqualTo(TestClient.CanaryKey));
            Assert.That(request.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        });
    }

    [Test]
    public async Task Recipients_map_numbers_variables_and_odd_shapes_without_losing_the_batch()
    {
        var batch = await GetAsync(Fixture("batch-mixed-recipients.json"), "btcal_mixed");

        var calls = batch.Calls;
        Assert.That(calls, Has.Count.EqualTo(10));
        Assert.Multiple(() =>
        {
            Assert.That(calls[0].PhoneNumber, Is.EqualTo("+14155550101"), "digits without '+' normalise to E.164");
            Assert.That(calls[0].ConversationId, Is.EqualTo("conv_1"));
            Assert.That(calls[0].CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1773400001)));
            Assert.That(calls[0].UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1773400101)));
            Assert.That(calls[0].Variables, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["first_name"] = "Ada", ["visits"] = "3", ["balance"] = "12.5", ["vip"] = "true", ["tags"] = """["a", "b"]""",
            }), "strings as-is, numbers/booleans as JSON text, arrays as JSON, nulls left out");
            Assert.That(calls[1].PhoneNumber, Is.EqualTo("+442079460958"));
            Assert.That(calls[1].Status, Is.EqualTo(CallStatus.NoAnswer));
            Assert.That(calls[2].PhoneNumber, Is.Null, "a WhatsApp-only recipient has no phone number");
            Assert.That(calls[2].Raw?.GetProperty("whatsapp_user_id").GetString(), Is.EqualTo("wa_998877"));
            Assert.That(calls[3].Variables, Is.Empty, "dynamic_variables that is not an object is ignored");
            Assert.That(calls[4].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[4].RawStatus, Is.EqualTo("beamed_up"));
            Assert.That(calls[5].Status, Is.EqualTo(CallStatus.Unknown), "a recipient of an unexpected shape is kept, not fatal");
            Assert.That(calls[5].Raw?.GetProperty("id").GetInt32(), Is.EqualTo(6));
        });

        // completed 1; voicemail + failed = 2 failed; initiated + in_progress = 2 in progress; cancelled 1;
        // dispatched, unknown x2, pending = 4 pending. The vendor's own totals (99) are ignored when recipients are inline.
        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Total, Is.EqualTo(10));
            Assert.That(batch.Progress.Completed, Is.EqualTo(1));
            Assert.That(batch.Progress.Failed, Is.EqualTo(2));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(2));
            Assert.That(batch.Progress.Cancelled, Is.EqualTo(1));
            Assert.That(batch.Progress.Pending, Is.EqualTo(4));
            Assert.That(batch.Progress.Finished, Is.EqualTo(4));
            Assert.That(batch.Progress.Fraction, Is.EqualTo(0.4).Within(1e-9));
        });
    }

    [Test]
    public async Task Generated_payload_without_recipients_or_finished_count_uses_the_vendor_totals()
    {
        var batch = await GetAsync(Fixture("batch-generated.json"), "btcal_generated01");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("btcal_generated01"));
            Assert.That(batch.Name, Is.EqualTo("March reminders"));
            Assert.That(batch.AgentName, Is.EqualTo("Reminder bot"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("phnum_7c1d"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.Calls, Is.Empty);
            Assert.That(batch.Progress.Total, Is.EqualTo(100));
            Assert.That(batch.Progress.Finished, Is.Zero, "total_calls_finished is absent");
            Assert.That(batch.Progress.InProgress, Is.EqualTo(40), "dispatched − finished");
            Assert.That(batch.Progress.Pending, Is.EqualTo(60));
            Assert.That(batch.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1773480000)));
        });
    }

    [TestCase(100, 40, 25, 15, 25, 60)]
    [TestCase(100, 10, 30, 0, 30, 70)] // finished above dispatched (inconsistent): in progress clamps at 0
    [TestCase(null, 5, 2, 3, 2, 0)] // no total: Pending cannot be derived
    public async Task Counters_without_recipients(int? scheduled, int dispatched, int finished, int inProgress, int expectedFinished, int pending)
    {
        var total = scheduled is { } t ? $", \"total_calls_scheduled\": {t}" : string.Empty;
        var batch = await GetAsync($$"""{ "id": "b1", "status": "in_progress", "total_calls_dispatched": {{dispatched}}, "total_calls_finished": "{{finished}}"{{total}} }""");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Total, Is.EqualTo(scheduled));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(inProgress));
            Assert.That(batch.Progress.Finished, Is.EqualTo(expectedFinished));
            Assert.That(batch.Progress.Pending, Is.EqualTo(pending));
        });
    }

    [Test]
    public async Task Empty_object_reads_with_the_requested_id_and_nothing_else()
    {
        var batch = await GetAsync("{}", "b-empty");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b-empty"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Unknown));
            Assert.That(batch.RawStatus, Is.Null);
            Assert.That(batch.Progress.Total, Is.Null);
            Assert.That(batch.CreatedAt, Is.Null);
            Assert.That(batch.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Unreadable_timestamps_read_as_null()
    {
        var batch = await GetAsync("""{ "id": "b1", "status": "completed", "created_at_unix": "yesterday", "last_updated_at_unix": 1.5e300, "scheduled_time_unix": "1773400000" }""");

        Assert.Multiple(() =>
        {
            Assert.That(batch.CreatedAt, Is.Null);
            Assert.That(batch.UpdatedAt, Is.Null);
            Assert.That(batch.ScheduledAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1773400000)), "a numeric string is read");
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
        });
    }

    [Test]
    public async Task A_thousand_recipients_are_all_read_and_counted()
    {
        var statuses = new[] { "completed", "failed", "voicemail", "in_progress", "initiated", "pending", "dispatched", "cancelled" };
        var json = new StringBuilder("""{ "id": "big", "status": "in_progress", "total_calls_scheduled": 1000, "recipients": [""");
        for (var i = 0; i < 1000; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(CultureInfo.InvariantCulture, $$"""{ "id": "r{{i}}", "status": "{{statuses[i % statuses.Length]}}", "phone_number": "+1415555{{i:0000}}", "conversation_initiation_client_data": { "dynamic_variables": { "n": {{i}} } } }""");
        }

        json.Append("]}");
        var batch = await GetAsync(json.ToString(), "big");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Calls, Has.Count.EqualTo(1000));
            Assert.That(batch.Calls[999].Id, Is.EqualTo("r999"));
            Assert.That(batch.Calls[999].Variables["n"], Is.EqualTo("999"));
            Assert.That(batch.Calls[999].Raw?.GetProperty("id").GetString(), Is.EqualTo("r999"));
            Assert.That(batch.Progress.Total, Is.EqualTo(1000));
            Assert.That(batch.Progress.Completed, Is.EqualTo(125));
            Assert.That(batch.Progress.Failed, Is.EqualTo(250));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(250));
            Assert.That(batch.Progress.Cancelled, Is.EqualTo(125));
            Assert.That(batch.Progress.Pending, Is.EqualTo(250));
            Assert.That(batch.Progress.Fraction, Is.EqualTo(0.5).Within(1e-9));
        });
    }

    [Test]
    public void Missing_batch_is_BatchNotFoundException()
    {
        _host.Respond("GET", $"{VoiceAITestHost.Root}/nope", 404, """{ "detail": "Batch call not found" }""");

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "nope"));
        Assert.That(ex!.Message, Does.Contain("Batch call not found"));
    }

    [Test]
    public void Html_body_is_VoiceBatchResponseException()
    {
        _host.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{VoiceAITestHost.Root}/b1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>login</html>"));

        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1"));
        Assert.That(ex!.Provider, Is.EqualTo(ProviderId.VoiceAI));
    }

    [Test]
    public async Task Transient_failure_on_read_is_retried()
    {
        const string path = VoiceAITestHost.Root + "/b1";
        _host.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WillSetStateTo("ok")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503));
        _host.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WhenStateIs("ok")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{ "id": "b1", "status": "completed" }"""));

        var batch = await _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
        Assert.That(_host.SentCount("GET", path), Is.EqualTo(2));
    }
}
