using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>batch-details' own source-generated JSON context, read with the shared tolerant converters. List every DTO type:
/// the shared converters bind each one through this context.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
[JsonSerializable(typeof(Wire<BatchDetailsEnvelope>))]
[JsonSerializable(typeof(BatchDetailsEnvelope))] // also a route's answer (call pages)
[JsonSerializable(typeof(BatchDetailsData))]
[JsonSerializable(typeof(BatchDetailsRecord))]
[JsonSerializable(typeof(BatchDetailsPhoneLog))]
[JsonSerializable(typeof(List<Wire<BatchDetailsRecord>>))]
[JsonSerializable(typeof(DateTimeOffset?))] // read by BatchDetailsRecordConverter
[JsonSerializable(typeof(string))]
internal sealed partial class BatchDetailsJsonContext : JsonSerializerContext;
