using System.Collections.Concurrent;
using System.Reflection;

namespace VoiceBatch.Http;

/// <summary>The route may be sent again on a transient fault: repeating it leaves the same state (cancel, pause,
/// resume, stop, schedule). Reads (GET) always may; every other route is sent once per attempt budget of ONE.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class IdempotentAttribute : Attribute;

/// <summary>
/// The route may start calls (a create, a retry of failed calls): it is sent EXACTLY once. The resilience pipeline
/// never retries it, and <see cref="SendOnceGuard"/> refuses to pass it to the network a second time whatever wraps
/// the SDK's handlers. Its outcome, when unknown, is reported by <see cref="ProviderContext.SendOnceAsync{T}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SendOnceAttribute : Attribute;

/// <summary>What a vendor status means on one route, when it is not what the shared table says everywhere else.</summary>
internal enum StatusMeaning
{
    /// <summary>The action is not allowed in the batch's current state → <see cref="VoiceBatchInvalidStateException"/>.</summary>
    InvalidState,

    /// <summary>A definite refusal that is neither a missing batch nor a bad key (e.g. an unknown agent on a create, a
    /// destination the workspace has not enabled) → <see cref="VoiceBatchException"/> with the vendor's message.</summary>
    Refused,

    /// <summary>The batch does not exist for this account (e.g. a malformed id, another workspace's batch) → <see cref="BatchNotFoundException"/>.</summary>
    NotFound,
}

/// <summary>
/// Declares, on one Refit route, what a vendor status means there (the shared table in <see cref="ErrorMap"/> applies
/// everywhere else). With <see cref="WhenBodySays"/>, only when the vendor's message contains that phrase — e.g. Bolna's
/// stop answering 404 "Batch is not queued or running", which is not a missing batch.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class StatusMeansAttribute(int status, StatusMeaning meaning) : Attribute
{
    public int Status { get; } = status;

    public StatusMeaning Meaning { get; } = meaning;

    public string? WhenBodySays { get; init; }

    /// <summary>What to tell the caller (appended to the message), e.g. "enable the country in Telephony Config".</summary>
    public string? Advice { get; init; }

    public bool Matches(int status, ErrorBody body) => Status == status && (WhenBodySays is null || body.Says(WhenBodySays));
}

/// <summary>What a Refit route declares about itself, read once per route from its attributes (Refit puts the
/// interface type and method name on every request).</summary>
internal sealed record RouteTraits(string Name, string? Template, bool Idempotent, bool SendOnce, IReadOnlyList<StatusMeansAttribute> Statuses)
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceKey = new(Refit.HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodKey = new(Refit.HttpRequestMessageOptions.MethodName);
    private static readonly HttpRequestOptionsKey<string> TemplateKey = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);
    private static readonly ConcurrentDictionary<(Type, string), RouteTraits> Cache = new();

    public static RouteTraits None { get; } = new("?", null, false, false, []);

    /// <summary>The route's own meaning of <paramref name="status"/>, if it declares one.</summary>
    public StatusMeansAttribute? Meaning(int status, ErrorBody body) => Statuses.FirstOrDefault(s => s.Matches(status, body));

    public static RouteTraits Of(HttpRequestMessage? request)
    {
        if (request is null) return None;
        if (!request.Options.TryGetValue(InterfaceKey, out var api) || !request.Options.TryGetValue(MethodKey, out var method))
        {
            return None with { Name = request.Method.Method };
        }

        return Cache.GetOrAdd((api, method), static (key, template) => Read(key.Item1, key.Item2, template),
            request.Options.TryGetValue(TemplateKey, out var t) ? t : null);
    }

    /// <summary>Reads (GET/HEAD) and <see cref="IdempotentAttribute"/> routes may be retried; nothing else is.</summary>
    public static bool MayRetry(HttpRequestMessage? request)
        => request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || Of(request) is { Idempotent: true, SendOnce: false });

    private static RouteTraits Read(Type api, string methodName, string? template)
    {
        var method = api.GetMethod(methodName) ?? api.GetInterfaces().Select(i => i.GetMethod(methodName)).FirstOrDefault(m => m is not null);
        return new RouteTraits(
            methodName,
            template,
            method?.GetCustomAttribute<IdempotentAttribute>() is not null,
            method?.GetCustomAttribute<SendOnceAttribute>() is not null,
            method?.GetCustomAttributes<StatusMeansAttribute>().OrderBy(a => a.WhenBodySays is null).ToList() ?? []); // a phrase-specific meaning wins
    }
}
