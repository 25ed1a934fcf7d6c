using System.Text.Json;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bland;

/// <summary>
/// What a batch's log says about it (api-v1/get/batches-id-logs): the newest <c>lifecycle</c> event that names a
/// <c>state_change</c>, the newest <c>complete</c> event (the final counters), and the numbers of the newest lifecycle
/// message that has any. "Newest" is the latest <c>timestamp</c>; events without one rank by their place in the answer
/// (asked newest first). Events are added page by page, oldest pages last; a repeated event id is read once.
/// </summary>
internal sealed class BlandLogSummary
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _entries = [];
    private (DateTimeOffset At, int Rank) _lifecycleKey;
    private (DateTimeOffset At, int Rank) _completeKey;
    private (DateTimeOffset At, int Rank) _countsKey;

    /// <summary>The newest lifecycle event with a <c>state_change</c>.</summary>
    public BlandLogEntry? Lifecycle { get; private set; }

    /// <summary>The newest <c>complete</c> event.</summary>
    public BlandLogEntry? Complete { get; private set; }

    /// <summary>The numbers of the newest lifecycle message that names any.</summary>
    public BlandCounts? Counts { get; private set; }

    /// <summary>The latest timestamp of any event read.</summary>
    public DateTimeOffset? Newest { get; private set; }

    /// <summary>Every event read, as sent, in the order read (newest first).</summary>
    public IReadOnlyList<JsonElement> Entries => _entries;

    /// <summary>True once the status and counters are known: a state change and either final or running counts.</summary>
    public bool IsEnough => Lifecycle is not null && (Complete is not null || Counts is not null);

    /// <summary>Adds one answer's events (in the answer's order); returns how many were new.</summary>
    public int Add(IEnumerable<Wire<BlandLogEntry>> page)
    {
        var added = 0;
        foreach (var wire in page)
        {
            if (wire.Value is { Id: { } id } && !_ids.Add(id)) continue;
            _entries.Add(wire.Raw);
            added++;
            if (wire.Value is not { } entry) continue;

            var key = (entry.Timestamp ?? DateTimeOffset.MinValue, -_entries.Count); // later in a newest-first answer = older
            if (entry.Timestamp is { } at && (Newest is null || at > Newest)) Newest = at;
            switch (StatusWord.Normalize(entry.EventType))
            {
                case "lifecycle":
                    if (!string.IsNullOrWhiteSpace(entry.Payload?.StateChange) && (Lifecycle is null || Compare(key, _lifecycleKey) > 0))
                    {
                        Lifecycle = entry;
                        _lifecycleKey = key;
                    }

                    if (BlandMapping.ParseCounts(entry.Payload?.Message) is { } counts && (Counts is null || Compare(key, _countsKey) > 0))
                    {
                        Counts = counts;
                        _countsKey = key;
                    }

                    break;
                case "complete" when Complete is null || Compare(key, _completeKey) > 0:
                    Complete = entry;
                    _completeKey = key;
                    break;
            }
        }

        return added;
    }

    /// <summary>True when <paramref name="a"/> is newer than <paramref name="b"/> (both read into this summary).</summary>
    public bool IsNewer(BlandLogEntry a, BlandLogEntry b) => Compare(KeyOf(a), KeyOf(b)) > 0;

    private (DateTimeOffset, int) KeyOf(BlandLogEntry entry)
        => ReferenceEquals(entry, Lifecycle) ? _lifecycleKey : ReferenceEquals(entry, Complete) ? _completeKey : (entry.Timestamp ?? DateTimeOffset.MinValue, int.MinValue);

    private static int Compare((DateTimeOffset At, int Rank) a, (DateTimeOffset At, int Rank) b)
    {
        var byTime = a.At.CompareTo(b.At);
        return byTime != 0 ? byTime : a.Rank.CompareTo(b.Rank);
    }
}
