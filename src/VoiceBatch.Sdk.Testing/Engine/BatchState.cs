namespace VoiceBatch.Testing.Engine;

/// <summary>
/// One simulated batch, vendor-neutral: its contacts, its start time and its phase, moved forward by
/// <see cref="Advance"/> to any moment of the simulator's clock. Calls are dialled <see cref="Concurrency"/> at a time from
/// the start time plus <see cref="SimulatorOptions.QueueDelay"/>, each ringing and talking as planned; the batch is
/// Completed when the last call ends. Each simulator renders the state in its vendor's words.
/// Not thread-safe: the owning <see cref="BatchStore"/> serialises access.
/// </summary>
internal sealed class BatchState
{
    private readonly SimulatorOptions _options;
    private readonly Dice _dice;
    private readonly List<SimCall> _calls;
    private DateTimeOffset _clock;

    public BatchState(string id, BatchSpec spec, IReadOnlyList<string> callIds, SimulatorOptions options, Dice dice, DateTimeOffset now)
    {
        _options = options;
        _dice = dice;
        Id = id;
        Spec = spec;
        CreatedAt = now;
        UpdatedAt = now;
        _clock = now;
        Concurrency = spec.Concurrency is > 0 ? spec.Concurrency.Value : options.DefaultConcurrency;
        _calls = spec.Contacts.Select((contact, i) => new SimCall(callIds[i], i, contact, dice.Outcome(options.Outcomes), dice.TalkTime(options.CallDuration))).ToList();
        Phase = BatchPhase.Created;
    }

    /// <summary>The vendor's id for the batch.</summary>
    public string Id { get; }

    /// <summary>What the create asked for.</summary>
    public BatchSpec Spec { get; }

    /// <summary>Calls placed at once.</summary>
    public int Concurrency { get; }

    /// <summary>Where the batch is (after the last <see cref="Advance"/>).</summary>
    public BatchPhase Phase { get; private set; }

    /// <summary>When the batch was accepted.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When anything about the batch last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the batch starts (null until it is launched or scheduled).</summary>
    public DateTimeOffset? StartAt { get; private set; }

    /// <summary>The start time the user asked for (kept even when <see cref="SimulatorOptions.StartScheduledBatchesImmediately"/> starts it at once).</summary>
    public DateTimeOffset? RequestedStartAt { get; private set; }

    /// <summary>When the first call was dialled.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the batch reached Completed or Cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>How many times failed and unanswered calls were queued again.</summary>
    public int RetryCount { get; private set; }

    /// <summary>The calls in upload order.</summary>
    public IReadOnlyList<SimCall> Calls => _calls;

    /// <summary>True once the batch is Completed or Cancelled and no call is still on the line.</summary>
    public bool IsFinishedAt(DateTimeOffset at) => Phase is BatchPhase.Completed || (Phase is BatchPhase.Cancelled && !_calls.Any(c => c.IsLiveAt(at)));

    /// <summary>Launches the batch: it starts at <paramref name="at"/> (now when null or past).</summary>
    public void Launch(DateTimeOffset? at, DateTimeOffset now)
    {
        RequestedStartAt = at;
        var start = at is { } t && t > now && !_options.StartScheduledBatchesImmediately ? t : now;
        StartAt = start;
        Phase = start > now ? BatchPhase.Scheduled : BatchPhase.Queued;
        _clock = now;
        Touch(now);
        Advance(now);
    }

