using Microsoft.Extensions.Options;

namespace VoiceBatch;

/// <summary>Bland settings (configuration section <c>VoiceBatch:Bland</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/>
/// defaults to <c>https://api.bland.ai</c>; the key is sent as the whole <c>authorization</c> header value, with no scheme
/// (Bland's API reference, and its cookbook: "Your Bland API key (no prefix)").</summary>
public sealed class BlandOptions : VoiceBatchProviderOptions
{
    /// <summary>Bland's public host.</summary>
    public static Uri PublicHost { get; } = new("https://api.bland.ai");

    /// <summary>
    /// What <see cref="CreateBatchRequest.AgentId"/> names: a pathway id (the default, sent as <c>global.pathway_id</c>),
    /// a persona id (<c>global.persona_id</c>) or the prompt itself (<c>global.task</c>). Bland refuses a batch whose
    /// <c>global</c> has neither a pathway nor a task, so the request's agent is always sent as one of them.
    /// </summary>
    public BlandAgentKind AgentIdKind { get; set; } = BlandAgentKind.Pathway;

    /// <summary>Sent with every create as Bland's <c>status_webhook</c>: Bland POSTs <c>{batch_id, status, timestamp}</c> to it
    /// on each lifecycle change (and the call counters at the end). Null (the default) sends none. Must be an absolute
    /// http(s) address.</summary>
    public Uri? StatusWebhook { get; set; }

    internal override Uri? DefaultBaseAddress => PublicHost;

    /// <summary>Bland's own checks: a defined <see cref="AgentIdKind"/> and an absolute http(s) <see cref="StatusWebhook"/>.</summary>
    internal override IEnumerable<string> VendorProblems(string section)
    {
        if (!Enum.IsDefined(AgentIdKind)) yield return $"AgentIdKind must be Pathway, Persona or Task (set {section}:AgentIdKind).";
        if (StatusWebhook is { } hook && (!hook.IsAbsoluteUri || hook.Scheme is not ("https" or "http")))
        {
            yield return $"StatusWebhook must be an absolute http(s) address (set {section}:StatusWebhook).";
        }
    }
}
