using Spectre.Console;
using VoiceBatch.Cli.Output;

namespace VoiceBatch.Cli.Running;

/// <summary>Real calls cost money and reach real people: a command that places them asks first, or needs <c>--yes</c>.</summary>
internal static class Confirmation
{
    /// <summary>Returns when the user agreed (or passed <c>--yes</c>, or the vendors are simulated); throws a usage error otherwise.</summary>
    public static void Require(VendorSession session, Reporter reporter, bool yes, string whatHappens)
    {
        if (yes || session.IsSimulated) return;
        if (!reporter.IsInteractive)
        {
            throw CliException.Usage($"{whatHappens} Add --yes to go ahead; nothing was sent.");
        }

        if (!reporter.Console.Confirm(Markup.Escape($"{whatHappens} Go ahead?"), defaultValue: false))
        {
            throw CliException.Usage("Not confirmed; nothing was sent.");
        }
    }
}
