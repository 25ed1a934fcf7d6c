using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Synthflow;

/// <summary>
/// Synthflow's batch calling (<c>https://api.synthflow.ai</c>, paths under <c>/v2</c>, <c>Authorization: Bearer</c>).
/// Sources: docs.synthflow.ai — the guide <c>batch-calling.md</c> and <c>api-reference/platform-api/batch-calls/*.md</c>
/// (create, list, recipients, pause, resume, cancel; the get page answers the same batch object). A create is dialled at
/// once, "over time as your account's concurrency allows" (<see cref="SimulatorOptions.DefaultConcurrency"/>: Synthflow's
/// create takes no concurrency); the batch reads <c>scheduled</c> while recipients wait (pausable), <c>in_progress</c>
/// once all are dialled, then <c>completed</c>; cancel marks the undialled recipients <c>canceled</c>. Lists page by
/// <c>limit</c> (1–100, default 20) and <c>offset</c>: batches newest first, recipients in the order they were added.
/// Every answer is <c>{status: "ok", response}</c>; errors are <c>{"detail": {status, description, request_id, category}}</c>
/// (the old OpenAPI's shape; the values are worded here). Appending to a batch (<c>batch_call_id</c>) is not simulated.
/// The SDK registered by <see cref="Register"/> calls from <see cref="CallerId"/>, the simulated workspace's number.
/// </summary>
internal sealed class SynthflowSimulator(SimulatorOptions options) : VendorSimulator(ProviderId.Synthflow, options)
{
    /// <summary>The simulated workspace's caller ID: the SDK's <see cref="SynthflowOptions.FromPhoneNumber"/> when registered here.</summary>
    public const string CallerId = "+16286666348";

    private static readonly string[] TaskWords = ["pending", "claimed", "dispatched", "failed", "canceled"];
    private readonly Dictionary<string, SynthflowExtras> _extras = new(StringComparer.Ordinal);
    private long _requests;

    public override void MapRoutes(VendorRoutes routes)
    {
        routes.Post("/v2/calls/batch", BatchOperation.Create, CreateAsync);                             // create-a-batch-call.md
        routes.Get("/v2/calls/batch", BatchOperation.List, ListAsync);                                  // list-batch-calls.md
        routes.Get("/v2/calls/batch/{batch_call_id}", BatchOperation.Get, GetAsync);                    // get-a-batch-call.md
        routes.Get("/v2/calls/batch/{batch_call_id}/tasks", BatchOperation.GetCalls, TasksAsync);       // list-batch-call-recipients.md
        routes.Post("/v2/calls/batch/{batch_call_id}/pause", BatchOperation.Pause, PauseAsync);         // pause-a-batch-call.md
        routes.Post("/v2/calls/batch/{batch_call_id}/resume", BatchOperation.Resume, ResumeAsync);      // resume-a-batch-call
        routes.Post("/v2/calls/batch/{batch_call_id}/cancel", BatchOperation.Cancel, CancelAsync);      // cancel-a-batch-call.md
    }

