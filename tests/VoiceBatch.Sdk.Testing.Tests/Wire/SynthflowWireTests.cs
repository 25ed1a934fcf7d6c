using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>
/// Synthflow's simulator spoken to with a plain HttpClient and compared with Synthflow's published material: the guide's
/// create example sent verbatim, its (cut) answer's members in order, and the documented members of every page.
/// </summary>
public sealed class SynthflowWireTests : SimulatorTest
{
    private static readonly ProviderId Synthflow = ProviderId.Synthflow;

    /// <summary>The batch object's documented members (pause, cancel and list pages), beyond the create answer's first three.</summary>
    private static readonly string[] BatchMembers = ["batch_call_id", "name", "status", "total_task_count", "dispatched_count", "failed_count", "pending_count", "created_at", "model_id"];

    private HttpClient Api => Bearer(Synthflow);

    private static string Create(int tasks, string? extra = null)
    {
        var body = new JsonObject { ["name"] = "Wire batch", ["model_id"] = "agent-1", ["from_phone_number"] = "+16286666348" };
        body["tasks"] = new JsonArray(Enumerable.Range(0, tasks).Select(i => (JsonNode?)new JsonObject
        {
            ["id"] = $"lead-{i:0000}",
            ["to_phone_number"] = $"+1415555{1000 + i}",
            ["lead_name"] = $"Lead {i}",
            ["custom_variables"] = new JsonObject { ["plan"] = "pro", ["visits"] = i },
        }).ToArray());
        if (extra is not null) body[extra] = "x";
        return body.ToJsonString();
    }

    private static void AssertError(JsonNode? body)
    {
        var detail = body?["detail"] as JsonObject;
        Assert.That(detail, Is.Not.Null, body?.ToJsonString());
        Assert.That(detail!.Select(p => p.Key), Is.EquivalentTo(new[] { "status", "description", "request_id", "category" }), "the old OpenAPI's four required members");
        Assert.That(detail.Select(p => p.Value!.GetValueKind()), Is.All.EqualTo(JsonValueKind.String));
    }

