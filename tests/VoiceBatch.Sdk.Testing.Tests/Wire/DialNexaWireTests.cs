using System.Net.Http.Json;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>DialNexa's simulator, spoken to with a plain HttpClient and compared with DialNexa's published examples.</summary>
public sealed class DialNexaWireTests : SimulatorTest
{
    private const string Leads = "phone_number,customer_name\n+14155550101,Priya\n+14155550102,Rahul\n";

    private HttpClient Api => Bearer(ProviderId.DialNexa);

    [Test]
    public async Task No_key_is_answered_with_the_published_401()
    {
        using var http = Http(ProviderId.DialNexa);

        var answer = await http.PostFormAsync("/v1/batch-calls", Leads, ("title", "Q3 Follow-up Batch"), ("agent_id", "agent_abc123"));

        Assert.That(answer.Status, Is.EqualTo(401));
        AssertJsonEqual(Published.Json("dialnexa", "create-401.json"), answer.Body);
    }

    [Test]
    public async Task The_current_create_answers_the_published_201()
    {
        using var http = Api;

        var answer = await http.PostFormAsync("/v1/batch-calls", Leads, ("title", "Q3 Follow-up Batch"), ("agent_id", "agent_abc123"), ("agent_version_number", "1"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(201));
            JsonShape.AssertCovers(Published.Json("dialnexa", "create-201.json"), answer.Body, "warning");
            Assert.That((string?)answer.Body!["status"], Is.EqualTo("initiated"));
            Assert.That((int?)answer.Body["total_records"], Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_older_create_fields_name_and_scheduled_at_are_still_read()
    {
        using var http = Api;

        var answer = await http.PostFormAsync("/v1/batch-calls", Leads, ("name", "May Follow-Up Campaign"), ("agent_id", "agt_abc123"), ("scheduled_at", "2026-03-02T10:00:00Z"), ("max_concurrent_calls", "1"));
        var read = await http.FetchAsync("/v1/batch-calls/" + (string?)answer.Body!["id"]);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(201));
            Assert.That((string?)answer.Body["title"], Is.EqualTo("May Follow-Up Campaign"));
            Assert.That((string?)read.Body!["status"], Is.EqualTo("scheduled"));
            Assert.That(Sim.Batches.Single().ScheduledAt, Is.EqualTo(TestTime.Start.AddHours(1)));
        });
    }

