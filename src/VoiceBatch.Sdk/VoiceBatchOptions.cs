namespace VoiceBatch;

/// <summary>Settings of <see cref="IBatchCallClient"/> that apply to every provider.</summary>
public sealed class VoiceBatchOptions
{
    /// <summary>The first interval between polls in <see cref="IBatchCallClient.WaitForCompletionAsync"/> when none is given. Default 5 seconds.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest interval the polling grows to while nothing changes. Default 1 minute.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many consecutive failed reads <see cref="IBatchCallClient.WaitForCompletionAsync"/> tolerates
    /// (rate limits, 5xx, timeouts) before it gives up and throws the last one. Default 5.</summary>
    public int MaxConsecutivePollFailures { get; set; } = 5;
}
