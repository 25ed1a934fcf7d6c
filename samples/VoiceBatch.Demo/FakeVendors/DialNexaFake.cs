using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>DialNexa's API (seeds 000/004 and the documented call logs and status actions).</summary>
internal static class DialNexaFake
{
    public static void Map(RouteGroupBuilder api, string seeds, ConcurrentDictionary<string, SimulatedBatch> store)
    {
        api.MapGet("/v1/batch-calls/{id}", (HttpRequest request, string id) =>
            FakeAuth.Bearer(request) ?? id switch
            {
                "batch_abc123" => FakeAuth.Seed(seeds, "dialnexa-get-schema.json"),
                "bat_q1r5sv9mdk3z" => FakeAuth.Seed(seeds, "dialnexa-get-prose.json"),
                _ => store.TryGetValue(id, out var b) ? Results.Json(Batch(b)) : Results.Json(new { statusCode = 404, message = "Batch call not found", error = "Not Found" }, statusCode: 404),
            });

        api.MapPost("/v1/batch-calls", async (HttpRequest request) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            var form = await request.ReadFormAsync();
            if (form.Files["file"] is not { } file || string.IsNullOrEmpty(form["agent_id"]))
            {
                return Results.Json(new { statusCode = 400, message = "agent_id and file are required", error = "Bad Request" }, statusCode: 400);
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var calls = SimulatedBatch.FromCsv(await reader.ReadToEndAsync(), "phone_number");
            var batch = new SimulatedBatch("bat_" + Guid.NewGuid().ToString("N")[..12], form["name"].ToString(), form["agent_id"].ToString(), calls, DateTimeOffset.UtcNow) { StartedAt = DateTimeOffset.UtcNow.AddMilliseconds(300) };
            store[batch.Id] = batch;
            return Results.Json(Batch(batch) with { status = "initiated" }, statusCode: 201);
        });

        api.MapGet("/v1/calls", (HttpRequest request, string batch_call_id, int page, int limit) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            if (!store.TryGetValue(batch_call_id, out var b)) return Results.Json(Array.Empty<object>());
            var now = DateTimeOffset.UtcNow;
            return Results.Json(b.Calls.Select((c, i) => new
            {
                id = c.Id,
                batch_call_id = b.Id,
                to_number = c.PhoneNumber,
                status = CallWord(b.StageOf(i, now), c.Outcome),
                duration = b.StageOf(i, now) == Stage.Done && c.Outcome == Outcome.Answered ? 42 + i : 0,
                createdAt = FakeAuth.Iso(b.CreatedAt),
                recording_url = c.Outcome == Outcome.Answered ? $"https://recordings.example/{c.Id}.mp3" : null,
            }).Skip((page - 1) * limit).Take(limit));
        });

        api.MapPatch("/v1/batch-calls/{id}/status", async (HttpRequest request, string id) =>
        {
            if (FakeAuth.Bearer(request) is { } denied) return denied;
            if (!store.TryGetValue(id, out var b)) return Results.Json(new { statusCode = 404, message = "Batch call not found" }, statusCode: 404);
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.GetProperty("action").GetString() != "cancel")
            {
                return Results.Json(new { statusCode = 400, message = "This demo fake supports only the cancel action", error = "Bad Request" }, statusCode: 400);
            }

            if (b.IsDone(DateTimeOffset.UtcNow)) return Results.Json(new { statusCode = 400, message = "Batch is already finished", error = "Bad Request" }, statusCode: 400);
            b.Cancelled = true;
            return Results.Json(new { success = true, message = "Batch cancelled", campaign = new { id = b.Id, status = "cancelled", title = b.Name } });
        });
    }

    private static BatchBody Batch(SimulatedBatch b)
    {
        var now = DateTimeOffset.UtcNow;
        var status = b.Cancelled ? "cancelled" : b.IsDone(now) ? "completed" : b.HasStarted(now) ? "processing" : "queued";
        return new BatchBody(b.Id, b.Name, status, b.Calls.Count,
            b.Count(now, (i, s) => s == Stage.Done && b.Calls[i].Outcome == Outcome.Answered),
            b.Count(now, (i, s) => s == Stage.Done && b.Calls[i].Outcome != Outcome.Answered),
            b.AgentId, FakeAuth.Iso(b.CreatedAt));
    }

    private static string CallWord(Stage stage, Outcome outcome) => stage switch
    {
        Stage.Waiting => "created",
        Stage.Ringing => "sent",
        Stage.Talking => "received",
        _ => outcome switch { Outcome.Answered => "completed", Outcome.NoAnswer => "did_not_pick", Outcome.Busy => "busy", _ => "failed" },
    };

#pragma warning disable IDE1006 // wire names
    private sealed record BatchBody(string id, string name, string status, int total_leads, int completed, int failed, string agent_id, string created_at);
#pragma warning restore IDE1006
}
