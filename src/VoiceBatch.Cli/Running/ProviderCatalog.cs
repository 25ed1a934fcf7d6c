using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceBatch.Cli.Running;

/// <summary>The vendors the tool can reach, each registered from its configuration section. A new vendor of the SDK
/// is one line here (a test fails until it is).</summary>
internal static class ProviderCatalog
{
    private static readonly Dictionary<ProviderId, Action<VoiceBatchBuilder, IConfiguration>> Registrations = new()
    {
        [ProviderId.DialNexa] = (builder, section) => builder.AddDialNexa(section),
        [ProviderId.VoiceAI] = (builder, section) => builder.AddVoiceAI(section),
        [ProviderId.ElevenLabs] = (builder, section) => builder.AddElevenLabs(section),
        [ProviderId.BatchDetails] = (builder, section) => builder.AddBatchDetails(section),
        [ProviderId.Bolna] = (builder, section) => builder.AddBolna(section),
        [ProviderId.Synthflow] = (builder, section) => builder.AddSynthflow(section),
        [ProviderId.Retell] = (builder, section) => builder.AddRetell(section),
        [ProviderId.Bland] = (builder, section) => builder.AddBland(section),
    };

    /// <summary>Every provider id the tool knows, in a stable order.</summary>
    public static IReadOnlyList<ProviderId> Known { get; } = [.. Registrations.Keys.OrderBy(p => p.Value, StringComparer.Ordinal)];

    public static bool TryGet(ProviderId provider, out Action<VoiceBatchBuilder, IConfiguration> register)
        => Registrations.TryGetValue(provider, out register!);
}
