namespace VoiceBatch;

/// <summary>
/// Counters for a WHOLE batch (never one page of it), with the same meaning on every vendor.
/// Build one with <see cref="FromCounts"/>, which derives <see cref="Finished"/>, <see cref="Pending"/> and
/// <see cref="Fraction"/> consistently and never lets one inconsistent vendor counter push another out of range.
/// </summary>
public sealed record BatchProgress
{
    /// <summary>An empty progress: nothing known, nothing counted.</summary>
    public static BatchProgress Empty { get; } = FromCounts(total: null);

    /// <summary>Calls the batch will place; <see langword="null"/> when the vendor does not say.</summary>
    public int? Total { get; init; }

    /// <summary>Calls not yet placed: the vendor's own count, else <c>Total − Finished − InProgress</c>, never below 0.</summary>
    public int Pending { get; init; }

    /// <summary>Calls ringing or in conversation right now (<see cref="CallStatus.Ringing"/> + <see cref="CallStatus.InProgress"/>).</summary>
    public int InProgress { get; init; }

    /// <summary>Calls where a conversation happened (<see cref="CallStatus.Completed"/>).</summary>
    public int Completed { get; init; }

    /// <summary>Calls that ended without a conversation: <see cref="CallStatus.Failed"/> + <see cref="CallStatus.NoAnswer"/> + <see cref="CallStatus.Busy"/>.</summary>
    public int Failed { get; init; }

    /// <summary>Calls not placed or cut short because a user cancelled or stopped the batch.</summary>
    public int Cancelled { get; init; }

    /// <summary><c>Completed + Failed + Cancelled</c>, or the vendor's own finished count when it gives no breakdown.</summary>
    public int Finished { get; init; }

    /// <summary><c>Finished / Total</c> between 0 and 1; <see langword="null"/> when <see cref="Total"/> is unknown or 0.</summary>
    public double? Fraction { get; init; }

    /// <summary>
    /// Builds consistent counters from what a vendor reports. Negative inputs are treated as 0.
    /// </summary>
    /// <param name="total">Calls the batch will place, if the vendor says.</param>
    /// <param name="inProgress">Ringing plus in-conversation calls.</param>
    /// <param name="completed">Calls with a conversation.</param>
    /// <param name="failed">Failed, unanswered and busy calls.</param>
    /// <param name="cancelled">Cancelled calls.</param>
    /// <param name="pending">The vendor's own count of calls not yet placed; derived when <see langword="null"/>.</param>
    /// <param name="finished">The vendor's own finished count, used only when it gives no breakdown (all of
    /// <paramref name="completed"/>, <paramref name="failed"/> and <paramref name="cancelled"/> are 0).</param>
    /// <returns>The counters.</returns>
    public static BatchProgress FromCounts(
        int? total,
        int inProgress = 0,
        int completed = 0,
        int failed = 0,
        int cancelled = 0,
        int? pending = null,
        int? finished = null)
    {
        total = total is null ? null : Math.Max(0, total.Value);
        inProgress = Math.Max(0, inProgress);
        completed = Math.Max(0, completed);
        failed = Math.Max(0, failed);
        cancelled = Math.Max(0, cancelled);

        var breakdown = completed + failed + cancelled;
        var done = breakdown == 0 && finished is > 0 ? finished.Value : breakdown;
        var left = pending is { } p
            ? Math.Max(0, p)
            : total is { } t ? Math.Max(0, t - done - inProgress) : 0;
        double? fraction = total is > 0 ? Math.Min(1d, (double)done / total.Value) : null;

        return new BatchProgress
        {
            Total = total,
            Pending = left,
            InProgress = inProgress,
            Completed = completed,
            Failed = failed,
            Cancelled = cancelled,
            Finished = done,
            Fraction = fraction,
        };
    }

    /// <summary>
    /// The one tally every vendor uses: builds whole-batch counters from (call status, count) pairs — a vendor's
    /// status breakdown (Bolna's <c>execution_status</c>, counts per filter word) or one pair per call. Ringing and
    /// InProgress count as in progress; Failed, NoAnswer and Busy as failed; Pending, Queued and Unknown as not yet
    /// finished.
    /// </summary>
    /// <param name="counts">How many calls are in each status (a status may repeat; negative counts are ignored).</param>
    /// <param name="total">The batch's total when the vendor states it. When null, Total stays unknown (a breakdown need
    /// not cover calls not yet placed) and the counted Pending/Queued/Unknown calls are <see cref="Pending"/>.</param>
    /// <returns>The counters.</returns>
    public static BatchProgress FromCallCounts(IEnumerable<KeyValuePair<CallStatus, int>> counts, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int waiting = 0, inProgress = 0, completed = 0, failed = 0, cancelled = 0;
        foreach (var (status, n) in counts)
        {
            if (n <= 0) continue;
            switch (status)
            {
                case CallStatus.Ringing or CallStatus.InProgress: inProgress += n; break;
                case CallStatus.Completed: completed += n; break;
                case CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Busy: failed += n; break;
                case CallStatus.Cancelled: cancelled += n; break;
                default: waiting += n; break;
            }
        }

        return FromCounts(total, inProgress, completed, failed, cancelled, pending: total is null ? waiting : null);
    }

    /// <summary>Counts one status per call into whole-batch counters (used when a vendor lists every call).</summary>
    /// <param name="statuses">One status per call in the batch.</param>
    /// <param name="total">The batch's total when the vendor states it; else the number of statuses.</param>
    /// <returns>The counters.</returns>
    public static BatchProgress FromCallStatuses(IEnumerable<CallStatus> statuses, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var list = statuses as IReadOnlyCollection<CallStatus> ?? statuses.ToList();
        return FromCallCounts(list.Select(s => KeyValuePair.Create(s, 1)), total ?? list.Count);
    }
}
