using System.Text.Json.Nodes;
using VoiceBatch.Testing.Tests.Support;
using static VoiceBatch.Testing.Tests.Support.WireClient;

namespace VoiceBatch.Testing.Tests.Wire;

/// <summary>batch-details' simulator against seed 002.</summary>
public sealed class BatchDetailsWireTests : SimulatorTest
{
    private const string SeedPath = "/api/call/batch-details/67def9053495307c718d9dfb";

    [Test]
    public async Task The_seeds_own_request_answers_the_seeds_envelope_and_first_record()
    {
        using var http = Bearer(ProviderId.BatchDetails);
        var seed = JsonNode.Parse(Published.Seed("batchdetails-get.json"))!;

        var answer = await http.FetchAsync(SeedPath + "?page=1&limit=10&sortBy=createdAt&sortOrder=desc");

        var data = answer.Body!["data"]!;
        Assert.Multiple(() =>
        {
            foreach (var member in new[] { "message", "status", "code", "errorMessage" }) AssertJsonEqual(seed[member], answer.Body[member]);
            foreach (var member in new[] { "batchId", "batchName", "batchStatus", "page", "limit", "total", "totalPages" }) AssertJsonEqual(seed["data"]![member], data[member]);
            AssertJsonEqual(seed["data"]!["data"]![0], data["data"]![0]);
            Assert.That(data["data"]!.AsArray(), Has.Count.EqualTo(10));
        });
    }

    [Test]
    public async Task Filter_search_and_sort_narrow_and_order_the_records()
    {
        using var http = Bearer(ProviderId.BatchDetails);

        var completed = await http.FetchAsync(SeedPath + "?limit=100&filter=" + Uri.EscapeDataString("""{"callStatus":"completed"}"""));
        var high = await http.FetchAsync(SeedPath + "?limit=100&filter=" + Uri.EscapeDataString("""{"priority":"high"}"""));
        var search = await http.FetchAsync(SeedPath + "?search=" + Uri.EscapeDataString("^emily"));
        var ascending = await http.FetchAsync(SeedPath + "?limit=1&sortBy=createdAt&sortOrder=asc");

        Assert.Multiple(() =>
        {
            Assert.That(completed.Body!["data"]!["data"]!.AsArray().Select(r => (string?)r!["phoneLogs"]![0]!["callStatus"]), Has.All.EqualTo("completed"));
            Assert.That((int)completed.Body["data"]!["total"]!, Is.GreaterThan(0).And.LessThan(150));
            Assert.That(high.Body!["data"]!["data"]!.AsArray().Select(r => (string?)r!["priority"]), Has.All.EqualTo("high"));
            Assert.That(search.Body!["data"]!["data"]!.AsArray().Select(r => (string?)r!["name"]), Has.Member("Emily Davis"));
            Assert.That((string?)ascending.Body!["data"]!["data"]![0]!["createdAt"], Is.LessThan("2025-05-15T14:00:00.000Z"));
        });
    }

    [Test]
    public async Task Errors_come_in_the_envelope_with_status_false()
    {
        using var http = Bearer(ProviderId.BatchDetails);
        using var apiKey = Http(ProviderId.BatchDetails, ("x-api-key", Sim.ApiKey));
        using var none = Http(ProviderId.BatchDetails);

        var badId = await http.FetchAsync("/api/call/batch-details/not-an-id");
        var badFilter = await http.FetchAsync(SeedPath + "?filter=%7Bnope");
        var missing = await http.FetchAsync("/api/call/batch-details/0123456789abcdef01234567");
        var denied = await none.FetchAsync(SeedPath);

        Assert.Multiple(async () =>
        {
            Assert.That((badId.Status, (bool?)badId.Body!["status"], badId.Body["data"]), Is.EqualTo((400, (bool?)false, (JsonNode?)null)));
            Assert.That((string?)badFilter.Body!["errorMessage"], Is.EqualTo("Invalid filter JSON"));
            Assert.That((missing.Status, (int?)missing.Body!["code"]), Is.EqualTo((404, (int?)404)));
            Assert.That((denied.Status, (bool?)denied.Body!["status"]), Is.EqualTo((401, (bool?)false)));
            Assert.That((await apiKey.FetchAsync(SeedPath)).Status, Is.EqualTo(200), "Weya accepts x-api-key as well as Bearer");
        });
    }
}
