namespace VoiceBatch.Demo.FakeVendors;

/// <summary>The outcome a simulated call ends with.</summary>
internal enum Outcome { Answered, NoAnswer, Busy, Failed }

/// <summary>Where a simulated call is at a moment in time.</summary>
internal enum Stage { Waiting, Ringing, Talking, Done }

/// <summary>One simulated contact: its number, variables and the outcome it will end with.</summary>
internal sealed record SimulatedCall(string Id, string PhoneNumber, IReadOnlyDictionary<string, string> Variables, Outcome Outcome);

/// <summary>
/// A batch that runs by itself on the wall clock: calls are placed <see cref="Concurrency"/> at a time, each rings
/// and talks for a short, fixed time, and ends with a reproducible outcome (seeded by the number). Each vendor fake
/// renders it in its own wire words. Time is compressed: a whole batch takes a few seconds.
/// </summary>
internal sealed class SimulatedBatch(string id, string name, string agentId, IReadOnlyList<SimulatedCall> calls, DateTimeOffset createdAt)
{
    private static readonly TimeSpan RingTime = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TalkTime = TimeSpan.FromMilliseconds(350);
    private const int Concurrency = 3;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public string AgentId { get; } = agentId;
    public IReadOnlyList<SimulatedCall> Calls { get; } = calls;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset? StartedAt { get; set; }
    public bool Cancelled { get; set; }

    public Stage StageOf(int index, DateTimeOffset now)
    {
        if (StartedAt is not { } start) return Stage.Waiting;
        var begins = start + (RingTime + TalkTime) * (index / Concurrency);
        if (now < begins) return Stage.Waiting;
        if (now < begins + RingTime) return Stage.Ringing;
        return now < begins + RingTime + TalkTime && Calls[index].Outcome == Outcome.Answered ? Stage.Talking : Stage.Done;
    }

    public bool IsDone(DateTimeOffset now) => Cancelled || Enumerable.Range(0, Calls.Count).All(i => StageOf(i, now) == Stage.Done);

    public bool HasStarted(DateTimeOffset now) => StartedAt is { } s && now >= s;

    public int Count(DateTimeOffset now, Func<int, Stage, bool> predicate) => Enumerable.Range(0, Calls.Count).Count(i => predicate(i, StageOf(i, now)));

    public static IReadOnlyList<SimulatedCall> FromCsv(string csv, string phoneColumn)
    {
        var lines = csv.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headers = SplitCsvLine(lines[0]);
        var phone = Array.FindIndex(headers, h => h == phoneColumn);
        return lines.Skip(1).Select((line, i) =>
        {
            var cells = SplitCsvLine(line);
            var vars = headers.Select((h, j) => (h, j)).Where(x => x.j != phone).ToDictionary(x => x.h, x => x.j < cells.Length ? cells[x.j] : "");
            return new SimulatedCall($"call_{i + 1:000}", cells[phone], vars, OutcomeFor(cells[phone]));
        }).ToList();
    }

    public static Outcome OutcomeFor(string number)
    {
        var roll = Math.Abs(number.Aggregate(17, (h, c) => unchecked(h * 31 + c))) % 10;
        return roll switch { < 6 => Outcome.Answered, < 8 => Outcome.NoAnswer, 8 => Outcome.Busy, _ => Outcome.Failed };
    }

    private static string[] SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }

        cells.Add(current.ToString());
        return cells.ToArray();
    }
}
