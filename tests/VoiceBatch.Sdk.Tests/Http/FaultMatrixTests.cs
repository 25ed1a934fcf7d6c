using Microsoft.AspNetCore.Http;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Issue 14.8 — every built-in vendor, every operation it supports, against every fault a vendor or the network can
/// produce: each ends in success or in the typed exception its kind of operation calls for, and a create or a retry of
/// failed calls reaches the vendor exactly once. One loopback vendor answers every route with the fault under test.
/// </summary>
public sealed class FaultMatrixTests
{
    private const int MaxRetries = 1;
    private const int Cap = 64 * 1024;

    /// <summary>What an operation is, for what a fault must end in.</summary>
    public enum Kind
    {
        /// <summary>Get, list, calls: retried on transient faults.</summary>
        Read,

        /// <summary>Cancel, pause, resume, schedule: safe to repeat, retried like reads.</summary>
        Idempotent,

        /// <summary>A create: sent once; an unknown outcome is BatchCreationUncertainException.</summary>
        Create,

        /// <summary>A retry of failed calls: sent once; an unknown outcome is a VoiceBatchException saying so.</summary>
        SendOnce,
    }

    public enum Fault
    {
        ServerError503,
        RateLimitWithoutRetryAfter,
        RateLimitRetryAfterZero,
        RateLimitRetryAfterBeyondCap,
        ConnectionReset,
        EmptyBody,
        TruncatedJson,
        HtmlPage,
        WrongShape,
        ErrorEnvelopeOn200,
        SlowBeyondAttemptTimeout,
        OversizedDeclared,
        OversizedChunked,
    }

    private static readonly ProviderId[] Vendors =
        [ProviderId.DialNexa, ProviderId.VoiceAI, ProviderId.ElevenLabs, ProviderId.BatchDetails, ProviderId.Bolna, ProviderId.Synthflow, ProviderId.Retell, ProviderId.Bland];

    /// <summary>Every vendor of <see cref="Vendors"/> on one client, each configured by <paramref name="configure"/> (and
    /// with the caller number Synthflow and Retell need before they send a create).</summary>
    private static TestClient Every(Action<VoiceBatchProviderOptions> configure) => new(b => b
        .AddDialNexa(configure).AddVoiceAI(configure).AddElevenLabs(configure).AddBatchDetails(configure).AddBolna(configure)
        .AddSynthflow(o => { configure(o); o.FromPhoneNumber = "+14155550100"; })
        .AddRetell(o => { configure(o); o.DefaultFromNumber = "+14155550100"; })
        .AddBland(configure));

    private static readonly (BatchOperation Operation, Kind Kind)[] Operations =
    [
        (BatchOperation.Get, Kind.Read), (BatchOperation.List, Kind.Read), (BatchOperation.GetCalls, Kind.Read),
        (BatchOperation.Create, Kind.Create), (BatchOperation.Retry, Kind.SendOnce),
        (BatchOperation.Cancel, Kind.Idempotent), (BatchOperation.Pause, Kind.Idempotent), (BatchOperation.Resume, Kind.Idempotent), (BatchOperation.Schedule, Kind.Idempotent),
    ];

    private static RawVendor _vendor = null!;
    private static TestClient _client = null!;
    private static TestClient _hurried = null!; // a short attempt timeout, for the vendor that hangs

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _vendor = await RawVendor.StartAsync();
        _client = All(TimeSpan.FromSeconds(10));
        _hurried = All(TimeSpan.FromMilliseconds(150));

        static TestClient All(TimeSpan attemptTimeout)
        {
            void Configure(VoiceBatchProviderOptions o)
            {
                TestClient.Fast(o, _vendor.Url.ToString());
                o.MaxRetries = MaxRetries;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
                o.AttemptTimeout = attemptTimeout;
                o.TotalTimeout = TimeSpan.FromSeconds(30);
                o.MaxResponseBytes = Cap;
            }

            return Every(Configure);
        }
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        _client.Dispose();
        _hurried.Dispose();
        await _vendor.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        using var probe = Every(Any);
        foreach (var vendor in Vendors)
        {
            var capabilities = probe.Client.GetCapabilities(vendor);
            foreach (var (operation, kind) in Operations.Where(o => capabilities.Supports(o.Operation)))
            {
                foreach (var fault in Enum.GetValues<Fault>())
                {
                    yield return new TestCaseData(vendor.Value, operation, kind, fault).SetName($"{vendor}_{operation}_{fault}");
                }
            }
        }

