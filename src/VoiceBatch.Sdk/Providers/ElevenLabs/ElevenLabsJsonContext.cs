using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.ElevenLabs;

/// <summary>The batch-calling dialect's own source-generated JSON context (ElevenLabs and VoiceAI), read with the shared
/// tolerant converters. List every DTO type: the shared converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
[JsonSerializable(typeof(Wire<ElevenLabsBatch>))]
[JsonSerializable(typeof(Wire<ElevenLabsBatchList>))]
[JsonSerializable(typeof(ElevenLabsSubmit))]
[JsonSerializable(typeof(ElevenLabsValidationError))]
[JsonSerializable(typeof(ElevenLabsBatch))]
[JsonSerializable(typeof(ElevenLabsBatchList))]
[JsonSerializable(typeof(ElevenLabsRecipient))]
[JsonSerializable(typeof(ElevenLabsClientData))]
[JsonSerializable(typeof(ElevenLabsValidationItem))]
[JsonSerializable(typeof(List<Wire<ElevenLabsBatch>>))]
[JsonSerializable(typeof(List<Wire<ElevenLabsRecipient>>))]
[JsonSerializable(typeof(List<ElevenLabsValidationItem>))]
[JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class ElevenLabsJsonContext : JsonSerializerContext;
