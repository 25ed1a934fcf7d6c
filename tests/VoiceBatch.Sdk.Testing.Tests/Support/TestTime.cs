using Microsoft.Extensions.Time.Testing;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>The fake clock every test starts on (a Monday morning, on a 10-minute mark so Bolna's rounding is easy to read).</summary>
internal static class TestTime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);
}
