namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// The goal of a benchmark, as ratios to the baseline of its category (the one <c>[Benchmark(Baseline = true)]</c>
/// method among those with the same <c>[BenchmarkCategory]</c>): <see cref="Time"/> for the mean time,
/// <see cref="Alloc"/> for the bytes allocated per operation. Unset means "no goal" for that measure.
/// The reporter (<see cref="TargetReport"/>) reads it from BenchmarkDotNet's exported results.
/// </summary>
/// <example><c>[Benchmark, Target(Time = 1.15, Alloc = 2.0)]</c></example>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TargetAttribute : Attribute
{
    /// <summary>The largest acceptable mean-time ratio to the category's baseline.</summary>
    public double Time { get; set; } = double.NaN;

    /// <summary>The largest acceptable allocated-bytes ratio to the category's baseline.</summary>
    public double Alloc { get; set; } = double.NaN;
}
