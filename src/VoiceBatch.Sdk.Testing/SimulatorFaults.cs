namespace VoiceBatch.Testing;

/// <summary>
/// Faults to inject into one simulated vendor, switchable while a test runs: error bursts, rate limits, slow answers
/// and dropped connections. Each rule applies to the next <c>count</c> requests that match it — every request of the
/// vendor, or only those with the given <c>method</c> and/or <c>route</c> (the vendor's route template as documented,
/// e.g. <c>"/v1/batch-calls/{id}"</c>; <see cref="ReceivedRequest.Route"/> shows each request's). Rules are tried in
/// the order they were added; the first matching one with requests left applies. A faulted request never reaches the
/// vendor's logic: nothing is created or changed. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// sim.Faults(ProviderId.DialNexa).FailNext(3, 503);                                    // the next three requests answer 503
/// sim.Faults(ProviderId.Bolna).RateLimitNext(1, TimeSpan.FromSeconds(2), "GET");       // one 429 with Retry-After: 2
/// sim.Faults(ProviderId.VoiceAI).DropNext(1, "POST", "/v1/voiceai/batch-calling/submit");
/// </code>
/// </example>
public sealed class SimulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    internal SimulatorFaults()
    {
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and the vendor's own error body for it.</summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="statusCode">The status to answer, 400–599 (default 503).</param>
    /// <param name="method">Only requests with this HTTP method (any case); null for all.</param>
    /// <param name="route">Only requests matching this route template; null for all.</param>
    /// <returns>This instance, to chain rules.</returns>
    public SimulatorFaults FailNext(int count, int statusCode = 503, string? method = null, string? route = null)
    {
        if (statusCode is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault answers an error status, 400 to 599.");
        return Add(new FaultRule(FaultKind.Fail, count, method, route) { StatusCode = statusCode });
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with 429, a <c>Retry-After</c> header (whole seconds,
    /// rounded up) and the vendor's own rate-limit body.</summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="retryAfter">The wait the vendor asks for (zero or more).</param>
    /// <param name="method">Only requests with this HTTP method; null for all.</param>
    /// <param name="route">Only requests matching this route template; null for all.</param>
    /// <returns>This instance, to chain rules.</returns>
    public SimulatorFaults RateLimitNext(int count, TimeSpan retryAfter, string? method = null, string? route = null)
    {
        if (retryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        return Add(new FaultRule(FaultKind.RateLimit, count, method, route) { StatusCode = 429, Delay = retryAfter });
    }

    /// <summary>Delays the next <paramref name="count"/> matching requests by <paramref name="delay"/> on the simulator's clock,
    /// then answers them normally. With a <c>FakeTimeProvider</c> the answer comes once the test advances the clock past the
    /// delay — so a client's timeout (which runs on real time) fires first, as it would against a hung vendor.</summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="delay">How long each waits (more than zero).</param>
    /// <param name="method">Only requests with this HTTP method; null for all.</param>
    /// <param name="route">Only requests matching this route template; null for all.</param>
    /// <returns>This instance, to chain rules.</returns>
    public SimulatorFaults DelayNext(int count, TimeSpan delay, string? method = null, string? route = null)
    {
        if (delay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay must be more than zero.");
        return Add(new FaultRule(FaultKind.Delay, count, method, route) { Delay = delay });
    }

    /// <summary>Drops the connection of the next <paramref name="count"/> matching requests after reading their body, without
    /// answering — as a vendor or proxy that fails mid-request (the client cannot know whether anything happened).</summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="method">Only requests with this HTTP method; null for all.</param>
    /// <param name="route">Only requests matching this route template; null for all.</param>
    /// <returns>This instance, to chain rules.</returns>
    public SimulatorFaults DropNext(int count, string? method = null, string? route = null)
        => Add(new FaultRule(FaultKind.Drop, count, method, route));

    /// <summary>Removes every rule, used or not.</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Takes one use of the first rule matching the request, or null.</summary>
    internal FaultRule? Take(string method, string? route)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining > 0 && rule.Matches(method, route))
                {
                    rule.Remaining--;
                    return rule;
                }
            }

            _rules.RemoveAll(r => r.Remaining == 0);
            return null;
        }
    }

    private SimulatorFaults Add(FaultRule rule)
    {
        if (rule.Remaining < 1) throw new ArgumentException($"A fault applies to at least one request (count was {rule.Remaining}).", nameof(rule));
        lock (_gate) _rules.Add(rule);
        return this;
    }
}

/// <summary>What a fault does.</summary>
internal enum FaultKind
{
    Fail,
    RateLimit,
    Delay,
    Drop,
}

/// <summary>One fault rule and how many requests it still applies to.</summary>
internal sealed class FaultRule(FaultKind kind, int count, string? method, string? route)
{
    public FaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = count;

    public int StatusCode { get; init; }

    public TimeSpan Delay { get; init; }

    public bool Matches(string requestMethod, string? requestRoute)
        => (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
           && (route is null || string.Equals(route.TrimEnd('/'), requestRoute?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
