using System.Text.Json.Serialization;
using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Tests.Support;

/// <summary>A minimal vendor on the SDK's vendor template and real HTTP pipeline (HttpProviderRegistration), so the
/// pipeline's behaviour — error translation, retries, auth, timeouts, send-once — is tested independently of any vendor.</summary>
internal interface IProbeApi
{
    [Get("/probe/{id}")]
    Task<Wire<ProbeBatch>> GetAsync(string id, CancellationToken cancellationToken);

    [Post("/probe")]
    [SendOnce]
    Task<Wire<ProbeBatch>> CreateAsync(CancellationToken cancellationToken);

    [Patch("/probe/{id}/status")]
    [Idempotent]
    Task<Wire<ProbeBatch>> ActAsync(string id, CancellationToken cancellationToken);

    [Post("/probe/{id}/retry")]
    [SendOnce]
    Task<Wire<ProbeBatch>> RetryCallsAsync(string id, CancellationToken cancellationToken);
}

internal sealed class ProbeBatch
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
}

[JsonSourceGenerationOptions(Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(Wire<ProbeBatch>))]
[JsonSerializable(typeof(ProbeBatch))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;

public sealed class ProbeOptions : VoiceBatchProviderOptions;

internal sealed class ProbeAdapter(IProbeApi api, ProbeOptions options, ProviderContext context) : IBatchCallProvider
{
    public static readonly ProviderId ProbeId = new("probe");

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = new ProviderCapabilities
    {
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.Cancel | BatchOperation.Retry,
    }.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
        => ToBatch(await api.GetAsync(batchId, cancellationToken), batchId);

    public Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
        => context.CreateOnceAsync(request.Name, async ct => ToBatch(await api.CreateAsync(ct), null), cancellationToken);

    public async Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => ToBatch(await api.ActAsync(batchId, cancellationToken), batchId) with { Status = BatchStatus.Cancelled };

    public Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken)
        => context.SendOnceAsync("retry", batchId, async ct => ToBatch(await api.RetryCallsAsync(batchId, ct), batchId), cancellationToken);

    private BatchCall ToBatch(Wire<ProbeBatch> wire, string? fallbackId)
        => wire.Value is { } dto
            ? new BatchCall { Provider = Id, Id = dto.Id ?? fallbackId ?? string.Empty, RawStatus = dto.Status, Raw = wire.Raw }
            : throw context.Unexpected(wire.Raw, "a probe batch");
}

internal static class ProbeRegistration
{
    private static readonly HttpProviderSpec Spec = new(ProbeAdapter.ProbeId, ApiKeyHeader.Bearer, ProbeJsonContext.Default);

    public static VoiceBatchBuilder AddProbe(this VoiceBatchBuilder builder, Action<ProbeOptions> configure)
        => HttpProviderRegistration.Add<IProbeApi, ProbeOptions, ProbeAdapter>(builder, Spec, HttpProviderRegistration.From(configure));
}
