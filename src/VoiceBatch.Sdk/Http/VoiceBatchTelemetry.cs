using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace VoiceBatch.Http;

/// <summary>
/// The SDK's own telemetry, the .NET way: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <c>VoiceBatch</c> (subscribe with OpenTelemetry's <c>AddSource("VoiceBatch")</c> / <c>AddMeter("VoiceBatch")</c>).
/// One activity per operation, tagged with provider, operation, batch id and outcome; never a key or a phone number.
/// </summary>
internal static class VoiceBatchTelemetry
{
    public const string Name = "VoiceBatch";

    /// <summary>The package version without build metadata, e.g. <c>1.0.0-alpha.3</c>.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "voicebatch.operations", "{operation}", "Operations called on IBatchCallClient, by provider, operation and outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "voicebatch.operation.duration", "s", "How long each IBatchCallClient operation took, by provider, operation and outcome.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "voicebatch.http.retries", "{retry}", "HTTP requests re-sent after a transient fault (reads and idempotent actions only), by provider and reason.");

    public static readonly Counter<long> UncertainCreates = Meter.CreateCounter<long>(
        "voicebatch.creates.uncertain", "{create}", "Creates (or retries of failed calls) whose outcome is unknown; never re-sent.");

    /// <summary>The <c>User-Agent</c> every request carries.</summary>
    public static string UserAgent => $"VoiceBatch.Sdk/{Version}";

    /// <summary>The operation's name (no boxing, no allocation: telemetry runs on every call).</summary>
    public static string OperationName(BatchOperation operation) => operation switch
    {
        BatchOperation.Get => "Get",
        BatchOperation.Create => "Create",
        BatchOperation.List => "List",
        BatchOperation.GetCalls => "GetCalls",
        BatchOperation.Cancel => "Cancel",
        BatchOperation.Pause => "Pause",
        BatchOperation.Resume => "Resume",
        BatchOperation.Retry => "Retry",
        BatchOperation.Schedule => "Schedule",
        _ => "Other",
    };

    /// <summary>The activity's display name: <c>VoiceBatch Get</c>, <c>VoiceBatch Create</c>, …</summary>
    public static string ActivityName(BatchOperation operation) => operation switch
    {
        BatchOperation.Get => "VoiceBatch Get",
        BatchOperation.Create => "VoiceBatch Create",
        BatchOperation.List => "VoiceBatch List",
        BatchOperation.GetCalls => "VoiceBatch GetCalls",
        BatchOperation.Cancel => "VoiceBatch Cancel",
        BatchOperation.Pause => "VoiceBatch Pause",
        BatchOperation.Resume => "VoiceBatch Resume",
        BatchOperation.Retry => "VoiceBatch Retry",
        BatchOperation.Schedule => "VoiceBatch Schedule",
        _ => "VoiceBatch",
    };

    /// <summary>The outcome tag of a finished operation: <c>ok</c>, or what kind of failure.</summary>
    public static string OutcomeOf(Exception? exception) => exception switch
    {
        null => "ok",
        BatchCreationUncertainException => "uncertain",
        BatchNotFoundException => "not_found",
        VoiceBatchAuthenticationException => "unauthorized",
        VoiceBatchRateLimitException => "rate_limited",
        VoiceBatchInvalidStateException => "invalid_state",
        ContactValidationException => "invalid_contacts",
        VoiceBatchNotSupportedException => "not_supported",
        VoiceBatchResponseException => "bad_response",
        VoiceBatchException { StatusCode: not null } => "vendor_error",
        VoiceBatchException => "transport_error",
        OperationCanceledException => "cancelled",
        ArgumentException => "invalid_argument",
        _ => "error",
    };

    private static string ReadVersion()
    {
        var version = typeof(VoiceBatchTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
