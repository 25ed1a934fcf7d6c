using System.Globalization;

namespace VoiceBatch.Contacts;

/// <summary>
/// Writes a typed workbook cell value as the text a contact variable carries, the same for XLSX and XLS:
/// integral numbers as plain digits (a phone number stored as <c>14155550101</c> stays that, never <c>1.4155550101E+10</c>
/// or <c>14155550101.0</c>, whatever the cell's display format), other numbers in invariant culture
/// (<c>1250.5</c>), dates as ISO 8601 (<c>2026-05-01</c>, or <c>2026-05-01T13:04:05</c> with a time),
/// times of day and durations as <c>hh:mm:ss</c>, booleans as <c>true</c>/<c>false</c>.
/// </summary>
internal static class CellText
{
    // Doubles are exact integers up to 2^53; beyond, "0" would print digits the file never had.
    private const double LargestExactInteger = 9_007_199_254_740_992d;

    // Excel stores a time of day as a fraction of day 0, which has no date: the OLE automation epoch reads it as
    // 1899-12-30, ExcelDataReader (following Excel's 1900 calendar, where serial 1 is 1900-01-01) as 1899-12-31.
    // Excel cannot hold a date before 1900-01-01, so either means "a time of day".
    private static readonly DateTime OleDayZero = new(1899, 12, 30);
    private static readonly DateTime ExcelDayZero = new(1899, 12, 31);

    public static string? From(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        double d => FromNumber(d),
        float f => FromNumber(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime dt => FromDate(dt),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string FromDate(DateTime value)
    {
        if (value.Date == OleDayZero || value.Date == ExcelDayZero) return value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string FromNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        if (value == 0) return "0";
        if (value == Math.Floor(value) && Math.Abs(value) <= LargestExactInteger)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
