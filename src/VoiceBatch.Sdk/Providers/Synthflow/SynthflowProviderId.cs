namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>Synthflow (<c>"synthflow"</c>): Synthflow's batch calling at <c>https://api.synthflow.ai/v2/calls/batch</c>
    /// (or its US/EU regional host, see <see cref="SynthflowOptions.Region"/>), Bearer auth.</summary>
    public static ProviderId Synthflow { get; } = new("synthflow");
}
