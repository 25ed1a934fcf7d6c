using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bland;

/// <summary>Bland's own source-generated JSON context: its wire DTOs, read with the shared tolerant converters. List
/// every DTO type: the shared <c>Wire</c>/<c>Lenient</c>/<c>LenientList</c> converters bind each one through this context.
/// Comments and trailing commas are read (Bland's own List Calls example is JSONC).</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
// Routes' answers and bodies…
[JsonSerializable(typeof(Wire<BlandCreateAnswer>))]
[JsonSerializable(typeof(Wire<BlandBatchAnswer>))]
[JsonSerializable(typeof(Wire<BlandBatchListAnswer>))]
[JsonSerializable(typeof(Wire<BlandLogsAnswer>))]
[JsonSerializable(typeof(Wire<BlandActionAnswer>))]
[JsonSerializable(typeof(Wire<BlandCallList>))]
[JsonSerializable(typeof(BlandCreate))]
[JsonSerializable(typeof(BlandPause))]
// …and every DTO inside them (a Wire<T>, Lenient<T> or LenientList<T> converter binds them by their own metadata).
[JsonSerializable(typeof(BlandCreateAnswer))]
[JsonSerializable(typeof(BlandCreated))]
[JsonSerializable(typeof(BlandBatchAnswer))]
[JsonSerializable(typeof(BlandBatch))]
[JsonSerializable(typeof(BlandCallObject))]
[JsonSerializable(typeof(BlandGlobal))]
[JsonSerializable(typeof(BlandBatchListAnswer))]
[JsonSerializable(typeof(BlandLogsAnswer))]
[JsonSerializable(typeof(BlandLogEntry))]
[JsonSerializable(typeof(BlandLogPayload))]
[JsonSerializable(typeof(BlandActionAnswer))]
[JsonSerializable(typeof(BlandCallList))]
[JsonSerializable(typeof(BlandCall))]
[JsonSerializable(typeof(Wire<BlandBatch>))]
[JsonSerializable(typeof(List<Wire<BlandBatch>>))]
[JsonSerializable(typeof(List<Wire<BlandLogEntry>>))]
[JsonSerializable(typeof(List<Wire<BlandCall>>))]
[JsonSerializable(typeof(List<BlandCallObject>))]
[JsonSerializable(typeof(IReadOnlyList<BlandCallObject>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BlandJsonContext : JsonSerializerContext;
