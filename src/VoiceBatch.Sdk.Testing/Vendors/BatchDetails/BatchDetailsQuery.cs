using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace VoiceBatch.Testing.Vendors.BatchDetails;

/// <summary>
/// Seed 002's query: <c>page</c> (default 1), <c>limit</c> (default 10), <c>filter</c> ("JSON stringified filter object to
/// filter calls by specific fields", e.g. <c>{"callStatus":"completed"}</c> — fields of the phone logs are matched on the
/// latest log, other fields on the record), <c>sortBy</c> (any field), <c>sortOrder</c> (<c>asc</c> default, <c>desc</c>),
/// <c>search</c> ("a regex search across all dynamic string fields"). Out-of-range values and bad JSON are a 400.
/// </summary>
internal sealed class BatchDetailsQuery
{
    /// <summary>The largest <c>limit</c> accepted (the seed says only "out of range"; 100 is the simulator's choice).</summary>
    public const int MaxLimit = 100;

    private static readonly HashSet<string> LogFields = new(StringComparer.Ordinal) { "callStatus", "callDuration", "recordingUrl", "transcript" };

    private BatchDetailsQuery()
    {
    }

    public int Page { get; private init; }

    public int Limit { get; private init; }

    private JsonObject? Filter { get; init; }

    private string? SortBy { get; init; }

    private bool Descending { get; init; }

    private Regex? Search { get; init; }

    /// <summary>Reads the query; on failure <paramref name="error"/> says what the vendor would answer.</summary>
    public static BatchDetailsQuery? Read(HttpRequest request, out string? error)
    {
        error = null;
        var page = Number(request, "page", 1);
        var limit = Number(request, "limit", 10);
        if (page is null || limit is null or > MaxLimit)
        {
            error = "Query parameters out of range";
            return null;
        }

        JsonObject? filter = null;
        var filterText = request.Query["filter"].ToString();
        if (filterText.Length > 0)
        {
            try
            {
                filter = JsonNode.Parse(filterText) as JsonObject;
            }
            catch (JsonException)
            {
                filter = null;
            }

            if (filter is null)
            {
                error = "Invalid filter JSON";
                return null;
            }
        }

        var order = request.Query["sortOrder"].ToString();
        if (order.Length > 0 && order is not ("asc" or "desc"))
        {
            error = "sortOrder must be asc or desc";
            return null;
        }

        Regex? search = null;
        var searchText = request.Query["search"].ToString();
        if (searchText.Length > 0)
        {
            try
            {
                search = new Regex(searchText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                error = "Invalid search pattern";
                return null;
            }
        }

        var sortBy = request.Query["sortBy"].ToString();
        return new BatchDetailsQuery { Page = page.Value, Limit = limit.Value, Filter = filter, SortBy = sortBy.Length > 0 ? sortBy : null, Descending = order == "desc", Search = search };
    }

    /// <summary>The records that match the filter and search, sorted.</summary>
    public List<JsonObject> Apply(IEnumerable<JsonObject> records)
    {
        var matching = records.Where(Matches).ToList();
        if (SortBy is { } field)
        {
            var sorted = matching.OrderBy(r => SortKey(r, field), Comparer<IComparable?>.Create(Compare));
            matching = (Descending ? sorted.Reverse() : sorted).ToList();
        }

        return matching;
    }

    private bool Matches(JsonObject record)
    {
        if (Filter is not null)
        {
            foreach (var (key, expected) in Filter)
            {
                var actual = LogFields.Contains(key) ? (record["phoneLogs"] as JsonArray)?.LastOrDefault()?[key] : record[key];
                if (!string.Equals(Text(actual), Text(expected), StringComparison.Ordinal)) return false;
            }
        }

        return Search is null || record.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Any(p => Search.IsMatch(p.Value!.GetValue<string>()));
    }

    private static IComparable? SortKey(JsonObject record, string field)
    {
        var node = LogFields.Contains(field) ? (record["phoneLogs"] as JsonArray)?.LastOrDefault()?[field] : record[field];
        return node is JsonValue v
            ? v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : Text(v)
            : null;
    }

    private static int Compare(IComparable? a, IComparable? b)
        => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.GetType() == b.GetType() ? (a is string s ? string.CompareOrdinal(s, (string)b) : a.CompareTo(b)) : string.CompareOrdinal(a.ToString(), b.ToString());

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static int? Number(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
    }
}
