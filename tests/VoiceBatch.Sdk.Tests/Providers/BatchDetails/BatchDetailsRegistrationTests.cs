using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.BatchDetails;

public sealed class BatchDetailsRegistrationTests
{
    [Test]
    public void BaseAddress_is_required_because_the_vendor_has_no_public_host()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
        {
            using var client = new TestClient(b => b.AddBatchDetails(o => o.ApiKey = TestClient.CanaryKey));
        });

        Assert.That(ex!.Message, Does.Contain("BaseAddress").And.Contain("batchdetails"));
        Assert.That(ex.Message, Does.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public void Capabilities_are_get_and_calls_only()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddBatchDetails(o => TestClient.Fast(o, server.Url!)));

        var caps = client.Client.GetCapabilities(ProviderId.BatchDetails);

        Assert.Multiple(() =>
        {
            Assert.That(caps.CanGet && caps.CanGetCalls, Is.True);
            Assert.That(caps.CanCreate || caps.CanList || caps.CanCancel || caps.CanPause || caps.CanResume || caps.CanRetry || caps.CanSchedule, Is.False);
            Assert.That(caps.CallsPaging, Is.EqualTo(PagingKind.PageNumber));
        });
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.CancelBatchAsync(ProviderId.BatchDetails, "b1"));
        Assert.That(server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Binds_from_configuration_and_sends_the_key_as_bearer()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/nexus/api/call/batch-details/b1").UsingGet().WithHeader("Authorization", "Bearer from-config"))
            .RespondWith(Response.Create().WithBody("""{"status":true,"data":{"batchId":"b1","batchStatus":"paused","total":0,"data":[]}}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:BatchDetails:ApiKey"] = "from-config",
            ["VoiceBatch:BatchDetails:BaseAddress"] = server.Url + "/nexus/",
        }).Build();
        using var client = new TestClient(b => b.AddBatchDetails(configuration.GetSection("VoiceBatch:BatchDetails")));

        var batch = await client.Client.GetBatchAsync(ProviderId.BatchDetails, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
    }

    [Test]
    public void Disabled_operations_are_honoured()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddBatchDetails(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.GetCalls];
        }));

        Assert.That(client.Client.GetCapabilities(ProviderId.BatchDetails).CanGetCalls, Is.False);
        Assert.Throws<VoiceBatchNotSupportedException>(() => client.Client.GetCallsAsync(ProviderId.BatchDetails, "b1"));
    }
}
