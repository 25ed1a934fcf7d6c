using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.VoiceAI;

public sealed class VoiceAICreateBatchTests
{
    private const string Submit = VoiceAITestHost.Root + "/submit";

    private const string Accepted = """
        { "id": "btcal_new", "phone_number_id": "phnum_7c1d", "name": "Spring reminders", "agent_id": "agent_42",
          "created_at_unix": 1773480600, "scheduled_time_unix": 1773484200, "last_updated_at_unix": 1773480600,
          "status": "pending", "agent_name": "Reminder bot", "total_calls_dispatched": 0, "total_calls_scheduled": 2 }
        """;

    private VoiceAITestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new VoiceAITestHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    private static ContactList Contacts() => ContactList.FromRows(
    [
        new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["first_name"] = "Ada", ["plan"] = "gold" },
        new Dictionary<string, string> { ["phone_number"] = "+442079460958", ["first_name"] = "Alan", ["plan"] = "" },
    ]);

    private static CreateBatchRequest Request(Action<CreateBatchRequestBuilder>? tweak = null)
    {
        var b = new CreateBatchRequestBuilder();
        tweak?.Invoke(b);
        return new CreateBatchRequest
        {
            AgentId = "agent_42",
            Contacts = b.Contacts ?? Contacts(),
            Name = b.Name,
            FromPhoneNumber = b.From,
            ScheduledAt = b.At,
            MaxConcurrentCalls = b.Concurrency,
            MaxRetries = b.Retries,
        };
    }

    private JsonNode? PostedBody() => JsonNode.Parse(_host.Logged("POST", Submit).Single().RequestMessage!.Body!);

    [Test]
    public async Task Submit_sends_the_exact_json_body_and_reads_the_answer()
    {
        _host.Respond("POST", Submit, 200, Accepted);

        var batch = await _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b =>
        {
            b.Name = "Spring reminders";
            b.From = "phnum_7c1d";
            b.At = VoiceAITestHost.Now.AddHours(1);
        }));

        var expected = JsonNode.Parse("""
            {
              "call_name": "Spring reminders",
              "agent_id": "agent_42",
              "agent_phone_number_id": "phnum_7c1d",
              "scheduled_time_unix": 1773484200,
              "recipients": [
                { "phone_number": "+14155550101", "conversation_initiation_client_data": { "dynamic_variables": { "first_name": "Ada", "plan": "gold" } } },
                { "phone_number": "+442079460958", "conversation_initiation_client_data": { "dynamic_variables": { "first_name": "Alan", "plan": "" } } }
              ]
            }
            """);
        var request = _host.Logged("POST", Submit).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(PostedBody(), expected), Is.True, PostedBody()?.ToJsonString());
            Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(request.Headers!["x-api-key"].Single(), Is.EqualTo(TestClient.CanaryKey));
            Assert.That(batch.Id, Is.EqualTo("btcal_new"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled), "pending, starting in an hour");
            Assert.That(batch.ScheduledAt, Is.EqualTo(VoiceAITestHost.Now.AddHours(1)));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("phnum_7c1d"));
            Assert.That(batch.Progress.Total, Is.EqualTo(2));
            Assert.That(batch.Progress.Pending, Is.EqualTo(2));
            Assert.That(batch.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_concurrency_limit_is_not_sent_because_threetones_submit_takes_none_and_a_warning_says_so()
    {
        _host.Respond("POST", Submit, 200, Accepted);

        await _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Concurrency = 5));

        Assert.That(PostedBody()!.AsObject().ContainsKey("target_concurrency_limit"), Is.False);
        Assert.That(_host.Client.AllLogText(), Does.Contain("MaxConcurrentCalls"));
    }

    [Test]
    public async Task An_unnamed_minimal_request_gets_a_generated_name_and_no_optional_fields()
    {
        _host.Respond("POST", Submit, 201, """{ "id": "btcal_min", "status": "pending" }""");
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone"] = "+14155550101" }]);

        var batch = await _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Contacts = contacts));

        var expected = JsonNode.Parse("""
            { "call_name": "VoiceBatch 2026-03-14 09:30", "agent_id": "agent_42", "recipients": [ { "phone_number": "+14155550101" } ] }
            """);
        Assert.That(JsonNode.DeepEquals(PostedBody(), expected), Is.True, PostedBody()?.ToJsonString());
        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued));
    }

    [Test]
    public void A_503_is_uncertain_and_sent_exactly_once()
    {
        _host.Respond("POST", Submit, 503, """{ "detail": "upstream unavailable" }""");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() =>
            _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Name = "Spring reminders")));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
            Assert.That(ex.BatchName, Is.EqualTo("Spring reminders"));
            Assert.That(_host.Logged("POST", Submit), Has.Count.EqualTo(1));
            Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
            Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));
        });
    }

    [Test]
    public void An_unnamed_uncertain_create_names_the_generated_name_to_look_for()
    {
        _host.Respond("POST", Submit, 502, null);

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request()));

        Assert.That(ex!.BatchName, Is.EqualTo("VoiceBatch 2026-03-14 09:30"));
        Assert.That(ex.Message, Does.Contain("VoiceBatch 2026-03-14 09:30"));
    }

    [Test]
    public void A_timeout_is_uncertain_and_sent_exactly_once()
    {
        _host.Dispose();
        _host = new VoiceAITestHost(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        var slow = new SlowResponder(TimeSpan.FromSeconds(1), 200, Accepted);
        _host.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Submit).UsingPost()).RespondWith(slow.Response());

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Name = "Slow one")));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.Null);
            Assert.That(ex.BatchName, Is.EqualTo("Slow one"));
            Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
            Assert.That(slow.Arrived, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_400_is_a_definite_refusal_with_the_vendor_message_and_not_retried()
    {
        _host.Respond("POST", Submit, 400, """{ "detail": "Agent agent_42 has no outbound phone number" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex, Is.Not.InstanceOf<ContactValidationException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("has no outbound phone number"));
            Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_422_naming_recipients_becomes_row_errors_on_the_sheet_rows()
    {
        _host.Respond("POST", Submit, 422, """
            { "detail": [
                { "loc": ["body", "recipients", 1, "phone_number"], "msg": "number is not reachable", "type": "value_error" },
                { "loc": ["body", "recipients", 0, "conversation_initiation_client_data", "dynamic_variables", "plan"], "msg": "unknown plan", "type": "value_error" },
                { "loc": ["body", "recipients", 7, "phone_number"], "msg": "out of range index is ignored", "type": "value_error" }
            ] }
            """);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(422));
            Assert.That(ex.Errors, Has.Count.EqualTo(2));
            Assert.That(ex.Errors[0], Is.EqualTo(new ContactRowError(3, "phone_number", "number is not reachable", "+442079460958")));
            Assert.That(ex.Errors[1], Is.EqualTo(new ContactRowError(2, "plan", "unknown plan", "gold")));
            Assert.That(ex.Message, Does.Contain("row 3").And.Contain("row 2").And.Not.Contain("+442079460958"));
            Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_422_about_something_else_stays_a_plain_refusal()
    {
        _host.Respond("POST", Submit, 422, """{ "detail": [ { "loc": ["body", "agent_id"], "msg": "field required", "type": "missing" } ] }""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<ContactValidationException>());
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(422));
            Assert.That(ex.Message, Does.Contain("field required"));
            Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
        });
    }

    [TestCase("""{ "status": "pending" }""", TestName = "An_answer_without_a_batch_id_is_uncertain")]
    [TestCase("<html>ok</html>", TestName = "An_unreadable_answer_is_uncertain")]
    public void Success_without_a_usable_batch_is_uncertain(string body)
    {
        _host.Respond("POST", Submit, 200, body);

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request()));
        Assert.That(_host.SentCount("POST", Submit), Is.EqualTo(1));
    }

    [Test]
    public void Automatic_retries_are_refused_before_sending()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Retries = 2)));

        Assert.That(ex!.Message, Does.Contain("RetryBatchAsync"));
        Assert.That(_host.Sent, Is.Empty);
    }

    [Test]
    public async Task Zero_retries_is_what_VoiceAI_does_and_is_accepted()
    {
        _host.Respond("POST", Submit, 200, Accepted);

        var batch = await _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.Retries = 0));

        Assert.That(batch.Id, Is.EqualTo("btcal_new"));
    }

    [Test]
    public void A_caller_number_instead_of_its_id_is_refused_before_sending()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _host.Sdk.CreateBatchAsync(ProviderId.VoiceAI, Request(b => b.From = "+14155550199")));

        Assert.That(ex!.Message, Does.Contain("agent_phone_number_id").And.Not.Contain("+14155550199"));
        Assert.That(_host.Sent, Is.Empty);
    }

    /// <summary>Mutable knobs for <see cref="Request"/> (CreateBatchRequest is init-only).</summary>
    private sealed class CreateBatchRequestBuilder
    {
        public ContactList? Contacts { get; set; }
        public string? Name { get; set; }
        public string? From { get; set; }
        public DateTimeOffset? At { get; set; }
        public int? Concurrency { get; set; }
        public int? Retries { get; set; }
    }
}
