using VoiceBatch.Cli;
using VoiceBatch.Cli.Running;
using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Tests.Support;

/// <summary>What one run of the tool returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>voicebatch</c> in this process, as a shell would, with its own environment and working directory.</summary>
internal sealed class Tool
{
    /// <summary>Simulated vendors that end a batch of eight within about a second (the tool's own default takes ~5 s).</summary>
    public static SimulatorOptions Quick { get; } = new()
    {
        Seed = SimulatedVendors.DefaultOptions.Seed,
        QueueDelay = TimeSpan.FromMilliseconds(50),
        RingDuration = TimeSpan.FromMilliseconds(100),
        CallDuration = TimeSpan.FromMilliseconds(200),
        DefaultConcurrency = 8,
        StartScheduledBatchesImmediately = true,
    };

    public Dictionary<string, string?> Environment { get; init; } = [];

    public string WorkingDirectory { get; init; } = Path.GetTempPath();

    public string? UserSecretsFile { get; init; }

    public string Input { get; init; } = string.Empty;

    public SimulatorOptions SimulatorOptions { get; init; } = Quick;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(Input);
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = input,
            IsInteractive = false,
            WorkingDirectory = WorkingDirectory,
            Environment = Environment,
            UserSecretsFile = UserSecretsFile,
            SimulatorOptions = SimulatorOptions,
        };
        var code = await VoiceBatchCommandLine.RunAsync(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> Run(params string[] args) => new Tool().RunAsync(args);
}
