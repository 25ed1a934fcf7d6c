using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaRegistrationTests : DialNexaFixture
{
    [Test]
    public void Capabilities_match_the_vendor_table()
    {
        var c = Client.GetCapabilities(ProviderId.DialNexa);

        Assert.Multiple(() =>
        {
            Assert.That(c.CanGet && c.CanCreate && c.CanList && c.CanGetCalls && c.CanCancel && c.CanPause && c.CanResume, Is.True);
            Assert.That(c.CanRetry, Is.False);
            Assert.That(c.CanSchedule, Is.False, "scheduling is the create form's scheduled_at");
            Assert.That(c.ListRequiresAgentId, Is.False);
            Assert.That(c.ListPaging, Is.EqualTo(PagingKind.PageNumber));
            Assert.That(c.CallsPaging, Is.EqualTo(PagingKind.PageNumber));
            Assert.That(c.CallsInline, Is.False);
            Assert.That(c.MaxFileBytes, Is.EqualTo(10L * 1024 * 1024));
        });
    }

    [Test]
    public void Unsupported_operations_throw_without_a_request()
    {
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.RetryBatchAsync(ProviderId.DialNexa, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.ScheduleBatchAsync(ProviderId.DialNexa, "b1", DateTimeOffset.UtcNow.AddDays(1)));
        Assert.That(Server.LogEntries, Is.Empty);
    }

    [Test]
    public void Base_address_defaults_to_the_public_host()
    {
        using var client = new TestClient(b => b.AddDialNexa(o => o.ApiKey = TestClient.CanaryKey));

        var options = client.Services.GetRequiredService<IOptions<DialNexaOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.EffectiveBaseAddress, Is.EqualTo(new Uri("https://api.dialnexa.com")));
            Assert.That(DialNexaOptions.PublicHost, Is.EqualTo(new Uri("https://api.dialnexa.com")));
            Assert.That(options.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Contain("ApiKey = ***"));
        });
    }

    [Test]
    public async Task Configuration_section_binds_key_and_address_and_sends_bearer_auth()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b1").UsingGet().WithHeader("Authorization", "Bearer " + TestClient.CanaryKey), """{"id":"b1","status":"running"}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:DialNexa:ApiKey"] = TestClient.CanaryKey,
            ["VoiceBatch:DialNexa:BaseAddress"] = Server.Url,
            ["VoiceBatch:DialNexa:DisabledOperations:0"] = "Create",
        }).Build();
        using var client = new TestClient(b => b.AddDialNexa(configuration.GetSection("VoiceBatch:DialNexa")));

        var batch = await client.Client.GetBatchAsync(ProviderId.DialNexa, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(client.Client.GetCapabilities(ProviderId.DialNexa).CanCreate, Is.False, "DisabledOperations bind from configuration");
        });
    }

    [Test]
    public void A_missing_key_names_the_provider_and_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddDialNexa(_ => { })).Dispose());

        Assert.That(ex!.Message, Does.Contain("dialnexa").And.Contain("ApiKey"));
    }
}
