using VoiceBatch.Testing.Vendors.BatchDetails;
using VoiceBatch.Testing.Vendors.Bland;
using VoiceBatch.Testing.Vendors.Bolna;
using VoiceBatch.Testing.Vendors.DialNexa;
using VoiceBatch.Testing.Vendors.ElevenLabs;
using VoiceBatch.Testing.Vendors.Retell;
using VoiceBatch.Testing.Vendors.Synthflow;
using VoiceBatch.Testing.Vendors.VoiceAI;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// The one list of simulated vendors. A new vendor (Synthflow, Bland, Retell …) is a folder under <c>Vendors/</c> with
/// a <see cref="VendorSimulator"/> subclass, plus one line here; nothing else changes.
/// </summary>
internal static class VendorCatalog
{
    public static IReadOnlyList<VendorSimulator> Create(SimulatorOptions options) =>
    [
        new DialNexaSimulator(options),
        new VoiceAISimulator(options),
        new ElevenLabsSimulator(options),
        new BatchDetailsSimulator(options),
        new BolnaSimulator(options),
        new RetellSimulator(options),
        new SynthflowSimulator(options),
        new BlandSimulator(options),
    ];
}
