using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// What Bolna's create and schedule forms carry, built and validated before anything is sent: the contact CSV, the
/// <c>retry_config</c> JSON text and the <c>scheduled_at</c> text.
/// </summary>
internal static class BolnaCreateForm
{
    /// <summary>Bolna refuses a start less than this far ahead (it then rounds up to the next 10-minute mark).</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(2);

    /// <summary>Added to <see cref="MinimumLead"/> when the caller gives no time: covers latency and clock skew.</summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromMinutes(1);

    /// <summary>Bolna's documented range for <c>max_retries</c>.</summary>
    public const int MaxRetriesLimit = 3;

    public const string PhoneHeader = "contact_number";

    /// <summary>The earliest start Bolna accepts, plus a margin, rounded up to a whole second.</summary>
    public static DateTimeOffset EarliestStart(DateTimeOffset now) => RoundUpToSecond(now + MinimumLead + DefaultMargin);

    /// <summary>Checks the 2-minute lead and returns the time that will be sent (UTC, rounded UP to a whole second).</summary>
    public static DateTimeOffset ValidateStart(DateTimeOffset at, DateTimeOffset now, string paramName)
    {
        if (at < now + MinimumLead)
        {
            throw new ArgumentOutOfRangeException(paramName, at,
                $"Bolna needs a batch's start at least {MinimumLead.TotalMinutes:0} minutes ahead (it is now {now.ToUniversalTime():O}). Nothing was sent.");
        }

        return RoundUpToSecond(at.ToUniversalTime());
    }

    /// <summary>The create form: <c>agent_id</c>, <c>file</c> (CSV, phone column <c>contact_number</c>), one
    /// <c>from_phone_numbers</c> part per caller number, <c>retry_config</c> when given.</summary>
    public static MultipartFormDataContent Create(string agentId, byte[] csv, string fileName, IEnumerable<string>? fromPhoneNumbers, string? retryConfig)
    {
        var form = new MultipartFormDataContent().Text("agent_id", agentId).File("file", fileName, csv, "text/csv");
        foreach (var number in fromPhoneNumbers ?? []) form.Text("from_phone_numbers", number);
        return form.Text("retry_config", retryConfig);
    }

    /// <summary>The schedule form: <c>scheduled_at</c> with a numeric offset (see <see cref="FormatStart"/>).</summary>
    public static MultipartFormDataContent Schedule(DateTimeOffset at) => new MultipartFormDataContent().Text("scheduled_at", FormatStart(at));

    /// <summary>ISO-8601 with a NUMERIC offset (<c>2026-06-23T15:30:00+00:00</c>): Bolna answers a trailing <c>Z</c> with 500.</summary>
    public static string FormatStart(DateTimeOffset at)
        => at.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The CSV Bolna wants: phone column <c>contact_number</c> (E.164), every other column a variable.</summary>
    public static byte[] Csv(ContactList contacts)
    {
        // A variable column that is itself called contact_number would duplicate the phone header.
        var variables = contacts.VariableNames.Where(n => !string.Equals(n.Trim(), PhoneHeader, StringComparison.OrdinalIgnoreCase)).ToList();
        return ContactCsvWriter.Write(contacts.Contacts, variables, PhoneHeader);
    }

    /// <summary>The uploaded file's name: Bolna keeps it as <c>file_name</c>, which reads back as the batch's Name.</summary>
    public static string FileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "contacts.csv";
        var safe = new StringBuilder(name.Trim().Length);
        foreach (var ch in name.Trim()) safe.Append(char.IsControl(ch) || ch is '/' or '\\' or '"' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : ch);
        var text = safe.Length > 120 ? safe.ToString(0, 120) : safe.ToString();
        return text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? text : text + ".csv";
    }

    /// <summary>
    /// <c>{"enabled":true,"max_retries":N,"retry_intervals_minutes":[m,…]}</c> when <see cref="CreateBatchRequest.MaxRetries"/>
    /// is 1–3 (Bolna's range); null (Bolna's default: no retries) when it is null or 0. The interval list repeats
    /// <see cref="CreateBatchRequest.RetryInterval"/> (whole minutes, rounded up, at least 1) once per retry; without an
    /// interval the key is left out and Bolna's default intervals apply. An interval without MaxRetries sends nothing.
    /// </summary>
    public static string? RetryConfig(CreateBatchRequest request)
    {
        if (request.MaxRetries is not { } retries || retries == 0) return null;
        if (retries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), retries, $"Bolna allows 1 to {MaxRetriesLimit} retries per contact (CreateBatchRequest.MaxRetries). Nothing was sent.");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("enabled", true);
            json.WriteNumber("max_retries", retries);
            if (request.RetryInterval is { } interval)
            {
                var minutes = Math.Max(1, (long)Math.Ceiling(interval.TotalMinutes));
                json.WriteStartArray("retry_intervals_minutes");
                for (var i = 0; i < retries; i++) json.WriteNumberValue(minutes);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static DateTimeOffset RoundUpToSecond(DateTimeOffset at)
    {
        var extra = at.UtcTicks % TimeSpan.TicksPerSecond;
        return extra == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - extra);
    }
}
