using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>A batch's calls: GET /v1/calls?batch_id=…, paged by index range.</summary>
public sealed class BlandCallsTests
{
    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    private static string Call(string id, string batch = "b1", string status = "complete")
        => $$"""{"call_id": "{{id}}", "batch_id": "{{batch}}", "to": "+14155550101", "from": "+14155550100", "queue_status": "{{status}}", "completed": true, "call_length": 1.5, "created_at": "2026-03-14T09:10:00Z"}""";

    [Test]
    public async Task Blands_own_jsonc_list_calls_example_reads_verbatim()
    {
        _bland.Respond("GET", "/v1/calls", 200, Published.Read("bland/list-calls.response.jsonc"));

        var call = (await _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1234567-89ab-cdef-0123-gen-batch")).Single();

        var query = _bland.Logged("GET", "/v1/calls").Single().RequestMessage!.Query!;
        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo("c1234567-89ab-cdef-0123-456789abcdef"));
            Assert.That((call.Status, call.RawStatus), Is.EqualTo((CallStatus.Completed, "complete")));
            Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(0.834 * 60)), "call_length is in minutes");
            Assert.That(call.PhoneNumber, Is.EqualTo("5551234567"), "a number that does not parse is kept as sent");
            Assert.That(call.CreatedAt, Is.EqualTo(DateTimeOffset.Parse("2023-12-21T23:25:14.801193+00:00", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(query["batch_id"].Single(), Is.EqualTo("b1234567-89ab-cdef-0123-gen-batch"));
            Assert.That(call.Raw?.GetProperty("call_id").GetString(), Is.EqualTo("c1234567-89ab-cdef-0123-456789abcdef"), "Raw of a JSONC record parses as it bound");
            Assert.That((query["from"].Single(), query["to"].Single(), query["limit"].Single(), query["ascending"].Single()), Is.EqualTo(("0", "100", "100", "true")));
        });
    }

    [Test]
    public async Task Pages_by_index_range_and_reads_a_repeated_call_once()
    {
        _bland.Server.Given(Request.Create().WithPath("/v1/calls").WithParam("from", "0").UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"count": 3, "calls": [{{Call("c1")}}, {{Call("c2")}}]}"""));
        _bland.Server.Given(Request.Create().WithPath("/v1/calls").WithParam("from", "2").UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"count": 3, "calls": [{{Call("c2")}}, {{Call("c3")}}]}"""));
        _bland.Server.Given(Request.Create().WithPath("/v1/calls").WithParam("from", "4").UsingGet())
            .RespondWith(Response.Create().WithBody("""{"count": 3, "calls": []}"""));

        var calls = await _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1", new CallQuery { PageSize = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c1", "c2", "c3" }));
            Assert.That(calls[0].Duration, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(calls[0].PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(_bland.Sent.Where(s => s.StartsWith("GET /v1/calls", StringComparison.Ordinal)).Select(s => s[s.IndexOf("from=", StringComparison.Ordinal)..].Split('&')[0]), Is.EqualTo(new[] { "from=0", "from=2", "from=4" }));
        });
    }

    [Test]
    public async Task Status_is_filtered_locally_and_request_data_is_the_variables()
    {
        _bland.Respond("GET", "/v1/calls", 200, $$$"""{"calls": [{{{Call("c1")}}}, {"call_id": "c2", "batch_id": "b1", "queue_status": "queued", "request_data": {"first_name": "Ada", "age": 41}}]}""");

        var queued = await _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1", new CallQuery { Status = CallStatus.Queued });

        Assert.That(queued.Select(c => c.Id), Is.EqualTo(new[] { "c2" }));
        Assert.That(queued[0].Variables, Is.EqualTo(new Dictionary<string, string> { ["first_name"] = "Ada", ["age"] = "41" }));
    }

    [TestCase("b-other")]
    [TestCase(null)]
    public void A_call_of_another_batch_means_the_filter_was_ignored(string? other)
    {
        var foreign = other is null ? """{"call_id": "c9", "to": "+14155550199"}""" : Call("c9", other);
        _bland.Respond("GET", "/v1/calls", 200, $$"""{"calls": [{{Call("c1")}}, {{foreign}}]}""");

        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1"));

        Assert.That(ex!.Message, Does.Contain("does not filter calls by batch"));
        Assert.That(ex.ToString(), Does.Not.Contain("+14155550199"));
    }

    [Test]
    public void A_calls_answer_of_another_shape_is_a_response_error()
    {
        _bland.Respond("GET", "/v1/calls", 200, """{"data": []}""");

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1"));
    }
}
