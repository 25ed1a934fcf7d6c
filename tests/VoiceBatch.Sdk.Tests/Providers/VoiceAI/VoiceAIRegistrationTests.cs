using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.VoiceAI;

public sealed class VoiceAIRegistrationTests
{
    [Test]
    public void Capabilities_match_the_vendor_table()
    {
        using var host = new VoiceAITestHost();

        var c = host.Sdk.GetCapabilities(ProviderId.VoiceAI);

        Assert.Multiple(() =>
        {
            Assert.That(c.CanGet && c.CanCreate && c.CanList && c.CanGetCalls && c.CanCancel && c.CanRetry, Is.True);
            Assert.That(c.CanPause || c.CanResume, Is.False);
            Assert.That(c.CanSchedule, Is.False, "scheduling is the submit's scheduled_time_unix");
            Assert.That(c.ListRequiresAgentId, Is.False);
            Assert.That(c.ListPaging, Is.EqualTo(PagingKind.Cursor));
            Assert.That(c.CallsPaging, Is.EqualTo(PagingKind.None));
            Assert.That(c.CallsInline, Is.True);
        });
    }

    [Test]
    public void Disabled_operations_are_reported_and_refused_without_a_request()
    {
        using var host = new VoiceAITestHost(o => o.DisabledOperations = [BatchOperation.Retry, BatchOperation.List]);

        var c = host.Sdk.GetCapabilities(ProviderId.VoiceAI);

        Assert.Multiple(() =>
        {
            Assert.That(c.CanRetry, Is.False);
            Assert.That(c.CanList, Is.False);
            Assert.That(c.CanCancel, Is.True);
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => host.Sdk.RetryBatchAsync(ProviderId.VoiceAI, "b1"));
            Assert.Throws<VoiceBatchNotSupportedException>(() => host.Sdk.ListBatchesAsync(ProviderId.VoiceAI));
            Assert.That(host.Sent, Is.Empty);
        });
    }

    [Test]
    public void Without_a_base_address_threetones_public_host_is_used()
    {
        Assert.That(new VoiceAIOptions().BaseAddress, Is.Null);
        Assert.That(VoiceAIOptions.PublicHost, Is.EqualTo(new Uri("https://api.threetone.in")), "the server ThreeTone's OpenAPI declares");
        Assert.DoesNotThrow(() => new TestClient(b => b.AddVoiceAI(o => o.ApiKey = TestClient.CanaryKey)).Dispose());
    }

    [Test]
    public void Plain_http_to_a_remote_host_is_refused_naming_the_provider_and_setting_never_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddVoiceAI(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri("http://api.threetone.in");
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("voiceai").And.Contain("https").And.Contain("BaseAddress").And.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public void A_missing_key_fails_validation_naming_the_provider_and_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddVoiceAI(o => o.BaseAddress = new Uri("https://voiceai.example.com"))).Dispose());

        Assert.That(ex!.Message, Does.Contain("voiceai").And.Contain("ApiKey"));
    }

    [Test]
    public void The_options_never_print_the_key()
    {
        var options = new VoiceAIOptions { ApiKey = TestClient.CanaryKey };

        Assert.That(options.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Contain("api.threetone.in"));
    }

    [Test]
    public async Task Configuration_section_binds_key_address_and_disabled_operations_and_sends_x_api_key()
    {
        using var server = WireMock.Server.WireMockServer.Start();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{VoiceAITestHost.Root}/b1").UsingGet().WithHeader("x-api-key", TestClient.CanaryKey))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{ "id": "b1", "status": "completed" }"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:VoiceAI:ApiKey"] = TestClient.CanaryKey,
            ["VoiceBatch:VoiceAI:BaseAddress"] = server.Url,
            ["VoiceBatch:VoiceAI:DisabledOperations:0"] = "Create",
        }).Build();
        using var client = new TestClient(b => b.AddVoiceAI(configuration.GetSection("VoiceBatch:VoiceAI")));

        var batch = await client.Client.GetBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(client.Client.GetCapabilities(ProviderId.VoiceAI).CanCreate, Is.False);
            Assert.That(server.LogEntries.Single().RequestMessage!.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        });
    }

    [Test]
    public void An_authentication_failure_never_carries_the_key()
    {
        using var host = new VoiceAITestHost();
        host.Respond("GET", $"{VoiceAITestHost.Root}/b1", 401, $$"""{ "detail": "invalid api key {{TestClient.CanaryKey}}" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1"));

        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey));
        Assert.That(host.Client.AllLogText(), Does.Not.Contain(TestClient.CanaryKey));
    }
}
