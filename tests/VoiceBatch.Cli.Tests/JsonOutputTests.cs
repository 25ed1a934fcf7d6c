using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary>--json prints exactly one document on stdout, with the members the README documents — always all of them.</summary>
public sealed class JsonOutputTests
{
    private static readonly string[] BatchMembers =
        ["provider", "id", "name", "status", "rawStatus", "isTerminal", "progress", "agentId", "agentName", "fromPhoneNumber", "createdAt", "updatedAt", "scheduledAt"];

    private static readonly string[] ProgressMembers = ["total", "pending", "inProgress", "completed", "failed", "cancelled", "finished", "fraction"];

    private static readonly string[] CallMembers =
        ["id", "phoneNumber", "name", "status", "rawStatus", "durationSeconds", "recordingUrl", "transcript", "conversationId", "variables", "createdAt", "updatedAt"];

    [Test]
    public async Task A_batch_has_the_documented_shape()
    {
        var id = await DemoBatchIdAsync("dialnexa");

        var result = await Tool.Run("get", id, "--simulate", "-p", "dialnexa", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        AssertMembers(json.RootElement, BatchMembers);
        AssertMembers(json.RootElement.GetProperty("progress"), ProgressMembers);
        Assert.That(json.RootElement.GetProperty("provider").GetString(), Is.EqualTo("dialnexa"));
        Assert.That(json.RootElement.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.AnyOf("Queued", "Running"));
        Assert.That(json.RootElement.GetProperty("progress").GetProperty("total").GetInt32(), Is.EqualTo(8));
    }

    [Test]
    public async Task A_list_is_an_array_of_batches()
    {
        var result = await Tool.Run("list", "--simulate", "-p", "voiceai", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(1));
        AssertMembers(json.RootElement[0], BatchMembers);
    }

    [Test]
    public async Task Calls_are_an_array_with_E164_numbers_written_as_they_are()
    {
        var id = await DemoBatchIdAsync("voiceai");

        var result = await Tool.Run("calls", id, "--simulate", "-p", "voiceai", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(8));
        AssertMembers(json.RootElement[0], CallMembers);
        Assert.That(json.RootElement.EnumerateArray().Select(c => c.GetProperty("phoneNumber").GetString()), Does.Contain("+14155550101"));
        Assert.That(result.Out, Does.Contain("\"+14155550101\""), "a '+' is not escaped as \\u002B");
    }

    [Test]
    public async Task Calls_limit_stops_early()
    {
        var id = await DemoBatchIdAsync("dialnexa");

        var result = await Tool.Run("calls", id, "--simulate", "-p", "dialnexa", "--json", "--limit", "3");

        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task Calls_of_a_batch_the_vendor_does_not_have_exit_3_even_where_its_call_listing_is_empty()
    {
        var result = await Tool.Run("calls", "bat_nosuchbatch", "--simulate", "-p", "dialnexa", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("notFound"));
    }

    [Test]
    public async Task An_error_is_one_document_with_kind_exit_code_and_vendor_details()
    {
        var result = await Tool.Run("get", "bat_nosuchbatch", "--simulate", "-p", "dialnexa", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("error");
        AssertMembers(error, ["kind", "exitCode", "message", "hint", "provider", "statusCode", "errorCode", "requestId", "batchName", "rows"]);
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("notFound"));
        Assert.That(error.GetProperty("exitCode").GetInt32(), Is.EqualTo(3));
        Assert.That(error.GetProperty("provider").GetString(), Is.EqualTo("dialnexa"));
        Assert.That(error.GetProperty("statusCode").GetInt32(), Is.EqualTo(404));
        Assert.That(result.Error, Does.StartWith("error: "), "people still read the message on stderr");
    }

    [Test]
    public async Task Wait_with_json_keeps_stdout_for_the_final_batch_and_progress_on_stderr()
    {
        var id = await DemoBatchIdAsync("bolna", "--agent", "agent_simulated");

        var result = await Tool.Run("wait", id, "--simulate", "-p", "bolna", "--json", "--interval", "50ms");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("isTerminal").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("progress").GetProperty("finished").GetInt32(), Is.EqualTo(8));
        Assert.That(result.Error, Does.Contain(id).And.Contain("finished"));
    }

    internal static async Task<string> DemoBatchIdAsync(string provider, params string[] more)
    {
        var list = await Tool.Run(["list", "--simulate", "-p", provider, "--json", .. more]);
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        using var json = JsonDocument.Parse(list.Out);
        return json.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    private static void AssertMembers(JsonElement element, string[] expected)
        => Assert.That(element.EnumerateObject().Select(p => p.Name), Is.EqualTo(expected), "members, in order");
}
