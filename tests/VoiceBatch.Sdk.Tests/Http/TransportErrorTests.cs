using System.Net;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Issue 14.2 and 14.6 — every transport failure is the SDK's typed error (timeouts, refused connections, resets, a body
/// cut off mid-way, a name that does not resolve), for a read and for a create; redirects are refused naming their
/// target host, and the key never travels there.
/// </summary>
public sealed class TransportErrorTests
{
    private static readonly ProviderId Probe = ProbeAdapter.ProbeId;
    private RawVendor _vendor = null!;
    private TestClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _vendor = await RawVendor.StartAsync();
        _client = Client(_vendor.Url.ToString());
    }

    [TearDown]
    public async Task TearDown()
    {
        Assert.That(_client.AllLogText(), Does.Not.Contain(TestClient.CanaryKey));
        _client.Dispose();
        await _vendor.DisposeAsync();
    }

    /// <summary>One retry; a short attempt timeout only where the vendor hangs (elsewhere a loaded machine must not turn a
    /// reset into a timeout).</summary>
    private static TestClient Client(string url, Action<ProbeOptions>? more = null) => new(b => b.AddProbe(o =>
    {
        TestClient.Fast(o, url);
        o.MaxRetries = 1;
        more?.Invoke(o);
    }));

    private void Hurried() => _client = Client(_vendor.Url.ToString(), o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

    private static CreateBatchRequest Create() => new()
    {
        AgentId = "a1",
        Name = "Transport",
        Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]),
    };

    [Test]
    public void A_read_that_times_out_is_a_typed_timeout_after_its_retry()
    {
        _client.Dispose();
        Hurried();
        _vendor.Answer = RawVendor.HangAsync;

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex!.Message, Does.Contain("timed out").And.Contain("GET /probe/b1"));
        Assert.That(ex.StatusCode, Is.Null);
        Assert.That(_vendor.Count("GET"), Is.EqualTo(2));
    }

    [Test]
    public void A_create_that_times_out_is_uncertain_and_sent_once()
    {
        _client.Dispose();
        Hurried();
        _vendor.Answer = RawVendor.HangAsync;

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, Create()));

        Assert.That(_vendor.Count("POST"), Is.EqualTo(1));
    }

    [Test]
    public void A_reset_connection_on_a_read_is_retried_then_typed()
    {
        _vendor.Answer = RawVendor.ResetAsync;

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex!.Message, Does.Contain("'probe'").And.Contain("GET /probe/b1"));
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(_vendor.Count("GET"), Is.EqualTo(2));
    }

    [Test]
    public void A_reset_connection_on_a_create_is_uncertain_and_sent_once()
    {
        _vendor.Answer = RawVendor.ResetAsync;

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, Create()));

        Assert.That(_vendor.Count("POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_body_cut_off_mid_way_is_retried_for_a_read_and_says_so()
    {
        await using var vendor = new CutOffVendor("""{"id":"b1","stat""");
        using var client = Client(vendor.Url.ToString());

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex, Is.Not.InstanceOf<VoiceBatchResponseException>());
        Assert.That(ex!.Message, Does.Contain("answered GET /probe/b1 (HTTP 200)").And.Contain("cut off mid-way"));
        Assert.That(vendor.Arrivals, Is.EqualTo(2), "a body cut off is a transient fault: the read is retried");
    }

    [Test]
    public async Task A_create_whose_answer_is_cut_off_is_uncertain_and_sent_once()
    {
        await using var vendor = new CutOffVendor("""{"id":"new""");
        using var client = Client(vendor.Url.ToString());

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => client.Client.CreateBatchAsync(Probe, Create()));

        Assert.That(ex!.InnerException!.Message, Does.Contain("cut off"));
        Assert.That(vendor.Arrivals, Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_connection_is_typed_and_a_create_says_it_was_not_sent()
    {
        var closed = await RawVendor.StartAsync();
        var url = closed.Url.ToString();
        await closed.DisposeAsync();
        using var client = Client(url);

        var read = Assert.ThrowsAsync<VoiceBatchException>(() => client.Client.GetBatchAsync(Probe, "b1"));
        var create = Assert.ThrowsAsync<VoiceBatchException>(() => client.Client.CreateBatchAsync(Probe, Create()));

        Assert.That(read!.Message, Does.Contain("Could not reach 'probe'"));
        Assert.That(create, Is.Not.InstanceOf<BatchCreationUncertainException>());
        Assert.That(create!.Message, Does.Contain("was not sent, so it is safe to try again"));
    }

    [Test]
    public void A_name_that_does_not_resolve_is_typed_and_a_create_says_it_was_not_sent()
    {
        using var client = Client("https://vendor.invalid/");

        var read = Assert.ThrowsAsync<VoiceBatchException>(() => client.Client.GetBatchAsync(Probe, "b1"));
        var create = Assert.ThrowsAsync<VoiceBatchException>(() => client.Client.CreateBatchAsync(Probe, Create()));

        Assert.That(read!.Message, Does.Contain("Could not reach 'probe'"));
        Assert.That(read.InnerException, Is.InstanceOf<HttpRequestException>().With.Property(nameof(HttpRequestException.HttpRequestError)).EqualTo(HttpRequestError.NameResolutionError));
        Assert.That(create, Is.Not.InstanceOf<BatchCreationUncertainException>());
        Assert.That(create!.Message, Does.Contain("was not sent"));
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task A_redirect_is_refused_naming_its_target_and_the_key_never_follows(int status)
    {
        await using var elsewhere = await RawVendor.StartAsync();
        var target = new UriBuilder(elsewhere.Url) { Host = "localhost", Path = "/steal" }.Uri;
        _vendor.Answer = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target.ToString();
            return Task.CompletedTask;
        };

        var read = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));
        var create = Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, Create()));

        Assert.Multiple(() =>
        {
            Assert.That(read!.StatusCode, Is.EqualTo(status));
            Assert.That(read.Message, Does.Contain("redirected GET /probe/b1").And.Contain("to localhost").And.Contain("never follows redirects"));
            Assert.That(create!.StatusCode, Is.EqualTo(status), "a redirected create may have been acted on (303 See Other): uncertain, not re-sent");
            Assert.That(elsewhere.Arrivals, Is.Empty, "nothing, and so no key, went to the redirect's target");
            Assert.That(_vendor.Count("GET"), Is.EqualTo(1), "a redirect is not a transient fault");
        });
    }

    [Test]
    public void A_relative_redirect_is_refused_too()
    {
        _vendor.Answer = context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/login";
            return Task.CompletedTask;
        };

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(ex!.Message, Does.Contain("to a path on the same host"));
        Assert.That(_vendor.Arrivals.Select(a => a.Path), Is.EqualTo(new[] { "/probe/b1" }));
    }

    [Test]
    public async Task Every_request_carries_the_sdks_user_agent_and_accept_header()
    {
        _vendor.Answer = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"id":"b1"}""");
        };

        await _client.Client.GetBatchAsync(Probe, "b1");
        await _client.Client.CreateBatchAsync(Probe, Create());
        await _client.Client.CancelBatchAsync(Probe, "b1");

        var version = typeof(IBatchCallClient).Assembly.GetName().Version;
        Assert.That(_vendor.Arrivals, Has.Count.EqualTo(3));
        foreach (var arrival in _vendor.Arrivals)
        {
            Assert.That(arrival.Headers["User-Agent"], Does.Match(@"^VoiceBatch\.Sdk/\d+\.\d+\.\d+"), $"{arrival.Method} {arrival.Path} (assembly {version})");
            Assert.That(arrival.Headers["Accept"], Is.EqualTo("application/json"));
        }
    }
}

/// <summary>The caller's own cancellation: an <see cref="OperationCanceledException"/> — except for a create or a retry of
/// failed calls already on its way, whose outcome the cancellation cannot undo.</summary>
public sealed class CallerCancellationTests
{
    private static readonly ProviderId Probe = ProbeAdapter.ProbeId;

    [Test]
    public async Task A_cancelled_read_is_an_OperationCanceledException_and_a_cancelled_create_in_flight_is_uncertain()
    {
        await using var vendor = await RawVendor.StartAsync();
        vendor.Answer = RawVendor.HangAsync;
        using var client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, vendor.Url.ToString())));
        var create = new CreateBatchRequest { AgentId = "a1", Name = "Cancelled", Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]) };

        using var readCancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(async () => await client.Client.GetBatchAsync(Probe, "b1", readCancelled.Token), Throws.InstanceOf<OperationCanceledException>());

        // Cancelled only once the vendor holds the request (not on a timer: on a loaded machine it may not have left yet).
        using var createCancelled = new CancellationTokenSource();
        var creating = client.Client.CreateBatchAsync(Probe, create, createCancelled.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (vendor.Count("POST") == 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        await createCancelled.CancelAsync();
        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => creating);
        Assert.That(ex!.InnerException, Is.InstanceOf<OperationCanceledException>());

        using var alreadyCancelled = new CancellationTokenSource();
        await alreadyCancelled.CancelAsync();
        Assert.That(async () => await client.Client.CreateBatchAsync(Probe, create, alreadyCancelled.Token), Throws.InstanceOf<OperationCanceledException>(), "nothing was sent");
        Assert.That(vendor.Count("POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_handler_an_app_adds_around_the_sdk_never_sees_the_key()
    {
        await using var vendor = await RawVendor.StartAsync();
        var spy = new HeaderSpy();
        using var client = new TestClient(
            b => b.AddProbe(o => TestClient.Fast(o, vendor.Url.ToString())),
            s => s.AddSingleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter>(new SpyFilter(spy)));

        await client.Client.GetBatchAsync(Probe, "b1");

        Assert.That(spy.Seen, Is.Not.Empty, "the spy sat in the SDK's chain");
        Assert.That(spy.Seen, Has.None.Contains(TestClient.CanaryKey));
        Assert.That(vendor.Arrivals.Single().Headers["Authorization"], Is.EqualTo("Bearer " + TestClient.CanaryKey), "the vendor still got it");
    }

    private sealed class HeaderSpy : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add("before: " + request.Headers);
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Add("after: " + request.Headers + " " + response.RequestMessage?.Headers);
            return response;
        }
    }

    private sealed class SpyFilter(HeaderSpy spy) : Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter
    {
        public Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> Configure(Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name?.StartsWith("VoiceBatch.", StringComparison.Ordinal) == true) builder.AdditionalHandlers.Add(spy);
        };
    }
}
