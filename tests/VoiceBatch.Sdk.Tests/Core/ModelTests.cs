using System.Text.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Tests.Core;

public sealed class ModelTests
{
    [Test]
    public void ProviderId_compares_case_insensitively_and_round_trips_as_json()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ProviderId("BOLNA"), Is.EqualTo(ProviderId.Bolna));
            Assert.That(new ProviderId("DialNexa").GetHashCode(), Is.EqualTo(ProviderId.DialNexa.GetHashCode()));
            Assert.That(ProviderId.VoiceAI.Value, Is.EqualTo("voiceai"));
            Assert.That(ProviderId.BatchDetails.ToString(), Is.EqualTo("batchdetails"));
            Assert.That(JsonSerializer.Serialize(ProviderId.Bolna), Is.EqualTo("\"bolna\""));
            Assert.That(JsonSerializer.Deserialize<ProviderId>("\"acme\""), Is.EqualTo(new ProviderId("acme")));
            Assert.That(() => new ProviderId(" "), Throws.ArgumentException);
        });
    }

    [Test]
    public void Progress_derives_finished_pending_and_fraction()
    {
        var p = BatchProgress.FromCounts(total: 250, inProgress: 10, completed: 200, failed: 15, cancelled: 5);
        Assert.Multiple(() =>
        {
            Assert.That(p.Finished, Is.EqualTo(220));
            Assert.That(p.Pending, Is.EqualTo(20));
            Assert.That(p.Fraction, Is.EqualTo(0.88).Within(1e-9));
        });
    }

    [Test]
    public void Progress_never_lets_inconsistent_vendor_counters_go_out_of_range()
    {
        var p = BatchProgress.FromCounts(total: 7, inProgress: 25, completed: 9);
        Assert.Multiple(() =>
        {
            Assert.That(p.Pending, Is.Zero);
            Assert.That(p.Fraction, Is.EqualTo(1d));
        });
    }

    [Test]
    public void Progress_uses_the_vendors_finished_count_only_without_a_breakdown()
    {
        Assert.That(BatchProgress.FromCounts(total: 10, finished: 4).Finished, Is.EqualTo(4));
        Assert.That(BatchProgress.FromCounts(total: 10, completed: 2, finished: 4).Finished, Is.EqualTo(2));
        Assert.That(BatchProgress.FromCounts(total: null).Fraction, Is.Null);
        Assert.That(BatchProgress.FromCounts(total: 0).Fraction, Is.Null);
    }

    [Test]
    public void Progress_from_call_statuses_counts_each_canonical_group()
    {
        var p = BatchProgress.FromCallStatuses([
            CallStatus.Pending, CallStatus.Queued, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed,
            CallStatus.Failed, CallStatus.NoAnswer, CallStatus.Busy, CallStatus.Cancelled, CallStatus.Unknown,
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(p.Total, Is.EqualTo(10));
            Assert.That(p.InProgress, Is.EqualTo(2));
            Assert.That(p.Completed, Is.EqualTo(1));
            Assert.That(p.Failed, Is.EqualTo(3));
            Assert.That(p.Cancelled, Is.EqualTo(1));
            Assert.That(p.Pending, Is.EqualTo(3));
            Assert.That(p.Finished, Is.EqualTo(5));
        });
    }

    [Test]
    public void IsTerminal_is_true_only_for_completed_failed_and_cancelled()
    {
        var terminal = Enum.GetValues<BatchStatus>().Where(s => new BatchCall { Provider = ProviderId.Bolna, Id = "x", Status = s }.IsTerminal);
        Assert.That(terminal, Is.EquivalentTo(new[] { BatchStatus.Completed, BatchStatus.Failed, BatchStatus.Cancelled }));
    }

    [TestCase("in-progress", "inprogress")]
    [TestCase("in_progress", "inprogress")]
    [TestCase("In Progress", "inprogress")]
    [TestCase("InProgress", "inprogress")]
    [TestCase("canceled", "cancelled")]
    [TestCase("CANCELLED", "cancelled")]
    [TestCase("  ", null)]
    [TestCase(null, null)]
    public void Status_words_are_normalised_once(string? word, string? expected)
        => Assert.That(StatusWord.Normalize(word), Is.EqualTo(expected));

    [TestCase("completed", CallStatus.Completed)]
    [TestCase("call-disconnected", CallStatus.Completed)]
    [TestCase("answered", CallStatus.Completed)]
    [TestCase("success", CallStatus.Completed)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("error", CallStatus.Failed)]
    [TestCase("balance-low", CallStatus.Failed)]
    [TestCase("no-answer", CallStatus.NoAnswer)]
    [TestCase("not-answered", CallStatus.NoAnswer)]
    [TestCase("voicemail", CallStatus.NoAnswer)]
    [TestCase("busy", CallStatus.Busy)]
    [TestCase("ringing", CallStatus.Ringing)]
    [TestCase("initiated", CallStatus.Ringing)]
    [TestCase("dialing", CallStatus.Ringing)]
    [TestCase("in-progress", CallStatus.InProgress)]
    [TestCase("ongoing", CallStatus.InProgress)]
    [TestCase("connected", CallStatus.InProgress)]
    [TestCase("queued", CallStatus.Queued)]
    [TestCase("scheduled", CallStatus.Queued)]
    [TestCase("pending", CallStatus.Pending)]
    [TestCase("created", CallStatus.Pending)]
    [TestCase("cancelled", CallStatus.Cancelled)]
    [TestCase("canceled", CallStatus.Cancelled)]
    [TestCase("stopped", CallStatus.Cancelled)]
    [TestCase("teleported", CallStatus.Unknown)]
    [TestCase(null, CallStatus.Unknown)]
    public void Common_call_status_table(string? word, CallStatus expected)
        => Assert.That(CommonCallStatus.Map(word), Is.EqualTo(expected));

    [TestCase("2024-03-01T10:00:00.000Z", "2024-03-01T10:00:00+00:00")]
    [TestCase("2024-01-23T05:14:37Z", "2024-01-23T05:14:37+00:00")]
    [TestCase("2026-06-23T15:30:00+05:30", "2026-06-23T15:30:00+05:30")]
    [TestCase("2024-01-23 05:14:37", "2024-01-23T05:14:37+00:00")]
    [TestCase("1709287200", "2024-03-01T10:00:00+00:00")]
    [TestCase("1709287200000", "2024-03-01T10:00:00+00:00")]
    [TestCase("2024-02-29T04:22:89Z", null)]
    [TestCase("5 minutes ago", null)]
    [TestCase("", null)]
    public void Timestamps_are_read_tolerantly(string text, string? expected)
        => Assert.That(VoiceBatch.Http.Json.LenientJson.ParseTime(text), Is.EqualTo(expected is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
}
