namespace VoiceBatch.Http;

/// <summary>
/// Decides, in ONE place, which requests the resilience pipeline may retry. GET/HEAD are reads and always may.
/// Any other verb may only when its Refit method marks it idempotent with
/// <c>[Property(RequestIntent.IdempotentKey)] bool idempotent</c> passed as <see langword="true"/> (cancel, pause,
/// resume, stop). Creates and retry-of-failed-calls never carry the mark: they are sent exactly once.
/// </summary>
internal static class RequestIntent
{
    public const string IdempotentKey = "VoiceBatch.Idempotent";

    private static readonly HttpRequestOptionsKey<bool> Key = new(IdempotentKey);

    public static bool MayRetry(HttpRequestMessage? request)
    {
        if (request is null) return false;
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head) return true;
        return request.Options.TryGetValue(Key, out var idempotent) && idempotent;
    }
}