    public override bool IsAuthorized(HttpRequest request) => HasBearer(request);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => Error("Invalid or missing API key.", "authentication_error"),
        404 => Error("Not Found", "not_found"),
        429 => Error("Too many requests: the workspace's call attempts per second were exceeded.", "rate_limit"), // concurrency-calling-limits
        _ => Error(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode), statusCode >= 500 ? "internal_error" : "request_error"),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddSynthflow(o =>
        {
            o.FromPhoneNumber = CallerId;
            Point(o, baseAddress, apiKey, configure);
        });

    public override string StatusWord(BatchState batch, DateTimeOffset now) => SynthflowJson.BatchWord(batch);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var batch = NewBatch(spec);
        _extras[batch.Id] = new SynthflowExtras(spec.Contacts.Select(_ => new SynthflowSentTask(Uuid(Store.Ids), null, null, null)).ToList(), CallerId);
        batch.Launch(null, Now);
        return batch;
    }

    private JsonObject Error(string description, string category)
        => SynthflowJson.Error(description, category, "req_" + Interlocked.Increment(ref _requests).ToString("x12", CultureInfo.InvariantCulture));

    private BatchState NewBatch(BatchSpec spec) => Store.Create(Uuid, (d, _) => Uuid(d), spec);

    private static string Uuid(Dice d) => $"{d.HexDigits(8)}-{d.HexDigits(4)}-4{d.HexDigits(3)}-9{d.HexDigits(3)}-{d.HexDigits(12)}";

    private JsonObject Batch(BatchState batch) => SynthflowJson.Batch(batch, _extras[batch.Id], Now, Options.RingDuration);

    private Task RefuseAsync(HttpContext context, string description, int status = 400)
        => Wire.WriteAsync(context, Error(description, status == 404 ? "not_found" : "invalid_request"), status);

    private Task NotFoundAsync(HttpContext context) => RefuseAsync(context, "Batch call not found.", 404);

    private async Task CreateAsync(HttpContext context)
    {
        var node = await Wire.ReadJsonAsync(context).ConfigureAwait(false);
        JsonObject answer;
        lock (Store.Gate)
        {
            var (body, refusal) = SynthflowCreate.Read(node, () => Uuid(Store.Ids));
            if (body is null)
            {
                answer = Error(refusal!, "invalid_request");
            }
            else
            {
                var spec = new BatchSpec(body.Name, body.ModelId, body.Tasks.Select(t => t.Contact).ToList(), null, body.Fields);
                var batch = NewBatch(spec);
                _extras[batch.Id] = new SynthflowExtras(body.Tasks.Select(t => t.Task).ToList(), body.FromPhoneNumber);
                batch.Launch(null, Now);
                answer = SynthflowJson.Ok(Batch(batch));
            }
        }

        await Wire.WriteAsync(context, answer, answer.ContainsKey("detail") ? 400 : 200).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_call_id"]!;
        JsonObject? answer;
        lock (Store.Gate)
        {
            answer = Store.Find(id) is { } batch ? SynthflowJson.Ok(Batch(batch)) : null;
        }

        await (answer is null ? NotFoundAsync(context) : Wire.WriteAsync(context, answer)).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (Paging(context.Request) is not { } paging)
        {
            await RefuseAsync(context, "limit must be between 1 and 100 and offset at least 0.").ConfigureAwait(false);
            return;
        }

        JsonObject answer;
        lock (Store.Gate)
        {
            var all = Store.All().Reverse().ToList(); // "most recently created first"
            answer = SynthflowJson.Ok(SynthflowJson.Page("batch_calls", all.Skip(paging.Offset).Take(paging.Limit).Select(Batch), all.Count, paging.Limit, paging.Offset));
        }

        await Wire.WriteAsync(context, answer).ConfigureAwait(false);
    }

    private async Task TasksAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_call_id"]!;
        var status = context.Request.Query["status"].ToString();
        if (Paging(context.Request) is not { } paging || (status.Length > 0 && !TaskWords.Contains(status, StringComparer.Ordinal)))
        {
            await RefuseAsync(context, "limit must be between 1 and 100, offset at least 0, and status one of pending, claimed, dispatched, failed, canceled.").ConfigureAwait(false);
            return;
        }

        JsonObject? answer = null;
        lock (Store.Gate)
        {
            if (Store.Find(id) is { } batch)
            {
                var now = Now;
                var extras = _extras[id];
                var ring = Options.RingDuration;
                var matching = batch.Calls // "in the order they were added"
                    .Where(c => status.Length == 0 || SynthflowJson.TaskWord(c, now, ring) == status)
                    .ToList();
                var page = matching.Skip(paging.Offset).Take(paging.Limit).Select(c => SynthflowJson.Task(c, extras.Tasks[c.Index], now, ring));
                answer = SynthflowJson.Ok(SynthflowJson.Page("tasks", page, matching.Count, paging.Limit, paging.Offset));
            }
        }

        await (answer is null ? NotFoundAsync(context) : Wire.WriteAsync(context, answer)).ConfigureAwait(false);
    }

    private Task PauseAsync(HttpContext context)
        => ActAsync(context, (b, now) => SynthflowJson.BatchWord(b) == "scheduled" && b.Pause(now), "Only scheduled batches can be paused.");

    private Task ResumeAsync(HttpContext context)
        => ActAsync(context, (b, now) => b.Phase == BatchPhase.Paused && b.Resume(now), "Only paused batches can be resumed.");

    private Task CancelAsync(HttpContext context)
        => ActAsync(context, (b, now) => b.Cancel(now), "The batch has already completed or been canceled.");

    private async Task ActAsync(HttpContext context, Func<BatchState, DateTimeOffset, bool> act, string refusal)
    {
        var id = (string)context.Request.RouteValues["batch_call_id"]!;
        JsonObject? answer;
        var status = 200;
        lock (Store.Gate)
        {
            var batch = Store.Find(id);
            if (batch is null)
            {
                answer = null;
            }
            else if (act(batch, Now))
            {
                answer = SynthflowJson.Ok(Batch(batch));
            }
            else
            {
                answer = Error(refusal, "invalid_state");
                status = 400;
            }
        }

        await (answer is null ? NotFoundAsync(context) : Wire.WriteAsync(context, answer, status)).ConfigureAwait(false);
    }

    /// <summary><c>limit</c> (1–100, default 20) and <c>offset</c> (≥ 0, default 0); null when either is out of range.</summary>
    private static (int Limit, int Offset)? Paging(HttpRequest request)
    {
        var limit = Wire.PositiveInt(request, "limit", 20);
        var offsetText = request.Query["offset"].ToString();
        var offset = offsetText.Length == 0 ? 0 : int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
        return limit is >= 1 and <= 100 && offset >= 0 ? (limit.Value, offset) : null;
    }
}
