namespace VoiceBatch;

/// <summary>batch-details ("Nexus") settings (configuration section <c>VoiceBatch:BatchDetails</c>). The vendor has no
/// public default host (the seed shows <c>{{baseUrl}}</c>), so <see cref="VoiceBatchProviderOptions.BaseAddress"/> is required
/// (the API root that serves <c>/api/call/batch-details/{id}</c>); the key is sent as <c>Authorization: Bearer</c>.</summary>
public sealed class BatchDetailsOptions : VoiceBatchProviderOptions
{
}
