using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Retell;

/// <summary>
/// Retell (<c>https://api.retellai.com</c>, <c>Authorization: Bearer</c>). Sources: Retell's official SDKs
/// (<c>RetellAI/retell-python-sdk</c> @ a14e511 <c>api.md</c>, <c>resources/batch_call.py</c>, <c>resources/call.py</c>,
/// <c>types/*</c>; <c>RetellAI/retell-typescript-sdk</c> @ b274013) and https://docs.retellai.com/api-references/create-batch-call.
/// Retell's only batch route is <c>POST /create-batch-call</c> (201): there is no route to read, list, cancel or change a batch,
/// so none is simulated (an unknown route answers Retell's 404). A batch starts at its <c>trigger_timestamp</c> (MILLISECONDS)
/// or at once; its calls appear on <c>POST /v3/list-calls</c> (filter <c>batch_call_id</c> <c>{op, type:"string", value}</c>,
/// opaque <c>pagination_key</c> cursor, <c>has_more</c>) only once dialled, and carry no batch id and no transcript —
/// <c>GET /v2/get-call/{call_id}</c> adds the transcript. The caller number must be one the account owns
/// (<see cref="AccountNumber"/>); its bound agent calls unless a task names <c>override_agent_id</c>.
/// </summary>
internal sealed class RetellSimulator(SimulatorOptions options) : VendorSimulator(ProviderId.Retell, options)
{
    /// <summary>The one number the simulated account owns (the docs' example caller number). Clients made by the simulator use
    /// it as <see cref="RetellOptions.DefaultFromNumber"/>.</summary>
    public const string AccountNumber = "+14157774444";

    /// <summary>The agent bound to <see cref="AccountNumber"/>, used by tasks without <c>override_agent_id</c>.</summary>
    public const string BoundAgent = "agent_bound_to_account_number";

    private const int DefaultLimit = 50;
    private const int MaxLimit = 1000;
    private const string CursorPrefix = "after:";
    private static readonly string[] StringOps = ["eq", "ne", "sw", "ew", "co"];

    private readonly Dictionary<string, RetellUpload> _uploads = new(StringComparer.Ordinal);

    public override void MapRoutes(VendorRoutes routes)
    {
        routes.Post("/create-batch-call", BatchOperation.Create, CreateAsync);   // "Create a batch call" → 201 BatchCallResponse
        routes.Post("/v3/list-calls", BatchOperation.GetCalls, ListCallsAsync);   // call.list: {items, pagination_key, has_more, total?}
        routes.Get("/v2/get-call/{call_id}", null, GetCallAsync);                 // call.retrieve: one call with its transcript
    }

