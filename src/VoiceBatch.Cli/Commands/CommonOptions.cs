using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceBatch.Cli.Commands;

/// <summary>The options several commands share, one instance each (System.CommandLine lets a symbol have many parents).</summary>
internal sealed partial class CommonOptions
{
    public Option<string?> Provider { get; } = new("--provider", "-p")
    {
        Description = $"The vendor: {string.Join(", ", Running.ProviderCatalog.Known.Select(p => p.Value))} (default: the VOICEBATCH__PROVIDER setting)",
        HelpName = "id",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on standard output, for scripts (messages go to standard error)",
    };

    public Option<bool> Simulate { get; } = new("--simulate")
    {
        Description = "Run against vendor simulators inside this process: no key, no real call, nothing kept after the command",
    };

    public Option<TimeSpan?> Interval { get; } = new("--interval")
    {
        Description = "How often to poll while waiting, e.g. 10s or 1m (default: 5 s, growing while nothing changes)",
        HelpName = "duration",
        CustomParser = ParseDuration,
    };

    public Option<bool> Yes { get; } = new("--yes", "-y")
    {
        Description = "Confirm that real people will be called (needed when no one is at a terminal to ask)",
    };

    public Argument<string> BatchId { get; } = new("batch-id") { Description = "The vendor's id of the batch" };

    // How a contact sheet is read: validate and create.
    public Option<string?> Region { get; } = new("--region")
    {
        Description = "ISO country for numbers written without a country code, e.g. US or IN",
        HelpName = "country",
    };

    public Option<string?> PhoneColumn { get; } = new("--phone-column")
    {
        Description = "The column holding the numbers (default: found among phone_number, phone, contact_number, mobile, ...)",
        HelpName = "name",
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "The worksheet of an XLSX/XLS workbook (default: the first visible one)",
        HelpName = "name",
    };

    /// <summary>Adds the options every vendor command takes.</summary>
    public Command AddVendorOptions(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Simulate);
        command.Options.Add(Json);
        return command;
    }

    public ContactListOptions SheetOptions(ParseResult parse) => new()
    {
        DefaultRegion = parse.GetValue(Region)?.Trim().ToUpperInvariant(),
        PhoneColumn = parse.GetValue(PhoneColumn),
        SheetName = parse.GetValue(Sheet),
    };

    /// <summary>An ISO 8601 time; without an offset it is local time.</summary>
    public static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal, out var time))
        {
            return time;
        }

        result.AddError($"'{text}' is not a time: write it as ISO 8601, e.g. 2026-05-01T09:30:00+05:30 (without an offset it is local time).");
        return null;
    }

    /// <summary>"500ms", "30s", "5m", "1h", or a TimeSpan such as 00:00:30.</summary>
    public static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        var match = DurationPattern().Match(text);
        TimeSpan? duration = match.Success
            ? (double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["unit"].Value.ToLowerInvariant()) switch
            {
                (var n, "ms") => TimeSpan.FromMilliseconds(n),
                (var n, "s") => TimeSpan.FromSeconds(n),
                (var n, "m") => TimeSpan.FromMinutes(n),
                (var n, _) => TimeSpan.FromHours(n),
            }
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        if (duration is { } d && d > TimeSpan.Zero) return d;
        result.AddError($"'{text}' is not a positive duration: write e.g. 500ms, 30s, 5m or 1h.");
        return null;
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>ms|s|m|h)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
