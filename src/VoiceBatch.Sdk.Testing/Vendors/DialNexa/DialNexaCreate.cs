using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.DialNexa;

/// <summary>
/// <c>POST /v1/batch-calls</c>, both documented generations: the current OpenAPI's multipart fields (<c>title</c>
/// required, at most 35 characters; <c>agent_id</c>; <c>file</c>; <c>agent_version_number</c>, <c>starts_at</c>,
/// <c>ends_at</c>, <c>calling_hours_*</c>) and seed 004's (<c>name</c>, <c>scheduled_at</c>, <c>from_phone_number</c>,
/// <c>max_concurrent_calls</c>, <c>retry_config</c>). <c>name</c> stands in for a missing <c>title</c>; <c>starts_at</c>
/// wins over <c>scheduled_at</c>. Refusals use the vendor's bodies: class-validator lists for missing fields, OA's exact
/// "title must be 35 characters or fewer (received 42).", "The uploaded file must include a phone_number column", and
/// seed 004's destination validation — a 400 with "grouped error details, including the affected row numbers".
/// </summary>
internal static class DialNexaCreate
{
    /// <summary>OA: "Batch title shown in the dashboard. Must be 35 characters or fewer."</summary>
    public const int MaxTitleLength = 35;

    /// <summary>Seed 004 / OA: "max 10 MB".</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Country calling codes the simulated workspace's Telephony Config does not enable (comprehensively
    /// sanctioned destinations, which carriers block): rows calling them fail "Unsupported destination country".</summary>
    public static readonly string[] BlockedCountryCodes = ["+53", "+98", "+850", "+963"];

    public static async Task HandleAsync(HttpContext context, DialNexaSimulator vendor)
    {
        var upload = await Upload.ReadAsync(context).ConfigureAwait(false);
        if (upload is null)
        {
            await Wire.WriteAsync(context, NestError.Of(400, ["file is required", "title should not be empty", "agent_id should not be empty"]), 400).ConfigureAwait(false);
            return;
        }

        var title = upload.Field("title") ?? upload.Field("name");
        var startText = upload.Field("starts_at") ?? upload.Field("scheduled_at");
        var startField = upload.Field("starts_at") is not null ? "starts_at" : "scheduled_at";
        var problems = new List<string>();
        if (title is null) problems.Add("title should not be empty");
        if (upload.Field("agent_id") is null) problems.Add("agent_id should not be empty");
        DateTimeOffset? startsAt = null;
        if (startText is not null)
        {
            if (DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) startsAt = parsed;
            else problems.Add($"{startField} must be a valid ISO 8601 date string");
        }

        int? concurrency = null;
        if (upload.Field("max_concurrent_calls") is { } max)
        {
            if (int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= 1) concurrency = m;
            else problems.Add("max_concurrent_calls must not be less than 1");
        }

        if (upload.File is null) problems.Add("File is required");
        if (problems.Count > 0)
        {
            await Wire.WriteAsync(context, NestError.Of(400, problems), 400).ConfigureAwait(false);
            return;
        }

        if (title!.Length > MaxTitleLength)
        {
            await Refuse(context, $"title must be {MaxTitleLength} characters or fewer (received {title.Length}).").ConfigureAwait(false);
            return;
        }

        if (upload.File!.Length > MaxFileBytes)
        {
            await Wire.WriteAsync(context, NestError.Of(413, "File too large"), 413).ConfigureAwait(false);
            return;
        }

        if (upload.FileIsWorkbook)
        {
            // DialNexa itself reads XLSX and XLS; the simulator reads the CSV the SDK uploads.
            await Refuse(context, "The simulator reads CSV uploads only (DialNexa itself also takes XLSX and XLS).").ConfigureAwait(false);
            return;
        }

        var table = CsvTable.Parse(upload.FileText ?? string.Empty);
        var phone = table.IndexOf("phone_number", StringComparison.Ordinal); // "Column names are case-sensitive."
        if (phone < 0)
        {
            await Refuse(context, "The uploaded file must include a phone_number column").ConfigureAwait(false);
            return;
        }

        var contacts = table.Contacts(phone);
        if (contacts.Count == 0)
        {
            await Refuse(context, "The uploaded file contains no leads").ConfigureAwait(false);
            return;
        }

        if (RowReport(contacts) is { } report)
        {
            await Wire.WriteAsync(context, report, 400).ConfigureAwait(false);
            return;
        }

        var spec = new BatchSpec(title, upload.Field("agent_id"), contacts, concurrency, upload.Fields);
        JsonObject answer;
        lock (vendor.Store.Gate)
        {
            var batch = vendor.Create(spec);
            batch.Launch(startsAt, vendor.Store.Now);
            answer = DialNexaJson.Created(batch);
        }

        await Wire.WriteAsync(context, answer, 201).ConfigureAwait(false);
    }

    /// <summary>
    /// Seed 004 "Destination validation": every row is checked before launch and a failure is a 400 "with grouped error
    /// details, including the affected row numbers". The exact JSON is not published; this follows the project's reading
    /// (tests/VoiceBatch.Sdk.Tests/Fixtures/DialNexa/create-400-rows.json): <c>errors[]</c> of <c>{reason, rows[]}</c>,
    /// rows numbered as in the uploaded CSV with its header as row 1 (the older docs call it "Row position in the uploaded CSV").
    /// </summary>
    private static JsonObject? RowReport(IReadOnlyList<SimulatedContact> contacts)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < contacts.Count; i++)
        {
            var number = contacts[i].PhoneNumber;
            string? reason = !PhoneText.IsE164(number) ? "Invalid phone number format"
                : BlockedCountryCodes.Any(code => number.StartsWith(code, StringComparison.Ordinal)) ? "Unsupported destination country"
                : null;
            if (reason is null) continue;
            if (!groups.TryGetValue(reason, out var rows)) groups[reason] = rows = [];
            rows.Add(i + 2);
        }

        if (groups.Count == 0) return null;
        var body = NestError.Of(400, $"Destination validation failed for {groups.Values.Sum(r => r.Count)} row(s)");
        body["errors"] = new JsonArray(groups.Select(g => (JsonNode?)new JsonObject
        {
            ["reason"] = g.Key,
            ["rows"] = new JsonArray(g.Value.Select(r => (JsonNode?)r).ToArray()),
        }).ToArray());
        return body;
    }

    private static Task Refuse(HttpContext context, string message) => Wire.WriteAsync(context, NestError.Of(400, message), 400);
}