    public override bool IsAuthorized(HttpRequest request) => HasBearer(request);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => RetellJson.Error("Invalid API key."),
        404 => RetellJson.Error("Not Found"),
        429 => RetellJson.Error("Too many requests."),
        _ => RetellJson.Error(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddRetell(o =>
        {
            o.DefaultFromNumber = AccountNumber; // the simulated account's number, like its key: configured, not asked for per batch
            Point(o, baseAddress, apiKey, configure);
        });

    /// <summary>Retell's API reports no batch status at all; the simulator shows its engine's phase in lower case.</summary>
    public override string StatusWord(BatchState batch, DateTimeOffset now) => batch.Phase.ToString().ToLowerInvariant();

    public override BatchState AddBatch(BatchSpec spec)
    {
        var tasks = spec.Contacts.Select(c => new JsonObject { ["to_number"] = c.PhoneNumber }).ToList();
        var batch = NewBatch(spec, new RetellUpload(AccountNumber, tasks));
        batch.Launch(null, Now);
        return batch;
    }

    private BatchState NewBatch(BatchSpec spec, RetellUpload upload)
    {
        var batch = Store.Create(d => "batch_call_" + d.HexDigits(21), (d, _) => "call_" + d.HexDigits(28), spec);
        _uploads[batch.Id] = upload;
        return batch;
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await Wire.ReadJsonAsync(context).ConfigureAwait(false);
        if (RetellCreate.Problem(body) is { } problem)
        {
            await Wire.WriteAsync(context, RetellJson.Error(problem), 400).ConfigureAwait(false);
            return;
        }

        var root = (JsonObject)body!;
        if (RetellJson.Text(root["from_number"]) != AccountNumber)
        {
            // "Must be a number purchased from Retell or imported to Retell"; the refusal's status and wording are not published.
            await Wire.WriteAsync(context, RetellJson.Error("from_number is not a phone number of this account."), 404).ConfigureAwait(false);
            return;
        }

        var tasks = ((JsonArray)root["tasks"]!).Select(t => (JsonObject)t!.DeepClone()).ToList();
        var contacts = tasks.Select(t => new SimulatedContact(RetellJson.Text(t["to_number"])!, RetellCreate.Variables(t))).ToList();
        var agent = tasks.Select(t => RetellJson.Text(t["override_agent_id"])).FirstOrDefault(a => a is not null) ?? BoundAgent;
        var spec = new BatchSpec(RetellJson.Text(root["name"]), agent, contacts, null, RetellCreate.Fields(root));
        JsonObject answer;
        lock (Store.Gate)
        {
            var batch = NewBatch(spec, new RetellUpload(AccountNumber, tasks));
            batch.Launch(RetellCreate.Start(root), Now);
            answer = RetellJson.Batch(batch, _uploads[batch.Id], root["call_time_window"]);
        }

        await Wire.WriteAsync(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private async Task ListCallsAsync(HttpContext context)
    {
        // An empty body lists every call; a body that is not a JSON object is refused.
        var body = await Wire.ReadJsonAsync(context).ConfigureAwait(false) ?? (context.Request.ContentLength is null or 0 ? new JsonObject() : null);
        var query = ListQuery.Parse(body);
        if (query is not { Problem: null })
        {
            await Wire.WriteAsync(context, RetellJson.Error(query?.Problem ?? "The request body must be a JSON object."), 400).ConfigureAwait(false);
            return;
        }

        JsonObject? answer;
        lock (Store.Gate)
        {
            var now = Now;
            var matching = Store.All()
                .SelectMany(b => b.Calls.Where(c => RetellJson.IsListed(c, now)).Select(c => (Batch: b, Call: c)))
                .Where(x => query.Matches(x.Batch.Id, RetellJson.Words(x.Call, now)!.Value.Status))
                .OrderBy(x => x.Call.Latest!.DialedAt).ThenBy(x => x.Batch.CreatedAt).ThenBy(x => x.Call.Index)
                .ToList();
            if (query.Descending) matching.Reverse();
            var start = query.Skip;
            if (query.After is { } after)
            {
                var at = matching.FindIndex(x => x.Call.Id == after);
                start = at < 0 ? -1 : at + 1 + query.Skip;
            }

            if (start < 0)
            {
                answer = null;
            }
            else
            {
                var page = matching.Skip(start).Take(query.Limit).ToList();
                var more = start + page.Count < matching.Count;
                answer = new JsonObject
                {
                    ["items"] = new JsonArray(page.Select(x => (JsonNode?)RetellJson.Call(x.Batch, x.Call, _uploads[x.Batch.Id], now)).ToArray()),
                    ["pagination_key"] = more && page.Count > 0 ? Cursor(page[^1].Call.Id) : null,
                    ["has_more"] = more,
                };
                if (query.IncludeTotal) answer["total"] = matching.Count;
            }
        }

        await (answer is null
            ? Wire.WriteAsync(context, RetellJson.Error("pagination_key is not valid for this query."), 400)
            : Wire.WriteAsync(context, answer)).ConfigureAwait(false);
    }

    private async Task GetCallAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["call_id"]!;
        JsonObject? answer = null;
        lock (Store.Gate)
        {
            var now = Now;
            foreach (var batch in Store.All())
            {
                if (batch.Calls.FirstOrDefault(c => c.Id == id) is { } call && RetellJson.IsListed(call, now)) answer = RetellJson.FullCall(batch, call, _uploads[batch.Id], now);
            }
        }

        await Wire.WriteAsync(context, answer ?? RetellJson.Error("Call not found."), answer is null ? 404 : 200).ConfigureAwait(false);
    }

    /// <summary>An opaque cursor: "Opaque pagination cursor from a previous response."</summary>
    private static string Cursor(string callId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + callId)).TrimEnd('=');

    /// <summary>A list-calls body, read as <c>CallListParams</c>; <see cref="Problem"/> says why it would be refused.</summary>
    private sealed record ListQuery(string? Problem, string? BatchOp = null, string? BatchValue = null, IReadOnlySet<string>? Statuses = null,
        int Limit = DefaultLimit, int Skip = 0, bool Descending = true, string? After = null, bool IncludeTotal = false)
    {
        public static ListQuery? Parse(JsonNode? body)
        {
            if (body is not JsonObject root) return null;
            var query = new ListQuery((string?)null);
            if (root["filter_criteria"] is { } criteria)
            {
                if (criteria is not JsonObject filters) return new("filter_criteria must be an object.");
                if (filters["batch_call_id"] is { } batch)
                {
                    // v3 takes {op, type, value}; the deprecated v2 took a list of ids.
                    if (batch is not JsonObject f) return new("filter_criteria.batch_call_id must be an object {op, type, value}.");
                    if (RetellJson.Text(f["op"]) is not { } op || !StringOps.Contains(op)) return new("filter_criteria.batch_call_id.op must be one of eq, ne, sw, ew, co.");
                    if (RetellJson.Text(f["type"]) != "string") return new("filter_criteria.batch_call_id.type must be \"string\".");
                    if (RetellJson.Text(f["value"]) is not { } value) return new("filter_criteria.batch_call_id.value is required.");
                    query = query with { BatchOp = op, BatchValue = value };
                }

                if (filters["call_status"] is JsonObject { } status)
                {
                    if (RetellJson.Text(status["op"]) != "in" || status["value"] is not JsonArray values) return new("filter_criteria.call_status must be {op: \"in\", type: \"enum\", value: [...]}.");
                    query = query with { Statuses = values.Select(v => RetellJson.Text(v) ?? string.Empty).ToHashSet(StringComparer.Ordinal) };
                }
            }

            if (root["limit"] is { } limit)
            {
                if (limit.GetValueKind() != JsonValueKind.Number || limit.GetValue<double>() is < 1 or > MaxLimit) return new($"limit must be between 1 and {MaxLimit}.");
                query = query with { Limit = (int)limit.GetValue<double>() };
            }

            if (root["skip"] is { } skip)
            {
                if (skip.GetValueKind() != JsonValueKind.Number || skip.GetValue<double>() < 0) return new("skip must be at least 0.");
                query = query with { Skip = (int)skip.GetValue<double>() };
            }

            if (root["sort_order"] is { } order)
            {
                var word = RetellJson.Text(order);
                if (word is not ("ascending" or "descending")) return new("sort_order must be ascending or descending.");
                query = query with { Descending = word == "descending" };
            }

            if (root["pagination_key"] is { } key)
            {
                if (Decode(RetellJson.Text(key)) is not { } after) return new("pagination_key is not valid.");
                query = query with { After = after };
            }

            return query with { IncludeTotal = root["include_total"] is JsonValue total && total.GetValueKind() == JsonValueKind.True };
        }

        public bool Matches(string batchId, string callStatus)
        {
            if (Statuses is { } statuses && !statuses.Contains(callStatus)) return false;
            return BatchOp switch
            {
                null => true,
                "eq" => batchId == BatchValue,
                "ne" => batchId != BatchValue,
                "sw" => batchId.StartsWith(BatchValue!, StringComparison.Ordinal),
                "ew" => batchId.EndsWith(BatchValue!, StringComparison.Ordinal),
                _ => batchId.Contains(BatchValue!, StringComparison.Ordinal),
            };
        }

        private static string? Decode(string? key)
        {
            if (key is null) return null;
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(key.PadRight(key.Length + ((4 - (key.Length % 4)) % 4), '=')));
                return text.StartsWith(CursorPrefix, StringComparison.Ordinal) && text.Length > CursorPrefix.Length ? text[CursorPrefix.Length..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
