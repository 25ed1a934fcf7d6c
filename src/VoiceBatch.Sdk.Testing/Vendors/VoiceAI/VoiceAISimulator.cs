using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Hosting;
using VoiceBatch.Testing.Vendors.ConvAI;

namespace VoiceBatch.Testing.Vendors.VoiceAI;

/// <summary>
/// VoiceAI = ThreeTone (<c>https://api.threetone.in</c>), the ElevenLabs dialect under <c>/v1/voiceai/batch-calling</c>.
/// Where ThreeTone's own pages differ from ElevenLabs: auth is <c>x-api-key</c> OR <c>Authorization: Bearer</c> (its
/// OpenAPI's <c>APIKeyHeader</c> and <c>HTTPBearer</c> schemes); the list's <c>limit</c> is 1–500 (default 100) and it has
/// NO <c>agent_id</c> filter (an <c>agent_id</c> parameter is ignored, as FastAPI ignores unknown parameters); answers
/// carry seed 001's fields only (no <c>telephony_call_config</c>, <c>timezone</c>, <c>target_concurrency_limit</c>);
/// submit's <c>target_concurrency_limit</c> is not in ThreeTone's published model, so it is ignored as pydantic ignores
/// unknown fields. Seed 001 is served verbatim under its own id, <c>&lt;string&gt;</c>.
/// </summary>
internal sealed class VoiceAISimulator(SimulatorOptions options) : ConvAISimulator(ProviderId.VoiceAI, options)
{
    protected override string Prefix => "/v1/voiceai/batch-calling";

    protected override int? MaxListLimit => 500;

    protected override bool ListFiltersByAgent => false;

    protected override bool AcceptsConcurrencyLimit => false;

    protected override IReadOnlyDictionary<string, string> Seeds { get; } = new Dictionary<string, string> { ["<string>"] = "voiceai-get.json" };

    public override bool IsAuthorized(HttpRequest request) => HeaderIs(request, "x-api-key", Options.ApiKey) || HasBearer(request);

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddVoiceAI(o => Point(o, baseAddress, apiKey, configure));

    protected override IEnumerable<KeyValuePair<string, JsonNode?>> EchoedFields(JsonObject submit)
        => submit["whatsapp_params"] is { } whatsapp ? [KeyValuePair.Create("whatsapp_params", (JsonNode?)whatsapp)] : [];

    /// <summary>Not published by ThreeTone; FastAPI's <c>{"detail": …}</c> form.</summary>
    protected override JsonNode Unauthorized(HttpRequest request) => FastApiError.Detail("Invalid or missing API key");
}
