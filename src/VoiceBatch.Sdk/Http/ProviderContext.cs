using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VoiceBatch.Http;

/// <summary>
/// What the shared layer hands every built-in adapter (the third constructor argument of each
/// <c>Providers/&lt;Vendor&gt;/&lt;Vendor&gt;Adapter</c>): the registered id, the clock, a logger, the scrubber that knows the
/// key, and the one way to send a request that may start calls (<see cref="SendOnceAsync{T}"/>).
/// </summary>
internal sealed class ProviderContext(ProviderId id, TimeProvider time, Scrubber scrubber, ILogger? logger = null)
{
    public ProviderId Id { get; } = id;

    /// <summary>The application's clock (schedules, "is this start still ahead"); HTTP timing always runs on real time.</summary>
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    public Scrubber Scrubber { get; } = scrubber;

    public ILogger Logger { get; } = logger ?? NullLogger.Instance;

    /// <summary>
    /// Sends a batch-creating request EXACTLY once (see <see cref="SendOnceAsync{T}"/>); an unknown outcome is a
    /// <see cref="BatchCreationUncertainException"/> naming <paramref name="batchName"/>, the name to reconcile by.
    /// </summary>
    public Task<T> CreateOnceAsync<T>(string? batchName, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        => SendOnceCoreAsync("create", batchName, send,
            (known, ex) => new BatchCreationUncertainException(Id, batchName, known.StatusCode, known.RequestId, ex), cancellationToken);

    /// <summary>
    /// Sends a request that may start calls (a retry of failed calls…) EXACTLY once. A definite refusal (4xx) is rethrown
    /// as the shared error table made it; a failure before anything could leave the machine says so ("safe to try
    /// again"); anything else — a timeout, a dropped connection after sending, a 5xx, an unreadable 2xx, anything raw
    /// thrown by a handler around the SDK — means the vendor may have acted: a <see cref="VoiceBatchException"/> saying
    /// the outcome is unknown and nothing was re-sent. Nothing in the pipeline retries these routes
    /// (<see cref="SendOnceAttribute"/>), and <see cref="SendOnceGuard"/> refuses a second send whatever wraps the client.
    /// </summary>
    /// <param name="what">What is sent, for messages ("retry of failed calls").</param>
    /// <param name="batchId">The batch it acts on.</param>
    /// <param name="send">Sends the request (one Refit call to a <see cref="SendOnceAttribute"/> route).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public Task<T> SendOnceAsync<T>(string what, string batchId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        => SendOnceCoreAsync(what, batchId, send,
            (known, ex) => new VoiceBatchException(
                $"The {what} request to '{Id}' for batch '{batchId}' was sent but its outcome is unknown; it was NOT re-sent (a repeat could call the same people twice). Read the batch before trying again.",
                Id, known.StatusCode, known.ErrorCode, known.RequestId, ex), cancellationToken);

    private async Task<T> SendOnceCoreAsync<T>(string what, string? name, Func<CancellationToken, Task<T>> send,
        Func<KnownAnswer, Exception, VoiceBatchException> uncertain, CancellationToken cancellationToken)
    {
        using var scope = SendOnceScope.Begin();
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is >= 400 and < 500 && ex is not VoiceBatchResponseException)
        {
            throw; // a definite answer: the vendor refused, nothing was created
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && scope.State != SendState.MaybeSent)
        {
            throw;
        }
        catch (Exception ex) when (scope.State is SendState.NeverSent or SendState.NotAttempted && ex is not ContactValidationException and not ArgumentException)
        {
            throw new VoiceBatchException(
                $"Could not reach '{Id}': the {what} was not sent, so it is safe to try again. {Scrubber.Scrub(ex.Message, 400)}",
                Id, innerException: ex);
        }
        catch (Exception ex) when (ex is not ContactValidationException and not ArgumentException)
        {
            VoiceBatchTelemetry.UncertainCreates.Add(1, new KeyValuePair<string, object?>("voicebatch.provider", Id.Value));
            Log.OutcomeUncertain(Logger, what, Id.Value, name, Scrubber.Scrub(ex.Message, 300));
            // What the vendor answered, from the translated error or — when something around the SDK's client replaced
            // that error (an app's retry refused by the guard) — from the guard's record of the one send.
            var translated = ex as VoiceBatchException;
            var known = new KnownAnswer(translated?.StatusCode ?? scope.AnsweredStatus, translated?.ErrorCode, translated?.RequestId ?? scope.AnsweredRequestId);
            throw uncertain(known, ex);
        }
    }

    private readonly record struct KnownAnswer(int? StatusCode, string? ErrorCode, string? RequestId);

    /// <summary>A 2xx answer whose JSON is not what the route documents (e.g. a list where a batch was expected).</summary>
    public VoiceBatchResponseException Unexpected(JsonElement raw, string expected, int? status = null)
        => new($"'{Id}' answered with JSON that is not {expected}.", Snippet(raw.ValueKind == JsonValueKind.Undefined ? string.Empty : raw.GetRawText()), Id, status);

    /// <summary>The first kilobyte of a body, scrubbed, for <see cref="VoiceBatchResponseException.BodySnippet"/>.</summary>
    public string Snippet(string text) => Scrubber.Scrub(text.Length > 1024 ? text[..1024] : text);
}
