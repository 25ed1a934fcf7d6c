using BenchmarkDotNet.Running;
using VoiceBatch.Benchmarks.Infrastructure;

// Commands (benchmarks/run uses them in this order):
//   generate                       write the test sheets into $VOICEBATCH_BENCH_DATA (once)
//   run [BenchmarkDotNet args]     run the benchmarks (e.g. --filter '*Csv*'), exporting JSON
//   peak <out.json>                the peak-memory measurement, in its own process
//   report <results folder> [measurement.json ...]   print the one table of ratios and targets
var command = args.Length > 0 ? args[0] : "run";
switch (command)
{
    case "generate":
        BenchmarkData.GenerateAll();
        return 0;
    case "peak":
        var rows = PeakMemory.Measure();
        MeasurementRow.Save(args.Length > 1 ? args[1] : "peak.json", rows);
        foreach (var row in rows) Console.WriteLine($"{row.Benchmark}: {row.AllocRatio:0.00}x the file ({(row.Met ? "met" : "missed")})");
        return 0;
    case "report":
        return TargetReport.Print(args[1], args.Skip(2), Console.Out) > 0 ? 0 : 1;
    case "run":
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray(), new ShortRunConfig());
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}': use generate, run, peak or report");
        return 2;
}
