using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bland;

/// <summary>
/// Bland (<c>https://api.bland.ai</c>; the key is the whole <c>authorization</c> value, no scheme). Sources: docs.bland.ai —
/// api-v1/post/batches (<c>POST /v2/batches/create</c>), api-v1/get/batches (<c>GET /v2/batches/list?take&amp;skip</c>),
/// api-v1/get/batches-id (<c>GET /v2/batches/{id}</c>, metadata only), api-v1/get/batches-id-logs (the status and counters),
/// api-v2/post/batches-id-stop, api-v2/post/batches-id-pause (<c>{"paused": bool}</c>), api-v1/get/calls and
/// api-v1/get/calls-id — and Bland's cookbook (<c>Bland-com/bland-ai-cookbooks</c> @ 62d2620, <c>09-batch-campaigns/</c>). Every
/// answer is <c>{data, errors}</c>; errors are <c>{"data": null, "errors": [{"error", "message"}]}</c> with an HTTP status
/// (Bland publishes the shape, not its codes: the codes here are worded by the simulator). Not published, so chosen here:
/// the answers to pause/resume (<c>{data: null, errors: null}</c>, like stop), the words a stop and a pause leave in the log,
/// and <c>GET /v1/calls</c> honouring <c>batch_id</c>. Scheduling is per call (<c>start_time</c>); this simulator starts a
/// batch at the earliest <c>start_time</c> when every call object has one, else at once. <c>status_webhook</c> is recorded,
/// never called.
/// </summary>
internal sealed class BlandSimulator(SimulatorOptions options) : VendorSimulator(ProviderId.Bland, options)
{
    /// <summary>The simulated account's caller number, used when <c>global.from</c> is not set.</summary>
    public const string AgentNumber = "+19876543008";

    private readonly Dictionary<string, BlandBatchExtras> _extras = new(StringComparer.Ordinal);

    public override void MapRoutes(VendorRoutes routes)
    {
        routes.Post("/v2/batches/create", BatchOperation.Create, CreateAsync);               // api-v1/post/batches
        routes.Get("/v2/batches/list", BatchOperation.List, ListAsync);                      // api-v1/get/batches: take, skip
        routes.Get("/v2/batches/{batch_id}", BatchOperation.Get, GetAsync);                  // api-v1/get/batches-id
        routes.Get("/v2/batches/{batch_id}/logs", BatchOperation.Get, LogsAsync);            // api-v1/get/batches-id-logs
        routes.Post("/v2/batches/{batch_id}/stop", BatchOperation.Cancel, StopAsync);        // api-v2/post/batches-id-stop
        routes.Post("/v2/batches/{batch_id}/pause", null, PauseAsync);                       // api-v2/post/batches-id-pause
        routes.Get("/v1/calls", BatchOperation.GetCalls, CallsAsync);                        // api-v1/get/calls
        routes.Get("/v1/calls/{call_id}", null, CallAsync);                                  // api-v1/get/calls-id
    }

    public override bool IsAuthorized(HttpRequest request) => HeaderIs(request, "Authorization", Options.ApiKey);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => BlandJson.Error("UNAUTHORIZED", "Invalid or missing API key"),
        404 => BlandJson.Error("NOT_FOUND", $"Cannot {request.Method} {VendorPath(request)}"),
        429 => BlandJson.Error("RATE_LIMITED", "Too many requests"),
        500 => BlandJson.Error("INTERNAL_SERVER_ERROR", "Internal server error"),
        _ => BlandJson.Error("HTTP_" + statusCode.ToString(CultureInfo.InvariantCulture), Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddBland(o => Point(o, baseAddress, apiKey, configure));

    public override string StatusWord(BatchState batch, DateTimeOffset now) => BlandLog.Word(batch, _extras[batch.Id], Options, now);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var global = new JsonObject { ["pathway_id"] = spec.AgentId };
        var objects = spec.Contacts.Select(c => new JsonObject { ["phone_number"] = c.PhoneNumber, ["request_data"] = Wire.Object(c.Variables) }).ToList();
        var batch = Store.Create(Uuid, (d, _) => Uuid(d), spec);
        _extras[batch.Id] = new BlandBatchExtras { Global = global, CallObjects = objects, Rejected = [], Description = spec.Name ?? "Untitled Batch" };
        batch.Launch(null, Now);
        return batch;
    }

    private static string Uuid(Dice d) => $"{d.HexDigits(8)}-{d.HexDigits(4)}-4{d.HexDigits(3)}-a{d.HexDigits(3)}-{d.HexDigits(12)}";

