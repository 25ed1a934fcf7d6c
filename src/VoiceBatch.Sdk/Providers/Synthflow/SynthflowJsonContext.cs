using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Synthflow;

/// <summary>Synthflow's own source-generated JSON context: its wire DTOs, read with the shared tolerant converters. List
/// every DTO type: the shared <c>Wire</c>/<c>Lenient</c>/<c>LenientList</c> converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
// Routes' answers and the create body…
[JsonSerializable(typeof(Wire<SynthflowAnswer<SynthflowBatch>>))]
[JsonSerializable(typeof(Wire<SynthflowAnswer<SynthflowBatchPage>>))]
[JsonSerializable(typeof(Wire<SynthflowAnswer<SynthflowTaskPage>>))]
[JsonSerializable(typeof(SynthflowCreate))]
// …and every DTO inside them (a Wire<T>, Lenient<T> or LenientList<T> converter binds them by their own metadata).
[JsonSerializable(typeof(SynthflowAnswer<SynthflowBatch>))]
[JsonSerializable(typeof(SynthflowAnswer<SynthflowBatchPage>))]
[JsonSerializable(typeof(SynthflowAnswer<SynthflowTaskPage>))]
[JsonSerializable(typeof(Wire<SynthflowBatch>))]
[JsonSerializable(typeof(Wire<SynthflowBatchPage>))]
[JsonSerializable(typeof(Wire<SynthflowTaskPage>))]
[JsonSerializable(typeof(Wire<SynthflowTask>))]
[JsonSerializable(typeof(SynthflowBatch))]
[JsonSerializable(typeof(SynthflowBatchPage))]
[JsonSerializable(typeof(SynthflowTaskPage))]
[JsonSerializable(typeof(SynthflowTask))]
[JsonSerializable(typeof(SynthflowPagination))]
[JsonSerializable(typeof(SynthflowCreateTask))]
[JsonSerializable(typeof(List<Wire<SynthflowBatch>>))]
[JsonSerializable(typeof(List<Wire<SynthflowTask>>))]
[JsonSerializable(typeof(List<SynthflowCreateTask>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SynthflowJsonContext : JsonSerializerContext;
