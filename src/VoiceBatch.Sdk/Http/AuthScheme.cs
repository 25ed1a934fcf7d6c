namespace VoiceBatch.Http;

/// <summary>How a vendor expects its API key.</summary>
internal enum AuthScheme
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    Bearer,

    /// <summary><c>x-api-key: &lt;key&gt;</c>.</summary>
    ApiKeyHeader,
}
