namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>Retell (<c>"retell"</c>): Retell AI's batch calls at <c>https://api.retellai.com</c>, Bearer auth. Create and
    /// calls only: Retell's API cannot read, list, cancel, pause, resume, retry or reschedule a batch.</summary>
    public static ProviderId Retell { get; } = new("retell");
}
