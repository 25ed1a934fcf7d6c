using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;
using VoiceBatch.Testing;

namespace VoiceBatch.Cli.Tests;

/// <summary>--simulate: every command against the in-process vendor simulators, no key, no real call.</summary>
public sealed class SimulateTests
{
    [TestCase("dialnexa")]
    [TestCase("voiceai")]
    [TestCase("elevenlabs")]
    [TestCase("bolna")]
    public async Task Every_vendor_starts_with_the_same_demo_batch_in_every_run(string provider)
    {
        string[] extra = provider == "bolna" ? ["--agent", "agent_simulated"] : [];

        var first = await JsonOutputTests.DemoBatchIdAsync(provider, extra);
        var second = await JsonOutputTests.DemoBatchIdAsync(provider, extra);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task The_default_simulation_ends_the_demo_batch_in_seconds()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");

        // The tool's own timing (not the tests' quick one): what a newcomer sees.
        var result = await new Tool { SimulatorOptions = VoiceBatch.Cli.Running.SimulatedVendors.DefaultOptions }.RunAsync("wait", id, "--simulate", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("finished", StringComparison.Ordinal)), Is.GreaterThan(2), "a plain progress line per change");
        Assert.That(result.Out, Does.Contain("Status    Completed").And.Contain("8/8 finished (100%)"));
    }

    [Test]
    public async Task Create_with_wait_runs_a_sheet_to_its_end()
    {
        using var folder = new TempFolder();
        var sheet = folder.Xlsx("leads.xlsx", "Leads", ["phone_number", "name"], ["+14155550101", "Ada"], ["+14155550102", "Grace"], ["+14155550103", "Alan"]);

        var result = await Tool.Run("create", "--simulate", "-p", "dialnexa", "-f", sheet, "--agent", "agt_1", "--name", "Spring", "--wait", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("name").GetString(), Is.EqualTo("Spring"));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(json.RootElement.GetProperty("progress").GetProperty("finished").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Create_skips_invalid_rows_only_when_asked()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone_number", "+14155550101", "not a number", "+14155550102");

        var refused = await Tool.Run("create", "--simulate", "-p", "voiceai", "-f", sheet, "--agent", "agt_1");
        var skipped = await Tool.Run("create", "--simulate", "-p", "voiceai", "-f", sheet, "--agent", "agt_1", "--skip-invalid", "--json");

        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.Error, Does.Contain("row 3"));
        Assert.That(skipped.ExitCode, Is.Zero, skipped.ToString());
        using var json = JsonDocument.Parse(skipped.Out);
        Assert.That(json.RootElement.GetProperty("progress").GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Pause_resume_and_cancel_act_on_the_batch()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");

        var paused = await Status("pause", id);
        var resumed = await Status("resume", id);
        var cancelled = await Status("cancel", id);

        Assert.That(paused, Is.EqualTo("Paused"));
        Assert.That(resumed, Is.AnyOf("Queued", "Running"));
        Assert.That(cancelled, Is.EqualTo("Cancelled"));

        static async Task<string?> Status(string action, string id)
        {
            var result = await Tool.Run(action, id, "--simulate", "-p", "dialnexa", "--json");
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            return json.RootElement.GetProperty("status").GetString();
        }
    }

    [Test]
    public async Task Schedule_moves_the_start_of_a_batch_that_has_not_started()
    {
        // A real Bolna batch waits for its schedule; so does this one (the tool's --simulate starts them at once).
        await using var vendor = await ConfiguredVendor.StartAsync(new SimulatorOptions { Seed = 7 });
        await using (var client = vendor.Simulator.CreateClient())
        {
            var created = await client.CreateBatchAsync(ProviderId.Bolna, new CreateBatchRequest { AgentId = "agt_1", Contacts = ConfiguredVendor.Contacts(2) });
            var at = DateTimeOffset.UtcNow.AddHours(2);

            var result = await new Tool { Environment = vendor.Environment(ProviderId.Bolna) }
                .RunAsync("schedule", created.Id, "--at", at.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), "-p", "bolna", "--json");

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            // Bolna starts batches on its own slots: the time given, or a little after.
            Assert.That(json.RootElement.GetProperty("scheduledAt").GetDateTimeOffset(), Is.InRange(at.AddSeconds(-1), at.AddMinutes(15)));
        }
    }

    [Test]
    public async Task Schedule_of_a_running_batch_is_refused_by_the_vendor()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("bolna", "--agent", "agent_simulated");

        var at = DateTimeOffset.UtcNow.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var result = await Tool.Run("schedule", id, "--at", at, "--simulate", "-p", "bolna");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
    }

    [Test]
    public async Task Retry_calls_again_after_the_batch_ends()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("voiceai");
        var cli = new Tool();

        // In one process the demo batch is new each time: retry right away is refused or accepted as the vendor decides,
        // but it never needs --yes on the simulators.
        var result = await cli.RunAsync("retry", id, "--simulate", "-p", "voiceai");

        Assert.That(result.ExitCode, Is.AnyOf(0, 5), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("--yes"));
    }

    [Test]
    public async Task Calls_shows_every_call_as_a_table()
    {
        var id = await JsonOutputTests.DemoBatchIdAsync("elevenlabs");

        var result = await Tool.Run("calls", id, "--simulate", "-p", "elevenlabs");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("+14155550101").And.Contain("+14155550108"));
    }

    [Test]
    public async Task Batch_details_has_its_demo_batch_too_though_it_cannot_list()
    {
        var list = await Tool.Run("list", "--simulate", "-p", "batchdetails");

        Assert.That(list.ExitCode, Is.EqualTo(2), list.ToString());
        Assert.That(list.Error, Does.Contain("List"));
    }

    [Test]
    public async Task A_vendor_that_is_not_simulated_is_bad_input()
    {
        var result = await Tool.Run("list", "--simulate", "-p", "acme");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("not simulated"));
    }
}
