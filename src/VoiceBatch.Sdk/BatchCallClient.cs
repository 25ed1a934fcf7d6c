using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch;

/// <summary>
/// The default <see cref="IBatchCallClient"/>: routes each call to the provider registered for its
/// <see cref="ProviderId"/>, checks capabilities before sending, validates creates, polls for completion, and records
/// one trace activity, one set of metrics and at most one Information log line per operation (see the README's
/// "Observability"). Anything unexpected a provider throws reaches the caller as a <see cref="VoiceBatchException"/>.
/// It names no vendor: vendors are wired in by their DI extensions.
/// </summary>
public class BatchCallClient : IBatchCallClient
{
    private readonly FrozenDictionary<ProviderId, IBatchCallProvider> _providers;
    private readonly TimeProvider _time;
    private readonly VoiceBatchOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the client over a set of providers (normally done by <c>services.AddVoiceBatch()</c>), each
    /// reached by its own <see cref="IBatchCallProvider.Id"/>.</summary>
    /// <param name="providers">The providers; ids must be unique.</param>
    /// <param name="timeProvider">The clock used for polling (<see cref="TimeProvider.System"/> when null).</param>
    /// <param name="options">Client-wide settings.</param>
    /// <param name="logger">Logger for operations and polling.</param>
    /// <exception cref="ArgumentException">Two providers share an id.</exception>
    public BatchCallClient(
        IEnumerable<IBatchCallProvider> providers,
        TimeProvider? timeProvider = null,
        IOptions<VoiceBatchOptions>? options = null,
        ILogger<BatchCallClient>? logger = null)
        : this((providers ?? throw new ArgumentNullException(nameof(providers))).Select(p => KeyValuePair.Create(p.Id, p)), timeProvider, options?.Value, logger)
    {
    }

