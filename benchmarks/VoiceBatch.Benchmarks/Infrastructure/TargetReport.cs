using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// Turns BenchmarkDotNet's exported results (<c>*-report-full.json</c>) and the extra measurements into ONE table:
/// per category, each benchmark's mean-time and allocation ratios to the category's baseline, its
/// <see cref="TargetAttribute"/>, met or missed. Categories, baselines and targets are read from the benchmark
/// methods themselves, so a new benchmark needs no change here.
/// </summary>
public static class TargetReport
{
    public static int Print(string resultsFolder, IEnumerable<string> measurementFiles, TextWriter output)
    {
        var rows = new List<MeasurementRow>();
        var benchmarks = new List<Result>();
        foreach (var file in Directory.EnumerateFiles(resultsFolder, "*-report-full.json", SearchOption.AllDirectories))
        {
            benchmarks.AddRange(Read(file));
        }

        foreach (var group in benchmarks.GroupBy(b => b.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var baselines = group.Where(b => b.IsBaseline).ToList();
            if (baselines.Count != 1)
            {
                rows.Add(new MeasurementRow(group.Key, "(category misconfigured)", $"{baselines.Count} baselines; exactly one is needed", double.NaN, double.NaN, "-", false));
                continue;
            }

            var baseline = baselines[0];
            foreach (var result in group.Where(b => !b.IsBaseline))
            {
                var time = result.MeanNs / baseline.MeanNs;
                var alloc = baseline.AllocatedBytes > 0 ? result.AllocatedBytes / (double)baseline.AllocatedBytes : double.NaN;
                var goals = new List<string>();
                var met = true;
                if (result.Target is { } target)
                {
                    if (!double.IsNaN(target.Time))
                    {
                        goals.Add($"time <= {target.Time:0.##}x");
                        met &= time <= target.Time;
                    }

                    if (!double.IsNaN(target.Alloc))
                    {
                        goals.Add($"alloc <= {target.Alloc:0.##}x");
                        met &= alloc <= target.Alloc;
                    }
                }

                rows.Add(new MeasurementRow(
                    group.Key,
                    $"{result.Name} ({Duration(result.MeanNs)}, {Bytes(result.AllocatedBytes)})",
                    $"{baseline.Name} ({Duration(baseline.MeanNs)}, {Bytes(baseline.AllocatedBytes)})",
                    time,
                    alloc,
                    goals.Count == 0 ? "-" : string.Join(", ", goals),
                    met));
            }
        }

        foreach (var file in measurementFiles.Where(File.Exists)) rows.AddRange(MeasurementRow.Load(file));

        output.WriteLine($"VoiceBatch.Sdk benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Machine()}");
        output.WriteLine();
        output.WriteLine("| category | benchmark | baseline | time ratio | allocation ratio | target | result |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            output.WriteLine($"| {row.Category} | {row.Benchmark} | {row.Baseline} | {Ratio(row.TimeRatio)} | {Ratio(row.AllocRatio)} | {row.Target} | {(row.Target == "-" ? "-" : row.Met ? "met" : "MISSED")} |");
        }

        return rows.Count;
    }

    public static string Machine()
        => $"{RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} cores ({Cpu()}), .NET {Environment.Version}";

    private static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private sealed record Result(string Category, string Name, bool IsBaseline, double MeanNs, long AllocatedBytes, TargetAttribute? Target);

    private static IEnumerable<Result> Read(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var benchmark in json.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            var typeName = $"{benchmark.GetProperty("Namespace").GetString()}.{benchmark.GetProperty("Type").GetString()}";
            var methodName = benchmark.GetProperty("Method").GetString()!;
            var method = typeof(TargetReport).Assembly.GetType(typeName)?.GetMethod(methodName);
            if (method is null) continue;
            var attribute = method.GetCustomAttribute<BenchmarkAttribute>();
            var category = method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault()
                           ?? method.DeclaringType!.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault()
                           ?? method.DeclaringType!.Name;
            if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object) continue;
            var allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes)
                ? bytes.GetInt64()
                : 0;
            yield return new Result(
                category,
                attribute?.Description ?? methodName,
                attribute?.Baseline ?? false,
                statistics.GetProperty("Mean").GetDouble(),
                allocated,
                method.GetCustomAttribute<TargetAttribute>());
        }
    }

    private static string Ratio(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Duration(double ns) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString("0.00 's'", CultureInfo.InvariantCulture),
        >= 1e6 => (ns / 1e6).ToString("0.0 'ms'", CultureInfo.InvariantCulture),
        >= 1e3 => (ns / 1e3).ToString("0.0 'us'", CultureInfo.InvariantCulture),
        _ => ns.ToString("0 'ns'", CultureInfo.InvariantCulture),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => (bytes / 1048576.0).ToString("0.0 'MiB'", CultureInfo.InvariantCulture),
        >= 1 << 10 => (bytes / 1024.0).ToString("0.0 'KiB'", CultureInfo.InvariantCulture),
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
