using VoiceBatch.Providers.Retell;

namespace VoiceBatch.Tests.Providers.Retell;

/// <summary>Every row of Retell's call-status table (<see cref="RetellMapping.MapCallStatus"/>): <c>call_status</c>, refined by
/// <c>disconnection_reason</c> — each of the 34 reasons of the SDKs' enum, under both finished statuses.</summary>
public sealed class RetellStatusTableTests
{
    private static readonly string[] NoAnswer = ["dial_no_answer", "user_declined", "voicemail_reached", "ivr_reached"];

    private static readonly string[] Failed =
    [
        "dial_failed", "invalid_destination", "telephony_provider_permission_denied", "telephony_provider_unavailable", "sip_routing_error",
        "marked_as_spam", "scam_detected", "no_valid_payment", "concurrency_limit_reached", "no_concurrency_fallback", "registered_call_timeout",
        "error_llm_websocket_open", "error_llm_websocket_lost_connection", "error_llm_websocket_runtime", "error_llm_websocket_corrupt_payload",
        "error_no_audio_received", "error_asr", "error_retell", "error_unknown", "error_user_not_joined",
    ];

    private static readonly string[] Connected =
        ["user_hangup", "agent_hangup", "call_transfer", "inactivity", "max_duration_reached", "transfer_bridged", "transfer_cancelled", "call_take_over"];

    [TestCase("registered", CallStatus.Ringing)]
    [TestCase("ongoing", CallStatus.InProgress)]
    [TestCase("error", CallStatus.Failed)]
    [TestCase("ended", CallStatus.Completed)]
    [TestCase("not_connected", CallStatus.Failed)]
    [TestCase("Not-Connected", CallStatus.Failed)]
    [TestCase("ENDED", CallStatus.Completed)]
    [TestCase("queued", CallStatus.Unknown)]
    [TestCase("", CallStatus.Unknown)]
    [TestCase(null, CallStatus.Unknown)]
    public void Call_status_without_a_reason(string? word, CallStatus expected)
        => Assert.That(RetellMapping.MapCallStatus(word, null), Is.EqualTo(expected));

    [Test]
    public void Every_disconnection_reason_under_ended_and_not_connected()
    {
        var all = NoAnswer.Concat(Failed).Concat(Connected).Append("dial_busy").Append("manual_stopped").ToList();
        Assert.That(all, Has.Count.EqualTo(34), "the SDKs' disconnection_reason enum");
        Assert.Multiple(() =>
        {
            foreach (var status in new[] { "ended", "not_connected" })
            {
                foreach (var reason in NoAnswer) Assert.That(RetellMapping.MapCallStatus(status, reason), Is.EqualTo(CallStatus.NoAnswer), $"{status} + {reason}");
                foreach (var reason in Failed) Assert.That(RetellMapping.MapCallStatus(status, reason), Is.EqualTo(CallStatus.Failed), $"{status} + {reason}");
                Assert.That(RetellMapping.MapCallStatus(status, "dial_busy"), Is.EqualTo(CallStatus.Busy), $"{status} + dial_busy");
                Assert.That(RetellMapping.MapCallStatus(status, "manual_stopped"), Is.EqualTo(CallStatus.Cancelled), $"{status} + manual_stopped");
            }

            foreach (var reason in Connected)
            {
                Assert.That(RetellMapping.MapCallStatus("ended", reason), Is.EqualTo(CallStatus.Completed), $"ended + {reason}");
                Assert.That(RetellMapping.MapCallStatus("not_connected", reason), Is.EqualTo(CallStatus.Failed), $"not_connected + {reason}");
            }
        });
    }

    [TestCase("ended", "a_reason_added_later", CallStatus.Completed)]
    [TestCase("not_connected", "a_reason_added_later", CallStatus.Failed)]
    [TestCase("error", "dial_busy", CallStatus.Failed)]
    [TestCase("error", "user_hangup", CallStatus.Failed)]
    [TestCase("registered", "dial_busy", CallStatus.Ringing)]
    [TestCase("ongoing", "user_hangup", CallStatus.InProgress)]
    public void The_reason_only_refines_a_finished_call(string status, string reason, CallStatus expected)
        => Assert.That(RetellMapping.MapCallStatus(status, reason), Is.EqualTo(expected));

    [Test]
    public void Calls_tally_into_progress_with_the_total_from_the_create_answer()
    {
        var statuses = new[] { ("ended", "user_hangup"), ("not_connected", "dial_busy"), ("ongoing", (string?)null), ("registered", null) }
            .Select(c => RetellMapping.MapCallStatus(c.Item1, c.Item2));

        var progress = BatchProgress.FromCallStatuses(statuses, total: 6);

        Assert.That((progress.Total, progress.Completed, progress.Failed, progress.InProgress, progress.Pending, progress.Finished),
            Is.EqualTo(((int?)6, 1, 1, 2, 2, 2)), "two tasks not yet dialled are not listed: Pending from the total");
    }
}
