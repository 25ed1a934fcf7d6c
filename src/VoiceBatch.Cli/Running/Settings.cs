using Microsoft.Extensions.Configuration;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// The tool's configuration, in the order later sources win: <c>appsettings.json</c> in the working directory, the
/// user secrets (id <c>voicebatch</c>), then environment variables (<c>VOICEBATCH__BOLNA__APIKEY</c> is the key
/// <c>VoiceBatch:Bolna:ApiKey</c>). Keys never come from a command-line flag: a flag lands in the shell's history.
/// </summary>
internal static class Settings
{
    /// <summary>The section of every provider's options (<c>VoiceBatch:Bolna</c>), as the SDK's README binds them.</summary>
    public const string Root = "VoiceBatch";

    public static IConfiguration Load(CliContext context) => Build(Sources(context).Select(s => s.Add));

    /// <summary>The name of the source a setting is read from (the last that has it), or null when none has it.</summary>
    public static string? SourceOf(CliContext context, string key)
        => Sources(context).LastOrDefault(s => !string.IsNullOrWhiteSpace(Build([s.Add])[key])).Name;

    /// <summary>The options section of one provider, e.g. <c>VoiceBatch:bolna</c> (keys are case-insensitive).</summary>
    public static IConfigurationSection Provider(IConfiguration configuration, ProviderId provider)
        => configuration.GetSection($"{Root}:{provider.Value}");

    /// <summary>The environment variable that holds a provider's key, e.g. <c>VOICEBATCH__BOLNA__APIKEY</c>.</summary>
    public static string KeyVariable(ProviderId provider) => $"VOICEBATCH__{provider.Value.ToUpperInvariant()}__APIKEY";

    /// <summary>The configuration key of a provider's key, e.g. <c>VoiceBatch:bolna:ApiKey</c>.</summary>
    public static string KeyPath(ProviderId provider) => $"{Root}:{provider.Value}:ApiKey";

    private static IEnumerable<(string Name, Action<IConfigurationBuilder> Add)> Sources(CliContext context)
    {
        yield return ("appsettings.json", b => b.AddJsonFile(Path.Combine(context.WorkingDirectory, "appsettings.json"), optional: true, reloadOnChange: false));
        if (context.UserSecretsFile is { } secrets)
        {
            yield return ("user secrets", b => b.AddJsonFile(secrets, optional: true, reloadOnChange: false));
        }

        yield return context.Environment is { } environment
            // The same mapping as the environment-variables provider: "__" separates sections.
            ? ("environment", b => b.AddInMemoryCollection(environment.Select(v => KeyValuePair.Create(v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value))))
            : ("environment", b => b.AddEnvironmentVariables());
    }

    private static IConfigurationRoot Build(IEnumerable<Action<IConfigurationBuilder>> sources)
    {
        var builder = new ConfigurationBuilder();
        foreach (var add in sources) add(builder);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            throw CliException.Configuration($"The configuration cannot be read: {ex.Message}");
        }
    }
}
