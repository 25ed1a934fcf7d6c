namespace VoiceBatch;

/// <summary>
/// Which of Synthflow's API hosts a workspace lives on. Synthflow lists the same three servers on every batch-calls page
/// (docs.synthflow.ai <c>api-reference/platform-api/batch-calls/*.md</c>) and says to "use the base URL that matches your
/// workspace region" (<c>https://docs.synthflow.ai/api</c>).
/// </summary>
public enum SynthflowRegion
{
    /// <summary>The global host <c>https://api.synthflow.ai</c> (Synthflow's default).</summary>
    Global = 0,

    /// <summary>The United States host <c>https://api.us.synthflow.ai</c>.</summary>
    US = 1,

    /// <summary>The European Union host <c>https://api.eu.synthflow.ai</c>.</summary>
    EU = 2,
}