    [Test]
    public async Task The_guides_create_example_is_accepted_verbatim_and_answered_as_the_guide_shows()
    {
        using var http = Api;

        var answer = await http.PostJsonAsync("/v2/calls/batch", Published.Text("synthflow", "create-batch-call.request.json"));

        var cut = Published.Text("synthflow", "create-batch-call.response.cut.txt");
        var shown = System.Text.RegularExpressions.Regex.Matches(cut, "\"([a-z_]+)\": \"([^\"]*)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Body!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "status", "response" }));
            var response = answer.Body["response"]!.AsObject();
            Assert.That(shown.Select(s => s.Item1), Is.EqualTo(new[] { "status", "batch_call_id", "name", "from_phone_number" }), "what the guide shows before its cut");
            Assert.That((string?)answer.Body["status"], Is.EqualTo("ok"));
            Assert.That(response.Select(p => p.Key).Take(3), Is.EqualTo(new[] { "batch_call_id", "name", "from_phone_number" }), "the guide's order");
            Assert.That(((string?)response["name"], (string?)response["from_phone_number"]), Is.EqualTo((shown[2].Item2, shown[3].Item2)));
            Assert.That(Guid.TryParse((string?)response["batch_call_id"], out _), Is.True, "a UUID, like the guide's");
            Assert.That(response.Select(p => p.Key), Is.SupersetOf(BatchMembers));
            Assert.That(((string?)response["status"], (int?)response["total_task_count"], (string?)response["model_id"]), Is.EqualTo(("scheduled", (int?)1, "1631a495-e29b-4933-a0b7-3ea0f4a45e64")));
        });
    }

    [Test]
    public async Task Get_list_and_recipients_answer_the_documented_members()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v2/calls/batch", Create(3))).Body!["response"]!["batch_call_id"]!;
        Advance(TimeSpan.FromMinutes(5));

        var get = await http.FetchAsync("/v2/calls/batch/" + id);
        var list = await http.FetchAsync("/v2/calls/batch");
        var tasks = await http.FetchAsync($"/v2/calls/batch/{id}/tasks?limit=2&offset=1");

        Assert.Multiple(() =>
        {
            Assert.That(get.Body!["response"]!.AsObject().Select(p => p.Key), Is.SupersetOf(BatchMembers));
            Assert.That((string?)get.Body["response"]!["status"], Is.EqualTo("completed"));
            var counts = get.Body["response"]!;
            Assert.That((int)counts["dispatched_count"]! + (int)counts["failed_count"]! + (int)counts["pending_count"]!, Is.EqualTo(3));
            Assert.That(list.Body!["response"]!["pagination"]!.ToJsonString(), Is.EqualTo("""{"total_records":1,"limit":20,"offset":0}"""), "limit defaults to 20");
            Assert.That(list.Body["response"]!["batch_calls"]![0]!.AsObject().Select(p => p.Key), Is.SupersetOf(BatchMembers));
            Assert.That(tasks.Body!["response"]!["pagination"]!.ToJsonString(), Is.EqualTo("""{"total_records":3,"limit":2,"offset":1}"""));
            var task = tasks.Body["response"]!["tasks"]![0]!;
            Assert.That(((string?)task["id"], (string?)task["to_phone_number"], (string?)task["lead_name"]), Is.EqualTo(("lead-0001", "+14155551001", "Lead 1")), "recipients in the order they were added");
            Assert.That(task["custom_variables"]!.ToJsonString(), Is.EqualTo("""{"plan":"pro","visits":1}"""), "custom_variables as sent");
            Assert.That((string?)task["status"], Is.AnyOf("dispatched", "failed"));
        });
    }

    [Test]
    public async Task Recipients_filter_by_the_five_documented_words_and_refuse_others()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v2/calls/batch", Create(4))).Body!["response"]!["batch_call_id"]!;

        var pending = await http.FetchAsync($"/v2/calls/batch/{id}/tasks?status=pending");
        Advance(TimeSpan.FromSeconds(2.5));
        var claimed = await http.FetchAsync($"/v2/calls/batch/{id}/tasks?status=claimed");
        var wrong = await http.FetchAsync($"/v2/calls/batch/{id}/tasks?status=completed");
        var badLimit = await http.FetchAsync($"/v2/calls/batch/{id}/tasks?limit=101");

        Assert.Multiple(() =>
        {
            Assert.That(pending.Body!["response"]!["tasks"]!.AsArray(), Has.Count.EqualTo(4), "nothing dialled before the queue delay");
            Assert.That(claimed.Body!["response"]!["tasks"]!.AsArray().Select(t => (string?)t!["status"]), Is.Not.Empty.And.All.EqualTo("claimed"));
            Assert.That(wrong.Status, Is.EqualTo(400));
            AssertError(wrong.Body);
            Assert.That(badLimit.Status, Is.EqualTo(400));
        });
    }

    [TestCase("""{"model_id":"a","from_phone_number":"+16286666348","tasks":[]}""", "tasks")]
    [TestCase("""{"from_phone_number":"+16286666348","tasks":[{"to_phone_number":"+12025551234"}]}""", "model_id")]
    [TestCase("""{"model_id":"a","tasks":[{"to_phone_number":"+12025551234"}]}""", "from_phone_number")]
    [TestCase("""{"model_id":"a","from_phone_number":"+16286666348","tasks":[{"lead_name":"x"}]}""", "to_phone_number")]
    [TestCase("""{"model_id":"a","from_phone_number":"+16286666348","tasks":[{"to_phone_number":"2025551234"}]}""", "E.164")]
    [TestCase("""{"model_id":"a","from_phone_number":"+16286666348","tasks":[{"to_phone_number":"+12025551234","custom_variables":[{"key":"a","value":"b"}]}]}""", "custom_variables")]
    [TestCase("""{"batch_call_id":"b1","tasks":[{"to_phone_number":"+12025551234"}]}""", "batch_call_id")]
    [TestCase("""[1]""", "object")]
    public async Task A_create_synthflow_would_refuse_is_answered_400_with_the_documented_error_body(string body, string says)
    {
        using var http = Api;

        var answer = await http.PostJsonAsync("/v2/calls/batch", body);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            AssertError(answer.Body);
            Assert.That((string?)answer.Body!["detail"]!["description"], Does.Contain(says));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public async Task More_than_ten_thousand_tasks_are_refused_and_a_repeated_task_id_is_skipped()
    {
        using var http = Api;

        var tooMany = await http.PostJsonAsync("/v2/calls/batch", Create(10_001));
        var repeated = await http.PostJsonAsync("/v2/calls/batch", """
            {"model_id":"a","from_phone_number":"+16286666348","tasks":[{"id":"t1","to_phone_number":"+12025551234"},{"id":"t1","to_phone_number":"+12025551235"},{"to_phone_number":"+12025551236"}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(tooMany.Status, Is.EqualTo(400));
            Assert.That((string?)tooMany.Body!["detail"]!["description"], Does.Contain("10000"));
            Assert.That((int?)repeated.Body!["response"]!["total_task_count"], Is.EqualTo(2), "\"Recipients re-sent with an id that already exists in the batch are skipped\"");
        });
    }

    [Test]
    public async Task Pause_resume_and_cancel_answer_the_batch_or_a_400_in_the_wrong_state()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v2/calls/batch", Create(12))).Body!["response"]!["batch_call_id"]!;
        Advance(TimeSpan.FromSeconds(3));

        var resumeRunning = await http.PostJsonAsync($"/v2/calls/batch/{id}/resume", "");
        var pause = await http.PostJsonAsync($"/v2/calls/batch/{id}/pause", "");
        var resume = await http.PostJsonAsync($"/v2/calls/batch/{id}/resume", "");
        var cancel = await http.PostJsonAsync($"/v2/calls/batch/{id}/cancel", "");
        var cancelAgain = await http.PostJsonAsync($"/v2/calls/batch/{id}/cancel", "");
        var resumeCancelled = await http.PostJsonAsync($"/v2/calls/batch/{id}/resume", "");
        var unknown = await http.PostJsonAsync("/v2/calls/batch/nope/pause", "");

        Assert.Multiple(() =>
        {
            Assert.That(resumeRunning.Status, Is.EqualTo(400));
            Assert.That(((int)pause.Status, (string?)pause.Body!["response"]!["status"]), Is.EqualTo((200, "paused")));
            Assert.That(pause.Body["response"]!.AsObject().Select(p => p.Key), Is.SupersetOf(BatchMembers), "pause answers the batch (pause page)");
            Assert.That((string?)resume.Body!["response"]!["status"], Is.EqualTo("scheduled"));
            Assert.That((string?)cancel.Body!["response"]!["status"], Is.EqualTo("canceled"));
            Assert.That((cancelAgain.Status, resumeCancelled.Status), Is.EqualTo((400, 400)), "\"A canceled batch cannot be resumed\"");
            AssertError(cancelAgain.Body);
            Assert.That(unknown.Status, Is.EqualTo(404));
            AssertError(unknown.Body);
        });
    }

    [Test]
    public async Task An_in_progress_batch_cannot_be_paused()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v2/calls/batch", Create(2))).Body!["response"]!["batch_call_id"]!;
        Advance(TimeSpan.FromSeconds(4));

        var status = (string?)(await http.FetchAsync("/v2/calls/batch/" + id)).Body!["response"]!["status"];
        var pause = await http.PostJsonAsync($"/v2/calls/batch/{id}/pause", "");

        Assert.That((status, pause.Status, (string?)pause.Body!["detail"]!["description"]), Is.EqualTo(("in_progress", 400, "Only scheduled batches can be paused.")));
    }

    [Test]
    public async Task Auth_failures_and_unknown_routes_answer_the_documented_error_body()
    {
        using var none = Http(Synthflow);
        using var wrong = Http(Synthflow, ("Authorization", "Bearer nope"));
        using var raw = Http(Synthflow, ("Authorization", Sim.ApiKey));
        using var http = Api;

        var missing = await none.FetchAsync("/v2/calls/batch");
        var invalid = await wrong.FetchAsync("/v2/calls/batch");
        var noScheme = await raw.FetchAsync("/v2/calls/batch");
        var route = await http.FetchAsync("/v2/calls/batches");
        var badOffset = await http.FetchAsync("/v2/calls/batch?offset=-1");

        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, invalid.Status, noScheme.Status), Is.EqualTo((401, 401, 401)), "Bearer only");
            AssertError(missing.Body);
            Assert.That((string?)invalid.Body!["detail"]!["request_id"], Is.Not.EqualTo((string?)missing.Body!["detail"]!["request_id"]), "one request id per request");
            Assert.That(route.Status, Is.EqualTo(404));
            AssertError(route.Body);
            Assert.That(badOffset.Status, Is.EqualTo(400));
        });
    }
}
