using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>Bland's simulator spoken to with a plain HttpClient and compared with docs.bland.ai's and the cookbook's examples.</summary>
public sealed class BlandWireTests : SimulatorTest
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private const string Body = """
        {
          "call_objects": [
            { "phone_number": "+14155550101", "request_data": { "customer_name": "Asha" } },
            { "phone_number": "not-a-number", "request_data": { "customer_name": "Broken" } },
            { "phone_number": "+14155550103", "request_data": { "customer_name": "Ravi" } }
          ],
          "global": { "pathway_id": "pw_7", "from": "+19876543007" },
          "status_webhook": "https://hooks.example.com/bland"
        }
        """;

    private HttpClient Api => Http(ProviderId.Bland, ("Authorization", Sim.ApiKey));

    private static async Task<string> CreateAsync(HttpClient http, string body = Body)
        => (string)(await http.PostJsonAsync("/v2/batches/create", body)).Body!["data"]!["batch_id"]!;

    private static JsonNode Event(JsonNode logs, string type) => logs["data"]!.AsArray().First(e => (string?)e!["event_type"] == type)!;

    [Test]
    public async Task Create_get_logs_and_list_answer_the_published_shapes()
    {
        using var http = Api;

        var created = await http.PostJsonAsync("/v2/batches/create", Body);
        var id = (string)created.Body!["data"]!["batch_id"]!;
        var get = await http.FetchAsync($"/v2/batches/{id}");
        Advance(TimeSpan.FromMinutes(10));
        var logs = await http.FetchAsync($"/v2/batches/{id}/logs");
        var list = await http.FetchAsync("/v2/batches/list?take=10&skip=0");
        var published = Published.Json("bland", "get-batch-logs.response.json");

        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(Published.Json("bland", "create-batch.response.json"), created.Body);
            Assert.That(id, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$"));
            JsonShape.AssertCovers(Published.Json("bland", "get-batch.response.json"), get.Body, "data.call_objects[].task"); // the example's call object carried a task
            Assert.That((string?)get.Body!["data"]!["description"], Is.EqualTo("Untitled Batch"));
            Assert.That(JsonNode.Parse((string)get.Body["data"]!["base_prompt"]!)!["pathway_id"]!.GetValue<string>(), Is.EqualTo("pw_7"), "base_prompt is global as a JSON string");
            JsonShape.AssertCovers(Event(published, "complete"), Event(logs.Body!, "complete"));
            JsonShape.AssertCovers(Event(published, "lifecycle"), Event(logs.Body!, "lifecycle"));
            Assert.That(Event(logs.Body!, "complete")["payload"]!.ToJsonString(), Does.Contain("\"calls_total\":3"), "every call object requested, the undialable one too");
            Assert.That((int)Event(logs.Body!, "complete")["payload"]!["calls_failed"]!, Is.GreaterThanOrEqualTo(1));
            JsonShape.AssertCovers(Published.Json("bland", "list-batches.response.json"), list.Body, "data[].call_objects[].task");
            Assert.That(Sim.Batches.Single().Fields["status_webhook"], Is.EqualTo("https://hooks.example.com/bland"));
            Assert.That(Sim.Batches.Single().Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550103" }));
        });
    }

    [Test]
    public async Task The_log_is_newest_first_by_default_and_pages_with_take_and_skip()
    {
        using var http = Api;
        var id = await CreateAsync(http);
        Advance(TimeSpan.FromMinutes(10));

        var desc = (await http.FetchAsync($"/v2/batches/{id}/logs")).Body!["data"]!.AsArray();
        var asc = (await http.FetchAsync($"/v2/batches/{id}/logs?direction=asc")).Body!["data"]!.AsArray();
        var second = (await http.FetchAsync($"/v2/batches/{id}/logs?take=2&skip=2")).Body!["data"]!.AsArray();
        var wrong = await http.FetchAsync($"/v2/batches/{id}/logs?direction=sideways");

        Assert.Multiple(() =>
        {
            Assert.That(desc.Select(e => (string?)e!["event_type"] == "lifecycle" ? (string?)e["payload"]!["state_change"] : (string?)e["event_type"]),
                Is.EqualTo(new[] { "complete", "in_progress", "dispatching", "validating" }));
            Assert.That(asc.Select(e => (string?)e!["id"]), Is.EqualTo(desc.Select(e => (string?)e!["id"]).Reverse()));
            Assert.That(second.Select(e => (string?)e!["id"]), Is.EqualTo(desc.Skip(2).Select(e => (string?)e!["id"])));
            Assert.That((string?)desc[1]!["payload"]!["message"], Does.Match(@"^Requested: 3\. Validated: 2\. Dispatched: 2\. CPS: \d+\.\d\d\.$"));
            Assert.That(wrong.Status, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task The_docs_placeholder_request_is_accepted_then_fails_validation()
    {
        using var http = Api;

        var created = await http.PostJsonAsync("/v2/batches/create", Published.Text("bland", "create-batch.request.json"));
        var id = (string)created.Body!["data"]!["batch_id"]!;
        Advance(TimeSpan.FromSeconds(2));
        var logs = await http.FetchAsync($"/v2/batches/{id}/logs");
        var calls = await http.FetchAsync($"/v1/calls?batch_id={id}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(200), "the cookbook: a batch missing task and pathway_id is accepted, then its status is failed");
            Assert.That((string?)logs.Body!["data"]![0]!["payload"]!["state_change"], Is.EqualTo("failed"));
            Assert.That((string?)logs.Body["data"]![0]!["payload"]!["message"], Does.Contain("global must include task or pathway_id"));
            Assert.That(calls.Body!["calls"]!.AsArray(), Is.Empty);
            Assert.That(Sim.Batches.Single().Status, Is.EqualTo("failed"));
        });
    }

    [Test]
    public async Task The_documented_call_objects_and_start_times_are_read()
    {
        using var http = Api;
        var fragment = Published.Text("bland", "create-batch.call-objects.fragment.jsonc");
        var documented = JsonNode.Parse("{" + fragment + ", \"global\": {\"task\": \"Say hello\"}}", documentOptions: Jsonc)!.ToJsonString();
        var cookbookCall = Published.Text("bland", "cookbook.call-object-start-time.json");
        var cookbook = "{\"call_objects\": [" + cookbookCall + "], \"global\": {\"task\": \"Say hello\"}}";

        var past = await CreateAsync(http, documented);
        var later = await CreateAsync(http, cookbook);
        Advance(TimeSpan.FromSeconds(1));
        var pastCalls = await http.FetchAsync($"/v1/calls?batch_id={past}");
        var laterLog = await http.FetchAsync($"/v2/batches/{later}/logs");

        Assert.Multiple(() =>
        {
            Assert.That(pastCalls.Body!["calls"]!.AsArray().Select(c => (string?)c!["queue_status"]), Has.None.EqualTo("pre_queue_error"),
                "both documented start_time forms read (2026-01-01 is past: the calls are not held)");
            Assert.That((string?)laterLog.Body!["data"]![0]!["payload"]!["state_change"], Is.EqualTo("waiting_for_scheduled_calls"));
            Assert.That(Sim.Batches.Single(b => b.Id == later).ScheduledAt, Is.EqualTo(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.FromHours(-5))));
        });
    }

    [Test]
    public async Task Calls_answer_the_published_list_calls_shape_in_minutes_and_index_ranges()
    {
        using var http = Api;
        var id = await CreateAsync(http);
        Advance(TimeSpan.FromMinutes(10));

        var all = await http.FetchAsync($"/v1/calls?batch_id={id}&ascending=true");
        var page = await http.FetchAsync($"/v1/calls?batch_id={id}&ascending=true&from=1&to=2");
        var one = await http.FetchAsync("/v1/calls/" + (string?)all.Body!["calls"]![0]!["call_id"]);
        var published = JsonNode.Parse(Published.Text("bland", "list-calls.response.jsonc"), documentOptions: Jsonc)!;

        var calls = all.Body["calls"]!.AsArray();
        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(published, all.Body);
            Assert.That((int?)all.Body["count"], Is.EqualTo(3));
            Assert.That(calls.Select(c => (string?)c!["to"]), Is.EqualTo(new[] { "+14155550101", "+14155550103", "not-a-number" }));
            Assert.That((string?)calls[2]!["queue_status"], Is.EqualTo("pre_queue_error"));
            Assert.That(calls.Where(c => (string?)c!["answered_by"] == "human").Select(c => (double)c!["call_length"]!), Has.All.InRange(0.1, 1.0), "minutes");
            Assert.That(page.Body!["calls"]!.AsArray().Select(c => (string?)c!["call_id"]), Is.EqualTo(new[] { (string?)calls[1]!["call_id"] }));
            Assert.That(one.Body!["request_data"]!["customer_name"]!.GetValue<string>(), Is.EqualTo("Asha"));
        });
    }

    [Test]
    public async Task Stop_answers_the_published_body_and_refusals_use_the_error_envelope()
    {
        using var http = Api;
        var id = await CreateAsync(http);
        Advance(TimeSpan.FromSeconds(3));

        var stop = await http.PostJsonAsync($"/v2/batches/{id}/stop", "");
        var again = await http.PostJsonAsync($"/v2/batches/{id}/stop", "");
        var pauseBad = await http.PostJsonAsync($"/v2/batches/{id}/pause", """{"paused": "yes"}""");
        var missing = await http.FetchAsync("/v2/batches/00000000-0000-4000-a000-000000000000");
        var noBody = await http.PostJsonAsync("/v2/batches/create", "[]");
        using var bearer = Http(ProviderId.Bland, ("Authorization", "Bearer " + Sim.ApiKey));
        var withScheme = await bearer.FetchAsync($"/v2/batches/{id}");
        var envelope = Published.Json("bland", "error-envelope.recording-not-found.response.json");

        Assert.Multiple(() =>
        {
            AssertJsonEqual(Published.Json("bland", "stop-batch.response.json"), stop.Body);
            foreach (var refused in new[] { again, pauseBad, missing, noBody, withScheme }) JsonShape.AssertCovers(envelope, refused.Body);
            Assert.That((again.Status, pauseBad.Status, missing.Status, noBody.Status, withScheme.Status), Is.EqualTo((400, 400, 404, 400, 401)));
            Assert.That((string?)withScheme.Body!["errors"]![0]!["error"], Is.EqualTo("UNAUTHORIZED"), "Bland takes the key with no scheme");
        });
    }

    [Test]
    public async Task Pause_and_resume_answer_like_stop_and_move_the_log()
    {
        using var http = Api;
        var id = await CreateAsync(http);
        Advance(TimeSpan.FromSeconds(3));

        var pause = await http.PostJsonAsync($"/v2/batches/{id}/pause", """{"paused": true}""");
        var paused = await http.FetchAsync($"/v2/batches/{id}/logs?take=1");
        Advance(TimeSpan.FromSeconds(1));
        var resume = await http.PostJsonAsync($"/v2/batches/{id}/pause", """{"paused": false}""");
        var resumed = await http.FetchAsync($"/v2/batches/{id}/logs?take=1");
        var resumeAgain = await http.PostJsonAsync($"/v2/batches/{id}/pause", """{"paused": false}""");

        Assert.Multiple(() =>
        {
            AssertJsonEqual(Published.Json("bland", "stop-batch.response.json"), pause.Body);
            AssertJsonEqual(Published.Json("bland", "stop-batch.response.json"), resume.Body);
            Assert.That((string?)paused.Body!["data"]![0]!["payload"]!["state_change"], Is.EqualTo("paused"));
            Assert.That((string?)resumed.Body!["data"]![0]!["payload"]!["state_change"], Is.EqualTo("in_progress"));
            Assert.That(resumeAgain.Status, Is.EqualTo(400));
            Assert.That(Sim.Requests.Where(r => r.Route == "/v2/batches/{batch_id}/pause").Select(r => r.Operation),
                Is.EqualTo(new BatchOperation?[] { BatchOperation.Pause, BatchOperation.Resume, BatchOperation.Resume }));
        });
    }
}
