using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.BatchDetails;

/// <summary>
/// batch-details (seed 002; Weya AI's "Nexus" calling API): ONE read-only route,
/// <c>GET /api/call/batch-details/{id}</c>, with Bearer auth (Weya also accepts <c>x-api-key</c>) and the envelope
/// <c>{message, status, code, errorMessage, data}</c> on every answer, errors included (<c>status:false</c>). Its API
/// cannot create, so batches come from the seed (the seed id answers 150 records: the seed's own record and 149 more in
/// its shape) or from <see cref="VoiceBatchSimulator.AddBatch"/>. Ids are 24-hex ObjectIds (another id is a 400).
/// </summary>
internal sealed partial class BatchDetailsSimulator : VendorSimulator
{
    public const string SeedId = "67def9053495307c718d9dfb";

    private readonly JsonObject _seed;
    private readonly IReadOnlyList<JsonObject> _seedRecords;

    public BatchDetailsSimulator(SimulatorOptions options)
        : base(ProviderId.BatchDetails, options)
    {
        _seed = (JsonObject)JsonNode.Parse(SeedFiles.Read("batchdetails-get.json"))!;
        _seedRecords = BatchDetailsRecords.SeedRecords((JsonObject)_seed["data"]!["data"]![0]!, options.Seed, options.Outcomes);
    }

    public override void MapRoutes(VendorRoutes routes)
        // Seed 002 "batch-details": ?page&limit&filter&sortBy&sortOrder&search; 400 bad id/filter, 404, 500.
        => routes.Get("/api/call/batch-details/{id}", BatchOperation.Get, DetailsAsync);

    public override bool IsAuthorized(HttpRequest request) => HasBearer(request) || HeaderIs(request, "x-api-key", Options.ApiKey);

    public override JsonNode ErrorBody(int statusCode, HttpRequest request) => statusCode switch
    {
        401 => Envelope(401, "Unauthorized", "Invalid or expired token"),                       // not published; the seed's envelope
        404 => Envelope(404, "Not Found", $"Cannot {request.Method} {VendorPath(request)}"),
        500 => Envelope(500, "Internal Server Error", "Failed to aggregate batch data"),          // seed 002 "500 Internal Server Error"
        _ => Envelope(statusCode, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode), Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode)),
    };

    public override void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
        => builder.AddBatchDetails(o => Point(o, baseAddress, apiKey, configure));

    public override string StatusWord(BatchState batch, DateTimeOffset now) => BatchDetailsRecords.BatchWord(batch.Phase);

    public override BatchState AddBatch(BatchSpec spec)
    {
        var batch = Store.Create(d => d.HexDigits(24), (d, _) => d.HexDigits(24), spec);
        batch.Launch(null, Now);
        return batch;
    }

    /// <summary>The error envelope: the seed's members with <c>status:false</c> and <c>data:null</c>.</summary>
    private static JsonObject Envelope(int code, string message, string errorMessage) => new()
    {
        ["message"] = message,
        ["status"] = false,
        ["code"] = code,
        ["errorMessage"] = errorMessage,
        ["data"] = null,
    };

    private async Task DetailsAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        if (!ObjectId().IsMatch(id))
        {
            await Wire.WriteAsync(context, Envelope(400, "Bad Request", "Invalid batch ID format"), 400).ConfigureAwait(false);
            return;
        }

        var query = BatchDetailsQuery.Read(context.Request, out var error);
        if (query is null)
        {
            await Wire.WriteAsync(context, Envelope(400, "Bad Request", error!), 400).ConfigureAwait(false);
            return;
        }

        string? name = null, word = null;
        List<JsonObject>? records = null;
        if (id == SeedId)
        {
            name = (string?)_seed["data"]!["batchName"];
            word = (string?)_seed["data"]!["batchStatus"];
            records = query.Apply(_seedRecords.Select(r => (JsonObject)r.DeepClone()));
        }
        else
        {
            lock (Store.Gate)
            {
                if (Store.Find(id) is { } batch)
                {
                    var now = Now;
                    name = batch.Spec.Name;
                    word = BatchDetailsRecords.BatchWord(batch.Phase);
                    records = query.Apply(batch.Calls.Select(c => BatchDetailsRecords.Of(batch, c, now)));
                }
            }
        }

        if (records is null)
        {
            await Wire.WriteAsync(context, Envelope(404, "Batch not found", "Batch not found or does not belong to the authenticated user"), 404).ConfigureAwait(false);
            return;
        }

        var body = new JsonObject
        {
            ["message"] = "Calls fetched successfully",
            ["status"] = true,
            ["code"] = 200,
            ["errorMessage"] = string.Empty,
            ["data"] = new JsonObject
            {
                ["batchId"] = id,
                ["batchName"] = name,
                ["batchStatus"] = word,
                ["page"] = query.Page,
                ["limit"] = query.Limit,
                ["total"] = records.Count,
                ["totalPages"] = (records.Count + query.Limit - 1) / query.Limit,
                ["data"] = new JsonArray(records.Skip((query.Page - 1) * query.Limit).Take(query.Limit).Select(r => (JsonNode?)r).ToArray()),
            },
        };
        await Wire.WriteAsync(context, body).ConfigureAwait(false);
    }

    [GeneratedRegex("^[0-9a-fA-F]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectId();
}
