namespace VoiceBatch.Tests.Support;

/// <summary>A custom provider (the public extension point) whose GetBatchAsync plays a script; records what it was asked.</summary>
internal sealed class ScriptedProvider(ProviderId id, TimeProvider time, params Func<BatchCall>[] script) : IBatchCallProvider
{
    private int _next;

    public ProviderId Id => id;

    public ProviderCapabilities Capabilities { get; init; } = new() { Operations = BatchOperation.Get };

    public List<DateTimeOffset> CallTimes { get; } = [];

    public int Calls => CallTimes.Count;

    public Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        lock (CallTimes)
        {
            CallTimes.Add(time.GetUtcNow());
            var step = script[Math.Min(_next++, script.Length - 1)];
            return Task.FromResult(step());
        }
    }

    public static BatchCall Batch(ProviderId id, BatchStatus status, int completed = 0, int total = 10)
        => new() { Provider = id, Id = "b1", Status = status, RawStatus = status.ToString(), Progress = BatchProgress.FromCounts(total, completed: completed) };
}

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them asynchronously).</summary>
internal sealed class ListProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        lock (Reports) Reports.Add(value);
    }
}
