using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// One DialNexa create (<c>POST /v1/batch-calls</c>, seed 004): vendor-specific checks, the multipart form, exactly one
/// send through <see cref="CreateOnce"/>, the 400 row report, the 201 warning. See <see cref="DialNexaAdapter"/>.
/// </summary>
internal sealed class DialNexaCreate(IDialNexaApi api, TimeProvider time, ILogger logger)
{
    public async Task<BatchCall> SendAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        var contacts = request.Contacts.Contacts;
        if (request.Contacts.VariableNames.Any(v => string.Equals(v.Trim(), DialNexaCreateForm.PhoneColumn, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ContactValidationException(
                $"A variable column is named '{DialNexaCreateForm.PhoneColumn}', the column DialNexa reads the number from. Rename it. Nothing was sent.", [], ProviderId.DialNexa);
        }

        var csv = DialNexaCreateForm.Csv(request.Contacts);
        if (csv.LongLength > DialNexaAdapter.MaxFileBytes)
        {
            throw new ContactValidationException(
                $"The contact file for DialNexa would be {csv.LongLength} bytes, above its {DialNexaAdapter.MaxFileBytes}-byte (10 MB) limit. Split the batch. Nothing was sent.", [], ProviderId.DialNexa);
        }

        using var form = DialNexaCreateForm.Build(request, csv);
        Wire<DialNexaBatchDto> wire;
        try
        {
            wire = await CreateOnce.SendAsync(ProviderId.DialNexa, request.Name, SendOnceAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode == 400 && ex is not ContactValidationException)
        {
            throw DialNexaRowReport.TryRead(ErrorBody.Of(ex), contacts, ex) ?? ex;
        }

        LogWarning(wire.Value.Warning);
        return Complete(DialNexaMapping.ToBatch(wire.Value, wire.Raw, null, time.GetUtcNow()), request);

        async Task<Wire<DialNexaBatchDto>> SendOnceAsync(CancellationToken ct)
        {
            var response = await api.CreateBatchAsync(form, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var answer = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.DialNexaBatchDto, ProviderId.DialNexa, ct).ConfigureAwait(false);
            if (WireJson.Text(answer.Value.Id) is null)
            {
                // A 2xx without an id: the batch most likely exists but cannot be followed; CreateOnce makes this "uncertain".
                throw new VoiceBatchResponseException(
                    $"'{ProviderId.DialNexa}' accepted the create (HTTP {status}) but its answer carries no batch id.",
                    WireResponse.Snippet(answer.Raw), ProviderId.DialNexa, status);
            }

            return answer;
        }
    }

    /// <summary>Fills what the answer omitted from the request (never overriding the vendor), then re-derives the status
    /// so an <c>initiated</c> batch scheduled for later reads as Scheduled.</summary>
    private BatchCall Complete(BatchCall batch, CreateBatchRequest request)
    {
        var scheduledAt = batch.ScheduledAt ?? request.ScheduledAt;
        var progress = batch.Progress.Total is null
            ? BatchProgress.FromCounts(request.Contacts.Contacts.Count, batch.Progress.InProgress, batch.Progress.Completed, batch.Progress.Failed, batch.Progress.Cancelled)
            : batch.Progress;
        return batch with
        {
            Name = batch.Name ?? request.Name,
            AgentId = batch.AgentId ?? request.AgentId,
            FromPhoneNumber = batch.FromPhoneNumber ?? request.FromPhoneNumber,
            ScheduledAt = scheduledAt,
            Status = DialNexaMapping.MapBatchStatus(batch.RawStatus, scheduledAt, time.GetUtcNow()),
            Progress = progress,
        };
    }

    private void LogWarning(JsonElement? warning)
    {
        if (warning is not { } w || w.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return;
        var message = w.ValueKind == JsonValueKind.Object && w.TryGetProperty("message", out var m) ? WireJson.Text(m) : WireJson.Text(w);
        var conflicts = w.ValueKind == JsonValueKind.Object && w.TryGetProperty("conflicts", out var c) && c.ValueKind == JsonValueKind.Array ? c.GetArrayLength() : 0;
        logger.LogWarning(
            "DialNexa accepted the batch with a warning: {Warning} ({Conflicts} conflicting batch(es)). The full warning is in BatchCall.Raw.",
            Redactor.Scrub(message ?? "(no message)", null), conflicts);
    }
}
