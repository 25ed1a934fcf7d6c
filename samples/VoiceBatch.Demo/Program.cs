// The VoiceBatch.Sdk demo: four vendors, one model, no account needed.
// It starts a local fake of the four vendors' APIs, reads each vendor's own seed batch side by side, then runs a
// small campaign from leads.csv on every vendor that can create batches and prints every call's outcome.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch;
using VoiceBatch.Demo;
using VoiceBatch.Demo.FakeVendors;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;

await using var fake = await FakeVendorServer.StartAsync();
Console.WriteLine($"Local vendor fakes listening on {fake.Address}");

using var client = VoiceBatchClient.Create(b => b
    .AddDialNexa(o => Configure(o, "dialnexa/"))
    .AddVoiceAI(o => Configure(o, "voiceai/"))
    .AddBatchDetails(o => Configure(o, "batchdetails/"))
    .AddBolna(o => Configure(o, "bolna/")));

// 1. The vendors' own example batches, read through one model.
Console.WriteLine();
Console.WriteLine("1. The seed batches of four vendors, in one canonical model");
var seeds = new (ProviderId Provider, string Id)[]
{
    (ProviderId.DialNexa, "batch_abc123"),
    (ProviderId.DialNexa, "bat_q1r5sv9mdk3z"),
    (ProviderId.VoiceAI, VoiceAIFake.SeedId),
    (ProviderId.BatchDetails, BatchDetailsFake.SeedId),
    (ProviderId.Bolna, BolnaFake.SeedId),
};
var seedBatches = new List<BatchCall>();
foreach (var (provider, id) in seeds)
{
    seedBatches.Add(await client.GetBatchAsync(provider, id, ct));
}

Table.PrintBatches(seedBatches);

// 2. A contact sheet with a few bad rows: every bad row is reported before anything is sent.
Console.WriteLine();
Console.WriteLine("2. leads.csv, validated (E.164, duplicates refused)");
var contacts = await ContactList.LoadAsync(Path.Combine(AppContext.BaseDirectory, "leads.csv"), new ContactListOptions { DefaultRegion = "US" }, ct);
Console.WriteLine($"   {contacts.Contacts.Count} contacts to call, {contacts.Errors.Count} rows refused:");
foreach (var error in contacts.Errors)
{
    Console.WriteLine($"   row {error.Row}: {error.Reason}");
}

// 3. The same campaign on every vendor that can create batches, followed to the end.
Console.WriteLine();
Console.WriteLine("3. The campaign on every vendor that can create batches");
var launched = new List<BatchCall>();
foreach (var provider in new[] { ProviderId.DialNexa, ProviderId.VoiceAI, ProviderId.BatchDetails, ProviderId.Bolna })
{
    if (!client.GetCapabilities(provider).CanCreate)
    {
        Console.WriteLine($"   {provider,-12} cannot create batches (read-only vendor): skipped");
        continue;
    }

    var batch = await client.CreateBatchAsync(provider, new CreateBatchRequest
    {
        AgentId = "agt_demo",
        Name = "Demo follow-up",
        Contacts = contacts,
        SkipInvalidContacts = true,
        MaxConcurrentCalls = 3,
    }, ct);
    Console.WriteLine($"   {provider,-12} created batch {batch.Id} ({batch.Status}, vendor says '{batch.RawStatus}')");
    launched.Add(batch);
}

var progress = new ConsoleProgress();
var finished = await Task.WhenAll(launched.Select(b => client.WaitForCompletionAsync(b.Provider, b.Id, progress, TimeSpan.FromMilliseconds(250), ct)));
Table.PrintBatches(finished);

// 4. Every call's outcome, streamed page by page.
Console.WriteLine();
Console.WriteLine("4. Every call's outcome");
var calls = new List<(ProviderId Provider, CallRecord Call)>();
foreach (var batch in finished)
{
    await foreach (var call in client.GetCallsAsync(batch.Provider, batch.Id, cancellationToken: ct))
    {
        calls.Add((batch.Provider, call));
    }
}

Table.PrintCalls(calls);

// 5. A read-only vendor: page through all 150 records of the pre-seeded batch, and filter by outcome.
Console.WriteLine();
Console.WriteLine("5. batch-details: paging and filtering the pre-seeded batch");
var all = await client.GetAllCallsAsync(ProviderId.BatchDetails, BatchDetailsFake.SeedId, new CallQuery { PageSize = 25 }, ct);
var answered = await client.GetAllCallsAsync(ProviderId.BatchDetails, BatchDetailsFake.SeedId, new CallQuery { Status = CallStatus.Completed, PageSize = 50 }, ct);
Console.WriteLine($"   {all.Count} call records read in pages of 25; {answered.Count} answered; first: {all[0].Name}, {all[0].PhoneNumber}, {all[0].Status}");
Console.WriteLine();
Console.WriteLine("Done.");
return 0;

void Configure(VoiceBatchProviderOptions options, string prefix)
{
    options.BaseAddress = new Uri(fake.Address, prefix);
    options.ApiKey = FakeVendorServer.ApiKey;
}

/// <summary>Prints each change at once, in order (Progress&lt;T&gt; would post reports to the thread pool).</summary>
internal sealed class ConsoleProgress : IProgress<BatchCall>
{
    private readonly Lock _gate = new();

    public void Report(BatchCall value)
    {
        lock (_gate)
        {
            Console.WriteLine($"   {value.Provider,-12} {value.Status,-10} {value.Progress.Finished}/{value.Progress.Total} finished, {value.Progress.InProgress} in progress");
        }
    }
}
