using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.Retell.RetellTestServer;

namespace VoiceBatch.Tests.Providers.Retell;

public sealed class RetellCreateTests
{
    private const string Answer = """
        { "batch_call_id": "batch_call_7f3e21", "name": "Spring reminders", "from_number": "+14157774444",
          "scheduled_timestamp": 1773484200000, "total_task_count": 2 }
        """;

    private RetellTestServer _retell = null!;

    [SetUp]
    public void SetUp() => _retell = new RetellTestServer();

    [TearDown]
    public void TearDown() => _retell.Dispose();

    private static ContactList Contacts() => ContactList.FromRows(
    [
        new Dictionary<string, string> { ["phone_number"] = "+12137774445", ["customer_name"] = "John Doe", ["visits"] = "3" },
        new Dictionary<string, string> { ["phone_number"] = "+442079460958", ["customer_name"] = "Alan", ["visits"] = "" },
    ]);

    private static CreateBatchRequest Request(string? from = "+14157774444", string? name = "Spring reminders", DateTimeOffset? at = null,
        ContactList? contacts = null, int? retries = null, int? concurrency = null)
        => new()
        {
            AgentId = "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
            Contacts = contacts ?? Contacts(),
            Name = name,
            FromPhoneNumber = from,
            ScheduledAt = at,
            MaxRetries = retries,
            MaxConcurrentCalls = concurrency,
        };

    private JsonNode Posted() => _retell.Bodies(Create).Single();

    [Test]
    public async Task Create_sends_the_exact_json_body_with_the_start_in_milliseconds()
    {
        _retell.Respond(Create, 201, Answer);

        var batch = await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(at: Now.AddHours(1)));

