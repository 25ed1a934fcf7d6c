namespace VoiceBatch;

/// <summary>How <see cref="ContactList"/> reads and validates a contact sheet.</summary>
public sealed class ContactListOptions
{
    /// <summary>The default maximum file size: 10 MB (DialNexa's documented limit).</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The default maximum uncompressed size of an XLSX workbook's parts: 100 MB.</summary>
    public const long DefaultMaxUncompressedBytes = 100 * 1024 * 1024;

    /// <summary>
    /// ISO 3166 region (e.g. <c>"US"</c>, <c>"IN"</c>) for numbers written without a country code, such as
    /// <c>(415) 555-0101</c>; null to require one. Without it, a number without <c>+</c> is accepted only when it
    /// has 11 or more digits (read as the country code followed by the number, e.g. <c>14155550101</c>).
    /// </summary>
    public string? DefaultRegion { get; init; }

    /// <summary>The phone column's header; null to find it among common names (phone_number, contact_number, phone, mobile, msisdn, to …).</summary>
    public string? PhoneColumn { get; init; }

    /// <summary>The worksheet to read from a workbook (compared without case); null for the first visible one.</summary>
    public string? SheetName { get; init; }

    /// <summary>
    /// Files larger than this are refused before parsing. Default 10 MB (<see cref="DefaultMaxBytes"/>), the largest
    /// upload the vendors accept; it is also what bounds the time and memory a load takes when <see cref="MaxRows"/>
    /// is left unlimited (a 10 MB CSV is about 200,000 rows).
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// The most data rows read (blank rows do not count); more is an error. Default <see cref="int.MaxValue"/>: no
    /// row limit, so the defaults accept every sheet the vendors accept by size — <see cref="MaxBytes"/> (and, for
    /// XLSX, <see cref="MaxUncompressedBytes"/>) bound the work and the memory. Set it to cap a batch's size in rows.
    /// </summary>
    public int MaxRows { get; init; } = int.MaxValue;

    /// <summary>
    /// The most bytes an XLSX workbook may unpack to (the sum of its parts), checked before the workbook is opened,
    /// so a small file that expands enormously (a "zip bomb") is refused quickly. Default 100 MB.
    /// </summary>
    public long MaxUncompressedBytes { get; init; } = DefaultMaxUncompressedBytes;

    /// <summary>Refuses options that cannot work (a programming error, not a problem of the file).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    /// <exception cref="ArgumentException">The region is not one libphonenumber knows.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRows, nameof(MaxRows));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxUncompressedBytes, nameof(MaxUncompressedBytes));
        if (DefaultRegion is { } region && !string.IsNullOrWhiteSpace(region) && !Contacts.PhoneNumberNormalizer.IsSupportedRegion(region))
        {
            throw new ArgumentException(
                $"ContactListOptions.DefaultRegion '{region}' is not an ISO 3166 two-letter region code (e.g. \"US\", \"IN\", \"GB\").", nameof(DefaultRegion));
        }
    }
}
