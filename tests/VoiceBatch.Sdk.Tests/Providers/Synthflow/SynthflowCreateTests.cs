using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowCreateTests
{
    private const string CreatePath = "/v2/calls/batch";
    private const string Created = """{"status":"ok","response":{"batch_call_id":"3f6f2f5e-4f4b-4f0e-9a4e-2b6d1a5c7e90","name":"May leads","from_phone_number":"+16286666348","status":"scheduled","total_task_count":2,"dispatched_count":0,"failed_count":0,"pending_count":2,"created_at":"2026-06-23T15:00:01Z","model_id":"1631a495-e29b-4933-a0b7-3ea0f4a45e64"}}""";
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    private static CreateBatchRequest NewRequest(string? name = "May leads", string? from = SynthflowTestServer.From, ContactList? contacts = null)
        => new()
        {
            AgentId = " 1631a495-e29b-4933-a0b7-3ea0f4a45e64 ",
            Name = name,
            FromPhoneNumber = from,
            Contacts = contacts ?? ContactList.FromRows(
            [
                new Dictionary<string, string> { ["phone"] = "+12025551234", ["Lead Name"] = "John Doe", ["plan"] = "pro", ["E-mail"] = "john@example.com" },
                new Dictionary<string, string> { ["phone"] = "+442071838750", ["first_name"] = "James", ["plan"] = "" },
            ]),
        };

    private JsonNode SentBody() => SynthflowTestServer.Body(_sf.Logged("POST", CreatePath).Single());

    /// <summary>Every column is a variable of every contact (a cell left empty is an empty variable); the name and email
    /// columns also fill <c>lead_name</c>/<c>lead_email</c> when they are not empty.</summary>
    [Test]
    public async Task Create_sends_the_documented_json_body_once()
    {
        _sf.Answer("POST", CreatePath, Created);

        var batch = await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest());

        var request = _sf.Logged("POST", CreatePath).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers!["Authorization"].ToString(), Is.EqualTo("Bearer " + TestClient.CanaryKey));
            Assert.That(request.Headers["Content-Type"].ToString(), Does.StartWith("application/json"));
            Assert.That(JsonNode.DeepEquals(SentBody(), JsonNode.Parse("""
                {
                  "name": "May leads",
                  "model_id": "1631a495-e29b-4933-a0b7-3ea0f4a45e64",
                  "from_phone_number": "+16286666348",
                  "tasks": [
                    { "id": "row-2", "to_phone_number": "+12025551234", "lead_name": "John Doe", "lead_email": "john@example.com",
                      "custom_variables": { "Lead Name": "John Doe", "plan": "pro", "E-mail": "john@example.com", "first_name": "" } },
                    { "id": "row-3", "to_phone_number": "+442071838750", "lead_name": "James",
                      "custom_variables": { "Lead Name": "", "plan": "", "E-mail": "", "first_name": "James" } }
                  ]
                }
                """)), Is.True, SentBody().ToJsonString());
            Assert.That(SentBody().AsObject().Select(p => p.Key), Is.EqualTo(new[] { "name", "model_id", "from_phone_number", "tasks" }), "the guide's order");

            Assert.That(batch.Id, Is.EqualTo("3f6f2f5e-4f4b-4f0e-9a4e-2b6d1a5c7e90"));
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Queued, "scheduled")));
            Assert.That(batch.Name, Is.EqualTo("May leads"));
            Assert.That(batch.AgentId, Is.EqualTo("1631a495-e29b-4933-a0b7-3ea0f4a45e64"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo(SynthflowTestServer.From));
            Assert.That(batch.Progress.Total, Is.EqualTo(2));
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 6, 23, 15, 0, 1, TimeSpan.Zero)));
            Assert.That(batch.Raw?.GetProperty("batch_call_id").GetString(), Is.EqualTo(batch.Id), "Raw is the batch under response");
        });
    }

    [Test]
    public async Task The_body_has_the_shape_of_synthflows_published_example()
    {
        _sf.Answer("POST", CreatePath, Created);

        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest());

        var published = JsonNode.Parse(Published.Read("synthflow/create-batch-call.request.json"))!;
        var sent = SentBody();
        Assert.Multiple(() =>
        {
            Assert.That(sent.AsObject().Select(p => p.Key), Is.EqualTo(published.AsObject().Select(p => p.Key)));
            var publishedTask = published["tasks"]![0]!.AsObject().Select(p => p.Key).ToList();
            Assert.That(sent["tasks"]![0]!.AsObject().Select(p => p.Key).Where(publishedTask.Contains), Is.EqualTo(publishedTask), "id, to_phone_number, lead_name, custom_variables in the published order");
            Assert.That(sent["tasks"]![0]!["custom_variables"]!.GetValueKind(), Is.EqualTo(published["tasks"]![0]!["custom_variables"]!.GetValueKind()), "a map, not the single-call API's list");
        });
    }

    [Test]
    public async Task The_guides_create_answer_reads_and_is_completed_from_the_request()
    {
        // The guide's create answer verbatim as far as the page shows it, closed where the cut fell.
        var cut = Published.Read("synthflow/create-batch-call.response.cut.txt").TrimEnd().TrimEnd(',');
        _sf.Answer("POST", CreatePath, cut + "\n}\n}\n");

        var batch = await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest());

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("3f6f2f5e-4f4b-4f0e-9a4e-2b6d1a5c7e90"));
            Assert.That(batch.Name, Is.EqualTo("August re-engagement"), "the vendor's answer wins");
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Queued, (string?)null)));
            Assert.That(batch.AgentId, Is.EqualTo("1631a495-e29b-4933-a0b7-3ea0f4a45e64"));
            Assert.That((batch.Progress.Total, batch.Progress.Pending), Is.EqualTo(((int?)2, 2)));
        });
    }

    [Test]
    public async Task An_unnamed_batch_is_named_after_the_time_so_it_can_be_found_later()
    {
        _sf.Answer("POST", CreatePath, Created);

        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest(name: null));

        Assert.That((string?)SentBody()["name"], Is.EqualTo("VoiceBatch 2026-06-23 15:00"));
    }

    [Test]
    public async Task The_caller_id_comes_from_the_options_when_the_request_has_none()
    {
        _sf.Dispose();
        _sf = new SynthflowTestServer(o => o.FromPhoneNumber = "+14155550100");
        _sf.Answer("POST", CreatePath, Created);

        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest(from: null));
        var first = (string?)SentBody()["from_phone_number"];
        _sf.Server.ResetLogEntries();
        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest(from: "+16286666348"));

        Assert.That((first, (string?)SentBody()["from_phone_number"]), Is.EqualTo(("+14155550100", "+16286666348")), "the request's own number wins");
    }

    [Test]
    public async Task Contacts_without_variables_send_bare_tasks()
    {
        _sf.Answer("POST", CreatePath, Created);
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+12025551234" }]);

        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest(contacts: contacts));

        Assert.That(JsonNode.DeepEquals(SentBody()["tasks"], JsonNode.Parse("""[{"id":"row-2","to_phone_number":"+12025551234"}]""")), Is.True, SentBody().ToJsonString());
    }

    [Test]
    public async Task MaxConcurrentCalls_is_not_sent_and_the_warning_says_so()
    {
        _sf.Answer("POST", CreatePath, Created);
        var request = NewRequest();

        await _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, new CreateBatchRequest { AgentId = request.AgentId, Contacts = request.Contacts, FromPhoneNumber = request.FromPhoneNumber, MaxConcurrentCalls = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(SentBody().AsObject().Select(p => p.Key), Is.EqualTo(new[] { "name", "model_id", "from_phone_number", "tasks" }));
            Assert.That(_sf.Client.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message), Has.Some.Contains("MaxConcurrentCalls = 4 was not sent"));
        });
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+12025551234" }]);
        yield return new TestCaseData(new CreateBatchRequest { AgentId = "a", Contacts = contacts, FromPhoneNumber = SynthflowTestServer.From, ScheduledAt = SynthflowTestServer.Now.AddHours(1) }, "ScheduledAt").SetName("A_start_time_is_refused");
        yield return new TestCaseData(new CreateBatchRequest { AgentId = "a", Contacts = contacts, FromPhoneNumber = SynthflowTestServer.From, MaxRetries = 2 }, "MaxRetries").SetName("Retries_are_refused");
        yield return new TestCaseData(new CreateBatchRequest { AgentId = "a", Contacts = contacts }, "caller ID").SetName("A_batch_without_a_caller_id_is_refused");
        yield return new TestCaseData(new CreateBatchRequest { AgentId = "a", Contacts = contacts, FromPhoneNumber = "my-number" }, "E.164").SetName("A_caller_id_that_is_not_E164_is_refused");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Refused_before_anything_is_sent(CreateBatchRequest request, string says)
    {
        _sf.Answer("POST", CreatePath, Created);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, request));

        Assert.That(ex!.Message, Does.Contain(says).And.Contain("Nothing was sent"));
        Assert.That(_sf.Server.LogEntries, Is.Empty);
    }

    [Test]
    public void Zero_retries_and_a_retry_interval_alone_are_accepted()
    {
        _sf.Answer("POST", CreatePath, Created);
        var request = NewRequest();

        Assert.DoesNotThrowAsync(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, new CreateBatchRequest
        {
            AgentId = request.AgentId, Contacts = request.Contacts, FromPhoneNumber = request.FromPhoneNumber, MaxRetries = 0, RetryInterval = TimeSpan.FromMinutes(5),
        }));
    }

    [Test]
    public void More_than_ten_thousand_contacts_are_refused_before_sending()
    {
        _sf.Answer("POST", CreatePath, Created);
        var rows = Enumerable.Range(0, 10_000).Select(i => $"+1415555{i:0000}").Append("+12025551234")
            .Select(n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["phone_number"] = n }).ToList();
        var contacts = ContactList.FromRows(rows);
        Assert.That(contacts.Contacts, Has.Count.EqualTo(10_001), "precondition: every number is valid");

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest(contacts: contacts)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("10000").And.Contain("Nothing was sent"));
            Assert.That(_sf.Client.Client.GetCapabilities(ProviderId.Synthflow).MaxContacts, Is.EqualTo(10_000));
            Assert.That(_sf.Server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void A_503_on_create_is_uncertain_and_the_create_is_sent_exactly_once()
    {
        _sf.Answer("POST", CreatePath, """{"detail":{"status":"error","description":"Service unavailable","request_id":"req_1","category":"internal"}}""", 503);

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
            Assert.That(ex.BatchName, Is.EqualTo("May leads"));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.Synthflow));
            Assert.That(_sf.Logged("POST", CreatePath), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_timeout_on_create_is_uncertain_and_never_resent()
    {
        _sf.Dispose();
        _sf = new SynthflowTestServer(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
        }, fakeClock: false);
        var slow = new SlowResponder(TimeSpan.FromSeconds(2), 200, Created);
        _sf.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(slow.Response());

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(slow.Arrived, Is.EqualTo(1), "the create reached Synthflow once and was not re-sent");
            Assert.That(ex!.StatusCode, Is.Null);
        });
    }

    [TestCase("""{"status":"ok","response":{"name":"May leads"}}""")]
    [TestCase("""{"status":"error","response":null}""")]
    [TestCase("""{"batch_call_id":"3f6f"}""")]
    [TestCase("[]")]
    public void A_2xx_without_a_batch_call_id_is_uncertain(string answer)
    {
        _sf.Answer("POST", CreatePath, answer);

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));
        Assert.That(_sf.Logged("POST", CreatePath), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_400_is_a_definite_refusal_with_synthflows_description()
    {
        _sf.Answer("POST", CreatePath, """{"detail":{"status":"error","description":"tasks: between 1 and 10000 recipients are required","request_id":"req_9","category":"validation"}}""", 400);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("between 1 and 10000 recipients are required"));
            Assert.That(_sf.Logged("POST", CreatePath), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_404_on_create_is_an_unknown_agent_not_a_missing_batch()
    {
        _sf.Answer("POST", CreatePath, """{"detail":{"status":"error","description":"Model not found","request_id":"req_2","category":"not_found"}}""", 404);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>().And.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.Message, Does.Contain("did not find the agent").And.Contain("Model not found"));
        });
    }

    [Test]
    public void No_message_or_log_line_carries_the_key_or_a_full_number()
    {
        _sf.Answer("POST", CreatePath, $$$"""{"detail":{"status":"error","description":"token {{{TestClient.CanaryKey}}} cannot call +12025551234","request_id":"r","category":"auth"}}""", 500);

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _sf.Sdk.CreateBatchAsync(ProviderId.Synthflow, NewRequest()));

        var text = ex!.ToString() + _sf.Client.AllLogText() + string.Join(" ", ex.Data.Values.Cast<object?>());
        Assert.That(text, Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain("+12025551234"));
    }
}
