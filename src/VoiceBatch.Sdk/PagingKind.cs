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
}
