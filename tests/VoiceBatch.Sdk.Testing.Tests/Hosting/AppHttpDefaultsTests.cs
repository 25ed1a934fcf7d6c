using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.Hosting;

/// <summary>
/// Issue 14.1 — the SDK's HTTP pipeline is its own. In a real host, whatever an application puts on every HttpClient
/// (Aspire's standard resilience handler before or after AddVoiceBatch, hedging, a retry-everything handler, a
/// handler-builder filter around or inside every chain) never re-sends a create or a retry of failed calls, never turns
/// an unknown outcome into anything but the SDK's typed error, and never adds a retry to the SDK's own reads.
/// </summary>
[TestFixtureSource(nameof(Pipelines))]
public sealed class AppHttpDefaultsTests(AppPipeline pipeline)
{
    public static readonly AppPipeline[] Pipelines = Enum.GetValues<AppPipeline>();

    private static readonly TimeSpan VendorAnswersAfter = TimeSpan.FromSeconds(11);

    private AppHost _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await AppHost.StartAsync(pipeline, slowVendor: SlowVendorTests.Contains(TestContext.CurrentContext.Test.MethodName));

    /// <summary>The tests whose vendor answers after 11 s: their SDK runs with the short attempt timeout.</summary>
    private static readonly string[] SlowVendorTests = [nameof(A_create_the_vendor_answers_after_11_s_is_sent_once_and_uncertain), nameof(A_retry_of_failed_calls_the_vendor_answers_after_11_s_is_sent_once)];

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    private VoiceBatchSimulator Sim => _app.Sim;