    private static Task RefuseAsync(HttpContext context, int status, string code, string message) => Wire.WriteAsync(context, BlandJson.Error(code, message), status);

    private static Task BatchNotFoundAsync(HttpContext context) => RefuseAsync(context, 404, "BATCH_NOT_FOUND", "Batch not found");

    private async Task CreateAsync(HttpContext context)
    {
        var create = BlandCreate.Read(await Wire.ReadJsonAsync(context).ConfigureAwait(false), out var refusal);
        if (create is null)
        {
            await RefuseAsync(context, 400, "INVALID_REQUEST", refusal!).ConfigureAwait(false);
            return;
        }

        var dialable = new List<(JsonObject Item, DateTimeOffset? Start)>();
        var undialable = new List<(JsonObject Item, string Reason)>();
        foreach (var item in create.CallObjects)
        {
            if (!BlandCreate.IsDialable(item)) undialable.Add((item, "Invalid phone number: use E.164, e.g. +15551234567"));
            else if (!BlandCreate.TryStart(item, out var start)) undialable.Add((item, "Invalid start_time"));
            else dialable.Add((item, start));
        }

        var global = create.Global;
        var spec = new BatchSpec(
            "Untitled Batch",
            BlandCreate.Text(global["pathway_id"]) ?? BlandCreate.Text(global["persona_id"]),
            dialable.Select(d => new SimulatedContact(BlandCreate.Text(d.Item["phone_number"])!, BlandCreate.Variables(d.Item))).ToList(),
            null,
            create.Fields());
        DateTimeOffset? at = dialable.Count > 0 && dialable.All(d => d.Start is not null) ? dialable.Min(d => d.Start) : null;
        string id;
        lock (Store.Gate)
        {
            var batch = Store.Create(Uuid, (d, _) => Uuid(d), spec);
            var rejected = undialable.Select(u => new BlandRejected(Uuid(Store.Ids), u.Item, u.Reason)).ToList();
            var extras = new BlandBatchExtras
            {
                Global = (JsonObject)global.DeepClone(),
                CallObjects = create.CallObjects.Select(c => (JsonObject)c.DeepClone()).ToList(),
                Rejected = rejected,
                Description = "Untitled Batch",
                ValidationError = create.ValidationError,
            };
            _extras[batch.Id] = extras;
            if (extras.ValidationError is null) batch.Launch(at < Now ? null : at, Now);
            id = batch.Id;
        }

        // "The API responds immediately with a batch_id. The calls do not start instantly." (cookbook)
        await Wire.WriteAsync(context, BlandJson.Ok(new JsonObject { ["batch_id"] = id })).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        JsonObject? data;
        lock (Store.Gate)
        {
            data = Store.Find(id) is { } batch ? BlandJson.Batch(batch, _extras[id]) : null;
        }

        await (data is null ? BatchNotFoundAsync(context) : Wire.WriteAsync(context, BlandJson.Ok(data))).ConfigureAwait(false);
    }

    private async Task LogsAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        var direction = context.Request.Query["direction"].ToString();
        var take = Count(context.Request, "take", 100);
        var skip = Count(context.Request, "skip", 0);
        if (direction.Length > 0 && direction is not ("asc" or "desc") || take is null or 0 || skip is null)
        {
            await RefuseAsync(context, 400, "INVALID_QUERY", "take must be a positive integer, skip a non-negative integer, direction asc or desc").ConfigureAwait(false);
            return;
        }

        JsonArray? page = null;
        lock (Store.Gate)
        {
            if (Store.Find(id) is { } batch)
            {
                var now = Now;
                page = BlandLog.Page(batch, BlandLog.Events(batch, _extras[id], Options, now), direction == "asc", skip.Value, take.Value);
            }
        }

        await (page is null ? BatchNotFoundAsync(context) : Wire.WriteAsync(context, BlandJson.Ok(page))).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var take = Count(context.Request, "take", 100);
        var skip = Count(context.Request, "skip", 0);
        if (take is null or 0 || skip is null)
        {
            await RefuseAsync(context, 400, "INVALID_QUERY", "take must be a positive integer and skip a non-negative integer").ConfigureAwait(false);
            return;
        }

        JsonArray list;
        lock (Store.Gate)
        {
            list = new JsonArray(Store.All().Reverse().Skip(skip.Value).Take(take.Value).Select(b => (JsonNode?)BlandJson.Batch(b, _extras[b.Id])).ToArray()); // newest first
        }