    /// <summary>Moves the batch forward to <paramref name="now"/>: starts it, dials calls as lines free up, completes it.</summary>
    public void Advance(DateTimeOffset now)
    {
        while (true)
        {
            switch (Phase)
            {
                case BatchPhase.Scheduled when StartAt is { } start && start <= now:
                    Phase = BatchPhase.Queued;
                    _clock = start;
                    Touch(_clock);
                    continue;
                case BatchPhase.Queued when StartAt is { } queued && queued + _options.QueueDelay <= now:
                    Phase = BatchPhase.Running;
                    _clock = queued + _options.QueueDelay;
                    StartedAt ??= _clock;
                    Touch(_clock);
                    Dial(_clock);
                    continue;
                case BatchPhase.Running or BatchPhase.Paused or BatchPhase.Cancelled:
                    if (Phase == BatchPhase.Running && !_calls.Any(c => c.AwaitingDial && c.CancelledAt is null) && !_calls.Any(c => c.IsLiveAt(_clock)))
                    {
                        Phase = BatchPhase.Completed;
                        FinishedAt = _calls.Select(c => c.Latest?.EndsAt).Where(e => e is not null).Max() ?? _clock;
                        if (FinishedAt < _clock) FinishedAt = _clock;
                        Touch(FinishedAt.Value);
                        return;
                    }

                    var next = _calls.Where(c => c.IsLiveAt(_clock)).Select(c => c.Latest!.EndsAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                    if (next > now) return;
                    _clock = next;
                    Touch(next);
                    if (Phase == BatchPhase.Running) Dial(next);
                    continue;
                default:
                    return;
            }
        }
    }

    /// <summary>Pauses a waiting or running batch; false when it is not in a state that can be paused.</summary>
    public bool Pause(DateTimeOffset now)
    {
        Advance(now);
        if (Phase is not (BatchPhase.Scheduled or BatchPhase.Queued or BatchPhase.Running)) return false;
        Phase = BatchPhase.Paused;
        _clock = now;
        Touch(now);
        return true;
    }

    /// <summary>Resumes a paused batch; false when it is not paused.</summary>
    public bool Resume(DateTimeOffset now)
    {
        Advance(now);
        if (Phase != BatchPhase.Paused) return false;
        _clock = now;
        Touch(now);
        if (StartAt > now)
        {
            Phase = BatchPhase.Scheduled;
        }
        else
        {
            Phase = BatchPhase.Running;
            StartedAt ??= now;
            Dial(now);
        }

        Advance(now);
        return true;
    }

    /// <summary>Stops the batch: calls not yet dialled are cancelled; false when it has already finished.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        Advance(now);
        if (Phase is BatchPhase.Completed or BatchPhase.Cancelled) return false;
        foreach (var call in _calls) call.Cancel(now);
        Phase = BatchPhase.Cancelled;
        FinishedAt = now;
        _clock = now;
        Touch(now);
        return true;
    }

    /// <summary>Calls that may be retried: ended unanswered, busy or failed.</summary>
    public IEnumerable<SimCall> Retriable(DateTimeOffset now)
        => _calls.Where(c => c.StateAt(now) is CallState.NoAnswer or CallState.Busy or CallState.Failed);

    /// <summary>Queues every failed or unanswered call again (with fresh outcomes) and runs the batch; false when the batch
    /// has not finished.</summary>
    public bool Retry(DateTimeOffset now)
    {
        Advance(now);
        if (Phase is not (BatchPhase.Completed or BatchPhase.Cancelled)) return false;
        foreach (var call in Retriable(now).ToList()) call.QueueRetry(_dice.Outcome(_options.Outcomes), _dice.TalkTime(_options.CallDuration));
        RetryCount++;
        Phase = BatchPhase.Running;
        FinishedAt = null;
        _clock = now;
        Touch(now);
        Dial(now);
        Advance(now);
        return true;
    }

    /// <summary>Sets a new start time on a batch that has not started; false when it already runs or ended.</summary>
    public bool Reschedule(DateTimeOffset at, DateTimeOffset now)
    {
        Advance(now);
        if (Phase is not (BatchPhase.Created or BatchPhase.Scheduled)) return false;
        Launch(at, now);
        return true;
    }

    /// <summary>How many calls are in each state at <paramref name="at"/> (every state present, zeros included).</summary>
    public IReadOnlyDictionary<CallState, int> Count(DateTimeOffset at)
    {
        var counts = Enum.GetValues<CallState>().ToDictionary(s => s, _ => 0);
        foreach (var call in _calls) counts[call.StateAt(at)]++;
        return counts;
    }

    private void Dial(DateTimeOffset at)
    {
        var live = _calls.Count(c => c.IsLiveAt(at));
        foreach (var call in _calls)
        {
            if (live >= Concurrency) break;
            if (!call.AwaitingDial || call.CancelledAt is not null) continue;
            call.Dial(at, _options.RingDuration);
            live++;
        }
    }

    private void Touch(DateTimeOffset at)
    {
        if (at > UpdatedAt) UpdatedAt = at;
    }
}
