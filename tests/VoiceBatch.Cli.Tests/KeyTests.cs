using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary>Keys come from the environment, user secrets or appsettings.json — and never appear in any output.</summary>
public sealed class KeyTests
{
    private const string Secret = "sk_live_9f8e7d6c5b4a3210SECRET";

    [Test]
    public async Task A_refused_key_is_never_printed()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        var cli = new Tool { Environment = vendor.Environment(ProviderId.DialNexa, key: Secret) };

        foreach (var args in new[] { ["get", "batch_abc123"], ["list"], ["calls", "batch_abc123"], new[] { "list", "--json" } })
        {
            var result = await cli.RunAsync([.. args, "-p", "dialnexa"]);
            Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
            Assert.That(result.All, Does.Not.Contain(Secret).And.Not.Contain(Secret[..12]));
        }
    }

    [Test]
    public async Task A_working_key_is_never_printed_either()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone_number", "+14155550101");
        await using var vendor = await ConfiguredVendor.StartAsync();
        var cli = new Tool { Environment = vendor.Environment(ProviderId.DialNexa) };

        var created = await cli.RunAsync("create", "-p", "dialnexa", "-f", sheet, "--agent", "agt_1", "--yes", "--wait", "--interval", "50ms");
        var keys = await cli.RunAsync("keys", "list");

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(created.All + keys.All, Does.Not.Contain(vendor.Simulator.ApiKey));
    }

    [Test]
    public async Task The_key_and_base_address_can_come_from_appsettings_json()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        using var folder = new TempFolder();
        folder.Text("appsettings.json", $$"""{ "VoiceBatch": { "DialNexa": { "ApiKey": "{{vendor.Simulator.ApiKey}}", "BaseAddress": "{{vendor.Simulator.BaseAddress(ProviderId.DialNexa)}}" } } }""");

        var result = await new Tool { WorkingDirectory = folder.Path }.RunAsync("get", "batch_abc123", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public async Task The_environment_wins_over_user_secrets_which_win_over_appsettings_json()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        using var folder = new TempFolder();
        var address = vendor.Simulator.BaseAddress(ProviderId.Bolna);
        folder.Text("appsettings.json", $$"""{ "VoiceBatch": { "Bolna": { "ApiKey": "wrong-1", "BaseAddress": "{{address}}" } } }""");
        var secrets = folder.Text("secrets.json", $$"""{ "VoiceBatch:Bolna:ApiKey": "{{vendor.Simulator.ApiKey}}" }""");

        var fromSecrets = await new Tool { WorkingDirectory = folder.Path, UserSecretsFile = secrets }.RunAsync("get", "3c90c3cc0d444b5088888dd25736052a", "-p", "bolna");
        var fromEnvironment = await new Tool { WorkingDirectory = folder.Path, UserSecretsFile = secrets, Environment = { ["VOICEBATCH__BOLNA__APIKEY"] = "wrong-2" } }
            .RunAsync("get", "3c90c3cc0d444b5088888dd25736052a", "-p", "bolna");

        Assert.That(fromSecrets.ExitCode, Is.Zero, fromSecrets.ToString());
        Assert.That(fromEnvironment.ExitCode, Is.EqualTo(4), fromEnvironment.ToString());
    }

    [Test]
    public async Task Keys_set_reads_the_key_from_stdin_and_stores_it_in_user_secrets_without_printing_it()
    {
        using var folder = new TempFolder();
        var secrets = folder.File("usersecrets/voicebatch/secrets.json");
        var cli = new Tool { UserSecretsFile = secrets, Input = Secret + "\n" };

        var set = await cli.RunAsync("keys", "set", "-p", "bolna");
        var list = await cli.RunAsync("keys", "list", "--json");

        Assert.That(set.ExitCode, Is.Zero, set.ToString());
        Assert.That(set.All + list.All, Does.Not.Contain(Secret));
        using var stored = JsonDocument.Parse(File.ReadAllText(secrets));
        Assert.That(stored.RootElement.GetProperty("VoiceBatch:bolna:ApiKey").GetString(), Is.EqualTo(Secret));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(secrets), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "only the user can read it");
        }

        using var sources = JsonDocument.Parse(list.Out);
        var bolna = sources.RootElement.EnumerateArray().Single(s => s.GetProperty("provider").GetString() == "bolna");
        Assert.That(bolna.GetProperty("source").GetString(), Is.EqualTo("user secrets"));
        Assert.That(bolna.GetProperty("variable").GetString(), Is.EqualTo("VOICEBATCH__BOLNA__APIKEY"));
    }

    [Test]
    public async Task Keys_set_keeps_the_other_secrets()
    {
        using var folder = new TempFolder();
        var secrets = folder.Text("secrets.json", """{ "VoiceBatch:dialnexa:ApiKey": "first" }""");

        var result = await new Tool { UserSecretsFile = secrets, Input = "second\n" }.RunAsync("keys", "set", "-p", "bolna");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var stored = JsonDocument.Parse(File.ReadAllText(secrets));
        Assert.That(stored.RootElement.GetProperty("VoiceBatch:dialnexa:ApiKey").GetString(), Is.EqualTo("first"));
        Assert.That(stored.RootElement.GetProperty("VoiceBatch:bolna:ApiKey").GetString(), Is.EqualTo("second"));
    }

    [Test]
    public async Task Keys_set_without_a_key_is_bad_input()
    {
        using var folder = new TempFolder();

        var result = await new Tool { UserSecretsFile = folder.File("secrets.json") }.RunAsync("keys", "set", "-p", "bolna");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(File.Exists(folder.File("secrets.json")), Is.False);
    }

    [Test, NonParallelizable]
    public async Task The_process_environment_is_read_as_VOICEBATCH__PROVIDER__SETTING()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        var variables = vendor.Environment(ProviderId.DialNexa);
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
        try
        {
            // Environment = null: the tool reads the real process environment, as it does when installed.
            using var output = new StringWriter();
            using var error = new StringWriter();
            var context = new VoiceBatch.Cli.Running.CliContext { Out = output, Error = error, Environment = null };

            var code = await VoiceBatchCommandLine.RunAsync(["get", "batch_abc123", "-p", "dialnexa"], context);

            Assert.That(code, Is.Zero, error.ToString());
        }
        finally
        {
            foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(name, null);
        }
    }
}
