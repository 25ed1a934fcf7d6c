using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Retell;

public sealed class RetellRegistrationTests
{
    private const string Page = """{ "items": [ { "call_id": "call_a", "call_status": "ended" } ], "has_more": false }""";

    [Test]
    public void The_default_base_address_is_retells_public_host_and_the_timeouts_are_retells_create_timeout()
    {
        var options = new RetellOptions();

        Assert.Multiple(() =>
        {
            Assert.That(RetellOptions.PublicHost, Is.EqualTo(new Uri("https://api.retellai.com")));
            Assert.That(options.ToString(), Does.Contain("https://api.retellai.com/"));
            Assert.That((options.AttemptTimeout, options.TotalTimeout), Is.EqualTo((TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(300))), "Retell's SDKs give the create 300 s");
            Assert.That(options.DefaultFromNumber, Is.Null);
        });
    }

    [Test]
    public async Task Registered_in_code_it_reaches_the_vendor_with_bearer_auth()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v3/list-calls").UsingPost().WithHeader("Authorization", "Bearer " + TestClient.CanaryKey))
            .RespondWith(Response.Create().WithBody(Page));
        using var client = new TestClient(b => b.AddRetell(o => TestClient.Fast(o, server.Url!)));

        var calls = await client.Client.GetAllCallsAsync(ProviderId.Retell, "batch_call_1");

        Assert.That(calls.Single().Id, Is.EqualTo("call_a"));
    }

    [Test]
    public async Task Binds_from_configuration()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/create-batch-call").UsingPost().WithHeader("Authorization", "Bearer from-config"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "batch_call_id": "batch_call_cfg", "total_task_count": 1 }"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:Retell:ApiKey"] = "from-config",
            ["VoiceBatch:Retell:BaseAddress"] = server.Url,
            ["VoiceBatch:Retell:DefaultFromNumber"] = "+14157774444",
            ["VoiceBatch:Retell:AttemptTimeout"] = "00:00:20",
        }).Build();
        using var client = new TestClient(b => b.AddRetell(configuration.GetSection("VoiceBatch:Retell")));

        var batch = await client.Client.CreateBatchAsync(ProviderId.Retell, new CreateBatchRequest
        {
            AgentId = "agent_1",
            Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone"] = "+12137774445" }]),
        });
        var options = client.Services.GetRequiredService<IOptions<RetellOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("batch_call_cfg"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+14157774444"), "the configured default");
            Assert.That((options.AttemptTimeout, options.TotalTimeout), Is.EqualTo((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(300))), "unset keys keep Retell's defaults");
        });
    }

    [Test]
    public void Capabilities_report_create_and_calls_only()
    {
        using var client = new TestClient(b => b.AddRetell(o => o.ApiKey = TestClient.CanaryKey));

        var caps = client.Client.GetCapabilities(ProviderId.Retell);

        Assert.Multiple(() =>
        {
            Assert.That(caps.Operations, Is.EqualTo(BatchOperation.Create | BatchOperation.GetCalls));
            Assert.That(caps.CanGet || caps.CanList || caps.CanCancel || caps.CanPause || caps.CanResume || caps.CanRetry || caps.CanSchedule, Is.False);
            Assert.That(caps.CallsPaging, Is.EqualTo(PagingKind.Cursor));
            Assert.That(caps.CallsInline, Is.False);
        });
    }

    [Test]
    public void Every_unsupported_operation_throws_before_anything_is_sent()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddRetell(o => TestClient.Fast(o, server.Url!)));
        var sdk = client.Client;
        var retell = ProviderId.Retell;

        var thrown = new (BatchOperation Operation, AsyncTestDelegate Call)[]
        {
            (BatchOperation.Get, () => sdk.GetBatchAsync(retell, "batch_call_1")),
            (BatchOperation.Get, () => sdk.WaitForCompletionAsync(retell, "batch_call_1")),
            (BatchOperation.List, async () => { await foreach (var _ in sdk.ListBatchesAsync(retell)) { } }),
            (BatchOperation.Cancel, () => sdk.CancelBatchAsync(retell, "batch_call_1")),
            (BatchOperation.Pause, () => sdk.PauseBatchAsync(retell, "batch_call_1")),
            (BatchOperation.Resume, () => sdk.ResumeBatchAsync(retell, "batch_call_1")),
            (BatchOperation.Retry, () => sdk.RetryBatchAsync(retell, "batch_call_1")),
            (BatchOperation.Schedule, () => sdk.ScheduleBatchAsync(retell, "batch_call_1", DateTimeOffset.UtcNow.AddHours(1))),
        };

        Assert.Multiple(() =>
        {
            foreach (var (operation, call) in thrown)
            {
                var ex = Assert.ThrowsAsync<VoiceBatchNotSupportedException>(call);
                Assert.That((ex!.Operation, ex.Provider), Is.EqualTo((operation, (ProviderId?)retell)));
            }

            Assert.That(server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void Disabled_operations_are_reported_and_refused_without_a_request()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddRetell(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.GetCalls];
        }));

        Assert.Multiple(() =>
        {
            Assert.That(client.Client.GetCapabilities(ProviderId.Retell).Operations, Is.EqualTo(BatchOperation.Create));
            Assert.Throws<VoiceBatchNotSupportedException>(() => client.Client.GetCallsAsync(ProviderId.Retell, "batch_call_1"));
            Assert.That(server.LogEntries, Is.Empty);
        });
    }

    [TestCase(null, "ApiKey is required")]
    [TestCase("http://api.retellai.example", "must use https")]
    [TestCase("ftp://api.retellai.com", "absolute https URL")]
    public void Bad_options_fail_at_start_up_naming_the_setting(string? address, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
        {
            using var client = new TestClient(b => b.AddRetell(o =>
            {
                o.ApiKey = address is null ? string.Empty : TestClient.CanaryKey;
                if (address is not null) o.BaseAddress = new Uri(address);
            }));
        });

        Assert.That(ex!.Message, Does.Contain("'retell'").And.Contain(expected).And.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public async Task Plain_http_is_accepted_for_a_loopback_simulator()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v3/list-calls").UsingPost()).RespondWith(Response.Create().WithBody(Page));
        using var client = new TestClient(b => b.AddRetell(o => TestClient.Fast(o, server.Url!.Replace("localhost", "127.0.0.1", StringComparison.Ordinal))));

        Assert.That(await client.Client.GetAllCallsAsync(ProviderId.Retell, "b1"), Has.Count.EqualTo(1));
    }

    [TestCase("4157774444")]
    [TestCase("+1 555")]
    [TestCase("PN_7c1d0a")]
    public void A_default_from_number_that_is_not_e164_fails_at_start_up_without_echoing_it(string from)
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
        {
            using var client = new TestClient(b => b.AddRetell(o =>
            {
                o.ApiKey = TestClient.CanaryKey;
                o.DefaultFromNumber = from;
            }));
        });

        Assert.That(ex!.Message, Does.Contain("DefaultFromNumber").And.Not.Contain(from));
    }

    [Test]
    public void Both_overloads_refuse_null()
    {
        var builder = new ServiceCollection().AddVoiceBatch();

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => builder.AddRetell((Action<RetellOptions>)null!));
            Assert.Throws<ArgumentNullException>(() => builder.AddRetell((IConfiguration)null!));
        });
    }
}
