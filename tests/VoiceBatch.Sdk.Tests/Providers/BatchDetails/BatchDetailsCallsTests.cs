using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.BatchDetails.BatchDetailsTestServer;

namespace VoiceBatch.Tests.Providers.BatchDetails;

public sealed class BatchDetailsCallsTests
{
    private BatchDetailsTestServer _api = null!;

    [SetUp]
    public void SetUp() => _api = new BatchDetailsTestServer();

    [TearDown]
    public void TearDown() => _api.Dispose();

    [Test]
    public async Task Seed_record_is_read_into_the_canonical_model()
    {
        _api.Answer(Get().WithParam("page", "1"), Seeds.Read(Seeds.BatchDetailsGet));
        _api.Answer(Get().WithParam("page", "2"), Envelope(2, 150, 15));

        var calls = await _api.CallsAsync();

        var call = calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo("64e5f12345abcdef11111111"));
            Assert.That(call.PhoneNumber, Is.EqualTo("+12125551234"), "digits without + become E.164");
            Assert.That(call.Name, Is.EqualTo("Emily Davis"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.RawStatus, Is.EqualTo("completed"));
            Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(call.RecordingUrl, Is.EqualTo(new Uri("https://example.com/recording.mp3")));
            Assert.That(call.Transcript, Is.EqualTo("Call transcript here..."));
            Assert.That(call.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 15, 14, 0, 0, TimeSpan.Zero)));
            Assert.That(call.UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 15, 14, 30, 0, TimeSpan.Zero)), "the latest attempt's time");
            Assert.That(call.Variables, Is.EqualTo(new Dictionary<string, string> { ["account_id"] = "ACC-5678", ["priority"] = "high" }));
            Assert.That(call.Raw?.GetProperty("_id").GetString(), Is.EqualTo("64e5f12345abcdef11111111"));
            Assert.That(_api.Requests, Has.Count.EqualTo(2), "the seed's totalPages (15) lies: the empty page 2 ends paging");
        });
    }

    [Test]
    public async Task Pages_until_an_empty_page_even_when_totalPages_says_more()
    {
        _api.Answer(Get().WithParam("page", "1"), Envelope(1, 100, 50, Record("a", "completed"), Record("b", "busy")));
        _api.Answer(Get().WithParam("page", "2"), Envelope(2, 100, 50, Record("c", "completed"), Record("d", "failed")));
        _api.Answer(Get().WithParam("page", "3"), Envelope(3, 100, 50));

        var calls = await _api.CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a", "b", "c", "d" }));
        Assert.That(_api.Requests.Select(r => Query(r, "page")), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(_api.Requests.Select(r => Query(r, "limit")), Is.All.EqualTo("2"));
    }

    [Test]
    public async Task Stops_at_totalPages()
    {
        _api.Answer(Get().WithParam("page", "1"), Envelope(1, 3, 2, Record("a", "completed"), Record("b", "busy")));
        _api.Answer(Get().WithParam("page", "2"), Envelope(2, 3, 2, Record("c", "completed")));
        _api.Answer(Get().WithParam("page", "3"), Envelope(3, 3, 2, Record("zzz", "completed")));

        var calls = await _api.CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(_api.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Query_sends_filter_sort_search_and_passes_additional_parameters_through()
    {
        _api.Answer(Get(), Envelope(1, 2, 1, Record("a", "no-answer"), Record("b", "completed")));

        var calls = await _api.CallsAsync(new CallQuery
        {
            Status = CallStatus.NoAnswer,
            SortBy = "createdAt",
            Descending = true,
            Search = "Emily",
            PageSize = 10,
            AdditionalParameters = new Dictionary<string, string> { ["campaign"] = "may", ["page"] = "9" },
        });

        var request = _api.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Query(request, "filter"), Is.EqualTo("""{"callStatus":"no-answer"}"""));
            Assert.That(Query(request, "sortBy"), Is.EqualTo("createdAt"));
            Assert.That(Query(request, "sortOrder"), Is.EqualTo("desc"));
            Assert.That(Query(request, "search"), Is.EqualTo("Emily"));
            Assert.That(Query(request, "limit"), Is.EqualTo("10"));
            Assert.That(Query(request, "page"), Is.EqualTo("1"), "page belongs to the pager");
            Assert.That(Query(request, "campaign"), Is.EqualTo("may"));
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a" }), "the status is also checked on each record's latest attempt");
        });
    }

    [Test]
    public async Task Ascending_sort_and_no_filter_by_default()
    {
        _api.Answer(Get(), Envelope(1, 0, 1));

        await _api.CallsAsync(new CallQuery { SortBy = "name" });
        await _api.CallsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Query(_api.Requests[0], "sortOrder"), Is.EqualTo("asc"));
            Assert.That(Query(_api.Requests[1], "sortOrder"), Is.EqualTo("(absent)"));
            Assert.That(Query(_api.Requests[1], "sortBy"), Is.EqualTo("(absent)"));
            Assert.That(Query(_api.Requests[1], "filter"), Is.EqualTo("(absent)"));
            Assert.That(Query(_api.Requests[1], "search"), Is.EqualTo("(absent)"));
            Assert.That(Query(_api.Requests[1], "limit"), Is.EqualTo("50"));
        });
    }

    [Test]
    public async Task A_filter_in_additional_parameters_replaces_the_status_filter()
    {
        _api.Answer(Get(), Envelope(1, 1, 1, Record("a", "completed")));

        await _api.CallsAsync(new CallQuery
        {
            Status = CallStatus.Completed,
            AdditionalParameters = new Dictionary<string, string> { ["filter"] = """{"priority":"high"}""" },
        });

        Assert.That(Query(_api.Requests.Single(), "filter"), Is.EqualTo("""{"priority":"high"}"""));
    }

    [Test]
    public async Task Pending_is_filtered_locally_only()
    {
        _api.Answer(Get(), Envelope(1, 2, 1, Record("a", "completed"), """{"_id":"b","phoneNumber":"12125551234"}"""));

        var calls = await _api.CallsAsync(new CallQuery { Status = CallStatus.Pending });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "b" }));
        Assert.That(Query(_api.Requests.Single(), "filter"), Is.EqualTo("(absent)"));
    }

    [Test]
    public async Task Records_are_read_tolerantly()
    {
        _api.Answer(Get(), Envelope(1, 4, 1,
            """{"_id":"no-logs","phoneNumber":"not a number","score":7.5,"vip":true,"address":{"city":"x"},"tags":["a"],"note":null,"updatedAt":"2025-05-16T00:00:00Z","__v":0}""",
            """{"_id":"latest","phoneLogs":[{"callStatus":"busy","createdAt":"2025-05-15T09:00:00Z"},{"callStatus":"in-progress","callDuration":"33","createdAt":"2025-05-15T12:00:00Z","updatedAt":"2025-05-15T12:05:00Z"},{"callStatus":"no-answer","createdAt":"2025-05-15T10:00:00Z"}]}""",
            """{"_id":"odd","phoneLogs":[{"callStatus":"weird","callDuration":"n/a","recordingUrl":"nope","createdAt":"bad"}]}""",
            "42"));

        var calls = await _api.CallsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(4));
            Assert.That(calls[0].Status, Is.EqualTo(CallStatus.Pending));
            Assert.That(calls[0].RawStatus, Is.Null);
            Assert.That(calls[0].PhoneNumber, Is.EqualTo("not a number"), "kept as given when it does not parse");
            Assert.That(calls[0].Variables, Is.EqualTo(new Dictionary<string, string> { ["score"] = "7.5", ["vip"] = "true" }));
            Assert.That(calls[0].UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 16, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(calls[1].Status, Is.EqualTo(CallStatus.InProgress), "the latest attempt by createdAt, not the last in the array");
            Assert.That(calls[1].Duration, Is.EqualTo(TimeSpan.FromSeconds(33)));
            Assert.That(calls[1].UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 5, 15, 12, 5, 0, TimeSpan.Zero)));
            Assert.That(calls[2].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[2].RawStatus, Is.EqualTo("weird"));
            Assert.That(calls[2].Duration, Is.Null);
            Assert.That(calls[2].RecordingUrl, Is.Null);
            Assert.That(calls[3].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[3].Raw?.GetRawText(), Is.EqualTo("42"));
        });
    }

    [Test]
    public async Task Calls_are_fetched_lazily()
    {
        _api.Answer(Get().WithParam("page", "1"), Envelope(1, 2, 2, Record("a", "completed")));
        _api.Answer(Get().WithParam("page", "2"), Envelope(2, 2, 2, Record("b", "completed")));

        await foreach (var _ in _api.Api.GetCallsAsync(ProviderId.BatchDetails, BatchId, new CallQuery { PageSize = 1 }))
        {
            break;
        }

        Assert.That(_api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_failure_envelope_on_a_later_page_surfaces_as_an_error()
    {
        _api.Answer(Get().WithParam("page", "1"), Envelope(1, 2, 2, Record("a", "completed")));
        _api.Answer(Get().WithParam("page", "2"), """{"status":false,"code":400,"errorMessage":"page out of range"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _api.CallsAsync(new CallQuery { PageSize = 1 }));

        Assert.That(ex!.Message, Does.Contain("page out of range"));
    }
}
