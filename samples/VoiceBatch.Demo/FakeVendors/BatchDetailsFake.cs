using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>
/// The batch-details API (seed 002): one pre-seeded batch of 150 records — the seed's own record first, the rest
/// generated in the same shape — served page by page with the seed's envelope, filter, sort and search.
/// batch-details cannot create batches.
/// </summary>
internal static class BatchDetailsFake
{
    public const string SeedId = "67def9053495307c718d9dfb";

    public static void Map(RouteGroupBuilder api, string seeds)
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(seeds, "batchdetails-get.json")))!;
        var records = new List<JsonNode> { seed["data"]!["data"]![0]!.DeepClone() };
        string[] words = ["completed", "completed", "completed", "no-answer", "busy", "failed"];
        for (var i = 2; i <= 150; i++)
        {
            var word = words[i % words.Length];
            records.Add(new JsonObject
            {
                ["_id"] = $"64e5f12345abcdef{i:00000000}",
                ["phoneNumber"] = $"1212555{i:0000}",
                ["name"] = $"Contact {i}",
                ["account_id"] = $"ACC-{5678 + i}",
                ["priority"] = i % 3 == 0 ? "high" : "normal",
                ["phoneLogs"] = new JsonArray(new JsonObject
                {
                    ["callStatus"] = word,
                    ["callDuration"] = word == "completed" ? 60 + i : 0,
                    ["createdAt"] = "2025-05-15T14:30:00.000Z",
                }),
                ["createdAt"] = "2025-05-15T14:00:00.000Z",
            });
        }

        api.MapGet("/api/call/batch-details/{id}", (HttpRequest request, string id, int? page, int? limit, string? filter, string? search) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            if (id != SeedId) return Results.Json(new { message = "Batch not found", status = false, code = 404, errorMessage = "Batch not found", data = (object?)null }, statusCode: 404);
            IEnumerable<JsonNode> matching = records;
            if (!string.IsNullOrEmpty(filter) && JsonNode.Parse(filter)?["callStatus"]?.GetValue<string>() is { } status)
            {
                matching = matching.Where(r => r["phoneLogs"]?.AsArray().LastOrDefault()?["callStatus"]?.GetValue<string>() == status);
            }

            if (!string.IsNullOrEmpty(search)) matching = matching.Where(r => r.ToJsonString().Contains(search, StringComparison.OrdinalIgnoreCase));
            var list = matching.ToList();
            int p = Math.Max(1, page ?? 1), l = Math.Clamp(limit ?? 10, 1, 100);
            var body = seed.DeepClone();
            var data = body["data"]!;
            data["page"] = p;
            data["limit"] = l;
            data["total"] = list.Count;
            data["totalPages"] = (list.Count + l - 1) / l;
            data["data"] = new JsonArray(list.Skip((p - 1) * l).Take(l).Select(r => r.DeepClone()).ToArray());
            return Results.Text(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), "application/json");
        });
    }
}
