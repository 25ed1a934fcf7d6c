using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Tests.Support;

/// <summary>
/// A vendor reached the way a real one is — key and base address from configuration, no <c>--simulate</c> — that is in
/// fact a simulator this test started. It exercises the tool's real configuration path end to end.
/// </summary>
internal sealed class ConfiguredVendor : IAsyncDisposable
{
    private ConfiguredVendor(VoiceBatchSimulator simulator) => Simulator = simulator;

    public VoiceBatchSimulator Simulator { get; }

    public static async Task<ConfiguredVendor> StartAsync(SimulatorOptions? options = null) => new(await VoiceBatchSimulator.StartAsync(options ?? Tool.Quick));

    /// <summary>The environment of a user who configured <paramref name="provider"/> with <paramref name="key"/> (the right key when null).</summary>
    public Dictionary<string, string?> Environment(ProviderId provider, string? key = null)
    {
        var prefix = $"VOICEBATCH__{provider.Value.ToUpperInvariant()}__";
        return new Dictionary<string, string?>
        {
            [prefix + "APIKEY"] = key ?? Simulator.ApiKey,
            [prefix + "BASEADDRESS"] = Simulator.BaseAddress(provider).ToString(),
            // A fault should show at once, not after the SDK's back-off.
            [prefix + "MAXRETRIES"] = "0",
        };
    }

    public static ContactList Contacts(int count) => ContactList.FromRows(Enumerable.Range(1, count).Select(i =>
        (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["phone_number"] = $"+1415555{i:0000}" }));

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
