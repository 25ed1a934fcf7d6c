namespace VoiceBatch;

/// <summary>
/// The operations of <see cref="IBatchCallClient"/> a provider may support. A flags value: a provider's
/// <see cref="ProviderCapabilities.Operations"/> combines the ones it supports (<c>Get | Create | List</c>).
/// </summary>
[Flags]
public enum BatchOperation
{
    /// <summary>No operation.</summary>
    None = 0,

    /// <summary><see cref="IBatchCallClient.GetBatchAsync"/> (and <see cref="IBatchCallClient.WaitForCompletionAsync"/>).</summary>
    Get = 1 << 0,

    /// <summary><see cref="IBatchCallClient.CreateBatchAsync"/>.</summary>
    Create = 1 << 1,

    /// <summary><see cref="IBatchCallClient.ListBatchesAsync"/>.</summary>
    List = 1 << 2,

    /// <summary><see cref="IBatchCallClient.GetCallsAsync"/>.</summary>
    GetCalls = 1 << 3,

    /// <summary><see cref="IBatchCallClient.CancelBatchAsync"/>.</summary>
    Cancel = 1 << 4,

    /// <summary><see cref="IBatchCallClient.PauseBatchAsync"/>.</summary>
    Pause = 1 << 5,

    /// <summary><see cref="IBatchCallClient.ResumeBatchAsync"/>.</summary>
    Resume = 1 << 6,

    /// <summary><see cref="IBatchCallClient.RetryBatchAsync"/>.</summary>
    Retry = 1 << 7,

    /// <summary><see cref="IBatchCallClient.ScheduleBatchAsync"/>.</summary>
    Schedule = 1 << 8,
}
