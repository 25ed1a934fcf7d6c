namespace VoiceBatch.Testing.Engine;

/// <summary>
/// One vendor's batches. Every read and action runs under <see cref="Gate"/> after moving the batches to the
/// simulator's current time, so a simulator only ever sees a consistent state. Ids and outcomes come from
/// <see cref="Dice"/> seeded with the simulator's seed, the vendor and the batch's sequence number.
/// </summary>
internal sealed class BatchStore(ProviderId provider, SimulatorOptions options)
{
    private readonly Dictionary<string, BatchState> _byId = new(StringComparer.Ordinal);
    private readonly List<BatchState> _ordered = [];
    private readonly Dice _ids = new(Dice.Derive(options.Seed, provider.Value + "/ids"));
    private int _sequence;

    /// <summary>Held while reading or changing any batch of this vendor.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The vendor.</summary>
    public ProviderId Provider { get; } = provider;

    /// <summary>The simulator's options (timing, mix, clock).</summary>
    public SimulatorOptions Options { get; } = options;

    /// <summary>The simulator's current time.</summary>
    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Id generator for this vendor (call under <see cref="Gate"/>).</summary>
    public Dice Ids => _ids;

    /// <summary>Creates a batch (call under <see cref="Gate"/>); it stays <see cref="BatchPhase.Created"/> until launched.</summary>
    /// <param name="newBatchId">Makes the vendor's batch id.</param>
    /// <param name="newCallId">Makes the vendor's call id for the call at an index.</param>
    /// <param name="spec">What the create asked for.</param>
    public BatchState Create(Func<Dice, string> newBatchId, Func<Dice, int, string> newCallId, BatchSpec spec)
    {
        string id;
        do
        {
            id = newBatchId(_ids);
        }
        while (_byId.ContainsKey(id));

        var callIds = spec.Contacts.Select((_, i) => newCallId(_ids, i)).ToList();
        var dice = new Dice(Dice.Derive(Options.Seed, Provider.Value, ++_sequence));
        var batch = new BatchState(id, spec, callIds, Options, dice, Now);
        _byId[id] = batch;
        _ordered.Add(batch);
        return batch;
    }

    /// <summary>The batch with <paramref name="id"/>, moved to now (call under <see cref="Gate"/>).</summary>
    public BatchState? Find(string id)
    {
        if (!_byId.TryGetValue(id, out var batch)) return null;
        batch.Advance(Now);
        return batch;
    }

    /// <summary>Forgets a batch (a vendor's DELETE); false when there is none (call under <see cref="Gate"/>).</summary>
    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out var batch)) return false;
        _ordered.Remove(batch);
        return true;
    }

    /// <summary>Every batch, oldest first, moved to now (call under <see cref="Gate"/>).</summary>
    public IReadOnlyList<BatchState> All()
    {
        var now = Now;
        foreach (var batch in _ordered) batch.Advance(now);
        return _ordered.ToList();
    }
}
