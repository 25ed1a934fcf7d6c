using VoiceBatch.Internal;

namespace VoiceBatch.Tests.Core;

public sealed class PagerTests
{
    [Test]
    public async Task Page_numbers_stop_on_an_empty_page_even_when_totalPages_lies()
    {
        var asked = new List<int>();
        var items = await Pager.ByPageNumberAsync<int>((page, _) =>
        {
            asked.Add(page);
            return Task.FromResult(page <= 2 ? new Page<int>([page * 10, page * 10 + 1], TotalPages: 50) : new Page<int>([], TotalPages: 50));
        }, pageSize: 2, CancellationToken.None).ToListAsync();

        Assert.That(items, Is.EqualTo(new[] { 10, 11, 20, 21 }));
        Assert.That(asked, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Page_numbers_stop_at_totalPages_and_on_has_more_false()
    {
        var byTotal = await Pager.ByPageNumberAsync<int>((p, _) => Task.FromResult(new Page<int>([p], TotalPages: 2)), 1, CancellationToken.None).ToListAsync();
        var byFlag = await Pager.ByPageNumberAsync<int>((p, _) => Task.FromResult(new Page<int>([p], HasMore: p < 3)), 1, CancellationToken.None).ToListAsync();
        var byShort = await Pager.ByPageNumberAsync<int>((p, _) => Task.FromResult(new Page<int>(p == 1 ? [1, 2] : [3])), 2, CancellationToken.None).ToListAsync();
        Assert.That(byTotal, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(byFlag, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(byShort, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_repeating_cursor_never_loops()
    {
        var calls = 0;
        var items = await Pager.ByCursorAsync<int>((cursor, _) =>
        {
            calls++;
            return Task.FromResult(new Page<int>([calls], HasMore: true, NextCursor: "same"));
        }, CancellationToken.None).ToListAsync();

        Assert.That(items, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task Pages_are_fetched_lazily()
    {
        var calls = 0;
        await foreach (var _ in Pager.ByPageNumberAsync<int>((p, _) => { calls++; return Task.FromResult(new Page<int>([p, p], HasMore: true)); }, 2, CancellationToken.None))
        {
            break;
        }

        Assert.That(calls, Is.EqualTo(1));
    }
}
