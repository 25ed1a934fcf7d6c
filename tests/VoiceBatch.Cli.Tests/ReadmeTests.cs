using System.Reflection;
using System.Text.RegularExpressions;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Tests;

/// <summary>What the READMEs promise about the tool is what it does.</summary>
public sealed partial class ReadmeTests
{
    [Test]
    public void The_exit_code_table_lists_exactly_the_codes_the_tool_returns()
    {
        var section = ToolSection();
        var documented = ExitCodeRow().Matches(section).Select(m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var returned = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!);

        Assert.That(documented, Is.EquivalentTo(returned));
    }

    [Test]
    public async Task The_simulated_batch_id_in_the_readmes_is_the_one_the_tool_simulates()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");

        Assert.That(ToolSection(), Does.Contain($"voicebatch wait --simulate -p dialnexa {id}"));
        Assert.That(File.ReadAllText(Path.Combine(Root(), "src", "VoiceBatch.Cli", "README.md")), Does.Contain($"voicebatch wait --simulate -p dialnexa {id}"));
    }

    [Test]
    public void Every_command_is_documented()
    {
        var section = ToolSection();
        var commands = VoiceBatchCommandLine.Build(new CliContext { Out = TextWriter.Null, Error = TextWriter.Null }).Subcommands.Select(c => c.Name);

        foreach (var command in commands) Assert.That(section, Does.Contain($"`{command}"), command);
    }

    private static string ToolSection()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var start = readme.IndexOf("## The `voicebatch` tool", StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative, "README.md has a section on the tool");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("VoiceBatch.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (?<code>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
