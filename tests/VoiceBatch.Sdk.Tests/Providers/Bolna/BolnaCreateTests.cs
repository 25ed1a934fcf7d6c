using VoiceBatch.Tests.Support;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaCreateTests
{
    private const string BatchId = "3c90c3cc0d444b5088888dd25736052a";
    private BolnaTestServer _bolna = null!;

    [SetUp]
    public void SetUp() => _bolna = new BolnaTestServer();

    [TearDown]
    public void TearDown() => _bolna.Dispose();

    private static CreateBatchRequest NewRequest(DateTimeOffset? at = null, int? maxRetries = null, TimeSpan? retryInterval = null, string? from = "+14155550100", string? name = "May leads")
        => new()
        {
            AgentId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            Contacts = ContactList.FromRows(
            [
                new Dictionary<string, string> { ["phone"] = "+14155550101", ["first_name"] = "Bruce", ["city"] = "Gotham" },
                new Dictionary<string, string> { ["phone"] = "+442071838750", ["first_name"] = "James", ["city"] = "London, UK" },
            ]),
            Name = name,
            FromPhoneNumber = from,
            ScheduledAt = at,
            MaxRetries = maxRetries,
            RetryInterval = retryInterval,
        };

    private void StubCreate(int status = 200)
        => _bolna.Server.Given(Request.Create().WithPath("/batches").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody($$"""{"batch_id":"{{BatchId}}","state":"created"}"""));

    private void StubSchedule(int status = 200, string body = """{"message":"success","state":"scheduled"}""")
        => _bolna.Server.Given(Request.Create().WithPath($"/batches/{BatchId}/schedule").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

    [Test]
    public async Task Create_sends_the_documented_multipart_parts_then_schedules_with_a_numeric_offset()
    {
        StubCreate();
        StubSchedule();
        var at = new DateTimeOffset(2026, 6, 23, 21, 0, 0, TimeSpan.FromHours(5.5)); // 15:30 UTC

        var batch = await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(at, maxRetries: 2, retryInterval: TimeSpan.FromMinutes(15)));

        var create = await Multipart.ReadAsync(_bolna.Logged("POST", "/batches").Single());
        var schedule = await Multipart.ReadAsync(_bolna.Logged("POST", $"/batches/{BatchId}/schedule").Single());
        Assert.Multiple(() =>
        {
            Assert.That(create.Select(p => p.Name), Is.EqualTo(new[] { "agent_id", "file", "from_phone_numbers", "retry_config" }));
            Assert.That(create.Single(p => p.Name == "agent_id").Text, Is.EqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
            var file = create.Single(p => p.Name == "file");
            Assert.That(file.FileName, Is.EqualTo("May leads.csv"));
            Assert.That(file.ContentType, Is.EqualTo("text/csv"));
            Assert.That(file.Text, Is.EqualTo("contact_number,first_name,city\n+14155550101,Bruce,Gotham\n+442071838750,James,\"London, UK\"\n"));
            Assert.That(create.Single(p => p.Name == "from_phone_numbers").Text, Is.EqualTo("+14155550100"));
            Assert.That(create.Any(p => p.Name == "from_phone_number"), Is.False, "the legacy single field is not sent");
            Assert.That(create.Single(p => p.Name == "retry_config").Text, Is.EqualTo("""{"enabled":true,"max_retries":2,"retry_intervals_minutes":[15,15]}"""));

            Assert.That(schedule.Select(p => p.Name), Is.EqualTo(new[] { "scheduled_at" }));
            Assert.That(schedule.Single().Text, Is.EqualTo("2026-06-23T15:30:00+00:00"));

            Assert.That(batch.Id, Is.EqualTo(BatchId));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(batch.RawStatus, Is.EqualTo("scheduled"));
            Assert.That(batch.ScheduledAt, Is.EqualTo(at));
            Assert.That(batch.AgentId, Is.EqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
            Assert.That(batch.Name, Is.EqualTo("May leads.csv"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+14155550100"));
            Assert.That(batch.Progress.Total, Is.EqualTo(2));
            Assert.That(batch.Progress.Pending, Is.EqualTo(2));
            Assert.That(batch.Raw?.GetProperty("state").GetString(), Is.EqualTo("created"));
        });
    }

    [Test]
    public async Task Create_answered_201_is_success_too()
    {
        StubCreate(201);
        StubSchedule();

        var batch = await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1)));

        Assert.That(batch.Id, Is.EqualTo(BatchId));
    }

    [Test]
    public async Task Create_without_optional_fields_sends_only_agent_and_file_and_no_retry_config_for_zero_retries()
    {
        StubCreate();
        StubSchedule();

        await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1), maxRetries: 0, from: null, name: null));

        var create = await Multipart.ReadAsync(_bolna.Logged("POST", "/batches").Single());
        Assert.That(create.Select(p => p.Name), Is.EqualTo(new[] { "agent_id", "file" }));
        Assert.That(create[1].FileName, Is.EqualTo("contacts.csv"));
    }

    [Test]
    public async Task Retry_config_without_an_interval_leaves_bolnas_default_intervals()
    {
        StubCreate();
        StubSchedule();

        await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1), maxRetries: 3));

        var create = await Multipart.ReadAsync(_bolna.Logged("POST", "/batches").Single());
        Assert.That(create.Single(p => p.Name == "retry_config").Text, Is.EqualTo("""{"enabled":true,"max_retries":3}"""));
    }

    [Test]
    public void More_than_three_retries_is_refused_before_sending()
    {
        StubCreate();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1), maxRetries: 4)));
        Assert.That(_bolna.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Without_ScheduledAt_the_batch_is_scheduled_for_the_earliest_allowed_time()
    {
        StubCreate();
        StubSchedule();
        _bolna.Time.Advance(TimeSpan.FromMilliseconds(400)); // a clock between whole seconds rounds UP

        var batch = await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest());

        var schedule = await Multipart.ReadAsync(_bolna.Logged("POST", $"/batches/{BatchId}/schedule").Single());
        Assert.Multiple(() =>
        {
            Assert.That(schedule.Single().Text, Is.EqualTo("2026-06-23T15:03:01+00:00"), "now + 2 min minimum + 1 min margin, rounded up to a second");
            Assert.That(batch.ScheduledAt, Is.EqualTo(new DateTimeOffset(2026, 6, 23, 15, 10, 0, TimeSpan.Zero)), "Bolna starts at the next 10-minute mark");
        });
    }

    [TestCase(0)]
    [TestCase(60)]
    [TestCase(119)]
    [TestCase(120)]
    [TestCase(149)]
    [TestCase(30 * 24 * 3600 + 1)]
    public void A_start_outside_bolnas_window_is_refused_and_nothing_is_sent(int secondsAhead)
    {
        StubCreate();
        StubSchedule();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddSeconds(secondsAhead))));
        Assert.That(_bolna.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task A_start_two_and_a_half_minutes_ahead_is_accepted()
    {
        StubCreate();
        StubSchedule();

        await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddSeconds(150)));

        var schedule = await Multipart.ReadAsync(_bolna.Logged("POST", $"/batches/{BatchId}/schedule").Single());
        Assert.That(schedule.Single().Text, Is.EqualTo("2026-06-23T15:02:30+00:00"), "Bolna needs 2 minutes when the schedule ARRIVES: half a minute is kept for the create before it");
    }

    [Test]
    public async Task The_start_bolna_states_in_its_schedule_answer_is_the_one_returned()
    {
        StubCreate();
        _bolna.Server.Given(Request.Create().WithPath($"/batches/{BatchId}/schedule").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Published.Read("bolna/schedule-200-guide.json")));

        var batch = await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1)));

        Assert.That(batch.ScheduledAt, Is.EqualTo(new DateTimeOffset(2024, 3, 20, 4, 10, 0, TimeSpan.Zero)), "state: \"scheduled at 2024-03-20T04:10:00+00:00\" (Bolna's batch-calling guide)");
        Assert.That(batch.RawStatus, Does.StartWith("scheduled at"), "RawStatus keeps Bolna's state exactly as sent");
    }

    [Test]
    public async Task Bolnas_own_create_answer_reads_verbatim()
    {
        _bolna.Server.Given(Request.Create().WithPath("/batches").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(Published.Read("bolna/create-201.json")));
        StubSchedule();

        var batch = await _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1)));

        Assert.That(batch.Id, Is.Not.Empty);
        Assert.That(_bolna.Logged("POST", "/batches"), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_503_on_create_is_uncertain_and_the_create_is_sent_exactly_once()
    {
        StubCreate(503);
        StubSchedule();

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
            Assert.That(ex.BatchName, Is.EqualTo("May leads"));
            Assert.That(_bolna.Logged("POST", "/batches"), Has.Count.EqualTo(1));
            Assert.That(_bolna.Logged("POST", $"/batches/{BatchId}/schedule"), Is.Empty);
        });
    }

    [Test]
    public void A_2xx_create_without_batch_id_is_uncertain()
    {
        _bolna.Server.Given(Request.Create().WithPath("/batches").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"state":"created"}"""));

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1))));
        Assert.That(_bolna.Logged("POST", "/batches"), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_failed_schedule_after_a_successful_create_names_the_batch_and_never_creates_again()
    {
        StubCreate();
        StubSchedule(400, """{"message":"scheduled_at must be at least 2 minutes ahead"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.GetType(), Is.EqualTo(typeof(VoiceBatchException)));
            Assert.That(ex.Message, Does.Contain(BatchId).And.Contain("NOT scheduled").And.Contain("ScheduleBatchAsync"));
            Assert.That(ex.Message, Does.Contain("at least 2 minutes ahead"), "the vendor's reason is kept");
            Assert.That(ex.Data["VoiceBatch.BatchId"], Is.EqualTo(BatchId));
            Assert.That(ex.StatusCode, Is.EqualTo(400));
            Assert.That(_bolna.Logged("POST", "/batches"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_schedule_that_keeps_failing_with_5xx_is_retried_but_the_create_is_not()
    {
        _bolna.Dispose();
        _bolna = new BolnaTestServer(fakeClock: false); // Polly's back-off needs a real clock
        StubCreate();
        StubSchedule(503, """{"message":"unavailable"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(DateTimeOffset.UtcNow.AddHours(1))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain(BatchId));
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(_bolna.Logged("POST", "/batches"), Has.Count.EqualTo(1));
            Assert.That(_bolna.Logged("POST", $"/batches/{BatchId}/schedule"), Has.Count.EqualTo(4), "schedule is idempotent: 1 + 3 retries");
        });
    }

    [Test]
    public void The_api_key_never_appears_in_the_created_but_unscheduled_error()
    {
        _bolna.Dispose();
        _bolna = new BolnaTestServer(o => o.MaxRetries = 0); // no back-off to wait for on the fake clock
        StubCreate();
        StubSchedule(500, $$"""{"message":"bad token {{Support.TestClient.CanaryKey}}"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _bolna.Sdk.CreateBatchAsync(ProviderId.Bolna, NewRequest(BolnaTestServer.Now.AddHours(1))));

        Assert.That(ex!.ToString(), Does.Not.Contain(Support.TestClient.CanaryKey));
    }
}
