using System.Text.Json.Serialization;

namespace VoiceBatch.Http.Json;

/// <summary>The shared layer's own source-generated context: only the vendor-neutral error body.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(AnyTextConverter)])]
[JsonSerializable(typeof(ErrorBodyDto))]
[JsonSerializable(typeof(ErrorPart))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
