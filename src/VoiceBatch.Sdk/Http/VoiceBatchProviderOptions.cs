namespace VoiceBatch;

/// <summary>
/// Settings every built-in provider shares. Bind from configuration (section <c>VoiceBatch:&lt;Provider&gt;</c>,
/// e.g. <c>VoiceBatch:Bolna:ApiKey</c>) or set in code. Validated when the client is built; a missing key or base
/// address names the provider and the setting, never the key's value.
/// </summary>
public abstract class VoiceBatchProviderOptions
{
    /// <summary>The vendor's API root. Defaults to the vendor's public host where one exists; required otherwise. Must be
    /// https (plain http is accepted only for loopback addresses, such as a local simulator).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The vendor API key or token. Required. Never logged, never in an exception or <see cref="ToString"/>.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How many times a failed READ (or idempotent action such as cancel/pause/resume) is retried on a
    /// transient fault (5xx, 408, 429, timeouts, network). Creates and retry-of-failed-calls are never retried. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; it grows exponentially with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single back-off, and the longest <c>Retry-After</c> honoured: a vendor asking to wait longer
    /// gets a <see cref="VoiceBatchRateLimitException"/> with <see cref="VoiceBatchRateLimitException.RetryAfter"/> at once. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time limit of one HTTP attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time limit of one operation's request including every retry. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest response body read from the vendor, in bytes; a larger one is refused while it streams
    /// (<see cref="VoiceBatchResponseException"/>), so a misbehaving vendor cannot exhaust memory. Default 16 MiB — a
    /// batch answer is kilobytes and a page of calls far less than that; raise it only for a vendor that lists tens of
    /// thousands of recipients inline.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Operations to switch off, e.g. an inferred endpoint the vendor account lacks. Switched-off operations
    /// are reported by <see cref="IBatchCallClient.GetCapabilities"/> and throw <see cref="VoiceBatchNotSupportedException"/>.</summary>
    public IList<BatchOperation> DisabledOperations { get; set; } = [];

    /// <summary>The vendor's public host, used when <see cref="BaseAddress"/> is not set; null when the vendor has
    /// none, and then validation requires <see cref="BaseAddress"/>.</summary>
    internal virtual Uri? DefaultBaseAddress => null;

    internal Uri? EffectiveBaseAddress => BaseAddress ?? DefaultBaseAddress;

    /// <summary>
    /// The vendor's own settings checks, beside the shared ones (key, host, timeouts, retries): one message per problem,
    /// naming the setting as <paramref name="section"/><c>:Name</c> and never a value that could be a secret or a phone
    /// number. The shared validator prefixes each with the provider and fails start-up. None by default.
    /// </summary>
    /// <param name="section">The provider's configuration section, e.g. <c>VoiceBatch:Bland</c>.</param>
    internal virtual IEnumerable<string> VendorProblems(string section) => [];

    /// <summary>Describes the options with the API key redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"{GetType().Name} {{ BaseAddress = {EffectiveBaseAddress?.ToString() ?? "(none)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, MaxRetries = {MaxRetries}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout} }}";
}
