using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace VoiceBatch.Http;

/// <summary>
/// Wires one built-in vendor: its options (validated at start-up), its Refit client over IHttpClientFactory with
/// the shared pipeline — error translation (outermost), Polly v8 resilience (total timeout, retry on transient
/// faults for retryable requests only, per-attempt timeout), then auth — and its adapter as an
/// <see cref="IBatchCallProvider"/>.
/// </summary>
internal static class HttpProviderRegistration
{
    public static VoiceBatchBuilder Add<TApi, TOptions, TAdapter>(
        VoiceBatchBuilder builder, ProviderId id, AuthScheme scheme, Action<OptionsBuilder<TOptions>> configure)
        where TApi : class
        where TOptions : VoiceBatchProviderOptions
        where TAdapter : class, IBatchCallProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = $"VoiceBatch:{typeof(TOptions).Name.Replace("Options", string.Empty, StringComparison.Ordinal)}";

        configure(services.AddOptions<TOptions>());
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new ProviderOptionsValidator<TOptions>(id, section)));

        var httpClientName = "VoiceBatch." + id.Value;
        var http = services.AddRefitGeneratedClient<TApi>(VoiceBatchJsonContext.Default, _ => CreateRefitSettings(), httpClientName);
        http.ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = options.EffectiveBaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The adapter is a singleton; recycle connections instead of handlers so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // Never follow a redirect: it could carry the API key to another host.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new ErrorTranslationHandler(id, () => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.ApiKey));
        http.AddResilienceHandler("voicebatch", (pipeline, context) =>
            ResiliencePipelineFactory.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value));
        http.AddHttpMessageHandler(sp => new AuthHandler(scheme, () => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.ApiKey));

        return builder.AddProvider(id, sp => ActivatorUtilities.CreateInstance<TAdapter>(sp));
    }

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(VoiceBatchJsonContext.Default);

        // ErrorTranslationHandler already turned every transport failure into the SDK's exception tree (and
        // cancellation stays an OperationCanceledException): surface those as they are, not wrapped by Refit.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }

    public static Action<OptionsBuilder<TOptions>> From<TOptions>(Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        return o => o.Configure(configure);
    }

    public static Action<OptionsBuilder<TOptions>> From<TOptions>(IConfiguration configuration)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return o => o.Bind(configuration);
    }
}
