using Microsoft.Extensions.Options;
using Refit;
using VoiceBatch.Http;

namespace VoiceBatch.Tests.Support;

/// <summary>A minimal vendor wired through the SDK's real HTTP pipeline (HttpProviderRegistration), so the
/// pipeline's behaviour — error translation, retries, auth, timeouts — is tested independently of any vendor.</summary>
public interface IProbeApi
{
    [Get("/probe/{id}")]
    Task<HttpResponseMessage> GetAsync(string id, CancellationToken cancellationToken);

    [Post("/probe")]
    Task<HttpResponseMessage> CreateAsync(CancellationToken cancellationToken);

    [Patch("/probe/{id}/status")]
    Task<HttpResponseMessage> ActAsync(string id, [Refit.Property(RequestIntent.IdempotentKey)] bool idempotent, CancellationToken cancellationToken);

    [Post("/probe/{id}/retry")]
    Task<HttpResponseMessage> RetryCallsAsync(string id, CancellationToken cancellationToken);
}

public sealed class ProbeOptions : VoiceBatchProviderOptions;

internal sealed class ProbeAdapter(IProbeApi api) : IBatchCallProvider
{
    public static readonly ProviderId ProbeId = new("probe");

    public ProviderId Id => ProbeId;

    public ProviderCapabilities Capabilities { get; } = new() { CanGet = true, CanCreate = true, CanCancel = true, CanRetry = true };

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.GetAsync(batchId, cancellationToken);
        var raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken);
        return new BatchCall { Provider = Id, Id = raw.GetProperty("id").GetString()!, RawStatus = raw.TryGetProperty("status", out var s) ? s.GetString() : null, Raw = raw };
    }

    public Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
        => CreateOnce.SendAsync(Id, request.Name, async ct =>
        {
            var response = await api.CreateAsync(ct);
            var raw = await WireResponse.ReadJsonAsync(response, Id, ct);
            return new BatchCall { Provider = Id, Id = raw.GetProperty("id").GetString()!, Raw = raw };
        }, cancellationToken);

    public async Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.ActAsync(batchId, idempotent: true, cancellationToken);
        var raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken);
        return new BatchCall { Provider = Id, Id = batchId, Status = BatchStatus.Cancelled, Raw = raw };
    }

    public async Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.RetryCallsAsync(batchId, cancellationToken);
        var raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken);
        return new BatchCall { Provider = Id, Id = batchId, Raw = raw };
    }
}

internal static class ProbeRegistration
{
    public static VoiceBatchBuilder AddProbe(this VoiceBatchBuilder builder, Action<ProbeOptions> configure)
        => HttpProviderRegistration.Add<IProbeApi, ProbeOptions, ProbeAdapter>(builder, ProbeAdapter.ProbeId, AuthScheme.Bearer, HttpProviderRegistration.From(configure));
}
