namespace VoiceBatch;

/// <summary>How a vendor pages its lists (informational; the SDK pages for you).</summary>
public enum PagingKind
{
    /// <summary>The vendor returns everything in one response.</summary>
    None,

    /// <summary>Numbered pages (<c>page</c>/<c>limit</c>).</summary>
    PageNumber,

    /// <summary>An opaque cursor handed back with each page.</summary>
    Cursor,

    /// <summary>A count of items to skip (<c>limit</c>/<c>offset</c>); the SDK advances it by each page's length.</summary>
    Offset,
}
