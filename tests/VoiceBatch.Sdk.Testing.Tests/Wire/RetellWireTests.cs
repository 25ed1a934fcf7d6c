using System.Text.Json.Nodes;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>Retell's simulator spoken to with a plain HttpClient, against Retell's published examples (Fixtures/Published/retell).</summary>
public sealed class RetellWireTests : SimulatorTest
{
    private static readonly ProviderId Retell = ProviderId.Retell;

    private static string ListBody(string batchId, int? limit = null, string? key = null, string order = "ascending")
    {
        var body = new JsonObject
        {
            ["filter_criteria"] = new JsonObject { ["batch_call_id"] = new JsonObject { ["op"] = "eq", ["type"] = "string", ["value"] = batchId } },
            ["sort_order"] = order,
        };
        if (limit is not null) body["limit"] = limit;
        if (key is not null) body["pagination_key"] = key;
        return body.ToJsonString();
    }

    [Test]
    public async Task The_published_minimal_request_is_accepted_with_the_published_answer_shape()
    {
        using var http = Bearer(Retell);

        var answer = await http.PostJsonAsync("/create-batch-call", Published.Text("retell", "create-batch-call.request.sdk-test-min.derived.json"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(201), "docs: 201 - application/json");
            JsonShape.AssertCovers(Published.Json("retell", "create-batch-call.response.json"), answer.Body, "call_time_window");
            Assert.That(answer.Body!.AsObject().ContainsKey("call_time_window"), Is.False, "present only if specified");
            Assert.That((string?)answer.Body["batch_call_id"], Does.Match("^batch_call_[0-9a-f]{21}$"), "the docs' id: batch_call_dbcc4412483ebfc348abb");
            Assert.That((long?)answer.Body["scheduled_timestamp"], Is.EqualTo(TestTime.Start.ToUnixTimeSeconds()), "in seconds, as the docs' example");
            Assert.That((int?)answer.Body["total_task_count"], Is.EqualTo(1));
            Assert.That(Sim.Batches.Single().AgentId, Is.EqualTo("agent_bound_to_account_number"), "no override: the number's agent");
        });
    }

    [Test]
    public async Task The_published_full_request_is_accepted_and_its_start_and_time_window_are_kept()
    {
        using var http = Bearer(Retell);

        var answer = await http.PostJsonAsync("/create-batch-call", Published.Text("retell", "create-batch-call.request.sdk-test-subset.derived.json"));

        var batch = Sim.Batches.Single();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(201));
            JsonShape.AssertCovers(Published.Json("retell", "create-batch-call.response.json"), answer.Body);
            Assert.That((string?)answer.Body!["name"], Is.EqualTo("First batch call"));
            Assert.That((long?)answer.Body["scheduled_timestamp"], Is.EqualTo(1735718400), "1735718400000 ms, answered in seconds as the docs show");
            AssertJsonEqual(Published.Json("retell", "create-batch-call.request.sdk-test-subset.derived.json")["call_time_window"], answer.Body["call_time_window"]);
            Assert.That(batch.AgentId, Is.EqualTo("oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"), "override_agent_id");
            Assert.That(batch.Contacts.Single().Variables, Is.EqualTo(new Dictionary<string, string> { ["customer_name"] = "John Doe" }));
            Assert.That(batch.Fields["reserved_concurrency"], Is.EqualTo("0"));
        });
    }

    [TestCase("""{"tasks":[{"to_number":"+12137774445"}]}""", "from_number is required")]
    [TestCase("""{"from_number":"4157774444","tasks":[{"to_number":"+12137774445"}]}""", "from_number must be in E.164")]
    [TestCase("""{"from_number":"+14157774444","tasks":[]}""", "tasks must be a non-empty list")]
    [TestCase("""{"from_number":"+14157774444","tasks":[{"to_number":"12137774445"}]}""", "tasks[0].to_number must be in E.164")]
    [TestCase("""{"from_number":"+14157774444","tasks":[{"to_number":"+12137774445","retell_llm_dynamic_variables":{"visits":3}}]}""", "values must be strings")]
    [TestCase("""{"from_number":"+14157774444","trigger_timestamp":"soon","tasks":[{"to_number":"+12137774445"}]}""", "trigger_timestamp must be a number")]
    public async Task Invalid_creates_are_refused_with_a_400_and_nothing_is_created(string body, string message)
    {
        using var http = Bearer(Retell);

        var answer = await http.PostJsonAsync("/create-batch-call", body);

        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Body!["status"]), Is.EqualTo((400, "error")));
            Assert.That((string?)answer.Body["message"], Does.Contain(message));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public async Task List_calls_pages_by_an_opaque_key_and_items_carry_no_batch_id_or_transcript()
    {
        using var http = Bearer(Retell);
        var id = (string)(await http.PostJsonAsync("/create-batch-call", """{"from_number":"+14157774444","tasks":[{"to_number":"+12137774441"},{"to_number":"+12137774442"},{"to_number":"+12137774443"}]}""")).Body!["batch_call_id"]!;
        var before = await http.PostJsonAsync("/v3/list-calls", ListBody(id));
        Advance(TimeSpan.FromMinutes(10));

        var first = await http.PostJsonAsync("/v3/list-calls", ListBody(id, limit: 2));
        var key = (string)first.Body!["pagination_key"]!;
        var second = await http.PostJsonAsync("/v3/list-calls", ListBody(id, limit: 2, key: key));
        var item = first.Body["items"]![0]!.AsObject();
        var full = await http.FetchAsync("/v2/get-call/" + (string)item["call_id"]!);

        Assert.Multiple(() =>
        {
            Assert.That(((JsonArray)before.Body!["items"]!).Count, Is.Zero, "tasks not yet dialled are not listed");
            Assert.That((first.Body["items"]!.AsArray().Count, (bool?)first.Body["has_more"]), Is.EqualTo((2, (bool?)true)));
            Assert.That(key, Does.Not.Contain("call_"), "opaque, not the last call id");
            Assert.That((second.Body!["items"]!.AsArray().Count, (bool?)second.Body["has_more"], second.Body["pagination_key"]), Is.EqualTo((1, (bool?)false, (JsonNode?)null)));
            Assert.That(item.Select(m => m.Key), Is.SupersetOf(new[] { "call_id", "call_type", "agent_id", "agent_version", "call_status", "direction", "from_number", "to_number", "start_timestamp" }), "ItemV3PhoneCallResponse's required members");
            Assert.That(item.ContainsKey("batch_call_id") || item.ContainsKey("transcript"), Is.False);
            Assert.That((long)item["start_timestamp"]!, Is.GreaterThan(100_000_000_000), "epoch milliseconds");
            Assert.That((string?)item["call_status"], Is.AnyOf("ended", "not_connected", "error"));
            Assert.That(full.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task List_calls_refuses_the_deprecated_array_filter_and_a_bad_key()
    {
        using var http = Bearer(Retell);

        var array = await http.PostJsonAsync("/v3/list-calls", """{"filter_criteria":{"batch_call_id":["batch_call_1"]}}""");
        var key = await http.PostJsonAsync("/v3/list-calls", """{"pagination_key":"not-a-key"}""");
        var limit = await http.PostJsonAsync("/v3/list-calls", """{"limit":1001}""");

        Assert.Multiple(() =>
        {
            Assert.That((array.Status, (string?)array.Body!["message"]), Is.EqualTo((400, "filter_criteria.batch_call_id must be an object {op, type, value}.")));
            Assert.That(key.Status, Is.EqualTo(400));
            Assert.That(limit.Status, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Retell_has_no_batch_routes_beyond_create_and_answers_its_own_401()
    {
        using var http = Bearer(Retell);
        using var anonymous = Http(Retell);

        var get = await http.FetchAsync("/get-batch-call/batch_call_1");
        var unauthorized = await anonymous.PostJsonAsync("/create-batch-call", Published.Text("retell", "create-batch-call.request.sdk-test-min.derived.json"));

        Assert.Multiple(() =>
        {
            Assert.That(get.Status, Is.EqualTo(404));
            Assert.That((unauthorized.Status, (string?)unauthorized.Body!["message"]), Is.EqualTo((401, "Invalid API key.")));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }
}
