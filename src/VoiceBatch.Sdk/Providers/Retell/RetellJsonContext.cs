using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Retell;

/// <summary>Retell's own source-generated JSON context: its wire DTOs, read with the shared tolerant converters. List every
/// DTO type: the shared <c>Wire</c>/<c>Lenient</c> converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
// Routes' bodies and answers…
[JsonSerializable(typeof(RetellCreateBatchCall))]
[JsonSerializable(typeof(Wire<RetellBatchCall>))]
[JsonSerializable(typeof(RetellListCalls))]
[JsonSerializable(typeof(Wire<RetellCallPage>))]
// …and every DTO inside them (a Wire<T> or LenientList<T> converter binds them by their own metadata).
[JsonSerializable(typeof(RetellTask))]
[JsonSerializable(typeof(RetellBatchCall))]
[JsonSerializable(typeof(RetellFilterCriteria))]
[JsonSerializable(typeof(RetellStringFilter))]
[JsonSerializable(typeof(RetellCallPage))]
[JsonSerializable(typeof(RetellCall))]
[JsonSerializable(typeof(Wire<RetellCall>))]
[JsonSerializable(typeof(List<Wire<RetellCall>>))]
internal sealed partial class RetellJsonContext : JsonSerializerContext;
