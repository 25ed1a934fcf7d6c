using System.Text.Json.Nodes;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>
/// ElevenLabs' simulator against the exact bodies of elevenlabs-js' wire tests. These use a plain HttpClient: the SDK's
/// ElevenLabs provider (<c>AddElevenLabs</c>) arrives from another branch, and its end-to-end tests follow it.
/// </summary>
public sealed class ElevenLabsWireTests : SimulatorTest
{
    private static readonly ProviderId ElevenLabs = new("elevenlabs");

    /// <summary>The optional members of BatchCallResponse this submit does not set.</summary>
    private static readonly string[] NotSent = ["whatsapp_params", "branch_id", "environment", "timezone", "target_concurrency_limit", "branch_name"];

    private HttpClient Api => Http(ElevenLabs, ("xi-api-key", Sim.ApiKey));

    private static string Submit(int recipients, string agent = "agent_id", string extra = "")
    {
        var body = new JsonObject { ["call_name"] = "call_name", ["agent_id"] = agent };
        if (extra.Length > 0) body["target_concurrency_limit"] = int.Parse(extra, System.Globalization.CultureInfo.InvariantCulture);
        body["recipients"] = new JsonArray(Enumerable.Range(0, recipients).Select(i => (JsonNode?)new JsonObject
        {
            ["phone_number"] = $"+1415555{1000 + i}",
            ["conversation_initiation_client_data"] = new JsonObject { ["dynamic_variables"] = new JsonObject { ["first_name"] = $"Ada {i}", ["visits"] = i } },
        }).ToArray());
        return body.ToJsonString();
    }

    [Test]
    public async Task Submit_answers_the_published_BatchCallResponse()
    {
        using var http = Api;

        var answer = await http.PostJsonAsync("/v1/convai/batch-calling/submit", Submit(2, extra: "1"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            JsonShape.AssertCovers(Published.Json("elevenlabs", "wire-create-response.json"), answer.Body, [.. NotSent.Where(n => n != "target_concurrency_limit")]);
            Assert.That((string?)answer.Body!["status"], Is.EqualTo("pending"));
            Assert.That((int?)answer.Body["target_concurrency_limit"], Is.EqualTo(1));
            Assert.That(answer.Body["telephony_call_config"]!.ToJsonString(), Is.EqualTo("""{"ringing_timeout_secs":60}"""));
        });
    }

    [Test]
    public async Task The_published_request_with_an_empty_recipient_is_refused_with_a_loc()
    {
        using var http = Api;

        var answer = await http.PostJsonAsync("/v1/convai/batch-calling/submit", Published.Text("elevenlabs", "wire-create-request.json"));
        var noName = await http.PostJsonAsync("/v1/convai/batch-calling/submit", """{"agent_id":"a","recipients":[{"phone_number":"415"}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(422));
            Assert.That(answer.Body!["detail"]![0]!["loc"]!.ToJsonString(), Is.EqualTo("""["body","recipients",0]"""));
            Assert.That(noName.Body!["detail"]!.AsArray().Select(d => d!["loc"]!.ToJsonString()), Is.EqualTo(new[] { """["body","call_name"]""", """["body","recipients",0,"phone_number"]""" }));
            Assert.That(noName.Body["detail"]![0]!["msg"]!.GetValue<string>(), Is.EqualTo("Field required"));
        });
    }

    [Test]
    public async Task A_batch_runs_pending_in_progress_completed_and_get_list_cancel_retry_answer_the_published_shapes()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v1/convai/batch-calling/submit", Submit(10))).Body!["id"]!;
        var other = (string)(await http.PostJsonAsync("/v1/convai/batch-calling/submit", Submit(3, agent: "agent_other"))).Body!["id"]!;
        var words = new HashSet<string>();
        var batchWords = new List<string>();
        JsonNode? get = null;
        for (var i = 0; i < 300; i++)
        {
            get = (await http.FetchAsync("/v1/convai/batch-calling/" + id)).Body!;
            foreach (var r in get["recipients"]!.AsArray()) words.Add((string)r!["status"]!);
            var word = (string)get["status"]!;
            if (batchWords.Count == 0 || batchWords[^1] != word) batchWords.Add(word);
            if (word == "completed") break;
            Advance(TimeSpan.FromSeconds(1));
        }

        var list = await http.FetchAsync("/v1/convai/batch-calling/workspace?limit=1&agent_id=agent_id");
        var running = (string)(await http.PostJsonAsync("/v1/convai/batch-calling/submit", Submit(3))).Body!["id"]!;
        var cancel = await http.PostJsonAsync($"/v1/convai/batch-calling/{running}/cancel", "");
        var cancelFinished = await http.PostJsonAsync($"/v1/convai/batch-calling/{other}/cancel", "");
        var retry = await http.PostJsonAsync($"/v1/convai/batch-calling/{id}/retry", "");

        Assert.Multiple(() =>
        {
            Assert.That(batchWords, Is.EqualTo(new[] { "pending", "in_progress", "completed" }));
            Assert.That(words, Is.SupersetOf(new[] { "pending", "dispatched", "initiated", "in_progress", "completed" }));
            JsonShape.AssertCovers(Published.Json("elevenlabs", "wire-get-response.json"), get,
                [.. NotSent, "recipients[].whatsapp_user_id", "recipients[].conversation_id", "recipients[].conversation_initiation_client_data.conversation_config_override"]);
            JsonShape.AssertCovers(Published.Json("elevenlabs", "wire-list-response.json"), list.Body, [.. NotSent.Select(n => "batch_calls[]." + n)]);
            Assert.That(list.Body!["batch_calls"]!.AsArray().Select(b => (string?)b!["agent_id"]), Is.EqualTo(new[] { "agent_id" }), "agent_id filters, limit pages");
            Assert.That((bool?)list.Body["has_more"], Is.False);
            JsonShape.AssertCovers(Published.Json("elevenlabs", "wire-cancel-response.json"), cancel.Body, NotSent);
            Assert.That((string?)cancel.Body!["status"], Is.EqualTo("cancelled"));
            Assert.That((cancelFinished.Status, cancelFinished.Body!["detail"]!.GetValueKind()), Is.EqualTo((400, System.Text.Json.JsonValueKind.String)));
            JsonShape.AssertCovers(Published.Json("elevenlabs", "wire-retry-response.json"), retry.Body, NotSent);
            Assert.That(((string?)retry.Body!["status"], (int?)retry.Body["retry_count"]), Is.EqualTo(("in_progress", (int?)1)));
        });
    }

    [Test]
    public async Task Auth_failures_and_deletes_answer_as_ElevenLabs_does()
    {
        using var none = Http(ElevenLabs);
        using var wrong = Http(ElevenLabs, ("xi-api-key", "nope"));
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v1/convai/batch-calling/submit", Submit(1))).Body!["id"]!;

        var missing = await none.FetchAsync("/v1/convai/batch-calling/" + id);
        var invalid = await wrong.FetchAsync("/v1/convai/batch-calling/" + id);
        var deleted = await http.CallAsync(HttpMethod.Delete, "/v1/convai/batch-calling/" + id);
        var gone = await http.FetchAsync("/v1/convai/batch-calling/" + id);

        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, (string?)missing.Body!["detail"]!["status"]), Is.EqualTo((401, "needs_authorization")));
            Assert.That((invalid.Status, (string?)invalid.Body!["detail"]!["status"]), Is.EqualTo((401, "invalid_api_key")));
            Assert.That((deleted.Status, deleted.Text), Is.EqualTo((200, string.Empty)));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }
}
