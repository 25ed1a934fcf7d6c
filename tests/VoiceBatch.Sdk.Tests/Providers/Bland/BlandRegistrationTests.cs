using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bland;

public sealed class BlandRegistrationTests
{
    [Test]
    public void The_default_base_address_is_blands_public_host()
    {
        Assert.That(BlandOptions.PublicHost, Is.EqualTo(new Uri("https://api.bland.ai")));
        Assert.That(new BlandOptions().ToString(), Does.Contain("https://api.bland.ai/"));
        Assert.That(new BlandOptions().AgentIdKind, Is.EqualTo(BlandAgentKind.Pathway));
    }

    [Test]
    public async Task Configured_in_code_the_key_is_the_whole_authorization_header()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/batches/b1").UsingGet().WithHeader("Authorization", TestClient.CanaryKey))
            .RespondWith(Response.Create().WithBody(BlandTestServer.Meta("b1")));
        server.Given(Request.Create().WithPath("/v2/batches/b1/logs").UsingGet().WithHeader("Authorization", TestClient.CanaryKey))
            .RespondWith(Response.Create().WithBody(BlandTestServer.NoLogs));
        using var client = new TestClient(b => b.AddBland(o => TestClient.Fast(o, server.Url!)));

        var batch = await client.Client.GetBatchAsync(ProviderId.Bland, "b1");

        Assert.That(batch.Id, Is.EqualTo("b1"));
        Assert.That(server.LogEntries.Select(e => e.RequestMessage!.Headers!["Authorization"].Single()), Has.All.EqualTo(TestClient.CanaryKey));
    }

    [Test]
    public async Task Binds_from_configuration()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/batches/create").UsingPost().WithHeader("Authorization", "from-config"))
            .RespondWith(Response.Create().WithBody("""{"data": {"batch_id": "b1"}, "errors": null}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:Bland:ApiKey"] = "from-config",
            ["VoiceBatch:Bland:BaseAddress"] = server.Url,
            ["VoiceBatch:Bland:AgentIdKind"] = "Persona",
            ["VoiceBatch:Bland:StatusWebhook"] = "https://hooks.example.com/b",
        }).Build();
        using var client = new TestClient(b => b.AddBland(configuration.GetSection("VoiceBatch:Bland")));

        await client.Client.CreateBatchAsync(ProviderId.Bland, new CreateBatchRequest
        {
            AgentId = "persona_1",
            Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]),
        });

        var body = System.Text.Json.Nodes.JsonNode.Parse(server.LogEntries.Single().RequestMessage!.Body!)!;
        Assert.That(((string?)body["global"]!["persona_id"], (string?)body["status_webhook"]), Is.EqualTo(("persona_1", "https://hooks.example.com/b")));
    }

    [Test]
    public void Capabilities_report_the_supported_operations()
    {
        using var client = new TestClient(b => b.AddBland(o => o.ApiKey = TestClient.CanaryKey));

        var caps = client.Client.GetCapabilities(ProviderId.Bland);

        Assert.Multiple(() =>
        {
            Assert.That(caps.CanGet && caps.CanCreate && caps.CanList && caps.CanGetCalls && caps.CanCancel && caps.CanPause && caps.CanResume, Is.True);
            Assert.That(caps.CanRetry || caps.CanSchedule, Is.False);
            Assert.That(caps.ListRequiresAgentId || caps.CallsInline, Is.False);
            Assert.That((caps.ListPaging, caps.CallsPaging), Is.EqualTo((PagingKind.Offset, PagingKind.Offset)));
        });
    }

    [Test]
    public void Unsupported_and_disabled_operations_throw_before_anything_is_sent()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddBland(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.Pause, BatchOperation.Resume, BatchOperation.GetCalls];
        }));

        var caps = client.Client.GetCapabilities(ProviderId.Bland);

        Assert.Multiple(() =>
        {
            Assert.That(caps.CanPause || caps.CanResume || caps.CanGetCalls, Is.False);
            Assert.That(caps.CanCancel, Is.True);
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.PauseBatchAsync(ProviderId.Bland, "b1"));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.RetryBatchAsync(ProviderId.Bland, "b1"));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.ScheduleBatchAsync(ProviderId.Bland, "b1", DateTimeOffset.UtcNow.AddHours(1)));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.GetAllCallsAsync(ProviderId.Bland, "b1"));
            Assert.That(server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void A_missing_key_is_refused_at_start_naming_the_setting_not_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddBland(_ => { })).Dispose());

        Assert.That(ex!.Message, Does.Contain("VoiceBatch:Bland:ApiKey"));
    }

    [Test]
    public void Plain_http_is_refused_unless_it_is_loopback()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddBland(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri("http://api.bland.ai");
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("must use https").And.Not.Contain(TestClient.CanaryKey));
        Assert.DoesNotThrow(() => new TestClient(b => b.AddBland(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri("http://127.0.0.1:9");
        })).Dispose());
    }

    [Test]
    public void Blands_own_settings_are_validated_at_start()
    {
        var relative = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddBland(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.StatusWebhook = new Uri("/hooks", UriKind.Relative);
        })).Dispose());
        var kind = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddBland(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.AgentIdKind = (BlandAgentKind)42;
        })).Dispose());

        Assert.That(relative!.Message, Does.Contain("StatusWebhook"));
        Assert.That(kind!.Message, Does.Contain("AgentIdKind"));
    }
}
