using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>
/// What real applications put on EVERY HttpClient of their container — the things the SDK's pipeline must be immune to.
/// Each one is applied to a host before or after <c>AddVoiceBatch()</c>.
/// </summary>
public enum AppPipeline
{
    /// <summary>Aspire's ServiceDefaults: <c>ConfigureHttpClientDefaults(http =&gt; http.AddStandardResilienceHandler())</c>, registered BEFORE AddVoiceBatch.</summary>
    StandardResilienceBefore,

    /// <summary>The same, registered AFTER AddVoiceBatch.</summary>
    StandardResilienceAfter,

    /// <summary><c>ConfigureHttpClientDefaults(http =&gt; http.AddStandardHedgingHandler())</c>: sends the same request in parallel.</summary>
    StandardHedging,

    /// <summary>An app-wide <see cref="DelegatingHandler"/> that retries everything (<c>ConfigureHttpClientDefaults(http =&gt; http.AddHttpMessageHandler(...))</c>).</summary>
    RetryEverythingHandler,

    /// <summary>An <see cref="IHttpMessageHandlerBuilderFilter"/> that puts a retrying handler OUTSIDE every client's whole chain.</summary>
    FilterWrappingTheChain,

    /// <summary>An <see cref="IHttpMessageHandlerBuilderFilter"/> that appends a retrying handler at the END of every chain (the natural way to write one).</summary>
    FilterAppendingToTheChain,
}

public static class AppPipelines
{
    /// <summary>The app's resilience settings, scaled down: its attempt timeout (1/2 of the SDK's) fires before the SDK's.</summary>
    public static readonly TimeSpan AppAttemptTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Applies <paramref name="pipeline"/> to <paramref name="services"/>; <paramref name="afterSdk"/> tells whether this is the call after AddVoiceBatch.</summary>
    public static void Apply(IServiceCollection services, AppPipeline pipeline, bool afterSdk)
    {
        var wanted = pipeline == AppPipeline.StandardResilienceAfter ? afterSdk : !afterSdk;
        if (!wanted) return;
        switch (pipeline)
        {
            case AppPipeline.StandardResilienceBefore or AppPipeline.StandardResilienceAfter:
                services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(Standard));
                break;
            case AppPipeline.StandardHedging:
                services.ConfigureHttpClientDefaults(http => http.AddStandardHedgingHandler().Configure(o =>
                {
                    o.Hedging.Delay = TimeSpan.FromMilliseconds(20);
                    o.Endpoint.Timeout.Timeout = AppAttemptTimeout;
                }));
                break;
            case AppPipeline.RetryEverythingHandler:
                services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new RetryEverythingHandler()));
                break;
            case AppPipeline.FilterWrappingTheChain:
                services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new RetryingFilter(outermost: true));
                break;
            case AppPipeline.FilterAppendingToTheChain:
                services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new RetryingFilter(outermost: false));
                break;
        }
    }

    private static void Standard(HttpStandardResilienceOptions o)
    {
        o.AttemptTimeout.Timeout = AppAttemptTimeout;
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
        o.Retry.Delay = TimeSpan.FromMilliseconds(10);
        o.Retry.MaxRetryAttempts = 3;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
    }
}

/// <summary>A handler that re-sends every failed request (an exception or a non-success answer), three attempts in all.</summary>
public sealed class RetryEverythingHandler : DelegatingHandler
{
    private const int Attempts = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode || attempt == Attempts) return response;
                response.Dispose();
            }
            catch (Exception) when (attempt < Attempts)
            {
                // retry everything, whatever it was
            }
        }
    }
}

/// <summary>An app's handler-builder filter that adds a <see cref="RetryEverythingHandler"/> to every client the factory builds.</summary>
public sealed class RetryingFilter(bool outermost) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (outermost) builder.AdditionalHandlers.Insert(0, new RetryEverythingHandler());
        else builder.AdditionalHandlers.Add(new RetryEverythingHandler());
    };
}
