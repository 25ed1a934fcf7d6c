using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.DialNexa;

/// <summary>
/// DialNexa (<c>https://api.dialnexa.com</c>, <c>Authorization: Bearer</c>, NestJS error bodies
/// <c>{statusCode, message, error}</c>). Sources: seeds 000 and 004, and the current OpenAPI (OA: repository
/// <c>api-evangelist/dialnexa</c>, <c>openapi/_original/dialnexa-openapi.json</c>). Where the generations differ, requests
/// are accepted in both and answers follow OA, except the batch read (see <see cref="SimulatorOptions.DialNexaGetReturnsCallLogs"/>).
/// Batches launch on create, at <c>starts_at</c>/<c>scheduled_at</c> or at once.
/// </summary>
internal sealed class DialNexaSimulator(SimulatorOptions options) : VendorSimulator(ProviderId.DialNexa, options)
{
    /// <summary>Seed 000's two examples, served verbatim under their own ids.</summary>
    private static readonly Dictionary<string, string> Seeds = new(StringComparer.Ordinal)
    {
        ["batch_abc123"] = "dialnexa-get-schema.json",
        ["bat_q1r5sv9mdk3z"] = "dialnexa-get-prose.json",
    };

    public override void MapRoutes(VendorRoutes routes)
    {
        // OA POST /v1/batch-calls; seed 004 "Create a batch call".
        routes.Post("/v1/batch-calls", BatchOperation.Create, context => DialNexaCreate.HandleAsync(context, this));
        // OA GET /v1/batch-calls: {items[], total, page, limit}; status "single status or comma-separated list".
        routes.Get("/v1/batch-calls", BatchOperation.List, ListAsync);
        // Seed 000 "Get a batch call" (batch record); OA GET /v1/batch-calls/{id} (call-log page).
        routes.Get("/v1/batch-calls/{id}", BatchOperation.Get, GetAsync);
        // OA PATCH /v1/batch-calls/{id}/status {"action": "pause" | "resume" | "cancel"}.
        routes.Patch("/v1/batch-calls/{id}/status", null, context => DialNexaActions.HandleAsync(context, this));
        // OA GET /v1/calls?batch_call_id=…&page&limit: a bare array, newest first, limit 1–200 (default 20).
        routes.Get("/v1/calls", BatchOperation.GetCalls, CallsAsync);
        // OA GET /v1/calls/{id}: one call log with transcript and summary.
        routes.Get("/v1/calls/{id}", null, CallAsync);
    }

    public override bool IsAuthorized(HttpRequest request) => HasBearer(request);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => NestError.Of(401, "API key is missing or invalid"),                                  // OA 401 examples
        404 => NestError.Of(404, $"Cannot {request.Method} {VendorPath(request)}"),                  // NestJS, unknown route
        429 => NestError.Of(429, "Too many requests. Please slow down and retry after a moment."),   // older docs, rate limits
        500 => NestError.Of(500, "Internal server error"),                                          // OA 500 examples
        _ => NestError.Of(statusCode, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddDialNexa(o => Point(o, baseAddress, apiKey, configure));

    public override string StatusWord(BatchState batch, DateTimeOffset now) => DialNexaWords.Batch(batch.Phase);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var batch = Create(spec);
        batch.Launch(null, Now);
        return batch;
    }

    /// <summary>A new batch with DialNexa-style ids (<c>bat_q1r5sv9mdk3z</c>, <c>call_…</c>); call under the store's gate.</summary>
    public BatchState Create(BatchSpec spec)
        => Store.Create(d => "bat_" + d.Alphanumerics(12), (d, _) => "call_" + d.Alphanumerics(12), spec);

    /// <summary>Answers DialNexa's 404 for a batch id it does not know.</summary>
    public static Task BatchNotFoundAsync(HttpContext context) => Wire.WriteAsync(context, NestError.Of(404, "Batch call not found"), 404);

    private async Task GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        if (Seeds.TryGetValue(id, out var seed))
        {
            await Wire.WriteRawAsync(context, SeedFiles.Read(seed)).ConfigureAwait(false);
            return;
        }

        JsonNode? body;
        lock (Store.Gate)
        {
            var batch = Store.Find(id);
            var now = Now;
            body = batch is null ? null
                : Options.DialNexaGetReturnsCallLogs ? CallLogPage(batch, context.Request, now)
                : DialNexaJson.Record(batch, now);
        }

