using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace VoiceBatch.Cli.Output;

/// <summary>How results look to people. Every value from a vendor or a sheet is written as text, never as markup.</summary>
internal static class Views
{
    public static IRenderable Batch(BatchCall batch)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(grid, "Batch", $"{batch.Id} ({batch.Provider})");
        Row(grid, "Name", batch.Name);
        Row(grid, "Status", batch.RawStatus is { } raw && !string.Equals(raw, batch.Status.ToString(), StringComparison.OrdinalIgnoreCase) ? $"{batch.Status} ({raw})" : batch.Status.ToString());
        Row(grid, "Progress", Progress(batch.Progress));
        Row(grid, "Agent", batch.AgentName is null ? batch.AgentId : $"{batch.AgentName} ({batch.AgentId})");
        Row(grid, "From", batch.FromPhoneNumber);
        Row(grid, "Created", Time(batch.CreatedAt));
        Row(grid, "Updated", Time(batch.UpdatedAt));
        Row(grid, "Scheduled", Time(batch.ScheduledAt));
        return grid;
    }

    public static Table Batches(IEnumerable<BatchCall> batches)
    {
        var table = new Table().AddColumns("Id", "Name", "Status", "Finished", "Created");
        foreach (var batch in batches)
        {
            table.AddRow(Cells(batch.Id, batch.Name, batch.Status.ToString(), Fraction(batch.Progress), Time(batch.CreatedAt)));
        }

        return table;
    }

    public static Table Calls() => new Table().AddColumns("Phone", "Name", "Status", "Duration", "Id");

    public static void AddCall(Table table, CallRecord call)
        => table.AddRow(Cells(call.PhoneNumber, call.Name, call.RawStatus is { } raw ? $"{call.Status} ({raw})" : call.Status.ToString(), Duration(call.Duration), call.Id));

    public static Table RowErrors(IEnumerable<ContactRowError> errors)
    {
        var table = new Table().AddColumns("Row", "Column", "Value", "Reason");
        foreach (var error in errors)
        {
            table.AddRow(Cells(error.Row.ToString(CultureInfo.InvariantCulture), error.Column, error.Value, error.Reason));
        }

        return table;
    }

    /// <summary>"5/8 finished (62%): 4 completed, 1 failed, 0 cancelled; 2 in progress, 1 pending".</summary>
    public static string Progress(BatchProgress p)
        => $"{Fraction(p)}: {p.Completed} completed, {p.Failed} failed, {p.Cancelled} cancelled; {p.InProgress} in progress, {p.Pending} pending";

    /// <summary>"5/8 finished (62%)", or "5 finished" when the vendor gives no total.</summary>
    public static string Fraction(BatchProgress p) => p.Total is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{p.Finished}/{total} finished ({Math.Floor((p.Fraction ?? 0) * 100)}%)")
        : $"{p.Finished} finished";

    /// <summary>"1 row", "3 rows".</summary>
    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    public static string? Time(DateTimeOffset? time)
        => time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string? Duration(TimeSpan? duration)
        => duration?.ToString(duration.Value.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    private static void Row(Grid grid, string label, string? value)
    {
        if (value is not null) grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
    }

    private static IRenderable[] Cells(params string?[] values) => [.. values.Select(v => new Text(v ?? string.Empty))];
}
