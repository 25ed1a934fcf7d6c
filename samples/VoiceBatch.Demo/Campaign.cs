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
                display.Note($"{provider}: created batch {batch.Id} ({batch.Status}; {(batch.RawStatus is { } word ? $"the vendor says '{word}'" : "the vendor has no status word")})");
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
            (batch, progress) => client.GetCapabilities(batch.Provider).CanGet
                ? client.WaitForCompletionAsync(batch.Provider, batch.Id, progress, pollInterval, ct)
                : FollowByCallsAsync(batch, progress, ct));
        var took = started.ToDictionary(s => s.Batch.Provider, s => s.Clock.Elapsed);
        display.Results(finished, took);

        var calls = new List<(ProviderId Provider, CallRecord Call)>();
        foreach (var batch in finished)
        {
            await foreach (var call in client.GetCallsAsync(batch.Provider, batch.Id, cancellationToken: ct)) calls.Add((batch.Provider, call));
        }

        display.Calls(calls, contacts);

        // Every call of every batch to results.csv and results.xlsx, streamed from the vendors again (BatchExport keeps
        // memory flat however many calls there are). A call record has no vendor column: the vendor goes in as the first
        // variable column.
        var export = new BatchExportOptions { VariableNames = ["vendor", .. contacts.VariableNames] };
        var rows = await BatchExport.WriteCsvAsync(AllCalls(finished, ct), "results.csv", export, ct);
        await BatchExport.WriteXlsxAsync(AllCalls(finished, ct), "results.xlsx", export, ct);
        display.Note($"{rows} calls written to {Path.GetFullPath("results.csv")} and results.xlsx");
        return 0;
    }

    /// <summary>Every call of <paramref name="batches"/>, each with its vendor as the variable <c>vendor</c>.</summary>
    private async IAsyncEnumerable<CallRecord> AllCalls(IReadOnlyList<BatchCall> batches, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in batches)
        {
            await foreach (var call in client.GetCallsAsync(batch.Provider, batch.Id, cancellationToken: ct))
            {
                yield return call with { Variables = new Dictionary<string, string>(call.Variables) { ["vendor"] = batch.Provider.Value } };
            }
        }
    }

    /// <summary>
    /// For a vendor whose API cannot read a batch (Retell): the create answer said how many calls the batch will place, so
    /// count its calls until that many have finished. Calls not yet dialled are not listed; BatchProgress counts them as pending.
    /// </summary>
    private async Task<BatchCall> FollowByCallsAsync(BatchCall created, IProgress<BatchCall> progress, CancellationToken ct)
    {
        if (created.Progress.Total is not { } total) return created; // nothing to count against
        var last = created;
        while (true)
        {
            var calls = await client.GetAllCallsAsync(created.Provider, created.Id, cancellationToken: ct);
            var counted = BatchProgress.FromCallStatuses(calls.Select(c => c.Status), total);
            var status = counted.Finished >= total ? BatchStatus.Completed : calls.Count > 0 ? BatchStatus.Running : created.Status;
            var current = created with { Status = status, Progress = counted };
            if (current.Status != last.Status || current.Progress != last.Progress) progress.Report(current);
            if (current.IsTerminal) return current;
            last = current;
            await Task.Delay(pollInterval, ct);
        }
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