    internal BatchCallClient(IEnumerable<KeyValuePair<ProviderId, IBatchCallProvider>> providers, TimeProvider? timeProvider, VoiceBatchOptions? options, ILogger? logger)
    {
        var map = new Dictionary<ProviderId, IBatchCallProvider>();
        foreach (var (id, provider) in providers)
        {
            ArgumentNullException.ThrowIfNull(provider, nameof(providers));
            if (!map.TryAdd(id, provider)) throw new ArgumentException($"Provider '{id}' is registered twice.", nameof(providers));
        }

        _providers = map.ToFrozenDictionary();
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new VoiceBatchOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The ids of every registered provider.</summary>
    public IReadOnlyCollection<ProviderId> Providers => _providers.Keys;

    /// <inheritdoc/>
    public virtual ProviderCapabilities GetCapabilities(ProviderId provider) => Resolve(provider).Capabilities;

    /// <inheritdoc/>
    public virtual Task<BatchCall> GetBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => RunAsync(provider, BatchOperation.Get, Id(batchId), static (p, id, ct) => p.GetBatchAsync(id!, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> CreateBatchAsync(ProviderId provider, CreateBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        return RunAsync(provider, BatchOperation.Create, null, (p, _, ct) => p.CreateBatchAsync(CreateRequestValidator.Validate(provider, request, p.Capabilities, now), ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CallRecord> GetCallsAsync(ProviderId provider, string batchId, CallQuery? query = null, CancellationToken cancellationToken = default)
    {
        var copy = QueryCopies.Copy(query);
        return Stream(provider, BatchOperation.GetCalls, Id(batchId), p => p.GetCallsAsync(batchId, copy, cancellationToken), static (_, c) => c, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<BatchCall> ListBatchesAsync(ProviderId provider, BatchQuery? query = null, CancellationToken cancellationToken = default)
    {
        var copy = QueryCopies.Copy(query);
        if (Require(provider, BatchOperation.List).Capabilities.ListRequiresAgentId && string.IsNullOrWhiteSpace(copy.AgentId))
        {
            throw new ArgumentException($"Provider '{provider}' lists batches per agent: set BatchQuery.AgentId.", nameof(query));
        }

        return Stream(provider, BatchOperation.List, null, p => p.ListBatchesAsync(copy, cancellationToken), Stamp, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<BatchCall> CancelBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => RunAsync(provider, BatchOperation.Cancel, Id(batchId), static (p, id, ct) => p.CancelBatchAsync(id!, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> PauseBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => RunAsync(provider, BatchOperation.Pause, Id(batchId), static (p, id, ct) => p.PauseBatchAsync(id!, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> ResumeBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => RunAsync(provider, BatchOperation.Resume, Id(batchId), static (p, id, ct) => p.ResumeBatchAsync(id!, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> RetryBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => RunAsync(provider, BatchOperation.Retry, Id(batchId), static (p, id, ct) => p.RetryBatchAsync(id!, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> ScheduleBatchAsync(ProviderId provider, string batchId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (at <= _time.GetUtcNow()) throw new ArgumentOutOfRangeException(nameof(at), at, "The schedule time must be in the future.");
        return RunAsync(provider, BatchOperation.Schedule, Id(batchId), (p, id, ct) => p.ScheduleBatchAsync(id!, at, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<BatchCall> WaitForCompletionAsync(ProviderId provider, string batchId, IProgress<BatchCall>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        if (pollInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), interval, "The poll interval must be positive.");
        }

        Require(provider, BatchOperation.Get);
        var poller = new CompletionPoller(this, _time, _options, _logger);
        return poller.WaitAsync(provider, batchId, progress, pollInterval ?? _options.DefaultPollInterval, cancellationToken);
    }

    private static string Id(string batchId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return batchId;
    }

    /// <summary>Every verb goes through here: capability check, one activity, metrics, one log line, typed errors.</summary>
    private async Task<BatchCall> RunAsync(ProviderId provider, BatchOperation operation, string? batchId, Func<IBatchCallProvider, string?, CancellationToken, Task<BatchCall>> call, CancellationToken cancellationToken)
    {
        using var activity = Start(provider, operation, batchId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var p = Require(provider, operation);
            var batch = Stamp(provider, await call(p, batchId, cancellationToken).ConfigureAwait(false));
            Completed(provider, operation, batch.Id, batch, activity, started, null);
            return batch;
        }
        catch (Exception ex)
        {
            var typed = Typed(ex, provider, operation, cancellationToken);
            Completed(provider, operation, batchId, null, activity, started, typed);
            if (ReferenceEquals(typed, ex)) throw;
            throw typed;
        }
    }

    /// <summary>The streaming verbs: the capability check happens at the call; the activity spans the enumeration.</summary>
    private IAsyncEnumerable<T> Stream<T>(ProviderId provider, BatchOperation operation, string? batchId, Func<IBatchCallProvider, IAsyncEnumerable<T>> open, Func<ProviderId, T, T> stamp, CancellationToken cancellationToken)
    {
        var p = Require(provider, operation);
        return Enumerate(provider, operation, batchId, () => open(p), stamp, cancellationToken);
    }

    private async IAsyncEnumerable<T> Enumerate<T>(ProviderId provider, BatchOperation operation, string? batchId, Func<IAsyncEnumerable<T>> open, Func<ProviderId, T, T> stamp, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = Start(provider, operation, batchId);
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        IAsyncEnumerator<T>? items = null;
        try
        {
            while (true)
            {
                T current;
                try
                {
                    items ??= open().GetAsyncEnumerator(cancellationToken);
                    if (activity is not null) Activity.Current = activity;
                    if (!await items.MoveNextAsync().ConfigureAwait(false)) break;
                    current = stamp(provider, items.Current);
                }
                catch (Exception ex)
                {
                    var typed = Typed(ex, provider, operation, cancellationToken);
                    Completed(provider, operation, batchId, null, activity, started, typed);
                    if (ReferenceEquals(typed, ex)) throw;
                    throw typed;
                }

                count++;
                yield return current;
            }
        }
        finally
        {
            if (items is not null) await items.DisposeAsync().ConfigureAwait(false);
        }

        activity?.SetTag("voicebatch.items", count);
        Completed(provider, operation, batchId, null, activity, started, null);
    }

    private static Activity? Start(ProviderId provider, BatchOperation operation, string? batchId)
    {
        if (!VoiceBatchTelemetry.Source.HasListeners()) return null;
        var activity = VoiceBatchTelemetry.Source.StartActivity(VoiceBatchTelemetry.ActivityName(operation), ActivityKind.Internal);
        if (activity is null) return null;
        activity.SetTag("voicebatch.provider", provider.Value);
        activity.SetTag("voicebatch.operation", VoiceBatchTelemetry.OperationName(operation));
        if (batchId is not null) activity.SetTag("voicebatch.batch.id", batchId);
        return activity;
    }

    private void Completed(ProviderId provider, BatchOperation operation, string? batchId, BatchCall? batch, Activity? activity, long started, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var outcome = VoiceBatchTelemetry.OutcomeOf(error);
        var tags = new TagList
        {
            { "voicebatch.provider", provider.Value },
            { "voicebatch.operation", VoiceBatchTelemetry.OperationName(operation) },
            { "voicebatch.outcome", outcome },
        };
        VoiceBatchTelemetry.Operations.Add(1, tags);
        VoiceBatchTelemetry.Duration.Record(elapsed.TotalSeconds, tags);

        if (activity is not null)
        {
            activity.SetTag("voicebatch.outcome", outcome);
            if (batchId is not null) activity.SetTag("voicebatch.batch.id", batchId);
            if (error is not null and not OperationCanceledException)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
                activity.SetTag("error.type", error.GetType().FullName);
            }
        }

        if (error is null)
        {
            if (operation is BatchOperation.Get or BatchOperation.List or BatchOperation.GetCalls) Log.ReadCompleted(_logger, VoiceBatchTelemetry.OperationName(operation), provider.Value, batchId, elapsed.TotalMilliseconds);
            else Log.ActionCompleted(_logger, VoiceBatchTelemetry.OperationName(operation), provider.Value, batchId, batch?.Status ?? BatchStatus.Unknown, elapsed.TotalMilliseconds);
        }
        else if (error is not OperationCanceledException)
        {
            Log.OperationFailed(_logger, VoiceBatchTelemetry.OperationName(operation), provider.Value, batchId, outcome, error.GetType().Name, Scrubber.Anonymous.Scrub(error.Message, 500));
        }
    }

    /// <summary>
    /// What the caller receives: the SDK's exceptions, argument errors and the caller's own cancellation pass as they
    /// are; anything else a provider let escape (a custom provider, a handler around the HTTP client) is wrapped in a
    /// <see cref="VoiceBatchException"/> — for a create, a <see cref="BatchCreationUncertainException"/>, since
    /// nobody can say whether it reached the vendor.
    /// </summary>
    private static Exception Typed(Exception ex, ProviderId provider, BatchOperation operation, CancellationToken cancellationToken) => ex switch
    {
        VoiceBatchException or ArgumentException => ex,
        OperationCanceledException when cancellationToken.IsCancellationRequested => ex,
        _ when operation == BatchOperation.Create => new BatchCreationUncertainException(provider, null, innerException: ex),
        OperationCanceledException or TimeoutException => new VoiceBatchException($"'{provider}' timed out during {operation}.", provider, innerException: ex),
        _ => new VoiceBatchException($"'{provider}' failed during {operation}: {ex.GetType().Name}: {Scrubber.Anonymous.Scrub(ex.Message, 300)}", provider, innerException: ex),
    };

    private IBatchCallProvider Resolve(ProviderId provider)
        => _providers.TryGetValue(provider, out var p)
            ? p
            : throw new VoiceBatchException(
                $"Provider '{provider}' is not registered. Registered: {(_providers.Count == 0 ? "none" : string.Join(", ", _providers.Keys))}. "
                + "Add it with services.AddVoiceBatch().Add<Provider>(...) or AddProvider(...).",
                provider);

    private IBatchCallProvider Require(ProviderId provider, BatchOperation operation)
    {
        var p = Resolve(provider);
        return p.Capabilities.Supports(operation) ? p : throw new VoiceBatchNotSupportedException(provider, operation);
    }

    private static BatchCall Stamp(ProviderId provider, BatchCall batch)
        => batch.Provider == provider ? batch : batch with { Provider = provider };
}
