using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Cli.Output;

// What --json prints: the tool's own, stable shapes (camelCase, every member always present, null when unknown),
// documented in the README. They are mapped from the SDK's canonical model, never from a vendor's wire format.

/// <summary>One batch: <c>get</c>, <c>create</c>, <c>wait</c>, the actions, and each element of <c>list</c>.</summary>
internal sealed record BatchJson(
    string Provider,
    string Id,
    string? Name,
    string Status,
    string? RawStatus,
    bool IsTerminal,
    ProgressJson Progress,
    string? AgentId,
    string? AgentName,
    string? FromPhoneNumber,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ScheduledAt)
{
    public static BatchJson From(BatchCall batch) => new(
        batch.Provider.Value, batch.Id, batch.Name, batch.Status.ToString(), batch.RawStatus, batch.IsTerminal, ProgressJson.From(batch.Progress),
        batch.AgentId, batch.AgentName, batch.FromPhoneNumber, batch.CreatedAt, batch.UpdatedAt, batch.ScheduledAt);
}

/// <summary>A batch's counters, as <see cref="BatchProgress"/> defines them.</summary>
internal sealed record ProgressJson(int? Total, int Pending, int InProgress, int Completed, int Failed, int Cancelled, int Finished, double? Fraction)
{
    public static ProgressJson From(BatchProgress p) => new(p.Total, p.Pending, p.InProgress, p.Completed, p.Failed, p.Cancelled, p.Finished, p.Fraction);
}

/// <summary>One call: each element of <c>calls</c>.</summary>
internal sealed record CallJson(
    string? Id,
    string? PhoneNumber,
    string? Name,
    string Status,
    string? RawStatus,
    double? DurationSeconds,
    string? RecordingUrl,
    string? Transcript,
    string? ConversationId,
    IReadOnlyDictionary<string, string> Variables,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public static CallJson From(CallRecord call) => new(
        call.Id, call.PhoneNumber, call.Name, call.Status.ToString(), call.RawStatus, call.Duration?.TotalSeconds, call.RecordingUrl?.ToString(),
        call.Transcript, call.ConversationId, call.Variables, call.CreatedAt, call.UpdatedAt);
}

/// <summary>What <c>validate</c> found in a contact sheet.</summary>
internal sealed record ValidationJson(
    string File,
    string? PhoneColumn,
    int Rows,
    int Contacts,
    int Refused,
    int Duplicates,
    IReadOnlyList<string> Variables,
    IReadOnlyList<RowErrorJson> Errors);

/// <summary>One refused row, numbered as in the sheet (the header is row 1).</summary>
internal sealed record RowErrorJson(int Row, string? Column, string Reason, string? Value)
{
    public static RowErrorJson From(ContactRowError e) => new(e.Row, e.Column, e.Reason, e.Value);
}

/// <summary>What <c>export</c> wrote.</summary>
internal sealed record ExportJson(string Path, string Format, long Records);

/// <summary>What <c>keys list</c> shows: where each provider's key comes from, never the key.</summary>
internal sealed record KeySourceJson(string Provider, string? Source, string Variable);

/// <summary>Any failure, on standard output with <c>--json</c> (the message also goes to standard error).</summary>
internal sealed record ErrorJson(ErrorBodyJson Error);

internal sealed record ErrorBodyJson(
    string Kind,
    int ExitCode,
    string Message,
    string? Hint,
    string? Provider,
    int? StatusCode,
    string? ErrorCode,
    string? RequestId,
    string? BatchName,
    IReadOnlyList<RowErrorJson> Rows);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BatchJson))]
[JsonSerializable(typeof(IReadOnlyList<BatchJson>))]
[JsonSerializable(typeof(CallJson))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(ExportJson))]
[JsonSerializable(typeof(IReadOnlyList<KeySourceJson>))]
[JsonSerializable(typeof(ErrorJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context the tool writes with: text as it is (an E.164 "+1…" stays "+1…", not "\u002B1…"), since
    /// the output is read by programs and people, never embedded in HTML.</summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
