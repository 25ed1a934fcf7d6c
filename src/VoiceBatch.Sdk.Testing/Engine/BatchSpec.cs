namespace VoiceBatch.Testing.Engine;

/// <summary>
/// What a create asked for, vendor-neutral: the name, agent, contacts and concurrency the simulation needs, plus
/// <see cref="Fields"/> — every scalar field exactly as the vendor received it (form fields, or top-level JSON
/// members), which each simulator echoes in its own answers and tests can assert on.
/// </summary>
internal sealed record BatchSpec(
    string? Name,
    string? AgentId,
    IReadOnlyList<SimulatedContact> Contacts,
    int? Concurrency,
    IReadOnlyDictionary<string, string> Fields);
