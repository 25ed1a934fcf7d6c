using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>VoiceAI's batch-calling API (seed 001 and the ElevenLabs-style submit/list it mirrors), x-api-key auth, unix seconds.</summary>
internal static class VoiceAIFake
{
    public const string SeedId = "seed";

    public static void Map(RouteGroupBuilder api, string seeds, ConcurrentDictionary<string, SimulatedBatch> store)
    {
        api.MapGet("/v1/voiceai/batch-calling/{id}", (HttpRequest request, string id) =>
            FakeAuth.ApiKeyHeader(request) ?? (id == SeedId
                ? FakeAuth.Seed(seeds, "voiceai-get.json")
                : store.TryGetValue(id, out var b) ? Results.Json(Batch(b)) : Results.Json(new { detail = "Batch not found" }, statusCode: 404)));

        api.MapPost("/v1/voiceai/batch-calling/submit", async (HttpRequest request) =>
        {
            if (FakeAuth.ApiKeyHeader(request) is { } denied) return denied;
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var calls = root.GetProperty("recipients").EnumerateArray().Select((r, i) =>
            {
                var number = r.GetProperty("phone_number").GetString()!;
                var vars = r.TryGetProperty("conversation_initiation_client_data", out var data) && data.TryGetProperty("dynamic_variables", out var dv)
                    ? dv.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
                    : [];
                return new SimulatedCall($"rcp_{i + 1:000}", number, vars, SimulatedBatch.OutcomeFor(number));
            }).ToList();
            var batch = new SimulatedBatch("btcal_" + Guid.NewGuid().ToString("N")[..12], root.GetProperty("call_name").GetString() ?? "", root.GetProperty("agent_id").GetString()!, calls, DateTimeOffset.UtcNow) { StartedAt = DateTimeOffset.UtcNow.AddMilliseconds(300) };
            store[batch.Id] = batch;
            return Results.Json(Batch(batch));
        });
    }

    private static object Batch(SimulatedBatch b)
    {
        var now = DateTimeOffset.UtcNow;
        var finished = b.Count(now, (_, s) => s == Stage.Done);
        var dispatched = b.Count(now, (_, s) => s != Stage.Waiting);
        return new
        {
            id = b.Id,
            name = b.Name,
            agent_id = b.AgentId,
            agent_name = "Demo agent",
            created_at_unix = b.CreatedAt.ToUnixTimeSeconds(),
            scheduled_time_unix = b.CreatedAt.ToUnixTimeSeconds(),
            last_updated_at_unix = now.ToUnixTimeSeconds(),
            status = b.Cancelled ? "cancelled" : b.IsDone(now) ? "completed" : b.HasStarted(now) ? "in_progress" : "pending",
            total_calls_dispatched = dispatched,
            total_calls_scheduled = b.Calls.Count,
            total_calls_finished = finished,
            recipients = b.Calls.Select((c, i) => new
            {
                id = c.Id,
                status = b.StageOf(i, now) switch
                {
                    Stage.Waiting => "pending",
                    Stage.Ringing => "initiated",
                    Stage.Talking => "in_progress",
                    _ => c.Outcome switch { Outcome.Answered => "completed", Outcome.NoAnswer => "voicemail", _ => "failed" },
                },
                created_at_unix = b.CreatedAt.ToUnixTimeSeconds(),
                updated_at_unix = now.ToUnixTimeSeconds(),
                phone_number = c.PhoneNumber,
                conversation_id = c.Outcome == Outcome.Answered ? "conv_" + c.Id : null,
                conversation_initiation_client_data = new { dynamic_variables = c.Variables },
            }),
        };
    }
}
