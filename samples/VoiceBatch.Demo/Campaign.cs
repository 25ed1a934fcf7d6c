using System.Diagnostics;

namespace VoiceBatch.Demo;

/// <summary>One campaign from leads.csv on several vendors, through nothing but <see cref="IBatchCallClient"/>.</summary>
internal sealed class Campaign(IBatchCallClient client, Display display, string agentId, TimeSpan pollInterval)
{
    private const string Name = "Spring renewal reminders"; // ≤ 35 characters: DialNexa's title limit

    /// <summary>Runs the campaign on every vendor in <paramref name="vendors"/> that this client can reach.</summary>
    /// <param name="vendors">The vendors to run on.</param>
    /// <param name="addInDashboard">For a vendor whose API cannot create: adds the batch as its dashboard would (simulators only), else null.</param>
    /// <param name="ct">Stops everything.</param>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(IReadOnlyList<ProviderId> vendors, Func<ProviderId, ContactList, string, string>? addInDashboard, CancellationToken ct)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "leads.csv");
        var contacts = await ContactList.LoadAsync(path, new ContactListOptions { DefaultRegion = "US" }, ct);
        display.RowErrors(contacts);

        var started = new List<(BatchCall Batch, Stopwatch Clock)>();
        foreach (var provider in vendors)
        {
            if (!TryCapabilities(provider, out var capabilities)) continue;
            var clock = Stopwatch.StartNew();
            if (capabilities.CanCreate)
            {
                var batch = await client.CreateBatchAsync(provider, new CreateBatchRequest
                {
                    AgentId = agentId,
                    Name = Name,
                    Contacts = contacts,
                    SkipInvalidContacts = true, // the refused rows were listed above
                    MaxConcurrentCalls = 4,
                }, ct);
                display.Note($"{provider}: created batch {batch.Id} ({batch.Status}; the vendor says '{batch.RawStatus}')");
                started.Add((batch, clock));
            }
            else if (addInDashboard is not null)
            {
                var id = addInDashboard(provider, contacts, Name);
                display.Note($"{provider}: its API cannot create batches; the same contacts were added as in its dashboard (batch {id})");
                started.Add((await client.GetBatchAsync(provider, id, ct), clock));
            }
        }

        var finished = await display.FollowAsync(started.Select(s => s.Batch).ToList(),
            (batch, progress) => client.WaitForCompletionAsync(batch.Provider, batch.Id, progress, pollInterval, ct));
        var took = started.ToDictionary(s => s.Batch.Provider, s => s.Clock.Elapsed);
        display.Results(finished, took);

        var calls = new List<(ProviderId Provider, CallRecord Call)>();
        foreach (var batch in finished)
        {
            await foreach (var call in client.GetCallsAsync(batch.Provider, batch.Id, cancellationToken: ct)) calls.Add((batch.Provider, call));
        }

        display.Calls(calls, contacts);

        // TODO(contact-sheet/export branch): write both files once BatchExport is merged:
        //   await BatchExport.WriteCsvAsync(AllCalls(), "results.csv", cancellationToken: ct);
        //   await BatchExport.WriteXlsxAsync(AllCalls(), "results.xlsx", cancellationToken: ct);
        display.Note($"results.csv and results.xlsx: not written yet — BatchExport arrives with the export branch (they will go to {Directory.GetCurrentDirectory()}).");
        return 0;
    }

    private bool TryCapabilities(ProviderId provider, out ProviderCapabilities capabilities)
    {
        try
        {
            capabilities = client.GetCapabilities(provider);
            return true;
        }
        catch (VoiceBatchException)
        {
            // The simulators serve a vendor this SDK build has no provider for yet (ElevenLabs, until AddElevenLabs is merged).
            display.Note($"{provider}: simulated, but this SDK build has no {provider} provider yet: skipped");
            capabilities = new ProviderCapabilities();
            return false;
        }
    }
}
