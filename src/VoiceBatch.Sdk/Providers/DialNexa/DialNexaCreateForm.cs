using System.Globalization;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// The <c>multipart/form-data</c> body of <c>POST /v1/batch-calls</c>, part for part as seed 004's curl sends it:
/// <c>agent_id</c>, <c>file</c> (the validated contacts re-written as one CSV: <c>phone_number</c> in E.164 first, then
/// every variable column; filename <c>contacts.csv</c>, <c>text/csv</c>), then, only when set, <c>from_phone_number</c>,
/// <c>name</c>, <c>scheduled_at</c> (UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c> as in the seed), <c>max_concurrent_calls</c> and
/// <c>retry_config</c> (JSON text <c>{"max_retries":N,"retry_interval_minutes":M}</c>, sent when MaxRetries or
/// RetryInterval is given; the interval is rounded UP to whole minutes). Part names are quoted as curl quotes them.
/// The OpenAPI's other names (<c>title</c>, <c>starts_at</c>, …) are not sent: seed 004 is followed.
/// </summary>
internal static class DialNexaCreateForm
{
    /// <summary>The phone column DialNexa requires.</summary>
    public const string PhoneColumn = "phone_number";

    /// <summary>The uploaded file's name.</summary>
    public const string FileName = "contacts.csv";

    /// <summary>The CSV DialNexa receives for <paramref name="contacts"/>.</summary>
    public static byte[] Csv(ContactList contacts) => ContactCsvWriter.Write(contacts.Contacts, contacts.VariableNames, PhoneColumn);

    public static MultipartFormDataContent Build(CreateBatchRequest request, byte[] csv)
    {
        var retry = RetryConfig(request); // may refuse the request: before any content exists
        return new MultipartFormDataContent()
            .Text("agent_id", request.AgentId)
            .File("file", FileName, csv, "text/csv")
            .Text("from_phone_number", string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber)
            .Text("name", string.IsNullOrWhiteSpace(request.Name) ? null : request.Name)
            .Text("scheduled_at", request.ScheduledAt is { } at ? FormatTime(at) : null)
            .Text("max_concurrent_calls", request.MaxConcurrentCalls?.ToString(CultureInfo.InvariantCulture))
            .Text("retry_config", retry);
    }

    /// <summary><paramref name="at"/> in UTC, to the second, with a trailing <c>Z</c> (seed 004: <c>2023-11-07T05:31:56Z</c>).</summary>
    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>retry_config</c> JSON text, or null when neither MaxRetries nor RetryInterval is given.</summary>
    public static string? RetryConfig(CreateBatchRequest request)
    {
        if (request.MaxRetries is null && request.RetryInterval is null) return null;
        if (request.RetryInterval is { } interval && interval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), interval, "CreateBatchRequest.RetryInterval cannot be negative. Nothing was sent.");
        }

        var config = new DialNexaRetryConfigDto
        {
            MaxRetries = request.MaxRetries,
            RetryIntervalMinutes = request.RetryInterval is { } i ? (int)Math.Min(int.MaxValue, Math.Ceiling(i.TotalMinutes)) : null,
        };
        return JsonSerializer.Serialize(config, VoiceBatchJsonContext.Default.DialNexaRetryConfigDto);
    }
}
