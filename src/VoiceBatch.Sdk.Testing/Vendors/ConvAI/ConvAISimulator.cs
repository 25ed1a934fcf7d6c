using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.ConvAI;

/// <summary>
/// The batch-calling API ElevenLabs created and VoiceAI (ThreeTone) re-hosts: <c>submit</c>, <c>workspace</c> (cursor
/// <c>last_doc</c> → <c>next_doc</c>, <c>has_more</c>), <c>{batch_id}</c> with recipients inline, <c>cancel</c>,
/// <c>retry</c> and <c>DELETE</c>. The two dialects differ only where their documents do — path prefix, auth header,
/// list bounds and filters, extra answer fields — and each subclass says how. Sources: ElevenLabs' official SDKs
/// (<c>elevenlabs-python</c> <c>conversational_ai/batch_calls/raw_client.py</c>, <c>elevenlabs-js</c>
/// <c>tests/wire/conversationalAi/batchCalls.test.ts</c>) and docs; ThreeTone's pages at docs.threetone.in (seed 001).
/// </summary>
internal abstract class ConvAISimulator(ProviderId provider, SimulatorOptions options) : VendorSimulator(provider, options)
{
    private readonly Dictionary<string, ConvAIExtras> _extras = new(StringComparer.Ordinal);

    /// <summary>The route prefix, e.g. <c>/v1/convai/batch-calling</c>.</summary>
    protected abstract string Prefix { get; }

    /// <summary>The most batches one list page may ask for (null: no documented bound).</summary>
    protected abstract int? MaxListLimit { get; }

    /// <summary>True when the list honours <c>agent_id</c> ("Filter batch calls to a single agent.").</summary>
    protected abstract bool ListFiltersByAgent { get; }

    /// <summary>True when submit honours <c>target_concurrency_limit</c>.</summary>
    protected abstract bool AcceptsConcurrencyLimit { get; }

    /// <summary>Submit fields this dialect reports back on every batch answer (e.g. <c>telephony_call_config</c>).</summary>
    protected abstract IEnumerable<KeyValuePair<string, JsonNode?>> EchoedFields(JsonObject submit);

    /// <summary>Seed ids served verbatim, with their seed file.</summary>
    protected virtual IReadOnlyDictionary<string, string> Seeds { get; } = new Dictionary<string, string>();

    public override void MapRoutes(VendorRoutes routes)
    {
        routes.Post(Prefix + "/submit", BatchOperation.Create, SubmitAsync);           // "Submit batch calling job"
        routes.Get(Prefix + "/workspace", BatchOperation.List, ListAsync);             // "List workspace batch calling jobs"
        routes.Get(Prefix + "/{batch_id}", BatchOperation.Get, GetAsync);              // "Get batch call information"
        routes.Delete(Prefix + "/{batch_id}", null, DeleteAsync);                      // "Permanently delete a batch call": empty 200
        routes.Post(Prefix + "/{batch_id}/cancel", BatchOperation.Cancel, CancelAsync); // "set all recipients to cancelled status"
        routes.Post(Prefix + "/{batch_id}/retry", BatchOperation.Retry, RetryAsync);    // "calling failed and no-response recipients again"
    }

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => Unauthorized(request),
        404 => FastApiError.Detail("Not Found"),                   // Starlette's default for an unknown route
        429 => FastApiError.Detail("Too many requests"),
        _ => FastApiError.Detail(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    /// <summary>The dialect's 401 body (neither vendor publishes one).</summary>
    protected abstract JsonNode Unauthorized(HttpRequest request);

    public override string StatusWord(BatchState batch, DateTimeOffset now) => ConvAIWords.Batch(batch.Phase);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var batch = NewBatch(spec);
        _extras[batch.Id] = new ConvAIExtras(spec.Contacts.Select(c => new JsonObject { ["phone_number"] = c.PhoneNumber }).ToList(), [], null);
        batch.Launch(null, Now);
        return batch;
    }

    private BatchState NewBatch(BatchSpec spec) => Store.Create(d => "btcal_" + d.Alphanumerics(24), (d, _) => "rcpt_" + d.Alphanumerics(20), spec);

