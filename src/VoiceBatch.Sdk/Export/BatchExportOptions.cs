namespace VoiceBatch;

/// <summary>How <see cref="BatchExport"/> lays out the results file.</summary>
public sealed class BatchExportOptions
{
    /// <summary>The default of <see cref="ColumnDiscoveryRecords"/>: 1,000.</summary>
    public const int DefaultColumnDiscoveryRecords = 1_000;

    /// <summary>
    /// The variable columns, in this order, after the canonical ones; null to take them from the first
    /// <see cref="ColumnDiscoveryRecords"/> records. Pass the contact sheet's <see cref="ContactList.VariableNames"/>
    /// to get the sheet's columns back whatever the vendor returns. Variables not listed are kept in the final
    /// <c>other_variables</c> column.
    /// </summary>
    public IReadOnlyList<string>? VariableNames { get; init; }

    /// <summary>
    /// When <see cref="VariableNames"/> is null: how many records are read ahead (and held in memory) to find the
    /// variable columns, the union of their variables in order of first appearance. Default 1,000. The header is
    /// written once these records are read, so memory stays bounded by this number, not by the batch's size.
    /// </summary>
    public int ColumnDiscoveryRecords { get; init; } = DefaultColumnDiscoveryRecords;

    /// <summary>
    /// Whether text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// tab or carriage return) is prefixed with <c>'</c>, as OWASP advises against CSV injection. Plain signed numbers
    /// such as <c>+14155550101</c> or <c>-12.5</c> are kept: a number literal runs nothing. Default true; turn it off
    /// only for files that no spreadsheet will open.
    /// </summary>
    public bool EscapeFormulas { get; init; } = true;

    /// <summary>Records per worksheet before the XLSX export starts another (Excel's limit: 1,048,576 rows with the header).</summary>
    internal int RecordsPerSheet { get; init; } = 1_048_575;

    /// <summary>Refuses options that cannot work (a programming error).</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ColumnDiscoveryRecords, nameof(ColumnDiscoveryRecords));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecordsPerSheet, nameof(RecordsPerSheet));
        if (VariableNames is { } names && names.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("BatchExportOptions.VariableNames holds an empty name.", nameof(VariableNames));
        }
    }
}
