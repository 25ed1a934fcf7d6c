using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// What <c>--simulate</c> runs against: the vendor simulators of VoiceBatch.Sdk.Testing, started inside this process
/// for one command and gone when it ends. Calls are short (a call rings 0.6 s and talks about 1.5 s), the seed is
/// fixed, and every vendor starts with one running batch, "Simulated campaign" of eight contacts, so that get, list,
/// calls, wait, pause, cancel and export have something to act on. Its id is the same in every run (the seed fixes
/// it): <c>voicebatch list --simulate --provider dialnexa</c> shows it. A batch made with <c>create --simulate</c>
/// lives only as long as that command (follow it with <c>--wait</c>).
/// </summary>
internal static class SimulatedVendors
{
    public const string DemoBatchName = "Simulated campaign";

    public static SimulatorOptions DefaultOptions { get; } = new()
    {
        Seed = 7,
        QueueDelay = TimeSpan.FromMilliseconds(500),
        RingDuration = TimeSpan.FromMilliseconds(600),
        CallDuration = TimeSpan.FromMilliseconds(1500),
        DefaultConcurrency = 4,
        StartScheduledBatchesImmediately = true,
    };

    /// <summary>How often <c>wait --simulate</c> polls when <c>--interval</c> is not given.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(250);

    private static readonly (string Phone, string Name)[] DemoContacts =
    [
        ("+14155550101", "Ada"), ("+14155550102", "Grace"), ("+14155550103", "Alan"), ("+14155550104", "Edsger"),
        ("+14155550105", "Barbara"), ("+14155550106", "Donald"), ("+14155550107", "Frances"), ("+14155550108", "Ken"),
    ];

    public static async Task<VoiceBatchSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        var simulator = await VoiceBatchSimulator.StartAsync(options, cancellationToken);
        var contacts = ContactList.FromRows(DemoContacts.Select(c => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["phone_number"] = c.Phone,
            ["name"] = c.Name,
        }));
        foreach (var provider in simulator.Providers)
        {
            simulator.AddBatch(provider, contacts, DemoBatchName);
        }

        return simulator;
    }
}
