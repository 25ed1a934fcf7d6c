using VoiceBatch;

namespace VoiceBatch.Demo;

/// <summary>Plain-text tables (the output must read well in a terminal and in a CI log alike).</summary>
internal static class Table
{
    public static void PrintBatches(IEnumerable<BatchCall> batches)
    {
        Console.WriteLine($"   {"provider",-12} {"batch id",-34} {"status",-10} {"vendor word",-12} {"total",5} {"done",5} {"ok",5} {"failed",6} {"live",5} {"left",5} {"%",5}");
        foreach (var b in batches)
        {
            var p = b.Progress;
            Console.WriteLine($"   {b.Provider,-12} {Cut(b.Id, 34),-34} {b.Status,-10} {Cut(b.RawStatus, 12),-12} {p.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",5} {p.Finished,5} {p.Completed,5} {p.Failed,6} {p.InProgress,5} {p.Pending,5} {(p.Fraction is { } f ? $"{f:P0}" : "?"),5}");
        }
    }

    public static void PrintCalls(IEnumerable<(ProviderId Provider, CallRecord Call)> calls)
    {
        Console.WriteLine($"   {"provider",-12} {"number",-16} {"name",-22} {"status",-10} {"vendor word",-14} {"duration",8}");
        foreach (var (provider, c) in calls)
        {
            var name = c.Variables.TryGetValue("customer_name", out var n) ? n : c.Name;
            Console.WriteLine($"   {provider,-12} {Mask(c.PhoneNumber),-16} {Cut(name, 22),-22} {c.Status,-10} {Cut(c.RawStatus, 14),-14} {(c.Duration is { } d ? $"{d.TotalSeconds:0}s" : "-"),8}");
        }
    }

    // Numbers are people: show enough to recognise one, not enough to dial it.
    private static string Mask(string? number) => number is null ? "-" : number.Length <= 8 ? number : string.Concat(number.AsSpan(0, 5), "***", number.AsSpan(number.Length - 4));

    private static string Cut(string? text, int width) => text is null ? "-" : text.Length <= width ? text : text[..(width - 1)] + "…";
}
