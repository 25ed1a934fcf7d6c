using Microsoft.Extensions.Configuration.UserSecrets;
using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// Where one invocation of the tool reads and writes: its output streams, whether a person is at a terminal, the
/// working directory (for <c>appsettings.json</c>), the environment and the user-secrets file. <see cref="ForProcess"/>
/// is the real process; tests build their own.
/// </summary>
internal sealed record CliContext
{
    /// <summary>The user-secrets id the tool reads keys from (<c>dotnet user-secrets --id voicebatch ...</c>).</summary>
    public const string UserSecretsId = "voicebatch";

    /// <summary>Results: tables for people, one JSON document with <c>--json</c>.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors, warnings and (with <c>--json</c>) progress lines.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Read when a key is piped in (<c>voicebatch keys set</c>).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>A person is at a terminal: live progress bars and confirmation prompts. False when output or input is
    /// redirected or under CI, where progress is printed as plain lines and confirmations need <c>--yes</c>.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Where <c>appsettings.json</c> is looked for.</summary>
    public string WorkingDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>The environment variables to read configuration from; null reads the process's own.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>The user-secrets file (<c>secrets.json</c>); null for none.</summary>
    public string? UserSecretsFile { get; init; }

    /// <summary>How the simulated vendors of <c>--simulate</c> behave.</summary>
    public SimulatorOptions SimulatorOptions { get; init; } = SimulatedVendors.DefaultOptions;

    /// <summary>The real process: the console, its environment and the user's secrets.</summary>
    public static CliContext ForProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInteractive = !Console.IsOutputRedirected && !Console.IsInputRedirected && !RunsUnderCi(),
        UserSecretsFile = PathHelper.GetSecretsPathFromSecretsId(UserSecretsId),
    };

    private static bool RunsUnderCi()
        => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
           || System.Environment.GetEnvironmentVariable("TF_BUILD") is not null
           || System.Environment.GetEnvironmentVariable("GITHUB_ACTIONS") is not null;
}