        await Wire.WriteAsync(context, BlandJson.Ok(list)).ConfigureAwait(false);
    }

    private Task StopAsync(HttpContext context) => ActAsync(context, (batch, extras, now) =>
    {
        if (extras.ValidationError is not null || !batch.Cancel(now)) return "Batch is not active: it has already finished";
        var dialled = batch.Calls.Count(c => c.Latest is not null);
        extras.Actions.Add((now, "stopped", $"Requested: {extras.CallObjects.Count}. Validated: {batch.Calls.Count}. Dispatched: {dialled}. Stopped by user."));
        return null;
    });

    private async Task PauseAsync(HttpContext context)
    {
        var body = await Wire.ReadJsonAsync(context).ConfigureAwait(false);
        if (body?["paused"] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            await RefuseAsync(context, 400, "INVALID_REQUEST", "paused is required and must be a boolean").ConfigureAwait(false);
            return;
        }

        var pause = flag.GetValue<bool>();
        VendorRoutes.SetOperation(context, pause ? BatchOperation.Pause : BatchOperation.Resume);
        await ActAsync(context, (batch, extras, now) =>
        {
            if (extras.ValidationError is not null || !(pause ? batch.Pause(now) : batch.Resume(now))) return pause ? "Only a batch that is waiting or running can be paused" : "Only a paused batch can be resumed";
            var message = $"Requested: {extras.CallObjects.Count}. Validated: {batch.Calls.Count}. Dispatched: {batch.Calls.Count}.";
            extras.Actions.Add((now, pause ? "paused" : "in_progress", pause ? "Paused by user." : message));
            return null;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs an action under the gate; <paramref name="act"/> returns why it was refused, or null. Answers
    /// <c>{data: null, errors: null}</c> ("Always null on success"), 400 with the reason, or 404.</summary>
    private async Task ActAsync(HttpContext context, Func<BatchState, BlandBatchExtras, DateTimeOffset, string?> act)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        bool found;
        string? refused = null;
        lock (Store.Gate)
        {
            var batch = Store.Find(id);
            found = batch is not null;
            if (batch is not null) refused = act(batch, _extras[id], Now);
        }

        await (!found ? BatchNotFoundAsync(context)
            : refused is not null ? RefuseAsync(context, 400, "INVALID_BATCH_STATE", refused)
            : Wire.WriteAsync(context, BlandJson.Ok(null))).ConfigureAwait(false);
    }

    private async Task CallsAsync(HttpContext context)
    {
        var request = context.Request;
        var from = Count(request, "from", 0);
        var limit = Count(request, "limit", 1000);
        var to = Count(request, "to", int.MaxValue);
        if (from is null || limit is null || to is null)
        {
            await RefuseAsync(context, 400, "INVALID_QUERY", "from, to and limit must be non-negative integers").ConfigureAwait(false);
            return;
        }

        var batchId = request.Query["batch_id"].ToString();
        var ascending = string.Equals(request.Query["ascending"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        JsonObject answer;
        lock (Store.Gate)
        {
            var now = Now;
            var calls = new List<JsonObject>();
            foreach (var batch in Store.All().Where(b => batchId.Length == 0 || b.Id == batchId))
            {
                var extras = _extras[batch.Id];
                if (extras.ValidationError is not null) continue;
                calls.AddRange(batch.Calls.Select(c => BlandJson.Call(batch, c, extras, now, details: false)));
                calls.AddRange(extras.Rejected.Select(r => BlandJson.Rejected(batch, r, extras)));
            }

            if (!ascending) calls.Reverse(); // "Whether to sort the calls in ascending order of their creation time" (default false)
            var take = Math.Max(0, Math.Min(limit.Value, to.Value - from.Value));
            answer = new JsonObject
            {
                ["count"] = calls.Count,
                ["calls"] = new JsonArray(calls.Skip(from.Value).Take(take).Select(c => (JsonNode?)c).ToArray()),
            };
        }

        await Wire.WriteAsync(context, answer).ConfigureAwait(false);
    }

    private async Task CallAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["call_id"]!;
        JsonObject? call = null;
        lock (Store.Gate)
        {
            var now = Now;
            foreach (var batch in Store.All())
            {
                if (batch.Calls.FirstOrDefault(c => c.Id == id) is { } found) call = BlandJson.Call(batch, found, _extras[batch.Id], now, details: true);
            }
        }

        await (call is null ? RefuseAsync(context, 404, "CALL_NOT_FOUND", "Call not found") : Wire.WriteAsync(context, call)).ConfigureAwait(false);
    }

    /// <summary>A query value as a non-negative integer, <paramref name="fallback"/> when absent; null when present but not one.</summary>
    private static int? Count(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
