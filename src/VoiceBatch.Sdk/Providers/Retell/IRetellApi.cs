using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Retell;

/// <summary>
/// Retell's API as far as batches go: ONE batch route (create) and the call list that finds a batch's calls. Sources: the
/// official SDKs <c>RetellAI/retell-python-sdk</c> @ a14e511 (<c>api.md</c> "# BatchCall" lists one method;
/// <c>src/retell/resources/batch_call.py</c>, <c>resources/call.py</c>) and <c>RetellAI/retell-typescript-sdk</c> @ b274013
/// (<c>api.md</c>, <c>src/resources/batch-call.ts</c>), and https://docs.retellai.com/api-references/create-batch-call.
/// Every answer is read by the shared pipeline (capped, parsed once, Raw kept). Retell publishes no error-body shape: the
/// shared reader takes <c>message</c>/<c>error</c>/… whatever the envelope.
/// </summary>
internal interface IRetellApi
{
    /// <summary><c>POST /create-batch-call</c> (JSON) → 201 <c>BatchCallResponse</c>. Sent once: Retell takes no idempotency key,
    /// and its own SDKs retry POSTs twice by default (<c>_constants.py</c> <c>DEFAULT_MAX_RETRIES = 2</c>) — this SDK never does.
    /// A 404 here is never a missing batch (the route creates one).</summary>
    [Post("/create-batch-call")]
    [SendOnce]
    [StatusMeans(404, StatusMeaning.Refused, Advice = "Check the from number (it must be one the Retell account owns) and the agent id; nothing was created.")]
    Task<Wire<RetellBatchCall>> CreateBatchCallAsync([Body] RetellCreateBatchCall body, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/list-calls</c> (JSON filter, cursor <c>pagination_key</c>) → <c>{items, pagination_key, has_more}</c>.
    /// A read sent as POST: repeating it changes nothing, so it may be retried.</summary>
    [Post("/v3/list-calls")]
    [Idempotent]
    Task<Wire<RetellCallPage>> ListCallsAsync([Body] RetellListCalls body, CancellationToken cancellationToken);
}
