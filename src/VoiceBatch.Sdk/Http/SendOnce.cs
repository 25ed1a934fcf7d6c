using System.Net.Http;

namespace VoiceBatch.Http;

/// <summary>
/// Tracks one logical send of a <see cref="SendOnceAttribute"/> route (flows with the async call, so it reaches the
/// handler that talks to the network whatever wraps it): how many times it was handed to the network, and whether
/// the vendor can have seen it. <see cref="ProviderContext.SendOnceAsync{T}"/> opens one per create.
/// </summary>
internal sealed class SendOnceScope : IDisposable
{
    private static readonly AsyncLocal<SendOnceScope?> CurrentScope = new();
    private readonly SendOnceScope? _previous;
    private int _claims;
    private int _state;

    private SendOnceScope(SendOnceScope? previous) => _previous = previous;

    public static SendOnceScope? Current => CurrentScope.Value;

    /// <summary>Where the one send got to.</summary>
    public SendState State => (SendState)Volatile.Read(ref _state);

    public static SendOnceScope Begin()
    {
        var scope = new SendOnceScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>The HTTP status the vendor answered the one send with, if an answer came (kept for the uncertain error even
    /// when something around the SDK's client replaced the failure with another).</summary>
    public int? AnsweredStatus { get; private set; }

    /// <summary>The vendor's request id of that answer, if it sent one.</summary>
    public string? AnsweredRequestId { get; private set; }

    /// <summary>Records the answer to the one send (the first answer wins).</summary>
    public void Answered(HttpResponseMessage response)
    {
        if (AnsweredStatus is not null) return;
        AnsweredStatus = (int)response.StatusCode;
        AnsweredRequestId = ErrorMap.RequestIdOf(response);
    }

    /// <summary>True for the first send only.</summary>
    public bool TryClaim() => Interlocked.Increment(ref _claims) == 1;

    /// <summary>Records how far a send got; it only ever moves forward (once it may have been sent, it stays so).</summary>
    public void Mark(SendState state)
    {
        int current;
        while ((current = Volatile.Read(ref _state)) < (int)state && Interlocked.CompareExchange(ref _state, (int)state, current) != current)
        {
        }
    }

    public void Dispose() => CurrentScope.Value = _previous;
}

/// <summary>Where a send-once request got to.</summary>
internal enum SendState
{
    /// <summary>Not handed to the network yet.</summary>
    NotAttempted,

    /// <summary>It failed before any byte could leave the machine (name resolution, connection refused, TLS): the vendor never saw it.</summary>
    NeverSent,

    /// <summary>It may have reached the vendor (sent, timed out, dropped after sending, answered).</summary>
    MaybeSent,
}

/// <summary>
/// The innermost guard of every provider's pipeline: a <see cref="SendOnceAttribute"/> route is handed to the network
/// at most once per logical send. A second attempt — from an app-wide retry or hedging handler, or anything else that
/// wraps the SDK's client — is refused with a <see cref="VoiceBatchException"/> instead of phoning people twice.
/// </summary>
internal sealed class SendOnceGuard(ProviderContext provider) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> SentKey = new("VoiceBatch.Sent");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = SendOnceScope.Current;
        var route = RouteTraits.Of(request);
        if (!route.SendOnce)
        {
            // Inside a send-once scope every request counts: "never attempted" must mean nothing reached the network.
            return scope is null ? base.SendAsync(request, cancellationToken) : TrackAsync(request, scope, sendOnce: false, cancellationToken);
        }

        var first = scope?.TryClaim() ?? !request.Options.TryGetValue(SentKey, out _);
        if (!first)
        {
            var answered = scope?.AnsweredStatus is { } status ? $" (its first attempt was answered HTTP {status})" : string.Empty;
            throw new VoiceBatchException(
                $"Refused to send {request.Method} {request.RequestUri?.AbsolutePath} to '{provider.Id}' a second time{answered}: it may start calls and "
                + "the first attempt may have reached the vendor. Something around the SDK's HTTP client tried to re-send it.", provider.Id);
        }

        request.Options.Set(SentKey, true);
        return TrackAsync(request, scope, sendOnce: true, cancellationToken);
    }

    private async Task<HttpResponseMessage> TrackAsync(HttpRequestMessage request, SendOnceScope? scope, bool sendOnce, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            scope?.Mark(SendState.MaybeSent);
            if (sendOnce) scope?.Answered(response);
            return response;
        }
        catch (HttpRequestException ex) when (NeverLeft(ex))
        {
            scope?.Mark(SendState.NeverSent);
            throw;
        }
        catch
        {
            scope?.Mark(SendState.MaybeSent);
            throw;
        }
    }

    private static bool NeverLeft(HttpRequestException ex)
        => ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
}
