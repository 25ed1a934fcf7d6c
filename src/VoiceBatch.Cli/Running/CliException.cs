namespace VoiceBatch.Cli.Running;

/// <summary>A failure the tool itself detects, with the exit code and the kind a script sees in <c>--json</c> output.</summary>
internal sealed class CliException(int exitCode, string kind, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string Kind { get; } = kind;

    /// <summary>Bad arguments or input (exit 2); nothing was sent.</summary>
    public static CliException Usage(string message) => new(ExitCodes.BadInput, "usage", message);

    /// <summary>A configuration problem (exit 2).</summary>
    public static CliException Configuration(string message) => new(ExitCodes.BadInput, "configuration", message);

    /// <summary>No key for the provider (exit 4).</summary>
    public static CliException MissingKey(string message) => new(ExitCodes.Authentication, "missingKey", message);
}
