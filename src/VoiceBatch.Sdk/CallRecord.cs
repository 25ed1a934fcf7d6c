using System.Text.Json;

namespace VoiceBatch;

/// <summary>One call (or recipient) of a batch, with the same meaning on every vendor.</summary>
public sealed record CallRecord
{
    /// <summary>The vendor's id of the call, execution or recipient, as text.</summary>
    public string? Id { get; init; }

    /// <summary>The number called, in E.164 when it parses; as sent when it does not; null when the vendor
    /// addressed the call otherwise (e.g. a WhatsApp user id, kept in <see cref="Raw"/>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The contact's name, if the vendor says.</summary>
    public string? Name { get; init; }

    /// <summary>The canonical call status.</summary>
    public CallStatus Status { get; init; }

    /// <summary>The vendor's own status word, exactly as sent.</summary>
    public string? RawStatus { get; init; }

    /// <summary>How long the call lasted, if the vendor says.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Where the recording can be fetched, if there is one.</summary>
    public Uri? RecordingUrl { get; init; }

    /// <summary>The conversation's transcript, if the vendor returned it.</summary>
    public string? Transcript { get; init; }

    /// <summary>The vendor's conversation id, for looking the conversation up in the vendor's own tools.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The per-contact variables (the contact sheet's other columns or the vendor's dynamic variables), values as text.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = EmptyVariables;

    /// <summary>When the call (or recipient) was created, if known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the vendor last changed the call, if known.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The vendor's own JSON for this call.</summary>
    public JsonElement? Raw
    {
        get => RawJson?.Element;
        init => RawJson = Http.Json.RawJson.Of(value);
    }

    /// <summary>The vendor's JSON as the SDK read it, parsed into <see cref="Raw"/> only when someone asks.</summary>
    internal Http.Json.RawJson? RawJson { get; init; }

    internal static readonly IReadOnlyDictionary<string, string> EmptyVariables =
        new Dictionary<string, string>(0, StringComparer.Ordinal).AsReadOnly();
}
