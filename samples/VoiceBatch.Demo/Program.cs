// README command one: `dotnet run --project samples/VoiceBatch.Demo` — no arguments, no account, no real calls.
// It starts the vendor simulators (VoiceBatch.Sdk.Testing) on real time with short calls, validates leads.csv, runs the
// campaign on every simulated vendor, follows each batch live and prints one canonical table of the results.
// `--provider <id> --agent <id> --yes-place-real-calls` runs the same campaign on the real vendor instead, with the key
// from the environment (VOICEBATCH__<PROVIDER>__APIKEY, bound as configuration section VoiceBatch:<Provider>).
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch;
using VoiceBatch.Demo;
using VoiceBatch.Testing;

CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var display = Display.ForThisTerminal();
var options = DemoArgs.Parse(args);
if (options.Problem is { } problem)
{
    display.Problem(problem);
    return 2;
}

using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return options.Provider is { } provider
        ? await RunOnRealVendorAsync(provider, options, display, stop.Token)
        : await RunOnSimulatorsAsync(display, stop.Token);
}
// ArgumentException: a request refused before anything was sent (e.g. a name too long for the vendor, a missing caller ID).
catch (Exception ex) when (ex is VoiceBatchException or OperationCanceledException or IOException or InvalidOperationException or ArgumentException)
{
    display.Problem(ex is OperationCanceledException ? "Stopped before every batch ended." : ex.Message);
    return 1;
}

static async Task<int> RunOnSimulatorsAsync(Display display, CancellationToken ct)
{
    // Real time, but a call rings for 0.6 s and talks for about 1.5 s, so every batch ends in seconds. A Bolna batch can
    // only be scheduled 2+ minutes ahead: here it starts as soon as it is scheduled.
    await using var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions
    {
        Seed = 7,
        QueueDelay = TimeSpan.FromMilliseconds(500),
        RingDuration = TimeSpan.FromMilliseconds(600),
        CallDuration = TimeSpan.FromMilliseconds(1500),
        DefaultConcurrency = 4,
        StartScheduledBatchesImmediately = true,
    }, ct);
    display.Note($"Vendor simulators (no account, no real calls) on {sim.BaseAddress(sim.Providers[0]).GetLeftPart(UriPartial.Authority)}: {string.Join(", ", sim.Providers)}");
    await using var client = sim.CreateClient();
    var campaign = new Campaign(client, display, "agent_demo", TimeSpan.FromMilliseconds(250));
    return await campaign.RunAsync(sim.Providers, (provider, contacts, name) => sim.AddBatch(provider, contacts, name), ct);
}

static async Task<int> RunOnRealVendorAsync(ProviderId provider, DemoArgs options, Display display, CancellationToken ct)
{
    var section = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("VoiceBatch:" + provider.Value);
    var variable = $"VOICEBATCH__{provider.Value.ToUpperInvariant()}__APIKEY";
    if (!options.PlaceRealCalls)
    {
        display.Problem($"--provider {provider} dials REAL phone numbers from leads.csv on your {provider} account: it costs money and reaches real people. "
                        + $"Put your key in {variable}, name your agent with --agent <id>, and add --yes-place-real-calls to go ahead. Nothing was sent.");
        return 2;
    }

    if (string.IsNullOrWhiteSpace(section["ApiKey"]) || options.AgentId is null)
    {
        display.Problem($"--provider {provider} needs your key in {variable} and your agent's id in --agent <id>. Nothing was sent.");
        return 2;
    }

    Action<VoiceBatchBuilder>? register = provider.Value switch
    {
        "dialnexa" => b => b.AddDialNexa(section),
        "voiceai" => b => b.AddVoiceAI(section),
        "bolna" => b => b.AddBolna(section),
        "batchdetails" => b => b.AddBatchDetails(section),
        "elevenlabs" => b => b.AddElevenLabs(section),
        "retell" => b => b.AddRetell(section),
        "bland" => b => b.AddBland(section),
        "synthflow" => b => b.AddSynthflow(section),
        _ => null,
    };
    if (register is null)
    {
        display.Problem($"This SDK build cannot reach '{provider}' (known: dialnexa, voiceai, elevenlabs, bolna, batchdetails, synthflow, retell, bland). Nothing was sent.");
        return 2;
    }

    await using var client = VoiceBatchClient.Create(register);
    if (!client.GetCapabilities(provider).CanCreate)
    {
        display.Problem($"'{provider}' cannot create batches through its API; there is no campaign to run. Nothing was sent.");
        return 2;
    }

    var campaign = new Campaign(client, display, options.AgentId, TimeSpan.FromSeconds(5));
    return await campaign.RunAsync([provider], addInDashboard: null, ct);
}
