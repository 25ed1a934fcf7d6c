using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using VoiceBatch;
using VoiceBatch.Testing;

namespace MyApp.Tests;

public class CampaignTests
{
    [Test]
    public async Task The_campaign_reaches_everyone_with_exactly_one_create()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Seed = 42 });
        await using var client = sim.CreateClient();   // every simulated vendor, on the simulator's clock
        var contacts = ContactList.FromRows(
        [
            new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["customer_name"] = "Ada" },
            new Dictionary<string, string> { ["phone_number"] = "+14155550102", ["customer_name"] = "Grace" },
        ]);

        var batch = await client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "agt_1", Name = "Spring", Contacts = contacts });
        time.Advance(TimeSpan.FromMinutes(5));          // the simulated calls ring and talk on fake time: no test sleeps
        var done = await client.WaitForCompletionAsync(ProviderId.DialNexa, batch.Id);

        Assert.That(done.Status, Is.EqualTo(BatchStatus.Completed));
        Assert.That(done.Progress.Finished, Is.EqualTo(2));
        Assert.That(sim.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1));
        Assert.That(sim.Batches.Single().Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550102" }));
    }
}