    [Test]
    public async Task Refusals_use_the_published_bodies()
    {
        using var http = Api;

        var tooLong = await http.PostFormAsync("/v1/batch-calls", Leads, ("title", new string('a', 42)), ("agent_id", "agent_abc123"));
        var noPhone = await http.PostFormAsync("/v1/batch-calls", "number,name\n+14155550101,Priya\n", ("title", "Q3"), ("agent_id", "agent_abc123"));
        var missing = await http.PostFormAsync("/v1/batch-calls", Leads);

        Assert.Multiple(() =>
        {
            AssertJsonEqual(Published.Json("dialnexa", "create-400-title-too-long.json"), tooLong.Body);
            AssertJsonEqual(Published.Json("dialnexa", "create-400.json"), noPhone.Body);
            Assert.That(missing.Body!["message"]!.AsArray().Select(m => (string?)m), Is.EquivalentTo(new[] { "title should not be empty", "agent_id should not be empty" }));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public async Task Bad_destinations_are_reported_grouped_with_their_row_numbers()
    {
        using var http = Api;

        var answer = await http.PostFormAsync("/v1/batch-calls", "phone_number,name\n+14155550101,A\n12345,B\n+5352345678,C\nabc,D\n", ("title", "Rows"), ("agent_id", "agent_abc123"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Body!["message"], Is.EqualTo("Destination validation failed for 3 row(s)"));
            Assert.That(answer.Body["errors"]!.AsArray().Select(g => ((string?)g!["reason"], string.Join(",", g["rows"]!.AsArray().Select(r => (int)r!)))),
                Is.EqualTo(new[] { ("Invalid phone number format", "3,5"), ("Unsupported destination country", "4") }));
        });
    }

    [Test]
    public async Task List_status_action_and_call_logs_answer_the_published_shapes()
    {
        using var http = Api;
        var id = (string)(await http.PostFormAsync("/v1/batch-calls", Leads, ("title", "Q3 Follow-up Batch"), ("agent_id", "agent_abc123"))).Body!["id"]!;
        Advance(TimeSpan.FromSeconds(10));

        var list = await http.FetchAsync("/v1/batch-calls?page=1&limit=20");
        var calls = await http.FetchAsync($"/v1/calls?batch_call_id={id}&page=1&limit=20");
        var call = await http.FetchAsync("/v1/calls/" + (string?)calls.Body![0]!["id"]);
        var pause = await http.CallAsync(HttpMethod.Patch, $"/v1/batch-calls/{id}/status", JsonContent.Create(new { action = "pause" }));
        var invalid = await http.CallAsync(HttpMethod.Patch, $"/v1/batch-calls/{id}/status", JsonContent.Create(new { action = "stop" }));
        var missing = await http.FetchAsync("/v1/batch-calls/bat_missing");

        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(Published.Json("dialnexa", "list-200.json"), list.Body);
            JsonShape.AssertCovers(Published.Json("dialnexa", "calls-list-200.json"), calls.Body);
            JsonShape.AssertCovers(Published.Json("dialnexa", "call-get-200.json"), call.Body);
            JsonShape.AssertCovers(Published.Json("dialnexa", "status-200.json"), pause.Body);
            Assert.That((string?)pause.Body!["message"], Is.EqualTo("Campaign paused successfully"));
            AssertJsonEqual(Published.Json("dialnexa", "status-400.json"), invalid.Body);
            AssertJsonEqual(Published.Json("dialnexa", "get-404.json"), missing.Body);
        });
    }

    [Test]
    public async Task The_seed_batches_are_served_verbatim()
    {
        using var http = Api;

        Assert.Multiple(async () =>
        {
            Assert.That((await http.FetchAsync("/v1/batch-calls/batch_abc123")).Text, Is.EqualTo(Published.Seed("dialnexa-get-schema.json")));
            Assert.That((await http.FetchAsync("/v1/batch-calls/bat_q1r5sv9mdk3z")).Text, Is.EqualTo(Published.Seed("dialnexa-get-prose.json")));
        });
    }

    [Test]
    public async Task Limits_outside_the_documented_range_are_refused()
    {
        using var http = Api;

        Assert.Multiple(async () =>
        {
            Assert.That((await http.FetchAsync("/v1/calls?limit=201")).Status, Is.EqualTo(400));
            Assert.That((await http.FetchAsync("/v1/batch-calls?status=processing")).Status, Is.EqualTo(400), "not a current status word");
            Assert.That((await http.FetchAsync("/v1/batch-calls?status=running,paused")).Status, Is.EqualTo(200));
        });
    }
}

/// <summary>The other documented answer of <c>GET /v1/batch-calls/{id}</c>: a page of the batch's call logs.</summary>
public sealed class DialNexaCallLogReadWireTests : SimulatorTest
{
    protected override SimulatorOptions Options(Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
        => new() { TimeProvider = time, Seed = 42, DialNexaGetReturnsCallLogs = true };

    [Test]
    public async Task The_batch_read_answers_the_published_call_log_page()
    {
        using var http = Bearer(ProviderId.DialNexa);
        var id = Sim.AddBatch(ProviderId.DialNexa, Contacts(3));

        var answer = await http.FetchAsync($"/v1/batch-calls/{id}?limit=2");

        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(Published.Json("dialnexa", "get-200.json"), answer.Body);
            Assert.That(((int?)answer.Body!["total"], (int?)answer.Body["totalPages"], answer.Body["callLogs"]!.AsArray().Count), Is.EqualTo(((int?)3, (int?)2, 2)));
        });
    }
}