        static void Any(VoiceBatchProviderOptions o) => TestClient.Fast(o, "http://127.0.0.1:9/");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Ends_in_success_or_the_right_typed_exception(string vendor, BatchOperation operation, Kind kind, Fault fault)
    {
        _vendor.Reset();
        _vendor.Answer = Answer(fault);
        var provider = new ProviderId(vendor);

        Exception? error = null;
        try
        {
            await RunAsync(fault == Fault.SlowBeyondAttemptTimeout ? _hurried : _client, provider, operation);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var arrivals = _vendor.Arrivals;
        var context = $"{vendor} {operation} under {fault}: {error?.ToString() ?? "succeeded"}\narrivals: {string.Join(", ", arrivals.Select(a => $"{a.Method} {a.Path}"))}";
        Assert.That(error, Is.Null.Or.InstanceOf<VoiceBatchException>(), context);
        var typed = (VoiceBatchException?)error;
        if (typed is not null) Assert.That(typed.Provider, Is.EqualTo(provider), context);
        Assert.That(Expected(kind, fault)(typed), context);

        if (kind is Kind.Create or Kind.SendOnce)
        {
            Assert.That(arrivals.Count(a => a.Method == "POST"), Is.EqualTo(1), "sent exactly once\n" + context);
        }
        else if (Transient(fault))
        {
            Assert.That(arrivals.Count, Is.EqualTo(1 + MaxRetries), "retried on a transient fault, then given up\n" + context);
        }
        else if (kind == Kind.Read && fault is Fault.RateLimitRetryAfterBeyondCap or Fault.OversizedDeclared or Fault.OversizedChunked)
        {
            Assert.That(arrivals.Count, Is.EqualTo(1), "not retried\n" + context);
        }

        Assert.That(_client.AllLogText() + _hurried.AllLogText(), Does.Not.Contain(TestClient.CanaryKey));
    }

    private static bool Transient(Fault fault) => fault is Fault.ServerError503 or Fault.RateLimitWithoutRetryAfter or Fault.RateLimitRetryAfterZero or Fault.ConnectionReset or Fault.SlowBeyondAttemptTimeout;

    /// <summary>What each kind of operation must end in under each fault (null: it succeeded).</summary>
    private static Func<VoiceBatchException?, bool> Expected(Kind kind, Fault fault)
    {
        var once = kind is Kind.Create or Kind.SendOnce;
        bool Uncertain(VoiceBatchException? e, int? status) => kind == Kind.Create
            ? e is BatchCreationUncertainException u && u.StatusCode == status
            : e?.GetType() == typeof(VoiceBatchException) && e.Message.Contains("outcome is unknown", StringComparison.Ordinal) && e.StatusCode == status;

        return fault switch
        {
            Fault.ServerError503 => e => once ? Uncertain(e, 503) : e?.GetType() == typeof(VoiceBatchException) && e.StatusCode == 503,
            Fault.RateLimitWithoutRetryAfter => e => e is VoiceBatchRateLimitException { RetryAfter: null, StatusCode: 429 },
            Fault.RateLimitRetryAfterZero => e => e is VoiceBatchRateLimitException r && r.RetryAfter == TimeSpan.Zero,
            Fault.RateLimitRetryAfterBeyondCap => e => e is VoiceBatchRateLimitException r && r.RetryAfter == TimeSpan.FromSeconds(120),
            Fault.ConnectionReset => e => once ? Uncertain(e, null) : e?.GetType() == typeof(VoiceBatchException) && e.StatusCode is null,
            Fault.SlowBeyondAttemptTimeout => e => once ? Uncertain(e, null) : e?.GetType() == typeof(VoiceBatchException) && e.Message.Contains("timed out", StringComparison.Ordinal),
            // A body above the cap: refused unread. A read cannot succeed without it; an action the vendor answered 2xx
            // did happen (adapters then re-read the batch, or report the action done); a create's outcome is unknown.
            Fault.OversizedDeclared or Fault.OversizedChunked => e => once ? Uncertain(e, 200)
                : e is VoiceBatchResponseException { StatusCode: 200 } r ? r.Message.Contains("byte limit", StringComparison.Ordinal) : kind == Kind.Idempotent && e is null,
            // An error the vendor reports inside a 200: whatever the adapter makes of it, typed (that vendor's envelope
            // read as an error, or a body of the wrong shape), or a tolerant read of it; never a duplicate send.
            Fault.ErrorEnvelopeOn200 => e => e is null || (once ? Uncertain(e, 200) || e is { StatusCode: >= 400 and < 500 } : e is not null),
            // A 200 the SDK cannot read (empty, truncated, HTML, wrong shape): the vendor acted on a create or retry, so
            // its outcome is unknown; a read or an action reads what it can (tolerant reader) or reports the body it
            // could not read (an adapter that found the JSON of the wrong shape knows no status: null).
            _ => e => once ? Uncertain(e, 200) || (kind == Kind.SendOnce && e is null) : e is null or VoiceBatchResponseException { StatusCode: 200 or null },
        };
    }

    private static Func<HttpContext, Task> Answer(Fault fault) => fault switch
    {
        Fault.ServerError503 => c => Json(c, 503, """{"message":"Service temporarily unavailable"}"""),
        Fault.RateLimitWithoutRetryAfter => c => Json(c, 429, """{"message":"Too many requests"}"""),
        Fault.RateLimitRetryAfterZero => c =>
        {
            c.Response.Headers.RetryAfter = "0";
            return Json(c, 429, """{"message":"Too many requests"}""");
        },
        Fault.RateLimitRetryAfterBeyondCap => c =>
        {
            c.Response.Headers.RetryAfter = "120";
            return Json(c, 429, """{"message":"Too many requests"}""");
        },
        Fault.ConnectionReset => RawVendor.ResetAsync,
        Fault.EmptyBody => c => Json(c, 200, string.Empty),
        Fault.TruncatedJson => c => Json(c, 200, """{"id": "b1", "status": "runn"""),
        Fault.HtmlPage => c => Json(c, 200, "<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>", "text/html"),
        Fault.WrongShape => c => Json(c, 200, """[[1, "two", {"three": null}]]"""),
        Fault.ErrorEnvelopeOn200 => c => Json(c, 200, """{"status": false, "success": false, "code": 500, "message": "error", "errorMessage": "Internal failure", "error": "failed", "data": null}"""),
        Fault.SlowBeyondAttemptTimeout => RawVendor.HangAsync,
        Fault.OversizedDeclared => c => RawVendor.StreamAsync(c, 4 * Cap, declareLength: true),
        Fault.OversizedChunked => c => RawVendor.StreamAsync(c, 4 * Cap, declareLength: false),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static async Task Json(HttpContext context, int status, string body, string contentType = "application/json")
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    private static async Task RunAsync(TestClient test, ProviderId provider, BatchOperation operation)
    {
        var client = test.Client;
        switch (operation)
        {
            case BatchOperation.Get:
                await client.GetBatchAsync(provider, "b1");
                break;
            case BatchOperation.List:
                var query = client.GetCapabilities(provider).ListRequiresAgentId ? new BatchQuery { AgentId = "agent-1" } : new BatchQuery();
                await foreach (var _ in client.ListBatchesAsync(provider, query))
                {
                }

                break;
            case BatchOperation.GetCalls:
                await foreach (var _ in client.GetCallsAsync(provider, "b1"))
                {
                }

                break;
            case BatchOperation.Create:
                await client.CreateBatchAsync(provider, new CreateBatchRequest
                {
                    AgentId = "agent-1",
                    Name = "Fault matrix",
                    Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101" }]),
                });
                break;
            case BatchOperation.Retry:
                await client.RetryBatchAsync(provider, "b1");
                break;
            case BatchOperation.Cancel:
                await client.CancelBatchAsync(provider, "b1");
                break;
            case BatchOperation.Pause:
                await client.PauseBatchAsync(provider, "b1");
                break;
            case BatchOperation.Resume:
                await client.ResumeBatchAsync(provider, "b1");
                break;
            case BatchOperation.Schedule:
                await client.ScheduleBatchAsync(provider, "b1", DateTimeOffset.UtcNow.AddDays(1));
                break;
        }
    }
}
