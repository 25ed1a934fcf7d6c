using Microsoft.Extensions.Configuration;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaRegistrationTests
{
    [Test]
    public void The_default_base_address_is_bolnas_current_public_host()
    {
        Assert.That(BolnaOptions.PublicHost, Is.EqualTo(new Uri("https://api.bolna.ai")));
        Assert.That(new BolnaOptions().ToString(), Does.Contain("https://api.bolna.ai/"));
    }

    [Test]
    public async Task A_custom_base_address_such_as_the_older_host_is_used_as_given()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/batches/b1").UsingGet())
            .RespondWith(Response.Create().WithBody(Seeds.Read(Seeds.BolnaGet)));
        using var client = new TestClient(b => b.AddBolna(o => TestClient.Fast(o, server.Url!)));

        var batch = await client.Client.GetBatchAsync(ProviderId.Bolna, "b1");

        Assert.That(batch.Id, Is.EqualTo("3c90c3cc0d444b5088888dd25736052a"));
    }

    [Test]
    public void Capabilities_report_the_supported_operations()
    {
        using var client = new TestClient(b => b.AddBolna(o => o.ApiKey = TestClient.CanaryKey));

        var caps = client.Client.GetCapabilities(ProviderId.Bolna);

        Assert.Multiple(() =>
        {
            Assert.That(caps.CanGet && caps.CanCreate && caps.CanList && caps.CanGetCalls && caps.CanCancel && caps.CanSchedule, Is.True);
            Assert.That(caps.CanPause || caps.CanResume || caps.CanRetry, Is.False);
            Assert.That(caps.ListRequiresAgentId, Is.True);
            Assert.That(caps.CallsPaging, Is.EqualTo(PagingKind.PageNumber));
            Assert.That(caps.ListPaging, Is.EqualTo(PagingKind.None));
        });
    }

    [Test]
    public void Disabled_operations_are_reported_and_refused_without_a_request()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddBolna(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.Schedule, BatchOperation.List];
        }));

        var caps = client.Client.GetCapabilities(ProviderId.Bolna);

        Assert.That(caps.CanSchedule || caps.CanList, Is.False);
        Assert.That(caps.CanCreate, Is.True);
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.ScheduleBatchAsync(ProviderId.Bolna, "b1", DateTimeOffset.UtcNow.AddHours(1)));
        Assert.That(server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Binds_from_configuration()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/batches/b1").UsingGet().WithHeader("Authorization", "Bearer from-config"))
            .RespondWith(Response.Create().WithBody("""{"batch_id":"b1","status":"queued"}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:Bolna:ApiKey"] = "from-config",
            ["VoiceBatch:Bolna:BaseAddress"] = server.Url,
        }).Build();
        using var client = new TestClient(b => b.AddBolna(configuration.GetSection("VoiceBatch:Bolna")));

        var batch = await client.Client.GetBatchAsync(ProviderId.Bolna, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued));
    }
}
