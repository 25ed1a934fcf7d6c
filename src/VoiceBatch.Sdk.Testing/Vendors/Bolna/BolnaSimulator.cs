using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bolna;

/// <summary>
/// Bolna (<c>https://api.bolna.ai</c>, <c>Authorization: Bearer</c>). Sources: seed 003 and Bolna's current docs
/// (bolna.ai/docs <c>api-reference/batches/*.md</c>, <c>api-reference/errors.md</c>, <c>quickstarts/batch.md</c>). A batch is
/// uploaded (<c>created</c>), then scheduled at least 2 minutes ahead — Bolna rounds the start up to the next 10-minute
/// mark — and runs <c>scheduled → queued → running → completed</c>; <c>stop</c> makes it <c>stopped</c>. Only rows with
/// a valid <c>contact_number</c> are called (<c>valid_contacts</c> of <c>total_contacts</c>). Executions are a bare array
/// on <c>GET /batches/{id}/executions</c>, the only batch-executions route Bolna documents.
/// </summary>
internal sealed class BolnaSimulator(SimulatorOptions options) : VendorSimulator(ProviderId.Bolna, options)
{
    /// <summary>The simulated agent's caller number, used when the create names none.</summary>
    public const string AgentNumber = "+19876543007";

    private const string SeedId = "3c90c3cc0d444b5088888dd25736052a";
    private static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaximumLead = TimeSpan.FromDays(30);

    private readonly Dictionary<string, BolnaUpload> _uploads = new(StringComparer.Ordinal);

    public override void MapRoutes(VendorRoutes routes)
    {
        routes.Post("/batches", BatchOperation.Create, CreateAsync);                          // batches/create.md (multipart, 201)
        routes.Post("/batches/{batch_id}/schedule", BatchOperation.Schedule, ScheduleAsync);  // batches/schedule.md
        routes.Post("/batches/{batch_id}/stop", BatchOperation.Cancel, StopAsync);            // batches/stop.md
        routes.Get("/batches/{batch_id}", BatchOperation.Get, GetAsync);                      // seed 003; batches/get_batch.md
        routes.Delete("/batches/{batch_id}", null, DeleteAsync);                              // batches/delete.md
        routes.Get("/batches/{agent_id}/all", BatchOperation.List, ListAsync);                // batches/get_batches.md: bare array, no paging
        routes.Get("/batches/{batch_id}/executions", BatchOperation.GetCalls, ExecutionsAsync); // batches/executions.md: bare array
        routes.Get("/executions/{execution_id}", null, ExecutionAsync);                       // executions/get_execution.md
    }

    public override bool IsAuthorized(HttpRequest request) => HasBearer(request);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => FastApiError.Detail("Access denied"),        // errors.md "401 Access denied"; auth errors come as {"detail": …} (Bolna's CLI and MCP)
        404 => FastApiError.Detail("Not Found"),
        429 => Message("Too many requests"),
        500 => Message("Internal server error"),
        _ => Message(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddBolna(o => Point(o, baseAddress, apiKey, configure));

    public override string StatusWord(BatchState batch, DateTimeOffset now) => BolnaJson.BatchWord(batch.Phase);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var batch = NewBatch(spec, new BolnaUpload(spec.Contacts.Count, [], (spec.Name ?? "contacts") + ".csv"));
        batch.Launch(null, Now);
        return batch;
    }

    private static JsonObject Message(string message) => new() { ["message"] = message };

    private BatchState NewBatch(BatchSpec spec, BolnaUpload upload)
    {
        var batch = Store.Create(d => d.HexDigits(32), (d, _) => Uuid(d), spec);
        _uploads[batch.Id] = upload;
        return batch;
    }

    private static string Uuid(Dice d) => $"{d.HexDigits(8)}-{d.HexDigits(4)}-4{d.HexDigits(3)}-a{d.HexDigits(3)}-{d.HexDigits(12)}";

    private async Task CreateAsync(HttpContext context)
    {
        var upload = await Upload.ReadAsync(context).ConfigureAwait(false);
        if (upload?.Field("agent_id") is not { } agentId)
        {
            await Wire.WriteAsync(context, new JsonObject { ["error"] = 1001, ["message"] = "agent_id is required" }, 400).ConfigureAwait(false); // errors.md example
            return;
        }

        if (upload.File is null || upload.FileIsWorkbook)
        {
            await Wire.WriteAsync(context, Message("file is required: a CSV with a contact_number column"), 400).ConfigureAwait(false);
            return;
        }

        var table = CsvTable.Parse(upload.FileText ?? string.Empty);
        var phone = table.IndexOf("contact_number");
        if (phone < 0)
        {
            // create.md: "contact_number is required"; the refusal's wording is not published.
            await Wire.WriteAsync(context, Message("contact_number column is required in the CSV file"), 400).ConfigureAwait(false);
            return;
        }

        if (upload.Field("retry_config") is { } retry && RetryConfigError(retry) is { } retryError)
        {
            await Wire.WriteAsync(context, Message(retryError), 400).ConfigureAwait(false);
            return;
        }

        var all = table.Contacts(phone);
        var valid = all.Where(c => PhoneText.IsE164(c.PhoneNumber)).ToList(); // "Only the contact_number column is validated"
        var from = upload.Repeated.TryGetValue("from_phone_numbers", out var many) ? many.Where(n => n.Length > 0).ToList() : [];
        if (from.Count == 0 && upload.Field("from_phone_number") is { } single) from.Add(single); // the older single field
        var spec = new BatchSpec(upload.File.FileName, agentId, valid, null, upload.Fields);
        string id;
        lock (Store.Gate)
        {
            id = NewBatch(spec, new BolnaUpload(all.Count, from, upload.File.FileName)).Id;
        }

        await Wire.WriteAsync(context, new JsonObject { ["batch_id"] = id, ["state"] = "created" }, 201).ConfigureAwait(false);
    }