    private async Task SubmitAsync(HttpContext context)
    {
        var body = await Wire.ReadJsonAsync(context).ConfigureAwait(false);
        var errors = ConvAISubmit.Validate(body, AcceptsConcurrencyLimit);
        if (errors.Count > 0)
        {
            await Wire.WriteAsync(context, FastApiError.Validation(errors), 422).ConfigureAwait(false);
            return;
        }

        var root = (JsonObject)body!;
        var recipients = ((JsonArray)root["recipients"]!).Select(r => (JsonObject)r!).ToList();
        var contacts = recipients.Select(r => new SimulatedContact(ConvAISubmit.Text(r["phone_number"]) ?? string.Empty, ConvAISubmit.Variables(r))).ToList();
        var concurrency = AcceptsConcurrencyLimit && root["target_concurrency_limit"] is JsonValue limit ? (int?)limit.GetValue<int>() : null;
        DateTimeOffset? start = root["scheduled_time_unix"] is JsonValue at ? DateTimeOffset.FromUnixTimeSeconds(at.GetValue<long>()) : null;
        var spec = new BatchSpec(ConvAISubmit.Text(root["call_name"]), ConvAISubmit.Text(root["agent_id"]), contacts, concurrency, ConvAISubmit.Fields(root));
        var extras = new ConvAIExtras(
            recipients.Select(r => (JsonObject)r.DeepClone()).ToList(),
            new JsonObject(EchoedFields(root).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))),
            ConvAISubmit.Text(root["agent_phone_number_id"]));
        JsonObject answer;
        lock (Store.Gate)
        {
            var batch = NewBatch(spec);
            _extras[batch.Id] = extras;
            batch.Launch(start, Now);
            answer = ConvAIJson.Batch(batch, extras, Now, withRecipients: false);
        }

        await Wire.WriteAsync(context, answer).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        if (Seeds.TryGetValue(id, out var seed))
        {
            await Wire.WriteRawAsync(context, SeedFiles.Read(seed)).ConfigureAwait(false);
            return;
        }

        JsonObject? answer;
        lock (Store.Gate)
        {
            answer = Store.Find(id) is { } batch ? ConvAIJson.Batch(batch, _extras[id], Now, withRecipients: true) : null;
        }

        await (answer is null ? NotFoundAsync(context) : Wire.WriteAsync(context, answer)).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var limitText = context.Request.Query["limit"].ToString();
        var limit = 100;
        if (limitText.Length > 0 && !int.TryParse(limitText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out limit))
        {
            await Wire.WriteAsync(context, FastApiError.Validation([FastApiError.Item("int_parsing", "Input should be a valid integer, unable to parse string as an integer", "query", "limit")]), 422).ConfigureAwait(false);
            return;
        }

        if (limit < 1 || limit > (MaxListLimit ?? int.MaxValue))
        {
            var item = limit < 1
                ? FastApiError.Item("greater_than_equal", "Input should be greater than or equal to 1", "query", "limit")
                : FastApiError.Item("less_than_equal", $"Input should be less than or equal to {MaxListLimit}", "query", "limit");
            await Wire.WriteAsync(context, FastApiError.Validation([item]), 422).ConfigureAwait(false);
            return;
        }

        var cursor = context.Request.Query["last_doc"].ToString();
        var agent = ListFiltersByAgent ? context.Request.Query["agent_id"].ToString() : string.Empty;
        JsonObject answer;
        lock (Store.Gate)
        {
            var now = Now;
            var all = Store.All().Reverse().Where(b => agent.Length == 0 || b.Spec.AgentId == agent).ToList(); // newest first
            var start = cursor.Length == 0 ? 0 : all.FindIndex(b => b.Id == cursor) is var at and >= 0 ? at + 1 : all.Count;
            var page = all.Skip(start).Take(limit).ToList();
            var more = start + page.Count < all.Count;
            answer = new JsonObject
            {
                ["batch_calls"] = new JsonArray(page.Select(b => (JsonNode?)ConvAIJson.Batch(b, _extras[b.Id], now, withRecipients: false)).ToArray()),
                ["next_doc"] = more ? page[^1].Id : null,
                ["has_more"] = more,
            };
        }

        await Wire.WriteAsync(context, answer).ConfigureAwait(false);
    }

    private Task CancelAsync(HttpContext context) => ActAsync(context, (b, now) => b.Cancel(now), "Batch call is not pending or in progress; only those can be cancelled");

    private Task RetryAsync(HttpContext context) => ActAsync(context, (b, now) => b.Retry(now), "Only a finished batch call can be retried");

    private async Task ActAsync(HttpContext context, Func<BatchState, DateTimeOffset, bool> act, string refusal)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
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
                answer = ConvAIJson.Batch(batch, _extras[id], Now, withRecipients: false);
            }
            else
            {
                answer = FastApiError.Detail(refusal); // neither vendor publishes this refusal; a FastAPI HTTPException(400)
                status = 400;
            }
        }

        await (answer is null ? NotFoundAsync(context) : Wire.WriteAsync(context, answer, status)).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["batch_id"]!;
        bool removed;
        lock (Store.Gate)
        {
            removed = Store.Remove(id) && _extras.Remove(id);
        }

        if (!removed) await NotFoundAsync(context).ConfigureAwait(false);
        else context.Response.StatusCode = 200;
    }

    /// <summary>A batch id the vendor does not know (wording not published).</summary>
    private static Task NotFoundAsync(HttpContext context) => Wire.WriteAsync(context, FastApiError.Detail("Batch call not found"), 404);
}
