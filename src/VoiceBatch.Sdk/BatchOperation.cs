namespace VoiceBatch;

/// <summary>The operations a provider may support (see <see cref="ProviderCapabilities"/>).</summary>
public enum BatchOperation
{
    /// <summary><see cref="IBatchCallClient.GetBatchAsync"/>.</summary>
    Get,

    /// <summary><see cref="IBatchCallClient.CreateBatchAsync"/>.</summary>
    Create,

    /// <summary><see cref="IBatchCallClient.ListBatchesAsync"/>.</summary>
    List,

    /// <summary><see cref="IBatchCallClient.GetCallsAsync"/>.</summary>
    GetCalls,

    /// <summary><see cref="IBatchCallClient.CancelBatchAsync"/>.</summary>
    Cancel,

    /// <summary><see cref="IBatchCallClient.PauseBatchAsync"/>.</summary>
    Pause,

    /// <summary><see cref="IBatchCallClient.ResumeBatchAsync"/>.</summary>
    Resume,

    /// <summary><see cref="IBatchCallClient.RetryBatchAsync"/>.</summary>
    Retry,

    /// <summary><see cref="IBatchCallClient.ScheduleBatchAsync"/>.</summary>
    Schedule,
}
