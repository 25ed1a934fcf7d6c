using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowRegistrationTests
{
    [Test]
    public void The_default_host_is_synthflows_global_one_and_each_region_has_its_own()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new SynthflowOptions().Region, Is.EqualTo(SynthflowRegion.Global));
            Assert.That(SynthflowOptions.HostOf(SynthflowRegion.Global), Is.EqualTo(new Uri("https://api.synthflow.ai")));
            Assert.That(SynthflowOptions.HostOf(SynthflowRegion.US), Is.EqualTo(new Uri("https://api.us.synthflow.ai")));
            Assert.That(SynthflowOptions.HostOf(SynthflowRegion.EU), Is.EqualTo(new Uri("https://api.eu.synthflow.ai")));
            Assert.That(new SynthflowOptions().ToString(), Does.Contain("https://api.synthflow.ai/"));
            Assert.That(new SynthflowOptions { Region = SynthflowRegion.EU }.ToString(), Does.Contain("https://api.eu.synthflow.ai/"));
            Assert.That(new SynthflowOptions { ApiKey = TestClient.CanaryKey }.ToString(), Does.Not.Contain(TestClient.CanaryKey));
            Assert.Throws<ArgumentOutOfRangeException>(() => SynthflowOptions.HostOf((SynthflowRegion)7));
        });
    }

    [Test]
    public void A_key_alone_is_enough()
    {
        Assert.DoesNotThrow(() => new TestClient(b => b.AddSynthflow(o => o.ApiKey = TestClient.CanaryKey)).Dispose());
    }

    [Test]
    public void A_missing_key_fails_validation_naming_the_provider_and_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddSynthflow(_ => { })).Dispose());

        Assert.That(ex!.Message, Does.Contain("synthflow").And.Contain("ApiKey"));
    }

    [Test]
    public void Plain_http_to_a_remote_host_is_refused_never_naming_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddSynthflow(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri("http://api.synthflow.ai");
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("synthflow").And.Contain("https").And.Contain("BaseAddress").And.Not.Contain(TestClient.CanaryKey));
    }

    [TestCase("https://api.synthflow.ai/v2")]
    [TestCase("https://api.eu.synthflow.ai/v2/")]
    public void A_base_address_with_synthflows_v2_path_is_refused_at_start_up(string address)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddSynthflow(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri(address);
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("/v2").And.Contain("BaseAddress"));
    }

    [TestCase("16286666348")]
    [TestCase("+1 not a number")]
    public void A_caller_id_that_is_not_E164_is_refused_at_start_up_without_echoing_it(string from)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddSynthflow(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.FromPhoneNumber = from;
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("FromPhoneNumber").And.Not.Contain(from));
    }

    [Test]
    public void An_undefined_region_is_refused_at_start_up()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TestClient(b => b.AddSynthflow(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.Region = (SynthflowRegion)9;
        })).Dispose());

        Assert.That(ex!.Message, Does.Contain("Region"));
    }

    [Test]
    public async Task A_custom_host_is_used_with_synthflows_v2_paths_added()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/calls/batch/b1").UsingGet())
            .RespondWith(Response.Create().WithBody(SynthflowTestServer.Ok(SynthflowTestServer.Batch())));
        using var client = new TestClient(b => b.AddSynthflow(o => TestClient.Fast(o, server.Url!)));

        var batch = await client.Client.GetBatchAsync(ProviderId.Synthflow, "b1");

        Assert.That(batch.Id, Is.EqualTo("b1"));
    }

    [Test]
    public async Task Binds_from_configuration_including_region_and_caller_id()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/calls/batch").UsingPost().WithHeader("Authorization", "Bearer from-config"))
            .RespondWith(Response.Create().WithBody("""{"status":"ok","response":{"batch_call_id":"b9","status":"scheduled"}}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:Synthflow:ApiKey"] = "from-config",
            ["VoiceBatch:Synthflow:BaseAddress"] = server.Url,
            ["VoiceBatch:Synthflow:Region"] = "EU",
            ["VoiceBatch:Synthflow:FromPhoneNumber"] = "+16286666348",
        }).Build();
        using var client = new TestClient(b => b.AddSynthflow(configuration.GetSection("VoiceBatch:Synthflow")));

        var batch = await client.Client.CreateBatchAsync(ProviderId.Synthflow, new CreateBatchRequest
        {
            AgentId = "agent-1",
            Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+12025551234" }]),
        });

        var options = client.Services.GetRequiredService<IOptions<SynthflowOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b9"));
            Assert.That(options.Region, Is.EqualTo(SynthflowRegion.EU));
            Assert.That((string?)System.Text.Json.Nodes.JsonNode.Parse(server.LogEntries.Single().RequestMessage!.Body!)!["from_phone_number"], Is.EqualTo("+16286666348"));
        });
    }

    [Test]
    public void The_region_picks_the_host_when_no_base_address_is_set()
    {
        using var client = new TestClient(b => b.AddSynthflow(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.Region = SynthflowRegion.US;
        }));

        var http = client.Services.GetRequiredService<IHttpClientFactory>().CreateClient("VoiceBatch.synthflow");

        Assert.That(http.BaseAddress, Is.EqualTo(new Uri("https://api.us.synthflow.ai/v2/")));
    }

    [Test]
    public void Capabilities_report_the_supported_operations()
    {
        using var client = new TestClient(b => b.AddSynthflow(o => o.ApiKey = TestClient.CanaryKey));

        var caps = client.Client.GetCapabilities(ProviderId.Synthflow);

        Assert.Multiple(() =>
        {
            Assert.That(caps.CanGet && caps.CanCreate && caps.CanList && caps.CanGetCalls && caps.CanCancel && caps.CanPause && caps.CanResume, Is.True);
            Assert.That(caps.CanRetry || caps.CanSchedule, Is.False);
            Assert.That(caps.MaxContacts, Is.EqualTo(10_000));
            Assert.That(caps.ListRequiresAgentId || caps.CallsInline, Is.False);
            Assert.That((caps.ListPaging, caps.CallsPaging), Is.EqualTo((PagingKind.Offset, PagingKind.Offset)));
        });
    }

    [Test]
    public void Disabled_operations_are_reported_and_refused_without_a_request()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddSynthflow(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.Pause, BatchOperation.List];
        }));

        var caps = client.Client.GetCapabilities(ProviderId.Synthflow);

        Assert.That(caps.CanPause || caps.CanList, Is.False);
        Assert.That(caps.CanResume, Is.True);
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.PauseBatchAsync(ProviderId.Synthflow, "b1"));
        Assert.Throws<VoiceBatchNotSupportedException>(() => client.Client.ListBatchesAsync(ProviderId.Synthflow));
        Assert.That(server.LogEntries, Is.Empty);
    }

    [Test]
    public void The_provider_id_is_synthflow_case_insensitively()
    {
        Assert.That(ProviderId.Synthflow, Is.EqualTo(new ProviderId("SynthFlow")));
        Assert.That(ProviderId.Synthflow.Value, Is.EqualTo("synthflow"));
    }
}
