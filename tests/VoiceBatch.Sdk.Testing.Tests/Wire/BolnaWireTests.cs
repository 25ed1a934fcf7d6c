using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>Bolna's simulator against bolna.ai/docs' examples.</summary>
public sealed class BolnaWireTests : SimulatorTest
{
    private const string Csv = "contact_number,customer_name\n+14155550101,Asha\nnot-a-number,Broken\n+14155550103,Ravi\n";

    private HttpClient Api => Bearer(ProviderId.Bolna);

    private static async Task<string> CreateAsync(HttpClient http)
        => (string)(await http.PostFormAsync("/batches", Csv, ("agent_id", "3c90c3cc-0d44-4b50-8888-8dd25736052a"), ("from_phone_numbers", "+19876543007"), ("from_phone_numbers", "+19876543008"))).Body!["batch_id"]!;

    [Test]
    public async Task Create_answers_201_created_and_only_valid_rows_are_called()
    {
        using var http = Api;

        var answer = await http.PostFormAsync("/batches", Csv, ("agent_id", "3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        var get = await http.FetchAsync("/batches/" + (string?)answer.Body!["batch_id"]);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(201));
            JsonShape.AssertCovers(Published.Json("bolna", "create-201.json"), answer.Body);
            Assert.That((string?)answer.Body["state"], Is.EqualTo("created"));
            Assert.That((string?)answer.Body["batch_id"], Does.Match("^[0-9a-f]{32}$"));
            JsonShape.AssertCovers(Published.Json("bolna", "get-batch-200-seed003.json"), get.Body, "execution_status.completed", "execution_status.ringing", "execution_status.in-progress");
            Assert.That(((string?)get.Body!["status"], (int?)get.Body["valid_contacts"], (int?)get.Body["total_contacts"]), Is.EqualTo(("created", (int?)2, (int?)3)));
        });
    }

    [Test]
    public async Task Refusals_use_the_documented_bodies()
    {
        using var http = Api;
        var id = await CreateAsync(http);

        var noAgent = await http.PostFormAsync("/batches", Csv);
        var zulu = await http.PostFormAsync($"/batches/{id}/schedule", null, ("scheduled_at", "2026-03-02T10:00:00Z"));
        var soon = await http.PostFormAsync($"/batches/{id}/schedule", null, ("scheduled_at", "2026-03-02T09:01:00+00:00"));
        var garbage = await http.PostFormAsync($"/batches/{id}/schedule", null, ("scheduled_at", "next tuesday"));
        var stopCreated = await http.PostJsonAsync($"/batches/{id}/stop", "");

        Assert.Multiple(() =>
        {
            AssertJsonEqual(Published.Json("bolna", "error-400-shape.json"), noAgent.Body);
            Assert.That(zulu.Status, Is.EqualTo(500), "a trailing Z is answered with 500");
            Assert.That((soon.Status, (string?)soon.Body!["message"]), Is.EqualTo((400, "Scheduled time should be atleast 2 minutes in the future")));
            Assert.That((garbage.Status, (string?)garbage.Body!["message"]), Is.EqualTo((400, "Parsing error")));
            Assert.That(stopCreated.Status, Is.EqualTo(404));
            AssertJsonEqual(Published.Json("bolna", "stop-404.from-yaml.json"), stopCreated.Body);
        });
    }

    [Test]
    public async Task Schedule_rounds_up_to_ten_minutes_and_the_executions_answer_the_published_shape()
    {
        using var http = Api;
        var id = await CreateAsync(http);

        var scheduled = await http.PostFormAsync($"/batches/{id}/schedule", null, ("scheduled_at", "2026-03-02T09:05:00+00:00"));
        Advance(TimeSpan.FromMinutes(15));
        var executions = await http.FetchAsync($"/batches/{id}/executions");
        var get = await http.FetchAsync("/batches/" + id);
        var v2 = await http.FetchAsync($"/v2/batches/{id}/executions?page_number=1&page_size=50");

        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(Published.Json("bolna", "schedule-200-guide.json"), scheduled.Body);
            Assert.That((string?)scheduled.Body!["state"], Is.EqualTo("scheduled at 2026-03-02T09:10:00+00:00"));
            Assert.That(executions.Body!.AsArray(), Has.Count.EqualTo(2), "a bare array of the valid contacts' executions");
            JsonShape.AssertCovers(Published.Json("bolna", "execution-completed-get-execution.json"), executions.Body[0], "extracted_data", "cost_breakdown", "latency_data");
            Assert.That((string?)get.Body!["status"], Is.EqualTo("completed"));
            Assert.That(get.Body["from_phone_numbers"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "+19876543007", "+19876543008" }));
            Assert.That(v2.Status, Is.EqualTo(404), "Bolna documents no /v2/batches/{id}/executions route");
        });
    }

    [Test]
    public async Task A_scheduled_batch_can_be_stopped_and_the_seed_is_verbatim()
    {
        using var http = Api;
        var id = await CreateAsync(http);
        await http.PostFormAsync($"/batches/{id}/schedule", null, ("scheduled_at", "2026-03-02T12:00:00+00:00"));

        var stop = await http.PostJsonAsync($"/batches/{id}/stop", "");
        var seed = await http.FetchAsync("/batches/3c90c3cc0d444b5088888dd25736052a");
        using var none = Http(ProviderId.Bolna);
        var denied = await none.FetchAsync("/batches/" + id);

        Assert.Multiple(() =>
        {
            AssertJsonEqual(Published.Json("bolna", "stop-200.from-yaml.json"), stop.Body);
            Assert.That(seed.Text, Is.EqualTo(Published.Seed("bolna-get.json")));
            Assert.That((denied.Status, denied.Body!["detail"]!.GetValue<string>()), Is.EqualTo((401, "Access denied")));
        });
    }
}