    private static CreateBatchRequest Create(string name) => new()
    {
        AgentId = "agent_sim_1",
        Name = name,
        Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }, new Dictionary<string, string> { ["phone_number"] = "+14155550102" }]),
    };

    private async Task<int> SentAsync(ProviderId provider, BatchOperation operation)
        => (await _app.StopVendorsAsync()).Count(r => r.Provider == provider && r.Operation == operation);

    [Test]
    public async Task Control_the_apps_defaults_are_live_on_its_own_clients()
    {
        var id = Sim.AddBatch(ProviderId.DialNexa, Create("control").Contacts);
        Sim.Faults(ProviderId.DialNexa).FailNext(1, 503, "GET");
        using var http = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("app");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Sim.BaseAddress(ProviderId.DialNexa), "v1/batch-calls/" + id));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Sim.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app's own pipeline re-sent the request after the 503");
        Assert.That(Sim.Requests.Count(r => r.Method == "GET"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task A_create_the_vendor_answers_after_11_s_is_sent_once_and_uncertain()
    {
        Sim.Faults(ProviderId.DialNexa).DelayNext(5, VendorAnswersAfter, "POST", "/v1/batch-calls");

        var ex = await CatchAsync(() => _app.Client.CreateBatchAsync(ProviderId.DialNexa, Create("Slow vendor")));

        Assert.That(ex, Is.TypeOf<BatchCreationUncertainException>(), ex.ToString());
        Assert.That(ex, Is.Not.InstanceOf<TimeoutRejectedException>());
        Assert.That(((BatchCreationUncertainException)ex).BatchName, Is.EqualTo("Slow vendor"));
        Assert.That(await SentAsync(ProviderId.DialNexa, BatchOperation.Create), Is.EqualTo(1), "one logical create, one request");
        Assert.That(Sim.Batches, Is.Empty);
    }

    [TestCase("dialnexa", "/v1/batch-calls")]
    [TestCase("bolna", "/batches")]
    [TestCase("voiceai", "/v1/voiceai/batch-calling/submit")]
    [TestCase("elevenlabs", "/v1/convai/batch-calling/submit")]
    public async Task A_create_whose_connection_drops_is_sent_once_and_uncertain(string vendor, string route)
    {
        var provider = new ProviderId(vendor);
        Sim.Faults(provider).DropNext(5, "POST", route);

        var ex = await CatchAsync(() => _app.Client.CreateBatchAsync(provider, Create("Dropped")));

        Assert.That(ex, Is.TypeOf<BatchCreationUncertainException>(), ex.ToString());
        Assert.That(await SentAsync(provider, BatchOperation.Create), Is.EqualTo(1));
        Assert.That(Sim.Batches, Is.Empty);
    }

    [Test]
    public async Task A_create_answered_503_is_sent_once_and_uncertain()
    {
        Sim.Faults(ProviderId.Bolna).FailNext(5, 503, "POST", "/batches");

        var ex = await CatchAsync(() => _app.Client.CreateBatchAsync(ProviderId.Bolna, Create("Busy vendor")));

        Assert.That(ex, Is.TypeOf<BatchCreationUncertainException>(), ex.ToString());
        Assert.That(((VoiceBatchException)ex).StatusCode, Is.EqualTo(503));
        Assert.That(await SentAsync(ProviderId.Bolna, BatchOperation.Create), Is.EqualTo(1));
        Assert.That(Sim.Batches, Is.Empty, "no later attempt got through and created it");
    }

    [TestCase("voiceai")]
    [TestCase("elevenlabs")]
    public async Task A_retry_of_failed_calls_the_vendor_answers_after_11_s_is_sent_once(string vendor)
    {
        var provider = new ProviderId(vendor);
        var id = Sim.AddBatch(provider, Create("retry").Contacts);
        Sim.Faults(provider).DelayNext(5, VendorAnswersAfter, "POST");

        var ex = await CatchAsync(() => _app.Client.RetryBatchAsync(provider, id));

        Assert.That(ex, Is.TypeOf<VoiceBatchException>(), ex.ToString());
        Assert.That(ex.Message, Does.Contain("outcome is unknown").And.Contain("NOT re-sent"));
        Assert.That(await SentAsync(provider, BatchOperation.Retry), Is.EqualTo(1));
    }

    [TestCase("voiceai")]
    [TestCase("elevenlabs")]
    public async Task A_retry_of_failed_calls_whose_connection_drops_is_sent_once(string vendor)
    {
        var provider = new ProviderId(vendor);
        var id = Sim.AddBatch(provider, Create("retry").Contacts);
        Sim.Faults(provider).DropNext(5, "POST");

        var ex = await CatchAsync(() => _app.Client.RetryBatchAsync(provider, id));

        Assert.That(ex, Is.TypeOf<VoiceBatchException>(), ex.ToString());
        Assert.That(ex.Message, Does.Contain("outcome is unknown"));
        Assert.That(await SentAsync(provider, BatchOperation.Retry), Is.EqualTo(1));
    }

    [Test]
    public async Task Reads_are_retried_by_the_sdk_alone()
    {
        var id = Sim.AddBatch(ProviderId.Bolna, Create("reads").Contacts);
        Sim.Faults(ProviderId.Bolna).FailNext(50, 503, "GET");

        var ex = await CatchAsync(() => _app.Client.GetBatchAsync(ProviderId.Bolna, id));

        Assert.That(ex, Is.TypeOf<VoiceBatchException>(), ex.ToString());
        Assert.That(((VoiceBatchException)ex).StatusCode, Is.EqualTo(503));
        // A handler-builder filter is the factory's one hook that runs after the SDK configured its client: what it adds
        // (here three attempts) multiplies the SDK's own attempts, as the README says. Nothing else the app sets reaches.
        var sdkAttempts = 1 + AppHost.SdkRetries;
        var expected = pipeline is AppPipeline.FilterWrappingTheChain or AppPipeline.FilterAppendingToTheChain ? 3 * sdkAttempts : sdkAttempts;
        Assert.That(await SentAsync(ProviderId.Bolna, BatchOperation.Get), Is.EqualTo(expected));
    }

    [Test]
    public async Task Reads_and_idempotent_actions_still_retry_on_transient_faults()
    {
        var id = Sim.AddBatch(ProviderId.DialNexa, Create("actions").Contacts);
        Sim.Faults(ProviderId.DialNexa).FailNext(1, 503, "GET").FailNext(1, 502, "PATCH");

        var read = await _app.Client.GetBatchAsync(ProviderId.DialNexa, id);
        var cancelled = await _app.Client.CancelBatchAsync(ProviderId.DialNexa, id);

        var requests = await _app.StopVendorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(read.Id, Is.EqualTo(id));
            Assert.That(cancelled.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(requests.Count(r => r.Method == "GET"), Is.EqualTo(2));
            Assert.That(requests.Count(r => r.Method == "PATCH"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task No_HttpClient_or_Polly_line_reaches_the_apps_log_and_each_action_logs_once()
    {
        var id = Sim.AddBatch(ProviderId.DialNexa, Create("logs").Contacts);
        Sim.Faults(ProviderId.DialNexa).FailNext(1, 503, "GET");

        await _app.Client.GetBatchAsync(ProviderId.DialNexa, id);
        await _app.Client.PauseBatchAsync(ProviderId.DialNexa, id);
        await _app.Client.CreateBatchAsync(ProviderId.Bolna, Create("Logged once"));

        var records = _app.Logs.GetSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(records.Where(r => r.Category is { } c && (c.StartsWith("System.Net.Http", StringComparison.Ordinal) || c.StartsWith("Polly", StringComparison.Ordinal))).Select(r => $"{r.Category}: {r.Message}"),
                Is.Empty);
            Assert.That(records.Where(r => r.Level >= LogLevel.Information && r.Category?.StartsWith("VoiceBatch", StringComparison.Ordinal) == true).Select(r => r.Id.Id),
                Is.EqualTo(new[] { 1001, 1001 }), "one Information line per action (pause, create); the read logs at Debug");
            Assert.That(records.Where(r => r.Id.Id == 1101).Select(r => r.Level), Is.All.EqualTo(LogLevel.Debug), "the SDK's retries log at Debug");
        });
    }

    private static async Task<Exception> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        Assert.Fail("expected an exception");
        return null!;
    }
}
