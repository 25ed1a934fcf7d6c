using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Providers.BatchDetails;
using VoiceBatch.Providers.Bolna;
using VoiceBatch.Providers.DialNexa;

namespace VoiceBatch.Http;

/// <summary>
/// The one System.Text.Json source-generated context for every vendor's wire DTOs (the generator needs every
/// <c>[JsonSerializable]</c> on this one declaration: list each vendor's root DTOs in its block below).
/// Tolerant: numbers may arrive as strings, unknown members are ignored, nulls are not written.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
// Bolna
[JsonSerializable(typeof(BolnaBatchDto))]
[JsonSerializable(typeof(BolnaStateDto))]
// DialNexa
[JsonSerializable(typeof(DialNexaBatchDto))]
[JsonSerializable(typeof(DialNexaCallLogDto))]
[JsonSerializable(typeof(DialNexaPageDto))]
[JsonSerializable(typeof(DialNexaStatusActionDto))]
[JsonSerializable(typeof(DialNexaStatusResultDto))]
[JsonSerializable(typeof(DialNexaRetryConfigDto))]
// VoiceAI
[JsonSerializable(typeof(VoiceBatch.Providers.VoiceAI.VoiceAIBatchDto))]
[JsonSerializable(typeof(VoiceBatch.Providers.VoiceAI.VoiceAIRecipientDto))]
[JsonSerializable(typeof(VoiceBatch.Providers.VoiceAI.VoiceAIBatchListDto))]
[JsonSerializable(typeof(VoiceBatch.Providers.VoiceAI.VoiceAISubmitDto))]
// batch-details
[JsonSerializable(typeof(BatchDetailsEnvelopeDto))]
internal sealed partial class VoiceBatchJsonContext : JsonSerializerContext;
