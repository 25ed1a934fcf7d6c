using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Issue 14.7 — what an operator sees: one activity per operation on the <c>VoiceBatch</c> ActivitySource (provider,
/// operation, batch id and outcome tags; error status on failure; never a key or a phone number), the four
/// instruments on the <c>VoiceBatch</c> Meter, and logs at the documented levels and event ids — at most one
/// Information line per action, reads at Debug, nothing from HttpClient or Polly.
/// </summary>
public sealed class TelemetryTests
{
    private const string Phone = "+14155550101";
    private static readonly ProviderId Probe = ProbeAdapter.ProbeId;

    private WireMockServer _server = null!;
    private TestClient _client = null!;
    private ActivityListener _activities = null!;
    private MeterListener _meters = null!;
    private readonly List<Activity> _finished = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    [SetUp]
    public void SetUp()
    {
        _finished.Clear(); // NUnit keeps one fixture instance for all its tests
        _measurements.Clear();
        _server = WireMockServer.Start();
        _client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, _server.Url!)));
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VoiceBatch",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("voicebatch.provider"), "probe")) lock (_finished) _finished.Add(activity);
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "VoiceBatch") listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        if (!Equals(copy.GetValueOrDefault("voicebatch.provider"), "probe")) return;
        lock (_measurements) _measurements.Add((instrument.Name, value, copy));
    }

    [TearDown]
    public void TearDown()
    {
        _activities.Dispose();
        _meters.Dispose();
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static CreateBatchRequest Create(string name = "Telemetry") => new()
    {
        AgentId = "a1",
        Name = name,
        Contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = Phone }]),
    };

    private void Respond(string path, int status, string body, string? method = null)
    {
        var request = Request.Create().WithPath(path);
        if (method is not null) request = request.UsingMethod(method);
        _server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    [Test]
    public async Task Each_operation_is_one_activity_tagged_with_provider_operation_batch_id_and_outcome()
    {
        Respond("/probe/b1", 200, """{"id":"b1","status":"running"}""");
        Respond("/probe", 201, """{"id":"b2","status":"queued"}""");
        Respond("/probe/b1/status", 200, """{"id":"b1"}""");
        Respond("/probe/b1/retry", 200, """{"id":"b1"}""");

        await _client.Client.GetBatchAsync(Probe, "b1");
        await _client.Client.CreateBatchAsync(Probe, Create());
        await _client.Client.CancelBatchAsync(Probe, "b1");
        await _client.Client.RetryBatchAsync(Probe, "b1");

        Assert.That(_finished.Select(a => (a.DisplayName, Tag(a, "voicebatch.operation"), Tag(a, "voicebatch.batch.id"), Tag(a, "voicebatch.outcome"), a.Status)), Is.EqualTo(new[]
        {
            ("VoiceBatch Get", "Get", "b1", "ok", ActivityStatusCode.Unset),
            ("VoiceBatch Create", "Create", "b2", "ok", ActivityStatusCode.Unset),
            ("VoiceBatch Cancel", "Cancel", "b1", "ok", ActivityStatusCode.Unset),
            ("VoiceBatch Retry", "Retry", "b1", "ok", ActivityStatusCode.Unset),
        }));
        Assert.That(_finished.Select(a => a.Kind), Is.All.EqualTo(ActivityKind.Internal));
        Assert.That(_finished.Select(a => a.Source.Version), Is.All.Not.Empty);
    }

    [Test]
    public void A_failure_sets_the_error_status_the_outcome_and_the_error_type()
    {
        Respond("/probe/nope", 404, """{"message":"Batch not found"}""");

        Assert.ThrowsAsync<BatchNotFoundException>(() => _client.Client.GetBatchAsync(Probe, "nope"));

        var activity = _finished.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.StatusDescription, Is.EqualTo(nameof(BatchNotFoundException)));
            Assert.That(Tag(activity, "voicebatch.outcome"), Is.EqualTo("not_found"));
            Assert.That(Tag(activity, "error.type"), Is.EqualTo(typeof(BatchNotFoundException).FullName));
        });
    }

    [Test]
    public void No_tag_or_event_ever_holds_the_key_or_a_phone_number()
    {
        Respond("/probe", 503, $$"""{"message":"{{TestClient.CanaryKey}} could not call {{Phone}}"}""");
        Respond("/probe/b1", 400, $$"""{"message":"{{Phone}} bad, key {{TestClient.CanaryKey}}"}""");

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, Create(Phone)));
        Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.GetBatchAsync(Probe, "b1"));

        Assert.That(_finished, Has.Count.EqualTo(2));
        var text = string.Join("\n", _finished.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty)));
        Assert.That(text, Does.Not.Contain(TestClient.CanaryKey).And.Not.Contain(Phone).And.Not.Contain(Phone[1..]));
    }

    [Test]
    public async Task Operations_and_durations_are_measured_per_provider_operation_and_outcome()
    {
        Respond("/probe/b1", 200, """{"id":"b1"}""");
        Respond("/probe/gone", 404, """{"message":"no"}""");

        await _client.Client.GetBatchAsync(Probe, "b1");
        Assert.ThrowsAsync<BatchNotFoundException>(() => _client.Client.GetBatchAsync(Probe, "gone"));

        var operations = _measurements.Where(m => m.Instrument == "voicebatch.operations").ToList();
        var durations = _measurements.Where(m => m.Instrument == "voicebatch.operation.duration").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(operations.Select(m => (m.Value, m.Tags["voicebatch.operation"], m.Tags["voicebatch.outcome"])), Is.EqualTo(new[] { (1d, (object?)"Get", (object?)"ok"), (1d, "Get", "not_found") }));
            Assert.That(durations, Has.Count.EqualTo(2));
            Assert.That(durations.Select(m => m.Value), Is.All.GreaterThan(0).And.All.LessThan(30), "seconds");
            Assert.That(_measurements.SelectMany(m => m.Tags.Keys).Distinct(), Is.EquivalentTo(new[] { "voicebatch.provider", "voicebatch.operation", "voicebatch.outcome" }));
        });
    }

    [Test]
    public async Task Retries_and_uncertain_creates_are_counted()
    {
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("r").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("r").WhenStateIs("ok").RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"b1"}"""));
        Respond("/probe", 502, "{}");

        await _client.Client.GetBatchAsync(Probe, "b1");
        Assert.ThrowsAsync<BatchCreationUncertainException>(() => _client.Client.CreateBatchAsync(Probe, Create()));

        Assert.Multiple(() =>
        {
            Assert.That(_measurements.Where(m => m.Instrument == "voicebatch.http.retries").Select(m => (m.Value, m.Tags["voicebatch.retry.reason"])), Is.EqualTo(new[] { (1d, (object?)"HTTP 503") }));
            Assert.That(_measurements.Count(m => m.Instrument == "voicebatch.creates.uncertain"), Is.EqualTo(1));
            Assert.That(_measurements.Single(m => m.Instrument == "voicebatch.operations" && Equals(m.Tags["voicebatch.operation"], "Create")).Tags["voicebatch.outcome"], Is.EqualTo("uncertain"));
        });
    }

    [Test]
    public async Task Logs_one_Information_line_per_action_reads_at_Debug_and_nothing_from_HttpClient_or_Polly()
    {
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("l").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/probe/b1")).InScenario("l").WhenStateIs("ok").RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"b1"}"""));
        Respond("/probe/b1/status", 200, """{"id":"b1"}""");
        Respond("/probe", 201, """{"id":"b2"}""", "POST");
        Respond("/probe/b9/retry", 500, "{}");

        await _client.Client.GetBatchAsync(Probe, "b1");
        await _client.Client.CancelBatchAsync(Probe, "b1");
        await _client.Client.CreateBatchAsync(Probe, Create());
        Assert.ThrowsAsync<VoiceBatchException>(() => _client.Client.RetryBatchAsync(Probe, "b9"));

        var records = _client.Logs.GetSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Category).Distinct(), Is.EquivalentTo(new[] { "VoiceBatch.BatchCallClient", "VoiceBatch.probe" }), "no System.Net.Http.* or Polly category at any level");
            Assert.That(records.Select(r => (r.Id.Id, r.Id.Name, r.Level)), Is.EqualTo(new[]
            {
                (1101, "HttpRetry", LogLevel.Debug),            // the read's one retry
                (1002, "ReadCompleted", LogLevel.Debug),
                (1001, "ActionCompleted", LogLevel.Information), // cancel
                (1001, "ActionCompleted", LogLevel.Information), // create
                (1004, "OutcomeUncertain", LogLevel.Error),      // the retry of failed calls answered 500
                (1003, "OperationFailed", LogLevel.Warning),
            }));
            Assert.That(records.Where(r => r.Id.Id == 1001).Select(r => r.Message), Has.One.Contains("Create on probe succeeded for batch b2"));
        });
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();
}
