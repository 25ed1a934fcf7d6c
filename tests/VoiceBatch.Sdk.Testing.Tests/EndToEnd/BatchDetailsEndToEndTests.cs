using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's batch-details provider against its simulator: a read-only vendor, so batches come from AddBatch or the seed.</summary>
public sealed class BatchDetailsEndToEndTests : SimulatorTest
{
    private static readonly ProviderId BatchDetails = ProviderId.BatchDetails;
    private const string SeedId = "67def9053495307c718d9dfb";

    [Test]
    public async Task A_batch_added_in_the_dashboard_runs_from_active_to_completed()
    {
        var id = Sim.AddBatch(BatchDetails, Contacts(8), "Dashboard batch");

        var statuses = await CallStatusesSeen(BatchDetails, id, TimeSpan.FromSeconds(1));
        var readings = await Step(BatchDetails, id, TimeSpan.FromSeconds(5));
        var calls = await Client.GetAllCallsAsync(BatchDetails, id, new CallQuery { PageSize = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(readings[^1].Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(readings[^1].Progress.Finished, Is.EqualTo(8));
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Pending, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(calls, Has.Count.EqualTo(8));
            Assert.That(calls.Select(c => c.PhoneNumber), Has.All.StartWith("+1415555"));
            Assert.That(calls.Select(c => c.Name), Has.All.StartWith("Customer "));
        });
    }

    [Test]
    public async Task The_seed_batch_pages_through_150_records_and_filters_by_outcome()
    {
        var batch = await Client.GetBatchAsync(BatchDetails, SeedId);
        var all = await Client.GetAllCallsAsync(BatchDetails, SeedId, new CallQuery { PageSize = 25 });
        var answered = await Client.GetAllCallsAsync(BatchDetails, SeedId, new CallQuery { Status = CallStatus.Completed, PageSize = 50 });
        var emily = await Client.GetAllCallsAsync(BatchDetails, SeedId, new CallQuery { Search = "emily" });

        Assert.Multiple(() =>
        {
            Assert.That((batch.Name, batch.RawStatus, batch.Progress.Total), Is.EqualTo(("Marketing Campaign May 2025", "active", (int?)150)));
            Assert.That(all, Has.Count.EqualTo(150));
            Assert.That(all[0].Name, Is.EqualTo("Emily Davis"));
            Assert.That(answered, Has.Count.EqualTo(all.Count(c => c.Status == CallStatus.Completed)));
            Assert.That(answered, Has.Count.GreaterThan(0).And.Count.LessThan(150));
            Assert.That(emily.Select(c => c.Name), Has.Member("Emily Davis"));
            Assert.That(Sim.Requests.Count(r => r.Query.Contains("page=6", StringComparison.Ordinal)), Is.EqualTo(1), "150 records in pages of 25");
        });
    }
}
