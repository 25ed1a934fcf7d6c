using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.Bland;

public sealed class BlandCreateTests
{
    private const string Create = "/v2/batches/create";
    private const string Accepted = """{"data": {"batch_id": "8b8e8c57-9e6e-4e4d-84d2-9826b2268c22"}, "errors": null}""";

    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    private static ContactList Contacts() => ContactList.FromRows(
    [
        new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["first_name"] = "Ada", ["plan"] = "gold" },
        new Dictionary<string, string> { ["phone_number"] = "+442079460958", ["first_name"] = "Alan", ["plan"] = "" },
    ]);

    private static CreateBatchRequest Request(string? name = "Spring renewals", string? from = "+14155550100", DateTimeOffset? at = null, int? retries = null, int? concurrency = null, string agent = "pw_42")
        => new() { AgentId = agent, Contacts = Contacts(), Name = name, FromPhoneNumber = from, ScheduledAt = at, MaxRetries = retries, MaxConcurrentCalls = concurrency };

    [Test]
    public async Task Create_sends_the_exact_json_body_and_header()
    {
        _bland.Respond("POST", Create, 200, Accepted);

        var batch = await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request());

        var expected = JsonNode.Parse("""
            {
              "call_objects": [
                { "phone_number": "+14155550101", "request_data": { "first_name": "Ada", "plan": "gold" } },
                { "phone_number": "+442079460958", "request_data": { "first_name": "Alan", "plan": "" } }
              ],
              "global": { "pathway_id": "pw_42", "from": "+14155550100", "metadata": { "voicebatch_batch_name": "Spring renewals" } }
            }
            """);
        var request = _bland.Logged("POST", Create).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(_bland.Body("POST", Create), expected), Is.True, _bland.Body("POST", Create)?.ToJsonString());
            Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo(TestClient.CanaryKey), "the key is the whole value: no Bearer");
            Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(batch.Id, Is.EqualTo("8b8e8c57-9e6e-4e4d-84d2-9826b2268c22"));
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Queued, (string?)null)), "Bland validates the batch before it dials");
            Assert.That((batch.Name, batch.AgentId, batch.FromPhoneNumber), Is.EqualTo(("Spring renewals", "pw_42", "+14155550100")));
            Assert.That((batch.Progress.Total, batch.Progress.Pending), Is.EqualTo(((int?)2, 2)));
            Assert.That(batch.Raw!.Value.GetProperty("data").GetProperty("batch_id").GetString(), Is.EqualTo(batch.Id));
        });
    }

    [Test]
    public async Task ScheduledAt_becomes_every_call_objects_start_time()
    {
        _bland.Respond("POST", Create, 200, Accepted);
        var at = new DateTimeOffset(2026, 3, 14, 8, 0, 0, 400, TimeSpan.FromHours(-5)); // 13:00:00.4 UTC

        var batch = await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request(at: at));

        var objects = _bland.Body("POST", Create)!["call_objects"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(objects.Select(o => (string?)o!["start_time"]), Has.All.EqualTo("2026-03-14T13:00:01+00:00"), "UTC with a numeric offset, rounded up to the second");
            Assert.That(_bland.Body("POST", Create)!["global"]!["start_time"], Is.Null, "Bland schedules per call");
            Assert.That((batch.Status, batch.ScheduledAt), Is.EqualTo((BatchStatus.Scheduled, (DateTimeOffset?)at)));
        });
    }

    [TestCase(BlandAgentKind.Persona, "persona_id")]
    [TestCase(BlandAgentKind.Task, "task")]
    public async Task AgentIdKind_sends_the_agent_as_exactly_one_global_member(BlandAgentKind kind, string member)
    {
        _bland.Dispose();
        _bland = new BlandTestServer(o => o.AgentIdKind = kind);
        _bland.Respond("POST", Create, 200, Accepted);

        var batch = await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request(name: null, from: null, agent: "You are calling {{first_name}} about their plan."));

        var global = _bland.Body("POST", Create)!["global"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(global.Select(p => p.Key), Is.EqualTo(new[] { member }));
            Assert.That((string?)global[member], Is.EqualTo("You are calling {{first_name}} about their plan."));
            Assert.That(batch.AgentId, kind == BlandAgentKind.Task ? Is.Null : Is.EqualTo("You are calling {{first_name}} about their plan."));
        });
    }

    [Test]
    public async Task The_status_webhook_option_is_sent()
    {
        _bland.Dispose();
        _bland = new BlandTestServer(o => o.StatusWebhook = new Uri("https://hooks.example.com/bland"));
        _bland.Respond("POST", Create, 200, Accepted);

        await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request());

        Assert.That((string?)_bland.Body("POST", Create)!["status_webhook"], Is.EqualTo("https://hooks.example.com/bland"));
    }

    [Test]
    public void Retries_are_refused_before_anything_is_sent()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request(retries: 2)));

        Assert.That(ex!.Message, Does.Contain("Nothing was sent"));
        Assert.That(_bland.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task MaxConcurrentCalls_is_not_sent_and_says_so_in_a_warning()
    {
        _bland.Respond("POST", Create, 200, Accepted);

        await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request(concurrency: 3));

        Assert.That(_bland.Client.AllLogText(), Does.Contain("MaxConcurrentCalls = 3 was not sent"));
    }

    [TestCase("bland/create-batch.response.json", "8b8e8c57-9e6e-4e4d-84d2-9826b2268c22")]
    [TestCase("bland/cookbook.create-batch.response.json", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")]
    public async Task Blands_own_create_answers_read_verbatim(string file, string id)
    {
        _bland.Respond("POST", Create, 200, Published.Read(file));

        var batch = await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request());

        Assert.That(batch.Id, Is.EqualTo(id));
    }

    [Test]
    public void A_503_is_uncertain_and_the_create_is_sent_exactly_once()
    {
        _bland.Respond("POST", Create, 503, """{"data": null, "errors": [{"error": "UNAVAILABLE", "message": "try later"}]}""");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));

        Assert.Multiple(() =>
        {
            Assert.That((ex!.StatusCode, ex.BatchName), Is.EqualTo(((int?)503, "Spring renewals")));
            Assert.That(_bland.SentCount("POST", Create), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_timeout_is_uncertain_and_the_create_is_sent_exactly_once()
    {
        _bland.Dispose();
        _bland = new BlandTestServer(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        var slow = new SlowResponder(TimeSpan.FromSeconds(1), 200, Accepted);
        _bland.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(Create).UsingPost()).RespondWith(slow.Response());

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request(name: "Slow one")));

        Assert.Multiple(() =>
        {
            Assert.That((ex!.StatusCode, ex.BatchName), Is.EqualTo(((int?)null, "Slow one")));
            Assert.That(_bland.SentCount("POST", Create), Is.EqualTo(1));
            Assert.That(slow.Arrived, Is.EqualTo(1));
        });
    }

    [Test]
    public void Errors_inside_a_200_without_a_batch_id_are_a_definite_refusal()
    {
        _bland.Respond("POST", Create, 200, """{"data": null, "errors": [{"error": "INVALID_GLOBAL", "message": "global must include task or pathway_id"}]}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That((ex!.StatusCode, ex.ErrorCode), Is.EqualTo(((int?)400, "INVALID_GLOBAL")));
            Assert.That(ex.Message, Does.Contain("global must include task or pathway_id"));
            Assert.That(_bland.SentCount("POST", Create), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_not_found_inside_the_create_answer_is_a_refusal_not_a_missing_batch()
    {
        _bland.Respond("POST", Create, 200, """{"data": null, "errors": [{"error": "PATHWAY_NOT_FOUND", "message": "Pathway not found"}]}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));

        Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>());
        Assert.That(ex!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void A_404_on_create_is_a_refusal_with_advice()
    {
        _bland.Respond("POST", Create, 404, """{"data": null, "errors": [{"error": "NOT_FOUND", "message": "Pathway not found"}]}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.GetType(), Is.EqualTo(typeof(VoiceBatchException)));
            Assert.That(ex.Message, Does.Contain("nothing was created"));
            Assert.That(_bland.SentCount("POST", Create), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_batch_id_with_errors_beside_it_is_a_created_batch_and_a_warning()
    {
        _bland.Respond("POST", Create, 200, """{"data": {"batch_id": "b-created"}, "errors": [{"error": "SOME_CALLS_SKIPPED", "message": "1 call object skipped"}]}""");

        var batch = await _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request());

        Assert.That(batch.Id, Is.EqualTo("b-created"));
        Assert.That(_bland.Client.AllLogText(), Does.Contain("1 call object skipped"));
    }

    [Test]
    public void A_2xx_without_a_batch_id_or_errors_is_uncertain()
    {
        _bland.Respond("POST", Create, 200, """{"data": {}, "errors": null}""");

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));
        Assert.That(_bland.SentCount("POST", Create), Is.EqualTo(1));
    }

    [Test]
    public void The_key_and_the_numbers_never_appear_in_a_refusal()
    {
        _bland.Respond("POST", Create, 400, $$"""{"data": null, "errors": [{"error": "BAD", "message": "key {{TestClient.CanaryKey}} may not call +442079460958"}]}""");

        var ex = Assert.CatchAsync<VoiceBatchException>(() => _bland.Sdk.CreateBatchAsync(ProviderId.Bland, Request()));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain("+442079460958"));
        Assert.That(_bland.Client.AllLogText(), Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain("+442079460958"));
    }
}
