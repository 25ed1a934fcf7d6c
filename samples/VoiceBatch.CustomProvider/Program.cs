// A vendor of your own behind the same IBatchCallClient: "Acme" keeps its batches in memory and finishes one call
// per poll. Implement IBatchCallProvider, register it with AddProvider, and every client feature works on it.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch;

var acme = new ProviderId("acme");
var services = new ServiceCollection();
services.AddVoiceBatch().AddProvider(acme, _ => new AcmeProvider(acme));
await using var container = services.BuildServiceProvider();
var client = container.GetRequiredService<IBatchCallClient>();

var contacts = ContactList.FromRows([
    new Dictionary<string, string> { ["phone"] = "+14155550101", ["name"] = "Priya" },
    new Dictionary<string, string> { ["phone"] = "+14155550102", ["name"] = "Rahul" },
    new Dictionary<string, string> { ["phone"] = "+14155550103", ["name"] = "Olivia" },
]);
var batch = await client.CreateBatchAsync(acme, new CreateBatchRequest { AgentId = "agent-1", Contacts = contacts, Name = "Acme demo" });
var done = await client.WaitForCompletionAsync(acme, batch.Id,
    new Progress<BatchCall>(b => Console.WriteLine($"{b.Status,-9} {b.Progress.Finished}/{b.Progress.Total}")), TimeSpan.FromMilliseconds(50));
await foreach (var call in client.GetCallsAsync(acme, done.Id))
{
    Console.WriteLine($"{call.Name,-8} {call.Status}");
}

Console.WriteLine($"Capabilities: create={client.GetCapabilities(acme).CanCreate}, pause={client.GetCapabilities(acme).CanPause}");

/// <summary>The toy vendor: a dictionary of batches; each read finishes one more call.</summary>
internal sealed class AcmeProvider(ProviderId id) : IBatchCallProvider
{
    private readonly Dictionary<string, (List<Contact> Contacts, int Done)> _batches = [];

    public ProviderId Id => id;

    public ProviderCapabilities Capabilities { get; } = new() { Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.GetCalls };

    public Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        var batchId = $"acme-{_batches.Count + 1}";
        lock (_batches) _batches[batchId] = (request.Contacts.Contacts.ToList(), 0);
        return Task.FromResult(ToBatch(batchId, request.Contacts.Contacts.Count, 0));
    }

    public Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        lock (_batches)
        {
            if (!_batches.TryGetValue(batchId, out var b)) throw new BatchNotFoundException($"No Acme batch '{batchId}'.", Id);
            _batches[batchId] = b = (b.Contacts, Math.Min(b.Done + 1, b.Contacts.Count));
            return Task.FromResult(ToBatch(batchId, b.Contacts.Count, b.Done));
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Contact> contacts;
        int done;
        lock (_batches) (contacts, done) = _batches[batchId];
        for (var i = 0; i < contacts.Count; i++)
        {
            await Task.Yield();
            yield return new CallRecord { Id = $"{batchId}-{i}", PhoneNumber = contacts[i].PhoneNumber, Name = contacts[i].Variables["name"], Status = i < done ? CallStatus.Completed : CallStatus.Pending };
        }
    }

    private BatchCall ToBatch(string batchId, int total, int done) => new()
    {
        Provider = Id,
        Id = batchId,
        Status = done == total ? BatchStatus.Completed : done == 0 ? BatchStatus.Queued : BatchStatus.Running,
        Progress = BatchProgress.FromCounts(total, completed: done),
    };
}
