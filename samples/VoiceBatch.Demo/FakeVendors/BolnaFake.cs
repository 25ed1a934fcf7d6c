using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>Bolna's batch API (seed 003 and Bolna's public create/schedule/executions/stop). A created batch waits
/// for its schedule call; the fake then starts it at once (time is compressed in the demo).</summary>
internal static class BolnaFake
{
    public const string SeedId = "3c90c3cc0d444b5088888dd25736052a";

    public static void Map(RouteGroupBuilder api, string seeds, ConcurrentDictionary<string, SimulatedBatch> store)
    {
        api.MapGet("/batches/{id}", (HttpRequest request, string id) =>
            FakeAuth.Bearer(request) ?? (id == SeedId
                ? FakeAuth.Seed(seeds, "bolna-get.json")
                : store.TryGetValue(id, out var b) ? Results.Json(Batch(b)) : Results.Json(new { message = "Batch not found" }, statusCode: 404)));

        api.MapPost("/batches", async (HttpRequest request) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            var form = await request.ReadFormAsync();
            if (form.Files["file"] is not { } file) return Results.Json(new { message = "file is required" }, statusCode: 400);
            using var reader = new StreamReader(file.OpenReadStream());
            var calls = SimulatedBatch.FromCsv(await reader.ReadToEndAsync(), "contact_number");
            var batch = new SimulatedBatch(Guid.NewGuid().ToString("N"), file.FileName, form["agent_id"].ToString(), calls, DateTimeOffset.UtcNow);
            store[batch.Id] = batch;
            return Results.Json(new { batch_id = batch.Id, state = "created" }, statusCode: 201);
        });

        api.MapPost("/batches/{id}/schedule", async (HttpRequest request, string id) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            var form = await request.ReadFormAsync();
            var at = form["scheduled_at"].ToString();
            if (at.EndsWith('Z') || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return Results.Json(new { message = "Internal Server Error" }, statusCode: 500); // what Bolna answers to a 'Z' timestamp
            }

            if (!store.TryGetValue(id, out var b)) return Results.Json(new { message = "Batch not found" }, statusCode: 404);
            b.StartedAt = DateTimeOffset.UtcNow.AddMilliseconds(300);
            return Results.Json(new { message = "success", state = "scheduled" });
        });

        api.MapPost("/batches/{id}/stop", (HttpRequest request, string id) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            if (!store.TryGetValue(id, out var b) || b.IsDone(DateTimeOffset.UtcNow)) return Results.Json(new { message = "Batch is not queued or running" }, statusCode: 404);
            b.Cancelled = true;
            return Results.Json(new { message = "success", state = "stopped" });
        });

        api.MapGet("/batches/{id}/executions", (HttpRequest request, string id, int page_number, int page_size) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            if (!store.TryGetValue(id, out var b)) return Results.Json(new { message = "Batch not found" }, statusCode: 404);
            var now = DateTimeOffset.UtcNow;
            var all = b.Calls.Select((c, i) => (c, i, stage: b.StageOf(i, now))).Where(x => x.stage != Stage.Waiting).ToList();
            var page = all.Skip((page_number - 1) * page_size).Take(page_size).Select(x => new
            {
                id = x.c.Id,
                status = Word(x.stage, x.c.Outcome),
                conversation_duration = x.stage == Stage.Done && x.c.Outcome == Outcome.Answered ? 40.5 + x.i : 0,
                transcript = x.c.Outcome == Outcome.Answered && x.stage == Stage.Done ? "assistant: Hello! user: Yes, tell me more." : null,
                context_details = new { recipient_data = x.c.Variables },
                telephony_data = new { to_number = x.c.PhoneNumber, recording_url = x.c.Outcome == Outcome.Answered ? $"https://recordings.example/{x.c.Id}.mp3" : null, duration = "41" },
                created_at = FakeAuth.Iso(b.CreatedAt),
                updated_at = FakeAuth.Iso(now),
            }).ToList();
            return Results.Json(new { page_number, page_size, total = all.Count, has_more = page_number * page_size < all.Count, data = page });
        });
    }

    private static object Batch(SimulatedBatch b)
    {
        var now = DateTimeOffset.UtcNow;
        var counts = Enumerable.Range(0, b.Calls.Count).Select(i => b.StageOf(i, now)).Select((s, i) => Word(s, b.Calls[i].Outcome))
            .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        return new
        {
            batch_id = b.Id,
            created_at = FakeAuth.Iso(b.CreatedAt),
            updated_at = FakeAuth.Iso(now),
            status = b.Cancelled ? "stopped" : b.StartedAt is null ? "created" : b.IsDone(now) ? "executed" : b.HasStarted(now) ? "running" : "scheduled",
            scheduled_at = b.StartedAt is { } s ? FakeAuth.Iso(s) : null,
            file_name = b.Name,
            valid_contacts = b.Calls.Count,
            total_contacts = b.Calls.Count,
            execution_status = counts,
        };
    }

    private static string Word(Stage stage, Outcome outcome) => stage switch
    {
        Stage.Waiting => "queued",
        Stage.Ringing => "ringing",
        Stage.Talking => "in-progress",
        _ => outcome switch { Outcome.Answered => "completed", Outcome.NoAnswer => "no-answer", Outcome.Busy => "busy", _ => "failed" },
    };
}
