namespace VoiceBatch;

/// <summary>How <see cref="ContactList"/> reads and validates a contact sheet.</summary>
public sealed class ContactListOptions
{
    /// <summary>The default maximum file size: 10 MB (DialNexa's documented limit).</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>ISO 3166 region (e.g. <c>"US"</c>) for numbers written without a country code; null to require one.</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>The phone column's header; null to find it among common names (phone_number, contact_number, phone, mobile, msisdn, to …).</summary>
    public string? PhoneColumn { get; init; }

    /// <summary>The worksheet to read from a workbook; null for the first.</summary>
    public string? SheetName { get; init; }

    /// <summary>Files larger than this are refused before parsing. Default 10 MB.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The most data rows read; more is an error. Default 100,000.</summary>
    public int MaxRows { get; init; } = 100_000;
}
