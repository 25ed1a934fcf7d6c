namespace VoiceBatch.Cli.Running;

/// <summary>What <c>voicebatch</c> returns to the shell (README, "The voicebatch tool"). Scripts branch on these; they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>wait</c>: the batch ended, whatever its final status).</summary>
    public const int Ok = 0;

    /// <summary>Something no other code covers went wrong: a bug in voicebatch or the SDK (the message says what).</summary>
    public const int Unexpected = 1;

    /// <summary>Bad input, caught before anything was sent: arguments, a contact sheet with bad rows, configuration, an
    /// operation the provider does not support, a confirmation that was declined or could not be asked.</summary>
    public const int BadInput = 2;

    /// <summary>The vendor has no such batch.</summary>
    public const int NotFound = 3;

    /// <summary>No API key, or the vendor refused it (401/403).</summary>
    public const int Authentication = 4;

    /// <summary>The vendor failed or refused: 5xx after retries, rate limit, an answer the SDK could not read, an action
    /// refused in the batch's state, the vendor unreachable.</summary>
    public const int VendorError = 5;

    /// <summary>A create was sent but its outcome is unknown: the batch may exist. Never re-run blindly — list first.</summary>
    public const int OutcomeUnknown = 6;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
