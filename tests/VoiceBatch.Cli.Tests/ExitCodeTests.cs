using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary>Every documented exit code, from the failure that causes it, through the tool's real configuration path.</summary>
public sealed class ExitCodeTests
{
    [Test]
    public async Task A_batch_the_vendor_does_not_have_exits_3()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();

        var result = await new Tool { Environment = vendor.Environment(ProviderId.DialNexa) }.RunAsync("get", "bat_nosuchbatch", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Error, Does.Contain("404"));
    }

    [Test]
    public async Task No_key_exits_4_and_says_where_keys_go()
    {
        var result = await Tool.Run("get", "b1", "-p", "bolna");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Error, Does.Contain("VOICEBATCH__BOLNA__APIKEY").And.Contain("keys set").And.Contain("appsettings.json"));
    }

    [Test]
    public async Task A_key_the_vendor_refuses_exits_4()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();

        var result = await new Tool { Environment = vendor.Environment(ProviderId.Bolna, key: "wrong-key") }.RunAsync("get", "3c90c3cc0d444b5088888dd25736052a", "-p", "bolna");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Error, Does.Contain("VOICEBATCH__BOLNA__APIKEY"));
    }

    [Test]
    public async Task A_vendor_failing_with_503_exits_5()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        var id = vendor.Simulator.AddBatch(ProviderId.DialNexa, ConfiguredVendor.Contacts(2));
        vendor.Simulator.Faults(ProviderId.DialNexa).FailNext(5, 503);

        var result = await new Tool { Environment = vendor.Environment(ProviderId.DialNexa) }.RunAsync("get", id, "-p", "dialnexa", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("error").GetProperty("statusCode").GetInt32(), Is.EqualTo(503));
    }

    [Test]
    public async Task An_action_the_vendor_refuses_in_the_batch_state_exits_5()
    {
        await using var vendor = await ConfiguredVendor.StartAsync();
        var id = vendor.Simulator.AddBatch(ProviderId.DialNexa, ConfiguredVendor.Contacts(1));
        var cli = new Tool { Environment = vendor.Environment(ProviderId.DialNexa) };
        Assert.That((await cli.RunAsync("cancel", id, "-p", "dialnexa")).ExitCode, Is.Zero);

        var result = await cli.RunAsync("pause", id, "-p", "dialnexa", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("invalidState"));
    }

    [Test]
    public async Task A_create_whose_answer_never_came_exits_6_and_says_to_look_before_creating_again()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone_number,name", "+14155550101,Ada");
        await using var vendor = await ConfiguredVendor.StartAsync();
        vendor.Simulator.Faults(ProviderId.DialNexa).DropNext(1, method: "POST");

        var result = await new Tool { Environment = vendor.Environment(ProviderId.DialNexa) }
            .RunAsync("create", "-p", "dialnexa", "-f", sheet, "--agent", "agt_1", "--name", "May follow-up", "--yes", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("error");
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("outcomeUnknown"));
        Assert.That(error.GetProperty("batchName").GetString(), Is.EqualTo("May follow-up"));
        Assert.That(result.Error, Does.Contain("voicebatch list").And.Contain("May follow-up"));
        Assert.That(vendor.Simulator.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1), "sent once, never again");
    }

    [Test]
    public async Task An_operation_the_provider_cannot_do_is_bad_input_and_sends_nothing()
    {
        var result = await Tool.Run("pause", "some-batch", "--simulate", "-p", "bolna");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("Pause"));
    }

    [Test]
    public async Task A_base_address_missing_from_configuration_is_bad_input_naming_the_setting()
    {
        // batch-details has no public host: its base address is required (and so nothing can leave this machine).
        var result = await new Tool { Environment = { ["VOICEBATCH__BATCHDETAILS__APIKEY"] = "k" } }.RunAsync("get", "b1", "-p", "batchdetails");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("BaseAddress").And.Contain("VoiceBatch:batchdetails"));
    }

    [Test]
    public async Task Creating_real_calls_without_a_person_to_ask_needs_yes_and_sends_nothing()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone_number", "+14155550101", "+14155550102");
        await using var vendor = await ConfiguredVendor.StartAsync();

        var result = await new Tool { Environment = vendor.Environment(ProviderId.DialNexa) }.RunAsync("create", "-p", "dialnexa", "-f", sheet, "--agent", "agt_1");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("2 real people").And.Contain("--yes"));
        Assert.That(vendor.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task A_sheet_with_bad_rows_is_refused_before_anything_is_sent()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone_number", "+14155550101", "12");
        await using var vendor = await ConfiguredVendor.StartAsync();

        var result = await new Tool { Environment = vendor.Environment(ProviderId.DialNexa) }.RunAsync("create", "-p", "dialnexa", "-f", sheet, "--agent", "agt_1", "--yes", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("error").GetProperty("rows");
        Assert.That(rows.GetArrayLength(), Is.EqualTo(1));
        Assert.That(rows[0].GetProperty("row").GetInt32(), Is.EqualTo(3));
        Assert.That(vendor.Simulator.Requests, Is.Empty);
    }
}
