namespace VoiceBatch.Testing;

/// <summary>
/// How <see cref="VoiceBatchSimulator"/> behaves: its clock, its randomness, how calls end and how long they take.
/// Every member has a default; <c>new SimulatorOptions()</c> is a valid choice.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>
    /// The clock every simulated batch runs on (default <see cref="TimeProvider.System"/>). Pass a
    /// <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing) and batches move only when the test advances
    /// it — no test ever has to sleep. Clients made by <see cref="VoiceBatchSimulator.CreateClient"/> and
    /// <see cref="VoiceBatchSimulator.Configure"/> use the same clock, so "scheduled in 5 minutes" means the same on both sides.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seeds every random choice (call outcomes, talk times, ids): the same seed and requests give the same answers. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How calls end (see <see cref="CallOutcomeMix"/>). Default <see cref="CallOutcomeMix.Default"/>.</summary>
    public CallOutcomeMix Outcomes { get; init; } = CallOutcomeMix.Default;

    /// <summary>From a batch's start time until its first call is dialled, the batch reads as queued. Default 2 seconds.</summary>
    public TimeSpan QueueDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a call rings before it is answered. An unanswered call rings twice as long before it is given
    /// up; a busy or failed call ends after a quarter of it. Default 5 seconds.</summary>
    public TimeSpan RingDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The typical length of an answered conversation; each call talks between half and one and a half times
    /// this (drawn from <see cref="Seed"/>). Default 30 seconds.</summary>
    public TimeSpan CallDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls placed at once when the create does not say (<c>max_concurrent_calls</c>, <c>target_concurrency_limit</c>). Default 5.</summary>
    public int DefaultConcurrency { get; init; } = 5;

    /// <summary>
    /// When true, a batch scheduled for later starts as soon as it is accepted (the start time is still recorded and
    /// echoed). Real vendors wait; this exists for demos on real time, where a Bolna batch — which can only be scheduled
    /// at least 2 minutes ahead — would otherwise keep an audience waiting. Default false.
    /// </summary>
    public bool StartScheduledBatchesImmediately { get; init; }

    /// <summary>
    /// DialNexa documents two answers for <c>GET /v1/batch-calls/{id}</c>: the batch record (seed 000, and the current
    /// OpenAPI's operation description "Returns one batch call job and its current processing details") and a page of the
    /// batch's call logs, <c>{callLogs[], total, page, limit, totalPages}</c>, with no batch status (the current OpenAPI's
    /// response schema and example). False (default): the batch record. True: the call-log page — to test code that must
    /// cope with accounts answering that way.
    /// </summary>
    public bool DialNexaGetReturnsCallLogs { get; init; }

    /// <summary>The one API key every simulated vendor accepts (default <c>sim_test_key</c>); any other key is answered
    /// with the vendor's own 401.</summary>
    public string ApiKey { get; init; } = "sim_test_key";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Outcomes, nameof(Outcomes));
        Outcomes.Validate();
        if (QueueDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(QueueDelay), QueueDelay, "QueueDelay cannot be negative.");
        if (RingDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RingDuration), RingDuration, "RingDuration must be positive.");
        if (CallDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CallDuration), CallDuration, "CallDuration must be positive.");
        if (DefaultConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(DefaultConcurrency), DefaultConcurrency, "DefaultConcurrency must be at least 1.");
        if (string.IsNullOrWhiteSpace(ApiKey)) throw new ArgumentException("ApiKey cannot be empty.", nameof(ApiKey));
    }
}