        var expected = JsonNode.Parse("""
            {
              "from_number": "+14157774444",
              "name": "Spring reminders",
              "trigger_timestamp": 1773484200000,
              "tasks": [
                { "to_number": "+12137774445", "override_agent_id": "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
                  "retell_llm_dynamic_variables": { "customer_name": "John Doe", "visits": "3" } },
                { "to_number": "+442079460958", "override_agent_id": "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
                  "retell_llm_dynamic_variables": { "customer_name": "Alan", "visits": "" } }
              ]
            }
            """);
        var request = _retell.Logged(Create).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(Posted(), expected), Is.True, Posted().ToJsonString());
            Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + TestClient.CanaryKey));
            Assert.That(batch.Id, Is.EqualTo("batch_call_7f3e21"));
            Assert.That(batch.Name, Is.EqualTo("Spring reminders"));
            Assert.That(batch.AgentId, Is.EqualTo("oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+14157774444"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled), "a requested start an hour ahead");
            Assert.That(batch.RawStatus, Is.Null, "Retell has no batch status word");
            Assert.That(batch.ScheduledAt, Is.EqualTo(Now.AddHours(1)), "scheduled_timestamp in milliseconds");
            Assert.That((batch.Progress.Total, batch.Progress.Pending, batch.Progress.Finished), Is.EqualTo(((int?)2, 2, 0)));
            Assert.That(batch.Raw?.GetProperty("batch_call_id").GetString(), Is.EqualTo("batch_call_7f3e21"));
            Assert.That(_retell.SentCount("POST", Create), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_unscheduled_unnamed_batch_without_variables_sends_no_optional_fields_but_a_generated_name()
    {
        _retell.Respond(Create, 201, """{ "batch_call_id": "batch_call_min", "name": "VoiceBatch 2026-03-14 09:30", "from_number": "+14157774444", "scheduled_timestamp": 1773480600, "total_task_count": 1 }""");
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone"] = "+12137774445" }]);

        var batch = await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(name: null, contacts: contacts));

        var expected = JsonNode.Parse("""
            { "from_number": "+14157774444", "name": "VoiceBatch 2026-03-14 09:30",
              "tasks": [ { "to_number": "+12137774445", "override_agent_id": "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD" } ] }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(Posted(), expected), Is.True, Posted().ToJsonString());
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "no trigger_timestamp: Retell sends at once");
            Assert.That(batch.ScheduledAt, Is.EqualTo(Now), "scheduled_timestamp in seconds reads the same instant");
        });
    }

    [Test]
    public async Task The_body_carries_everything_of_retells_minimal_sdk_example_and_only_members_its_full_example_knows()
    {
        _retell.Respond(Create, 201, Answer);
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+12137774445", ["customer_name"] = "John Doe" }]);

        await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(contacts: contacts, name: "First batch call", at: DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000)));

        var sent = Posted().AsObject();
        var minimal = JsonNode.Parse(Published.Read("retell/create-batch-call.request.sdk-test-min.derived.json"))!.AsObject();
        var full = JsonNode.Parse(Published.Read("retell/create-batch-call.request.sdk-test-subset.derived.json"))!.AsObject();
        var task = sent["tasks"]![0]!.AsObject();
        var fullTask = full["tasks"]![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(sent["from_number"]!.GetValue<string>(), Is.EqualTo(minimal["from_number"]!.GetValue<string>()));
            Assert.That(task["to_number"]!.GetValue<string>(), Is.EqualTo(minimal["tasks"]![0]!["to_number"]!.GetValue<string>()));
            Assert.That(sent.Select(m => m.Key), Is.SubsetOf(full.Select(m => m.Key)), "every top-level member is one Retell's SDK test sends");
            Assert.That(task.Select(m => m.Key), Is.SubsetOf(fullTask.Select(m => m.Key)), "every task member is one Retell's SDK test sends");
            Assert.That(task["override_agent_id"]!.GetValue<string>(), Is.EqualTo(fullTask["override_agent_id"]!.GetValue<string>()));
            Assert.That(JsonNode.DeepEquals(task["retell_llm_dynamic_variables"], fullTask["retell_llm_dynamic_variables"]), Is.True);
            Assert.That(sent["name"]!.GetValue<string>(), Is.EqualTo(full["name"]!.GetValue<string>()));
            Assert.That(sent["trigger_timestamp"]!.GetValueKind(), Is.EqualTo(full["trigger_timestamp"]!.GetValueKind()));
            Assert.That(sent["trigger_timestamp"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Has.Length.EqualTo(full["trigger_timestamp"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture).Length), "milliseconds, as 1735718400000");
            Assert.That(sent.ContainsKey("reserved_concurrency"), Is.False, "not a per-batch cap: never sent");
        });
    }

    [Test]
    public async Task Retells_published_create_answer_reads_verbatim_with_its_start_in_seconds()
    {
        _retell.Respond(Create, 201, Published.Read("retell/create-batch-call.response.json"));

        var batch = await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(name: "First batch call", at: Now.AddDays(1)));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("batch_call_dbcc4412483ebfc348abb"));
            Assert.That(batch.Name, Is.EqualTo("First batch call"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+14157774444"));
            Assert.That(batch.ScheduledAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1735718400)), "1735718400 is seconds (2025-01-01), not 1970");
            Assert.That(batch.Progress.Total, Is.EqualTo(123), "total_task_count, as Retell answered");
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "the example's start is long past");
            Assert.That(batch.Raw?.GetProperty("call_time_window").GetProperty("windows")[0].GetProperty("start").GetInt32(), Is.EqualTo(540));
        });
    }

    [Test]
    public async Task The_default_from_number_is_used_when_the_request_names_none()
    {
        _retell.Dispose();
        _retell = new RetellTestServer(o => o.DefaultFromNumber = "+1 415 777 4444");
        _retell.Respond(Create, 201, Answer);

        await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(from: null));

        Assert.That(Posted()["from_number"]!.GetValue<string>(), Is.EqualTo("+14157774444"), "normalised to E.164");
    }

    [Test]
    public async Task The_requests_own_from_number_wins_over_the_default()
    {
        _retell.Dispose();
        _retell = new RetellTestServer(o => o.DefaultFromNumber = "+14157770000");
        _retell.Respond(Create, 201, Answer);

        await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(from: "+14157774444"));

        Assert.That(Posted()["from_number"]!.GetValue<string>(), Is.EqualTo("+14157774444"));
    }

    [Test]
    public void Without_any_from_number_the_create_is_refused_before_sending()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(from: null)));

        Assert.That(ex!.Message, Does.Contain("FromPhoneNumber").And.Contain("DefaultFromNumber"));
        Assert.That(_retell.Sent, Is.Empty);
    }

    [TestCase("PN_7c1d0a")]
    [TestCase("4157774444")]
    public void A_from_number_that_is_not_e164_is_refused_before_sending_without_echoing_it(string from)
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(from: from)));

        Assert.That(ex!.Message, Does.Contain("E.164").And.Not.Contain(from));
        Assert.That(_retell.Sent, Is.Empty);
    }

    [Test]
    public void Automatic_retries_are_refused_before_sending()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(retries: 2)));

        Assert.That(ex!.Message, Does.Contain("MaxRetries"));
        Assert.That(_retell.Sent, Is.Empty);
    }

    [Test]
    public async Task A_concurrency_limit_is_not_sent_and_a_warning_says_so()
    {
        _retell.Respond(Create, 201, Answer);

        await _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(concurrency: 5, retries: 0));

        Assert.Multiple(() =>
        {
            Assert.That(Posted().AsObject().Select(m => m.Key), Is.EquivalentTo(new[] { "from_number", "name", "tasks" }));
            Assert.That(_retell.Client.AllLogText(), Does.Contain("MaxConcurrentCalls"));
        });
    }

    [Test]
    public void A_503_is_uncertain_and_sent_exactly_once()
    {
        _retell.Respond(Create, 503, """{ "status": "error", "message": "upstream unavailable" }""");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
            Assert.That(ex.BatchName, Is.EqualTo("Spring reminders"));
            Assert.That(_retell.Logged(Create), Has.Count.EqualTo(1));
            Assert.That(_retell.SentCount("POST", Create), Is.EqualTo(1), "Retell's own SDKs would have sent it three times");
            Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));
        });
    }

    [Test]
    public void A_timeout_is_uncertain_and_sent_exactly_once()
    {
        _retell.Dispose();
        _retell = new RetellTestServer(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        var slow = new SlowResponder(TimeSpan.FromSeconds(1), 201, Answer);
        _retell.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Create).UsingPost()).RespondWith(slow.Response());

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request(name: null)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.Null);
            Assert.That(ex.BatchName, Is.EqualTo("VoiceBatch 2026-03-14 09:30"), "the generated name to look for");
            Assert.That(_retell.SentCount("POST", Create), Is.EqualTo(1));
            Assert.That(slow.Arrived, Is.EqualTo(1));
        });
    }

    [TestCase("""{ "name": "Spring reminders", "total_task_count": 2 }""", TestName = "An_answer_without_a_batch_call_id_is_uncertain")]
    [TestCase("<html>ok</html>", TestName = "An_unreadable_create_answer_is_uncertain")]
    public void Success_without_a_usable_batch_is_uncertain(string body)
    {
        _retell.Respond(Create, 201, body);

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request()));
        Assert.That(_retell.SentCount("POST", Create), Is.EqualTo(1));
    }

    [Test]
    public void A_400_is_a_definite_refusal_with_the_vendors_message_and_not_retried()
    {
        _retell.Respond(Create, 400, """{ "status": "error", "message": "from_number is not a number owned by this org" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("not a number owned by this org"));
            Assert.That(_retell.SentCount("POST", Create), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_404_on_create_is_a_refusal_not_a_missing_batch()
    {
        _retell.Respond(Create, 404, """{ "status": "error", "message": "Not found" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>());
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.Message, Does.Contain("nothing was created"));
        });
    }

    [Test]
    public void A_401_is_an_authentication_error_that_never_shows_the_key()
    {
        _retell.Respond(Create, 401, $$"""{ "status": "error", "message": "Invalid API key {{TestClient.CanaryKey}}" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => _retell.Sdk.CreateBatchAsync(ProviderId.Retell, Request()));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain("+12137774445"));
    }
}
