using System.Text.RegularExpressions;

namespace VoiceBatch.Testing.Hosting;

/// <summary>The vendors' own (shallow) number check: E.164, a <c>+</c> and 7 to 15 digits, no separators.</summary>
internal static partial class PhoneText
{
    /// <summary>True when <paramref name="number"/> is written as E.164.</summary>
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
