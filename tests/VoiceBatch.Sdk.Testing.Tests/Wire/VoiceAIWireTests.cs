using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>VoiceAI's (ThreeTone's) simulator against its published pages, where they differ from ElevenLabs.</summary>
public sealed class VoiceAIWireTests : SimulatorTest
{
    private const string Submit = """{"call_name":"March","agent_id":"agent_42","recipients":[{"phone_number":"+14155550101"},{"phone_number":"+14155550102"}]}""";

    private HttpClient Api => Http(ProviderId.VoiceAI, ("x-api-key", Sim.ApiKey));

    [Test]
    public async Task Get_list_and_retry_answer_the_published_shapes()
    {
        using var http = Api;
        var id = (string)(await http.PostJsonAsync("/v1/voiceai/batch-calling/submit", Submit)).Body!["id"]!;
        Advance(TimeSpan.FromMinutes(10));

        var get = await http.FetchAsync("/v1/voiceai/batch-calling/" + id);
        var list = await http.FetchAsync("/v1/voiceai/batch-calling/workspace?limit=500");
        var retry = await http.PostJsonAsync($"/v1/voiceai/batch-calling/{id}/retry", "");

        Assert.Multiple(() =>
        {
            JsonShape.AssertCovers(Published.Json("threetone", "get-batch-response.json"), get.Body,
                "whatsapp_params", "recipients[].whatsapp_user_id", "recipients[].conversation_id", "recipients[].conversation_initiation_client_data");
            JsonShape.AssertCovers(Published.Json("threetone", "list-response.json"), list.Body, "batch_calls[].whatsapp_params");
            JsonShape.AssertCovers(Published.Json("threetone", "retry-response.json"), retry.Body, "whatsapp_params");
            Assert.That(get.Body!.AsObject().ContainsKey("telephony_call_config"), Is.False, "ThreeTone's answers carry seed 001's members only");
        });
    }

    [Test]
    public async Task The_published_submit_example_is_refused_for_its_placeholder_number()
    {
        using var http = Api;

        var answer = await http.PostJsonAsync("/v1/voiceai/batch-calling/submit", Published.Text("threetone", "submit-request.json"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(422));
            Assert.That(answer.Body!["detail"]![0]!["loc"]!.ToJsonString(), Is.EqualTo("""["body","recipients",0,"phone_number"]"""));
        });
    }

    [Test]
    public async Task The_list_limit_is_1_to_500_and_agent_id_is_not_a_filter()
    {
        using var http = Api;
        await http.PostJsonAsync("/v1/voiceai/batch-calling/submit", Submit);

        var over = await http.FetchAsync("/v1/voiceai/batch-calling/workspace?limit=501");
        var zero = await http.FetchAsync("/v1/voiceai/batch-calling/workspace?limit=0");
        var otherAgent = await http.FetchAsync("/v1/voiceai/batch-calling/workspace?agent_id=someone_else");

        Assert.Multiple(() =>
        {
            Assert.That((over.Status, over.Body!["detail"]![0]!["loc"]!.ToJsonString()), Is.EqualTo((422, """["query","limit"]""")));
            Assert.That(zero.Status, Is.EqualTo(422));
            Assert.That(otherAgent.Body!["batch_calls"]!.AsArray(), Has.Count.EqualTo(1), "ThreeTone's list has no agent_id parameter");
        });
    }

    [Test]
    public async Task Auth_takes_x_api_key_or_bearer_and_the_seed_is_verbatim()
    {
        using var bearer = Bearer(ProviderId.VoiceAI);
        using var xi = Http(ProviderId.VoiceAI, ("xi-api-key", Sim.ApiKey));
        using var http = Api;

        Assert.Multiple(async () =>
        {
            Assert.That((await bearer.FetchAsync("/v1/voiceai/batch-calling/workspace")).Status, Is.EqualTo(200));
            Assert.That((await xi.FetchAsync("/v1/voiceai/batch-calling/workspace")).Status, Is.EqualTo(401));
            Assert.That((await http.FetchAsync("/v1/voiceai/batch-calling/%3Cstring%3E")).Text, Is.EqualTo(Published.Seed("voiceai-get.json")));
        });
    }
}
