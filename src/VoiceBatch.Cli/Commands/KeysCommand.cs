using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary>
/// <c>voicebatch keys set --provider bolna</c> stores a key in the user secrets without it ever being a command-line
/// argument (asked for without echo, or read from standard input); <c>voicebatch keys list</c> tells where each
/// provider's key would come from. Neither ever prints a key.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var provider = new Option<string>("--provider", "-p") { Description = "The vendor whose key to store", Required = true, HelpName = "id" };
        var set = new Command("set", "Store a provider's key in the user secrets (typed without echo, or piped on standard input)") { provider }
            .WithoutVendor(context, common, (reporter, parse, _) => Task.FromResult(Set(context, reporter, new ProviderId(parse.GetRequiredValue(provider).Trim().ToLowerInvariant()))));
        var list = new Command("list", "Show where each provider's key comes from (never the key)")
            .WithoutVendor(context, common, (reporter, _, _) => Task.FromResult(List(context, reporter)));
        return new Command("keys", "Manage API keys without putting them in shell history") { set, list };
    }

    private static int Set(CliContext context, Reporter reporter, ProviderId provider)
    {
        if (!ProviderCatalog.Known.Contains(provider))
        {
            throw CliException.Usage($"voicebatch cannot reach '{provider}'. Known vendors: {string.Join(", ", ProviderCatalog.Known.Select(p => p.Value))}.");
        }

        var file = context.UserSecretsFile ?? throw CliException.Configuration("This environment has no user-secrets folder; use the environment variable instead.");
        var key = reporter.IsInteractive
            ? reporter.Console.Prompt(new TextPrompt<string>(Markup.Escape($"API key for {provider}:")).Secret())
            : reporter.In.ReadLine();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw CliException.Usage("No key was given: type it when asked, or pipe it in (voicebatch keys set --provider <id> < key.txt).");
        }

        var secrets = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? [] : [];
        secrets[Settings.KeyPath(provider)] = key.Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        reporter.Note($"Stored the {provider} key in the user secrets ({file}).");
        if (reporter.Json) reporter.WriteJson<IReadOnlyList<KeySourceJson>>([Source(context, provider)], CliJsonContext.Output.IReadOnlyListKeySourceJson);
        return ExitCodes.Ok;
    }

    private static int List(CliContext context, Reporter reporter)
    {
        var sources = ProviderCatalog.Known.Select(p => Source(context, p)).ToList();
        if (reporter.Json)
        {
            reporter.WriteJson<IReadOnlyList<KeySourceJson>>(sources, CliJsonContext.Output.IReadOnlyListKeySourceJson);
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("Provider", "Key from", "Variable");
        foreach (var source in sources) table.AddRow(new Text(source.Provider), new Text(source.Source ?? "none"), new Text(source.Variable));
        reporter.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static KeySourceJson Source(CliContext context, ProviderId provider)
        => new(provider.Value, Settings.SourceOf(context, Settings.KeyPath(provider)), Settings.KeyVariable(provider));
}
