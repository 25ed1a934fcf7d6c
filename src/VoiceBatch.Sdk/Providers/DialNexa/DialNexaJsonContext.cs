using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>DialNexa's own source-generated JSON context: its wire DTOs, read with the shared tolerant converters. List
/// every DTO type: the shared <c>Wire</c>/<c>Lenient</c>/<c>Listing</c> converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
// Routes' answers and request bodies…
[JsonSerializable(typeof(Wire<DialNexaBatchAnswer>))]
[JsonSerializable(typeof(Wire<DialNexaBatch>))]
[JsonSerializable(typeof(Wire<DialNexaStatusResult>))]
[JsonSerializable(typeof(Listing<Wire<DialNexaBatch>, DialNexaPage<DialNexaBatch>>))]
[JsonSerializable(typeof(Listing<Wire<DialNexaCallLog>, DialNexaPage<DialNexaCallLog>>))]
[JsonSerializable(typeof(DialNexaStatusAction))]
[JsonSerializable(typeof(DialNexaRetryConfig))]
[JsonSerializable(typeof(DialNexaRowReport))]
// …and every DTO inside them.
[JsonSerializable(typeof(DialNexaBatchAnswer))]
[JsonSerializable(typeof(DialNexaBatch))]
[JsonSerializable(typeof(DialNexaCallLog))]
[JsonSerializable(typeof(DialNexaWarning))]
[JsonSerializable(typeof(DialNexaStatusResult))]
[JsonSerializable(typeof(DialNexaPage<DialNexaBatch>))]
[JsonSerializable(typeof(DialNexaPage<DialNexaCallLog>))]
[JsonSerializable(typeof(DialNexaPageMeta))]
[JsonSerializable(typeof(DialNexaRowGroup))]
[JsonSerializable(typeof(List<DialNexaRowGroup>))]
[JsonSerializable(typeof(List<Wire<DialNexaBatch>>))]
[JsonSerializable(typeof(List<Wire<DialNexaCallLog>>))]
[JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class DialNexaJsonContext : JsonSerializerContext;
