using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bolna;

/// <summary>Bolna's own source-generated JSON context: its wire DTOs, read with the shared tolerant converters. List
/// every DTO type: the shared <c>Wire</c>/<c>Lenient</c>/<c>Listing</c> converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
// Routes' answers…
[JsonSerializable(typeof(Wire<BolnaBatch>))]
[JsonSerializable(typeof(Wire<BolnaState>))]
[JsonSerializable(typeof(List<Wire<BolnaBatch>>))]
[JsonSerializable(typeof(Listing<Wire<BolnaExecution>, BolnaExecutionPage>))]
// …and every DTO inside them (a Wire<T>, Lenient<T> or Listing<,> converter binds them by their own metadata).
[JsonSerializable(typeof(BolnaBatch))]
[JsonSerializable(typeof(BolnaState))]
[JsonSerializable(typeof(BolnaExecution))]
[JsonSerializable(typeof(BolnaTelephony))]
[JsonSerializable(typeof(BolnaContext))]
[JsonSerializable(typeof(BolnaExecutionPage))]
[JsonSerializable(typeof(List<Wire<BolnaExecution>>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class BolnaJsonContext : JsonSerializerContext;
