using Microsoft.Extensions.Options;
using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// One command's connection to one vendor: a <see cref="VoiceBatchClient"/> for the chosen provider, configured from
/// <see cref="Settings"/> — or, with <c>--simulate</c>, pointed at the simulators started for this command.
/// </summary>
internal sealed class VendorSession : IAsyncDisposable
{
    private readonly VoiceBatchSimulator? _simulator;

    private VendorSession(ProviderId provider, VoiceBatchClient client, VoiceBatchSimulator? simulator)
    {
        Provider = provider;
        Client = client;
        _simulator = simulator;
    }

    public ProviderId Provider { get; }

    public IBatchCallClient Client { get; }

    public bool IsSimulated => _simulator is not null;

    /// <summary>How often to poll when the user gave no <c>--interval</c>: the SDK's own default (null), or quicker on the simulators.</summary>
    public TimeSpan? DefaultPollInterval => IsSimulated ? SimulatedVendors.PollInterval : null;

    private VoiceBatchClient OwnedClient => (VoiceBatchClient)Client;

    /// <summary>Opens the session for <paramref name="providerName"/> (the <c>--provider</c> value, else <c>VoiceBatch:Provider</c>).</summary>
    public static async Task<VendorSession> OpenAsync(CliContext context, string? providerName, bool simulate, CancellationToken cancellationToken)
    {
        var configuration = Settings.Load(context);
        providerName ??= configuration[$"{Settings.Root}:Provider"];
        if (string.IsNullOrWhiteSpace(providerName))
        {
            throw CliException.Usage($"Name the vendor with --provider <id> ({Listed(ProviderCatalog.Known)}), or set VOICEBATCH__PROVIDER.");
        }

        var provider = new ProviderId(providerName.Trim().ToLowerInvariant());
        if (simulate)
        {
            var simulator = await SimulatedVendors.StartAsync(context.SimulatorOptions, cancellationToken);
            if (!simulator.Providers.Contains(provider))
            {
                await simulator.DisposeAsync();
                throw CliException.Usage($"'{provider}' is not simulated. Simulated vendors: {Listed(simulator.Providers)}.");
            }

            return new VendorSession(provider, simulator.CreateClient(), simulator);
        }

        if (!ProviderCatalog.TryGet(provider, out var register))
        {
            throw CliException.Usage($"voicebatch cannot reach '{provider}'. Known vendors: {Listed(ProviderCatalog.Known)}.");
        }

        var section = Settings.Provider(configuration, provider);
        if (string.IsNullOrWhiteSpace(section["ApiKey"]))
        {
            throw CliException.MissingKey(
                $"No API key for {provider}. Put it in the environment variable {Settings.KeyVariable(provider)}, or store it with "
                + $"'voicebatch keys set --provider {provider}' (user secrets), or in appsettings.json as {Settings.KeyPath(provider)}. "
                + "Keys are never taken from a command-line flag.");
        }

        try
        {
            return new VendorSession(provider, VoiceBatchClient.Create(builder => register(builder, section)), null);
        }
        catch (OptionsValidationException ex)
        {
            throw CliException.Configuration($"{ex.Message} (configuration section {Settings.Root}:{provider.Value}, or VOICEBATCH__{provider.Value.ToUpperInvariant()}__<SETTING>)");
        }
    }

    /// <summary>
    /// Reads the batch first where the vendor can, so a wrong id is "not found" (exit 3): some vendors answer a call
    /// listing for a batch they do not have with an empty page (DialNexa filters its call logs by the id).
    /// </summary>
    public async Task EnsureBatchExistsAsync(string batchId, CancellationToken cancellationToken)
    {
        if (Client.GetCapabilities(Provider).CanGet) await Client.GetBatchAsync(Provider, batchId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await OwnedClient.DisposeAsync();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }

    private static string Listed(IEnumerable<ProviderId> providers) => string.Join(", ", providers.Select(p => p.Value));
}