        await (body is null ? BatchNotFoundAsync(context) : Wire.WriteAsync(context, body)).ConfigureAwait(false);
    }

    private static JsonObject CallLogPage(BatchState batch, HttpRequest request, DateTimeOffset now)
    {
        var page = Wire.PositiveInt(request, "page", 1) ?? 1;
        var limit = Math.Min(Wire.PositiveInt(request, "limit", 20) ?? 20, 200);
        var logs = Newest(batch, request).ToList();
        return new JsonObject
        {
            ["callLogs"] = new JsonArray(logs.Skip((page - 1) * limit).Take(limit).Select(c => (JsonNode?)DialNexaJson.CallLog(batch, c, now, false)).ToArray()),
            ["total"] = logs.Count,
            ["page"] = page,
            ["limit"] = limit,
            ["totalPages"] = (logs.Count + limit - 1) / limit,
        };
    }

    private async Task ListAsync(HttpContext context)
    {
        var page = Wire.PositiveInt(context.Request, "page", 1);
        var limit = Wire.PositiveInt(context.Request, "limit", 20);
        var statusText = context.Request.Query["status"].ToString();
        var wanted = statusText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (page is null || limit is null or > 100 || wanted.Any(w => !DialNexaWords.ListFilterWords.Contains(w, StringComparer.Ordinal)))
        {
            await Wire.WriteAsync(context, NestError.Of(400, "Invalid query parameters"), 400).ConfigureAwait(false);
            return;
        }

        JsonObject body;
        lock (Store.Gate)
        {
            var now = Now;
            var matching = Store.All()
                .Where(b => wanted.Length == 0 || wanted.Contains(DialNexaWords.Batch(b.Phase)) || (wanted.Contains("active") && b.Phase is BatchPhase.Scheduled or BatchPhase.Queued))
                .Reverse() // "sorted by creation date (newest first)"
                .ToList();
            body = new JsonObject
            {
                ["items"] = new JsonArray(matching.Skip((page.Value - 1) * limit.Value).Take(limit.Value).Select(b => (JsonNode?)DialNexaJson.ListItem(b, now)).ToArray()),
                ["total"] = matching.Count,
                ["page"] = page.Value,
                ["limit"] = limit.Value,
            };
        }

        await Wire.WriteAsync(context, body).ConfigureAwait(false);
    }

    private async Task CallsAsync(HttpContext context)
    {
        var page = Wire.PositiveInt(context.Request, "page", 1);
        var limit = Wire.PositiveInt(context.Request, "limit", 20);
        if (page is null || limit is null or > 200)
        {
            await Wire.WriteAsync(context, NestError.Of(400, "Invalid query parameters"), 400).ConfigureAwait(false);
            return;
        }

        var ids = context.Request.Query["batch_call_id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        JsonArray logs;
        lock (Store.Gate)
        {
            var now = Now;
            var batches = Store.All().Where(b => ids.Length == 0 || ids.Contains(b.Id, StringComparer.Ordinal));
            logs = new JsonArray(batches
                .SelectMany(b => Newest(b, context.Request).Select(c => (Batch: b, Call: c)))
                .Skip((page.Value - 1) * limit.Value).Take(limit.Value)
                .Select(x => (JsonNode?)DialNexaJson.CallLog(x.Batch, x.Call, now, false)).ToArray());
        }

        await Wire.WriteAsync(context, logs).ConfigureAwait(false);
    }

    private async Task CallAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        JsonObject? log = null;
        lock (Store.Gate)
        {
            foreach (var batch in Store.All())
            {
                if (batch.Calls.FirstOrDefault(c => c.Id == id) is { } call) log = DialNexaJson.CallLog(batch, call, Now, detailed: true);
            }
        }

        await (log is null ? Wire.WriteAsync(context, NestError.Of(404, "Call not found"), 404) : Wire.WriteAsync(context, log)).ConfigureAwait(false);
    }

    /// <summary>The batch's call logs in OA's order, "newest records first" (<c>created_at=asc</c> reverses it).</summary>
    private static IEnumerable<SimCall> Newest(BatchState batch, HttpRequest request)
        => string.Equals(request.Query["created_at"], "asc", StringComparison.OrdinalIgnoreCase) ? batch.Calls : batch.Calls.Reverse();
}
