using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary>Anything the parser refuses is bad input (exit 2), named on standard error, and sends nothing.</summary>
public sealed class ParseTests
{
    private static readonly TestCaseData[] BadArguments =
    [
        new TestCaseData((object)Array.Empty<string>()).SetName("No command"),
        new TestCaseData((object)new[] { "bogus" }).SetName("Unknown command"),
        new TestCaseData((object)new[] { "get", "--simulate", "-p", "dialnexa" }).SetName("Missing batch id"),
        new TestCaseData((object)new[] { "get", "b1", "--frobnicate" }).SetName("Unknown option"),
        new TestCaseData((object)new[] { "create", "--simulate", "-p", "dialnexa", "--agent", "a" }).SetName("Create without --file"),
        new TestCaseData((object)new[] { "wait", "b1", "--interval", "soon" }).SetName("A duration that is not one"),
        new TestCaseData((object)new[] { "wait", "b1", "--interval", "-5s" }).SetName("A negative duration"),
        new TestCaseData((object)new[] { "schedule", "b1", "--at", "tomorrowish" }).SetName("A time that is not one"),
        new TestCaseData((object)new[] { "list", "--limit", "0" }).SetName("A limit below one"),
        new TestCaseData((object)new[] { "calls", "b1", "--status", "Sleeping" }).SetName("A status that does not exist"),
        new TestCaseData((object)new[] { "export", "b1", "-o", "x.pdf", "--format", "pdf" }).SetName("An export format that does not exist"),
    ];

    [TestCaseSource(nameof(BadArguments))]
    public async Task Bad_arguments_exit_2_with_the_reason_on_stderr(string[] args)
    {
        var result = await Tool.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.StartWith("error: "));
        Assert.That(result.Error, Does.Contain("--help"));
        Assert.That(result.Out, Is.Empty, "nothing but the error is printed");
    }

    [Test]
    public async Task A_parse_error_with_json_prints_the_error_document_on_stdout()
    {
        var result = await Tool.Run("get", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("error");
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("usage"));
        Assert.That(error.GetProperty("exitCode").GetInt32(), Is.EqualTo(2));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("Required argument missing"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Help_lists_every_command_and_the_exit_codes(string flag)
    {
        var result = await Tool.Run(flag);

        Assert.That(result.ExitCode, Is.Zero);
        foreach (var command in new[] { "validate", "create", "get", "list", "calls", "cancel", "pause", "resume", "retry", "schedule", "wait", "export", "keys" })
        {
            Assert.That(result.Out, Does.Contain($"  {command}"), command);
        }

        Assert.That(result.Out, Does.Contain("2 bad input, 3 not found, 4 authentication, 5 vendor error, 6 outcome unknown"));
    }

    [Test]
    public async Task Help_of_a_command_exits_0_even_without_its_arguments()
    {
        var result = await Tool.Run("create", "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Out, Does.Contain("--file").And.Contain("--agent").And.Contain("--yes").And.Contain("--simulate"));
    }

    [Test]
    public async Task Version_prints_the_package_version()
    {
        var result = await Tool.Run("--version");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Out.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task An_unknown_provider_is_bad_input_naming_the_known_ones()
    {
        var result = await new Tool { Environment = { ["VOICEBATCH__ACME__APIKEY"] = "k" } }.RunAsync("get", "b1", "-p", "acme");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("'acme'").And.Contain("bolna").And.Contain("dialnexa"));
    }

    [Test]
    public async Task No_provider_at_all_is_bad_input_saying_how_to_name_one()
    {
        var result = await Tool.Run("get", "b1");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--provider").And.Contain("VOICEBATCH__PROVIDER"));
    }

    [Test]
    public async Task The_provider_can_come_from_configuration()
    {
        var result = await new Tool { Environment = { ["VOICEBATCH__PROVIDER"] = "dialnexa" } }.RunAsync("list", "--simulate");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("Simulated campaign"));
    }
}
