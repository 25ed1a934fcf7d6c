using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// Where a benchmark's allocations go, by type: the <c>allocs</c> command. It sets the benchmark class up as
/// BenchmarkDotNet does (<c>[GlobalSetup]</c>), warms the method up until the JIT has settled (tier-0 code boxes in some
/// generic span helpers, so cold figures mislead), then measures (1) the exact bytes per operation, as BenchmarkDotNet
/// does (<see cref="GC.GetTotalAllocatedBytes(bool)"/> over many operations), and (2) which types they are: an
/// <see cref="EventListener"/> on the runtime's <c>GCAllocationTick</c> events (keyword 0x1), which name the type of the
/// allocation that crossed each ~100 KB sampling mark, summed by type and scaled to the exact total. A benchmark
/// allocates the same sequence every operation (and nearly the same every record), so a fixed sampling mark would keep
/// landing on the same few objects; random-length blocks of a type of its own (<see cref="DitherBlock"/>, left out of the
/// shares) are allocated between operations and, through <see cref="Reading.GetCallsBenchmarks.OnRecord"/>, between
/// records, so the marks fall at random points of the sequence.
/// <code>dotnet VoiceBatch.Benchmarks.dll allocs GetBatchBenchmarks.BolnaSdk [operations-per-record]</code>
/// </summary>
public static class AllocationProbe
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: allocs <Class.Method> [items per operation, e.g. 100000 for a 100k-record run]");
            return 2;
        }

        var pool = args.Contains("--pool");
        args = args.Where(a => a != "--pool").ToArray();
        var perOperation = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var (type, method) = Find(args[0]);
        var instance = Activator.CreateInstance(type)!;
        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)) setup.Invoke(instance, null);
        try
        {
            Func<Task> operation = () => (Task)method.Invoke(instance, null)!;
            Report(args[0], operation, perOperation, Console.Out, pool);
        }
        finally
        {
            foreach (var cleanup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null)) cleanup.Invoke(instance, null);
        }

        return 0;
    }

    /// <summary>Measures <paramref name="operation"/> (warmed up first) and prints bytes per item and the top types.</summary>
    public static void Report(string name, Func<Task> operation, int itemsPerOperation, TextWriter output, bool pool = false, int top = 30)
    {
        // Warm-up: enough calls and time for tiered compilation to reach optimized code (30 calls, then the background
        // compile), as BenchmarkDotNet's pilot and warm-up stages do.
        for (var round = 0; round < 2; round++)
        {
            var warmUntil = DateTime.UtcNow.AddSeconds(round == 0 ? 3 : 1);
            for (var calls = 0; calls < 3 || DateTime.UtcNow < warmUntil; calls++) operation().GetAwaiter().GetResult();
            Thread.Sleep(500);
        }

        // Exact bytes: as many operations as make ~200 MB (at least 1), no listener attached.
        var one = Allocated(operation, 1);
        var operations = (int)Math.Clamp(200_000_000 / Math.Max(one, 1), 1, 200_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var total = Allocated(operation, operations);
        var nsPerItem = clock.Elapsed.TotalNanoseconds / operations / itemsPerOperation;
        // CPU time of this process (the server runs in its own): steadier than wall time on a loaded machine.
        var cpuNsPerItem = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / operations / itemsPerOperation;
        var perItem = total / (double)operations / itemsPerOperation;

        // By type: the same run with the allocation-tick listener.
        var byType = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        // One thread-pool worker for this pass: the operation and every continuation then run on the thread that also
        // dithers (with more workers, the marks on the other threads' allocation contexts would not be moved).
        Reading.GetCallsBenchmarks.OnRecord = Dither;
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.SetMinThreads(1, minIo);
        ThreadPool.SetMaxThreads(1, maxIo);
        using (var listener = new AllocationTicks(byType, pool))
        {
            Task.Run(async () =>
            {
                for (var i = 0; i < operations; i++)
                {
                    Dither();
                    await operation().ConfigureAwait(false);
                }
            }).GetAwaiter().GetResult();
            Thread.Sleep(1500); // the runtime's events arrive on a dispatch thread
        }

        ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        ThreadPool.SetMinThreads(minWorkers, minIo);
        Reading.GetCallsBenchmarks.OnRecord = null;
        foreach (var key in byType.Keys.Where(k => k.Contains(nameof(DitherBlock), StringComparison.Ordinal)).ToList()) byType.TryRemove(key, out _);
        var poolEvents = byType.Where(t => t.Key.StartsWith(PoolPrefix, StringComparison.Ordinal)).ToList();
        foreach (var (key, _) in poolEvents) byType.TryRemove(key, out _);
        var sampled = byType.Values.Sum();
        output.WriteLine($"{name}: {perItem:0.#} B, {nsPerItem / 1000:0.0} us ({cpuNsPerItem / 1000:0.0} us of this process's CPU) per {(itemsPerOperation == 1 ? "operation" : "item")} (exact, {operations} operations of {itemsPerOperation} item(s)); {byType.Count} types in {sampled / 1e6:0.#} MB of ~100 KB allocation ticks:");
        foreach (var (typeName, bytes) in byType.OrderByDescending(t => t.Value).Take(top))
        {
            var share = bytes / (double)Math.Max(sampled, 1);
            output.WriteLine($"  {share,6:P1}  ~{share * perItem,7:0} B  {(typeName.Length > 160 ? typeName[..160] + "…" : typeName)}");
        }

        foreach (var (key, count) in poolEvents.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  ArrayPool: {key[PoolPrefix.Length..]}: {count} times in {operations} operation(s)");
        }

        output.WriteLine("  by area (type-name keywords; state machines count where their method lives):");
        foreach (var area in byType.GroupBy(t => Area(t.Key)).Select(g => (g.Key, Bytes: g.Sum(t => t.Value))).OrderByDescending(a => a.Bytes))
        {
            var share = area.Bytes / (double)Math.Max(sampled, 1);
            output.WriteLine($"  {share,6:P1}  ~{share * perItem,7:0} B  {area.Key}");
        }
    }

    private static string Area(string type)
    {
        // AsyncStateMachineBox`1[TResult,TStateMachine]: the state machine says whose method it is.
        type = type.Split(" (")[0]; // an array's size class
        var subject = type;
        if (type.StartsWith("AsyncStateMachineBox", StringComparison.Ordinal))
        {
            var depth = 0;
            for (var i = type.IndexOf('[', StringComparison.Ordinal) + 1; i > 0 && i < type.Length; i++)
            {
                if (type[i] == '[') depth++;
                else if (type[i] == ']') depth--;
                else if (type[i] == ',' && depth == 0)
                {
                    subject = type[(i + 1)..];
                    break;
                }
            }
        }

        if (subject.Contains("Polly", StringComparison.Ordinal) || subject.Contains("Resilience", StringComparison.Ordinal)) return "Polly / resilience handler";
        if (subject.StartsWith("Refit", StringComparison.Ordinal)) return "Refit";
        if (subject.StartsWith("VoiceBatch.Http.", StringComparison.Ordinal) && !subject.StartsWith("VoiceBatch.Http.Json", StringComparison.Ordinal)) return "SDK HTTP handlers";
        if (subject.StartsWith("VoiceBatch.Benchmarks", StringComparison.Ordinal)) return "benchmark code";
        if (subject.StartsWith("VoiceBatch", StringComparison.Ordinal)) return "SDK model, wire DTOs, facade";
        if (subject.StartsWith("System.Net", StringComparison.Ordinal) || subject.Contains("Header", StringComparison.Ordinal) || subject.Contains("ReadStream", StringComparison.Ordinal)
            || subject.StartsWith("System.Uri", StringComparison.Ordinal) || subject.StartsWith("UriInfo", StringComparison.Ordinal) || subject.StartsWith("Node[System.Net", StringComparison.Ordinal))
        {
            return "HttpClient / SocketsHttpHandler";
        }

        if (subject.Contains("Cancellation", StringComparison.Ordinal) || subject.Contains("Timer", StringComparison.Ordinal) || subject.StartsWith("CallbackNode", StringComparison.Ordinal)) return "timers, cancellation";
        if (subject.StartsWith("System.Text.Json", StringComparison.Ordinal) || subject.Contains("JsonDocument", StringComparison.Ordinal)) return "System.Text.Json";
        if (subject == "System.String") return "strings";
        if (subject == "System.Byte[]") return "byte arrays";
        return subject.StartsWith("System.Threading.Tasks", StringComparison.Ordinal) || subject.StartsWith("AsyncStateMachineBox", StringComparison.Ordinal) ? "tasks" : "other";
    }

    private const string PoolPrefix = "pool: ";

    /// <summary>A block of 0–2 KB of a type of its own, so that sampling marks fall at random points (see the class).</summary>
    public static void Dither() => GC.KeepAlive(new DitherBlock[Random.Shared.Next(0, 128)]);

    private struct DitherBlock
    {
#pragma warning disable CS0649 // never read or written: only its size matters
        public long A;
        public long B;
#pragma warning restore CS0649
    }

    private static long Allocated(Func<Task> operation, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++) operation().GetAwaiter().GetResult();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static (Type Type, MethodInfo Method) Find(string name)
    {
        var dot = name.LastIndexOf('.');
        var typeName = dot > 0 ? name[..dot] : throw new ArgumentException($"'{name}' is not Class.Method");
        var type = typeof(AllocationProbe).Assembly.GetTypes().SingleOrDefault(t => t.Name == typeName || t.FullName == typeName)
                   ?? throw new ArgumentException($"no benchmark class '{typeName}'");
        var method = type.GetMethod(name[(dot + 1)..]) ?? throw new ArgumentException($"no method '{name[(dot + 1)..]}' on {type.Name}");
        return (type, method);
    }

    /// <summary>Sums the runtime's GCAllocationTick events (one per ~100 KB allocated, naming the type that crossed the mark) by type.</summary>
    private sealed class AllocationTicks : EventListener
    {
        private static ConcurrentDictionary<string, long>? s_target;
        private static bool s_pool;

        public AllocationTicks(ConcurrentDictionary<string, long> target, bool pool)
        {
            s_target = target;
            s_pool = pool;
            foreach (var source in EventSource.GetSources()) Enable(source);
        }

        protected override void OnEventSourceCreated(EventSource eventSource) => Enable(eventSource);

        private void Enable(EventSource source)
        {
            // Called from the base constructor too, before this instance's constructor body has run.
            if (source.Name == "Microsoft-Windows-DotNETRuntime" && s_target is not null) EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            // --pool: ArrayPool<T>.Shared's rents, returns and the buffers it had to allocate, by size (this listener's own
            // allocations for those frequent events then show in the shares too).
            if (source.Name == "System.Buffers.ArrayPoolEventSource" && s_target is not null && s_pool) EnableEvents(source, EventLevel.Verbose, EventKeywords.All);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (s_target is not { } target || e.EventName is null || e.Payload is null || e.PayloadNames is null) return;
            if (e.EventSource.Name == "System.Buffers.ArrayPoolEventSource" && e.EventName != "BufferAllocated")
            {
                var bytes = e.PayloadNames.IndexOf("bufferSize") is >= 0 and var bi ? e.Payload[bi] : "?";
                target.AddOrUpdate(string.Concat(PoolPrefix, e.EventName, " ", bytes?.ToString(), " bytes"), 1, (_, n) => n + 1);
                return;
            }

            if (e.EventName == "BufferAllocated")
            {
                // ArrayPool<T>.Shared had nothing to hand out (or the size is beyond its buckets) and allocated: counted apart.
                var size = e.PayloadNames.IndexOf("bufferSize") is >= 0 and var si ? e.Payload[si] : "?";
                var reason = e.PayloadNames.IndexOf("reason") is >= 0 and var ri ? e.Payload[ri] : "?";
                target.AddOrUpdate(string.Concat(PoolPrefix, "allocated a new buffer of ", size?.ToString(), " bytes, reason ", reason?.ToString()), 1, (_, n) => n + 1);
                return;
            }

            if (!e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
            var typeIndex = e.PayloadNames.IndexOf("TypeName");
            var amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            if (typeIndex < 0) return;
            var amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex], CultureInfo.InvariantCulture) : 100_000;
            var name = e.Payload[typeIndex] as string ?? "?";
            if (name.EndsWith("[]", StringComparison.Ordinal) && e.PayloadNames.IndexOf("ObjectSize") is >= 0 and var sizeIndex)
            {
                // Arrays by size class: which buffer it is (a page copy, a list's backing array …) shows in its size.
                var bytes = Convert.ToInt64(e.Payload[sizeIndex], CultureInfo.InvariantCulture);
                name = string.Concat(name, bytes > 4096 ? " (> 4 KB each)" : " (<= 4 KB each)");
            }

            target.AddOrUpdate(name, amount, (_, sum) => sum + amount);
        }

        public override void Dispose()
        {
            s_target = null;
            base.Dispose();
        }
    }
}
