using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Hosting;
using VoiceBatch.Testing.Vendors.ConvAI;

namespace VoiceBatch.Testing.Vendors.ElevenLabs;

/// <summary>
/// ElevenLabs' own batch calling (<c>https://api.elevenlabs.io</c>, header <c>xi-api-key</c>, routes under
/// <c>/v1/convai/batch-calling</c>). Where it differs from VoiceAI: the list takes <c>agent_id</c> ("Filter batch calls
/// to a single agent.") and documents no <c>limit</c> bound (default 100); submit honours <c>target_concurrency_limit</c>
/// (≥ 1) and answers echo <c>telephony_call_config</c> (default <c>{"ringing_timeout_secs": 60}</c>),
/// <c>target_concurrency_limit</c>, <c>timezone</c>, <c>branch_id</c>, <c>environment</c> and <c>whatsapp_params</c>
/// when sent (<c>BatchCallResponse</c> in elevenlabs-python <c>types/batch_call_response.py</c>).
/// </summary>
internal sealed class ElevenLabsSimulator(SimulatorOptions options) : ConvAISimulator(Id, options)
{
    /// <summary>ElevenLabs' provider id.</summary>
    public static readonly ProviderId Id = ProviderId.ElevenLabs;

    private static readonly string[] OptionalEchoes = ["target_concurrency_limit", "timezone", "branch_id", "environment", "whatsapp_params"];

    protected override string Prefix => "/v1/convai/batch-calling";

    protected override int? MaxListLimit => null;

    protected override bool ListFiltersByAgent => true;

    protected override bool AcceptsConcurrencyLimit => true;

    public override bool IsAuthorized(HttpRequest request) => HeaderIs(request, "xi-api-key", Options.ApiKey);

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
    {
        builder.AddElevenLabs(o => Point(o, baseAddress, apiKey, configure));
    }

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> EchoedFields(JsonObject submit)
    {
        yield return KeyValuePair.Create("telephony_call_config", (JsonNode?)(submit["telephony_call_config"] ?? new JsonObject { ["ringing_timeout_secs"] = 60 }));
        foreach (var name in OptionalEchoes)
        {
            if (submit[name] is { } value) yield return KeyValuePair.Create(name, (JsonNode?)value);
        }
    }

    /// <summary>ElevenLabs' auth failures as its API answers them: <c>{"detail": {"status", "message"}}</c> (not in its published docs).</summary>
    protected override JsonNode Unauthorized(HttpRequest request) => request.Headers.ContainsKey("xi-api-key")
        ? new JsonObject { ["detail"] = new JsonObject { ["status"] = "invalid_api_key", ["message"] = "Invalid API key" } }
        : new JsonObject { ["detail"] = new JsonObject { ["status"] = "needs_authorization", ["message"] = "Neither authorization header nor xi-api-key received, please provide one." } };
}
