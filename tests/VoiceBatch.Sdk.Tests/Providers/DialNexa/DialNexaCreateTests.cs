using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaCreateTests : DialNexaFixture
{
    private const string CreatePath = "/v1/batch-calls";

    private IReadOnlyList<ReceivedPart> SentParts()
    {
        var request = Received("POST", CreatePath).Single().RequestMessage!;
        var body = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        return MultipartBody.Parse(request.Headers!["Content-Type"].Single(), body);
    }

    private void AnswerCreate(string json, int status = 201)
        => Answer(Request.Create().WithPath(CreatePath).UsingPost(), json, status);

    [Test]
    public async Task Create_sends_what_both_doc_generations_read_part_for_part()
    {
        AnswerCreate(Seeds.Read(Seeds.DialNexaCreate));
        var request = NewRequest();
        request = new CreateBatchRequest
        {
            AgentId = request.AgentId,
            Contacts = request.Contacts,
            FromPhoneNumber = "+912234567890",
            Name = "May Follow-Up Campaign",
            ScheduledAt = new DateTimeOffset(2024, 6, 2, 10, 31, 56, TimeSpan.FromHours(5)),
            MaxConcurrentCalls = 10,
            MaxRetries = 2,
            RetryInterval = TimeSpan.FromMinutes(60),
        };

        await Client.CreateBatchAsync(ProviderId.DialNexa, request);

        var sent = Received("POST", CreatePath).Single().RequestMessage!;
        var parts = SentParts();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + TestClient.CanaryKey));
            Assert.That(sent.Headers["Content-Type"].Single(), Does.StartWith("multipart/form-data"));
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "agent_id", "file", "title", "name", "starts_at", "scheduled_at", "from_phone_number", "max_concurrent_calls", "retry_config" }));
            Assert.That(parts.Single(p => p.Name == "title").Text, Is.EqualTo("May Follow-Up Campaign"), "OA: title is required, at most 35 characters");
            Assert.That(parts.Single(p => p.Name == "starts_at").Text, Is.EqualTo("2024-06-02T05:31:56Z"), "OA: an empty starts_at starts at once, so the start goes here too");
            Assert.That(parts.Single(p => p.Name == "agent_id").Text, Is.EqualTo("agt_abc123"));
            Assert.That(parts.Single(p => p.Name == "from_phone_number").Text, Is.EqualTo("+912234567890"));
            Assert.That(parts.Single(p => p.Name == "name").Text, Is.EqualTo("May Follow-Up Campaign"));
            Assert.That(parts.Single(p => p.Name == "scheduled_at").Text, Is.EqualTo("2024-06-02T05:31:56Z"), "ISO-8601 in UTC, as in the seed");
            Assert.That(parts.Single(p => p.Name == "max_concurrent_calls").Text, Is.EqualTo("10"));
            Assert.That(parts.Single(p => p.Name == "retry_config").Text, Is.EqualTo("""{"max_retries":2,"retry_interval_minutes":60}"""));
            var file = parts.Single(p => p.Name == "file");
            Assert.That(file.FileName, Is.EqualTo("contacts.csv"));
            Assert.That(file.ContentType, Is.EqualTo("text/csv"));
            Assert.That(file.Text, Is.EqualTo("phone_number,customer_name,loan_amount\n+14155550101,Customer 1,500000\n+14155550102,Customer 2,499999\n"));
            Assert.That(parts.Where(p => p.Name != "file").Select(p => p.FileName), Is.All.Null, "only the file part carries a filename");
        });
    }

    [Test]
    public async Task Seed_create_answer_reads_as_a_queued_batch()
    {
        AnswerCreate(Seeds.Read(Seeds.DialNexaCreate));

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest());

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("batch_abc123"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "initiated is the create acknowledgement");
            Assert.That(batch.RawStatus, Is.EqualTo("initiated"));
            Assert.That(batch.Name, Is.EqualTo("May Follow-Up Campaign"));
            Assert.That(batch.AgentId, Is.EqualTo("agt_abc123"));
            Assert.That(batch.Progress.Total, Is.EqualTo(250));
            Assert.That(batch.Raw?.GetProperty("status").GetString(), Is.EqualTo("initiated"));
        });
    }

    [Test]
    public async Task Optional_parts_are_left_out_when_not_set()
    {
        AnswerCreate("""{"id":"bat_1","status":"initiated"}""");

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest());

        Assert.Multiple(() =>
        {
            Assert.That(SentParts().Select(p => p.Name), Is.EqualTo(new[] { "agent_id", "file", "title" }));
            Assert.That(SentParts().Single(p => p.Name == "title").Text, Is.EqualTo("VoiceBatch 2024-06-01 12:00"), "an unnamed batch gets a title (OA requires one)");
            Assert.That(batch.Progress.Total, Is.EqualTo(2), "an answer without a total falls back to the contacts sent");
            Assert.That(batch.AgentId, Is.EqualTo("agt_abc123"), "taken from the request when the answer omits it");
        });
    }

    [Test]
    public void A_name_longer_than_35_characters_is_refused_before_sending()
    {
        AnswerCreate("""{"id":"bat_1","status":"initiated"}""");
        var request = NewRequest();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest
        {
            AgentId = request.AgentId,
            Contacts = request.Contacts,
            Name = new string('x', 36),
        }));

        Assert.That(ex!.Message, Does.Contain("35"));
        Assert.That(Received("POST", CreatePath), Is.Empty);
    }

    [Test]
    public async Task DialNexas_current_create_answer_reads_verbatim_with_its_warning_and_caller_number()
    {
        AnswerCreate(Published.Read("dialnexa/create-201.json"));

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest());

        var answer = System.Text.Json.JsonDocument.Parse(Published.Read("dialnexa/create-201.json")).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo(answer.GetProperty("id").GetString()));
            Assert.That(batch.Name, Is.EqualTo(answer.GetProperty("title").GetString()));
            Assert.That(batch.Progress.Total, Is.EqualTo(answer.GetProperty("total_records").GetInt32()));
            Assert.That(batch.RawStatus, Is.EqualTo("initiated"));
            Assert.That(Sdk.AllLogText(), Does.Contain("warning"), "OA's non-blocking warning is logged");
        });
    }

    [Test]
    public void A_404_on_create_is_an_unknown_agent_not_a_missing_batch()
    {
        AnswerCreate(Published.Read("dialnexa/create-404-version-not-found.json"), 404);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>());
        Assert.That(ex!.Message, Does.Contain("agent"));
        Assert.That(Received("POST", CreatePath), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_403_destination_refusal_on_create_is_not_a_bad_key()
    {
        AnswerCreate(Published.Read("dialnexa/create-403.json"), 403);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.That(ex, Is.Not.InstanceOf<VoiceBatchAuthenticationException>());
        Assert.That(ex!.Message, Does.Contain("Telephony Config"));
    }

    [TestCase(2, null, """{"max_retries":2}""")]
    [TestCase(null, 90, """{"retry_interval_minutes":2}""")]
    [TestCase(0, 600, """{"max_retries":0,"retry_interval_minutes":10}""")]
    public async Task Retry_config_carries_only_what_was_given(int? maxRetries, int? intervalSeconds, string expected)
    {
        AnswerCreate("""{"id":"bat_1","status":"initiated"}""");
        var request = NewRequest();

        await Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest
        {
            AgentId = request.AgentId,
            Contacts = request.Contacts,
            MaxRetries = maxRetries,
            RetryInterval = intervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        });

        Assert.That(SentParts().Single(p => p.Name == "retry_config").Text, Is.EqualTo(expected));
    }

    [Test]
    public async Task Initiated_batch_scheduled_for_later_reads_as_Scheduled()
    {
        AnswerCreate("""{"id":"bat_1","status":"initiated"}""");
        var request = NewRequest();
        var at = Now.AddDays(1);

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = request.AgentId, Contacts = request.Contacts, ScheduledAt = at, Name = "Later" });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(batch.ScheduledAt, Is.EqualTo(at));
            Assert.That(batch.Name, Is.EqualTo("Later"));
        });
    }

    [Test]
    public void A_503_on_create_is_uncertain_and_never_resent()
    {
        AnswerCreate("""{"statusCode":503,"message":"Service Unavailable"}""", 503);
        var request = NewRequest();

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(ProviderId.DialNexa,
            new CreateBatchRequest { AgentId = request.AgentId, Contacts = request.Contacts, Name = "Reconcile me" }));

        Assert.Multiple(() =>
        {
            Assert.That(Received("POST", CreatePath), Has.Count.EqualTo(1), "a create is sent exactly once");
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
            Assert.That(ex.BatchName, Is.EqualTo("Reconcile me"));
        });
    }

    [Test]
    public void A_timeout_on_create_is_uncertain_and_never_resent()
    {
        var slow = new SlowResponder(TimeSpan.FromSeconds(2), 201, """{"id":"bat_late","status":"initiated"}""");
        Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(slow.Response());
        UseClient(fakeClock: false, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
        });

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(slow.Arrived, Is.EqualTo(1), "the create reached the vendor once and was not re-sent");
            Assert.That(ex!.StatusCode, Is.Null);
        });
    }

    [Test]
    public void A_2xx_without_a_batch_id_is_uncertain()
    {
        AnswerCreate("""{"status":"initiated"}""");

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));
        Assert.That(Received("POST", CreatePath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_201_warning_is_logged_and_kept_in_raw()
    {
        AnswerCreate("""
            {"id":"bat_1","status":"initiated","warning":{"message":"Another batch is running on this number; this one starts after it","conflicts":[{"id":"bat_0"},{"id":"bat_x"}]}}
            """);

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest());

        var warning = Sdk.Logs.GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Message, Does.Contain("Another batch is running on this number"));
            Assert.That(warning.Message, Does.Contain("2 conflicting"));
            Assert.That(batch.Raw?.GetProperty("warning").GetProperty("conflicts").GetArrayLength(), Is.EqualTo(2));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued));
        });
    }

    [Test]
    public void A_402_is_a_definite_balance_error_not_an_uncertain_create()
    {
        AnswerCreate("""{"statusCode":402,"message":"Insufficient balance","error":"Payment Required"}""", 402);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(402));
            Assert.That(ex.Message, Does.Contain("balance"));
        });
    }

    [Test]
    public void A_variable_column_named_phone_number_is_refused_before_sending()
    {
        var rows = new[] { new Dictionary<string, string> { ["mobile"] = "+14155550101", ["Phone_Number"] = "other" } };
        var contacts = ContactList.FromRows(rows.Select(r => (IReadOnlyDictionary<string, string>)r), new ContactListOptions { PhoneColumn = "mobile" });

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "a", Contacts = contacts }));

        Assert.That(ex!.Message, Does.Contain("phone_number"));
        Assert.That(Server.LogEntries, Is.Empty, "nothing was sent");
    }

    [Test]
    public void Capabilities_state_the_10_MB_file_limit()
        => Assert.That(Client.GetCapabilities(ProviderId.DialNexa).MaxFileBytes, Is.EqualTo(10L * 1024 * 1024));
}