    /// <summary>auto-retry.md: <c>max_retries</c> 1–3, <c>retry_intervals_minutes</c> a list of minutes (the wording of the refusal is not published).</summary>
    private static string? RetryConfigError(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject config) return "retry_config must be a JSON object";
            if (config["max_retries"] is { } max && (max.GetValueKind() != JsonValueKind.Number || max.GetValue<double>() is < 1 or > 3)) return "retry_config.max_retries must be between 1 and 3";
            return config["retry_intervals_minutes"] is { } intervals && intervals is not JsonArray ? "retry_config.retry_intervals_minutes must be a list" : null;
        }
        catch (JsonException)
        {
            return "retry_config must be valid JSON";
        }
    }

    private async Task ScheduleAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        var upload = await Upload.ReadAsync(context).ConfigureAwait(false);
        var text = upload?.Field("scheduled_at");
        JsonObject answer;
        var status = 400;
        if (text is null)
        {
            answer = Message("scheduled_at is required");
        }
        else if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            // schedule.md: "The Z suffix is not accepted and returns a 500"; errors.md: "Internal server error".
            answer = Message("Internal server error");
            status = 500;
        }
        else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            answer = Message("Parsing error"); // errors.md
        }
        else
        {
            lock (Store.Gate)
            {
                var now = Now;
                var batch = Store.Find(id);
                if (batch is null)
                {
                    answer = Message("Batch not found");
                    status = 404;
                }
                else if (at < now + MinimumLead)
                {
                    answer = Message("Scheduled time should be atleast 2 minutes in the future"); // errors.md, verbatim
                }
                else if (at > now + MaximumLead)
                {
                    answer = Message("Scheduled time should be at most 30 days in the future"); // schedule.md: "later values return a 400"
                }
                else
                {
                    var start = RoundUpToTenMinutes(at);
                    if (batch.Reschedule(start, now))
                    {
                        answer = new JsonObject { ["message"] = "success", ["state"] = "scheduled at " + BolnaJson.Offset(start) }; // quickstart, batch-calling guide
                        status = 200;
                    }
                    else
                    {
                        answer = Message("Batch is already running or finished");
                    }
                }
            }
        }

        await Wire.WriteAsync(context, answer, status).ConfigureAwait(false);
    }

    /// <summary>"a 12:02 request runs at 12:10" (quickstart; limits.md).</summary>
    private static DateTimeOffset RoundUpToTenMinutes(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var ticks = TimeSpan.FromMinutes(10).Ticks;
        var rest = utc.UtcTicks % ticks;
        return rest == 0 ? utc : new DateTimeOffset(utc.UtcTicks - rest + ticks, TimeSpan.Zero);
    }

    private async Task StopAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        bool stopped;
        lock (Store.Gate)
        {
            var batch = Store.Find(id);
            stopped = batch is { Phase: BatchPhase.Scheduled or BatchPhase.Queued or BatchPhase.Running } && batch.Cancel(Now);
        }

        await (stopped
            ? Wire.WriteAsync(context, new JsonObject { ["message"] = "success", ["state"] = "stopped" })
            : Wire.WriteAsync(context, Message("Batch is not queued or running"), 404)).ConfigureAwait(false); // stop.md, verbatim
    }

    private async Task GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        if (id == SeedId)
        {
            await Wire.WriteRawAsync(context, SeedFiles.Read("bolna-get.json")).ConfigureAwait(false);
            return;
        }

        JsonObject? answer;
        lock (Store.Gate)
        {
            answer = Store.Find(id) is { } batch ? BolnaJson.Batch(batch, _uploads[id], Now) : null;
        }

        await Wire.WriteAsync(context, answer ?? Message("Batch not found"), answer is null ? 404 : 200).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        bool removed;
        lock (Store.Gate)
        {
            removed = Store.Remove(id) && _uploads.Remove(id);
        }

        await Wire.WriteAsync(context, removed ? new JsonObject { ["message"] = "success", ["state"] = "deleted" } : Message("Batch not found"), removed ? 200 : 404).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var agent = (string)context.Request.RouteValues["agent_id"]!;
        JsonArray list;
        lock (Store.Gate)
        {
            var now = Now;
            list = new JsonArray(Store.All().Where(b => b.Spec.AgentId == agent).Select(b => (JsonNode?)BolnaJson.Batch(b, _uploads[b.Id], now)).ToArray());
        }

        await Wire.WriteAsync(context, list).ConfigureAwait(false);
    }

    private async Task ExecutionsAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        JsonArray? list = null;
        lock (Store.Gate)
        {
            if (Store.Find(id) is { } batch)
            {
                var now = Now;
                list = new JsonArray(batch.Calls.Select(c => (JsonNode?)BolnaJson.Execution(batch, c, _uploads[id], now)).ToArray());
            }
        }

        await (list is null ? Wire.WriteAsync(context, Message("Batch not found"), 404) : Wire.WriteAsync(context, list)).ConfigureAwait(false);
    }

    private async Task ExecutionAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["execution_id"]!;
        JsonObject? execution = null;
        lock (Store.Gate)
        {
            foreach (var batch in Store.All())
            {
                if (batch.Calls.FirstOrDefault(c => c.Id == id) is { } call) execution = BolnaJson.Execution(batch, call, _uploads[batch.Id], Now);
            }
        }

        await Wire.WriteAsync(context, execution ?? Message("Execution not found"), execution is null ? 404 : 200).ConfigureAwait(false);
    }
}
