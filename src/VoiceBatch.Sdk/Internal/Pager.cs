using System.Runtime.CompilerServices;

namespace VoiceBatch.Internal;

/// <summary>One page of a vendor list, as an adapter reads it.</summary>
/// <param name="Items">The page's items.</param>
/// <param name="HasMore">The vendor's own "more pages" signal, if it gives one.</param>
/// <param name="TotalPages">The vendor's page count, if it gives one.</param>
/// <param name="NextCursor">The cursor for the next page (cursor paging only).</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, bool? HasMore = null, int? TotalPages = null, string? NextCursor = null);

/// <summary>
/// The one paging helper all adapters use. Fetches lazily, stops on an empty page whatever the vendor's totals
/// say, stops on a short page when the vendor gives no other signal, and never loops on a repeating cursor.
/// </summary>
internal static class Pager
{
    /// <summary>Hard stop for runaway paging (a vendor that always says "more").</summary>
    public const int MaxPages = 100_000;

    public static async IAsyncEnumerable<T> ByPageNumberAsync<T>(
        Func<int, CancellationToken, Task<Page<T>>> fetchPage,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int firstPage = 1)
    {
        for (var page = firstPage; page < firstPage + MaxPages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await fetchPage(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;

            if (result.Items.Count == 0) yield break;
            if (result.HasMore is false) yield break;
            if (result.TotalPages is { } total && page - firstPage + 1 >= total) yield break;
            if (result.HasMore is null && result.TotalPages is null && result.Items.Count < pageSize) yield break;
        }
    }

    public static async IAsyncEnumerable<T> ByCursorAsync<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var i = 0; i < MaxPages; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;

            if (result.Items.Count == 0 || result.HasMore is false || string.IsNullOrEmpty(result.NextCursor)) yield break;
            if (!seen.Add(result.NextCursor)) yield break; // a repeating cursor would loop forever
            cursor = result.NextCursor;
        }
    }
}
