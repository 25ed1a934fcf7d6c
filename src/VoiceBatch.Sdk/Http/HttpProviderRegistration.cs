using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace VoiceBatch.Http;

/// <summary>What a vendor's DI extension tells the shared layer: its id, how its key is sent, its JSON context, and the
/// path its routes live under (for dialects that share routes under another prefix).</summary>
internal sealed record HttpProviderSpec(ProviderId Id, ApiKeyHeader Auth, JsonSerializerContext Json, string? PathPrefix = null);

/// <summary>
/// Wires one built-in vendor: its options (validated at start-up), its HTTP client and its adapter. The client's
/// pipeline is the SDK's own — whatever the application configured for every client
/// (<c>ConfigureHttpClientDefaults</c>: resilience or hedging handlers, loggers, timeouts, default headers, a primary
/// handler) is removed or replaced, so nothing can re-send a create or leak a raw exception:
/// <see cref="ErrorTranslationHandler"/> → resilience (<see cref="ResiliencePipelineFactory"/>) → the primary handler:
/// <see cref="SendOnceGuard"/> → <see cref="AuthHandler"/> → <see cref="BodyBufferHandler"/> → a
/// <see cref="SocketsHttpHandler"/> that never follows redirects. The one hook the factory still runs after this
/// configuration, an app's <c>IHttpMessageHandlerBuilderFilter</c>, can only add handlers around the resilience
/// pipeline, never between the guard and the network.
/// </summary>
internal static class HttpProviderRegistration
{
    public static VoiceBatchBuilder Add<TApi, TOptions, TAdapter>(VoiceBatchBuilder builder, HttpProviderSpec spec, Action<OptionsBuilder<TOptions>> configure)
        where TApi : class
        where TOptions : VoiceBatchProviderOptions
        where TAdapter : class, IBatchCallProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var id = spec.Id;
        var section = $"VoiceBatch:{typeof(TOptions).Name.Replace("Options", string.Empty, StringComparison.Ordinal)}";

        configure(services.AddOptions<TOptions>());
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new ProviderOptionsValidator<TOptions>(id, section)));
        services.AddKeyedSingleton(id.Value, (sp, _) => new ProviderContext(
            id,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            new Scrubber(() => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.ApiKey),
            sp.GetService<ILoggerFactory>()?.CreateLogger("VoiceBatch." + id.Value)));

        var name = "VoiceBatch." + id.Value;
        services.AddHttpClient(name)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                client.BaseAddress = BaseAddress(options.EffectiveBaseAddress, spec.PathPrefix);
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
                client.DefaultRequestHeaders.Clear();      // an app's default headers (its own Authorization…) must not reach a vendor
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("VoiceBatch.Sdk", VoiceBatchTelemetry.Version));
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json")); // every vendor answers JSON
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                // The guard, the key and the body cap live INSIDE the primary handler, below every handler the factory
                // may add (an app's IHttpMessageHandlerBuilderFilter can still insert or append handlers after the SDK's
                // own configuration ran): whatever sits in the chain never sees the key, never gets a raw body, and
                // cannot hand a send-once request to the network twice. Replacing the primary handler drops the key with
                // it, so such a request reaches the vendor unauthenticated and is refused there.
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                var context = sp.GetRequiredKeyedService<ProviderContext>(id.Value);
                var monitor = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
                return new SendOnceGuard(context)
                {
                    InnerHandler = new AuthHandler(spec.Auth, () => monitor.CurrentValue.ApiKey)
                    {
                        InnerHandler = new BodyBufferHandler(context, options.MaxResponseBytes)
                        {
                            InnerHandler = new SocketsHttpHandler
                            {
                                // The adapter is a singleton; recycle connections instead of handlers so DNS changes are seen.
                                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                                // Never follow a redirect: it could carry the API key to another host.
                                AllowAutoRedirect = false,
                                AutomaticDecompression = DecompressionMethods.All,
                            },
                        },
                    },
                };
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers() // HttpClient's own Information lines; the SDK logs once per operation
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                // Runs after every ConfigureHttpClientDefaults action (the factory applies defaults first): drop them.
                handlers.Clear();
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                var context = sp.GetRequiredKeyedService<ProviderContext>(id.Value);
                handlers.Add(new ErrorTranslationHandler(context));
                handlers.Add(new ResilienceHandler(ResiliencePipelineFactory.Create(options, context)));
            });

        return builder.AddProvider(id, sp =>
        {
            var context = sp.GetRequiredKeyedService<ProviderContext>(id.Value);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            var api = RestService.ForGenerated<TApi>(http, CreateRefitSettings(spec.Json, context));
            return ActivatorUtilities.CreateInstance<TAdapter>(sp, api, sp.GetRequiredService<IOptions<TOptions>>().Value, context);
        });
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

    private static Uri? BaseAddress(Uri? root, string? prefix)
    {
        if (root is null) return null;
        var withSlash = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        return string.IsNullOrEmpty(prefix) ? withSlash : new Uri(withSlash, prefix.Trim('/') + "/");
    }

    private static RefitSettings CreateRefitSettings(JsonSerializerContext json, ProviderContext context)
    {
        var settings = new RefitSettings(new WireContentSerializer(json));

        // ErrorTranslationHandler already turned every transport failure and every non-success answer into the SDK's
        // exception tree (and cancellation stays an OperationCanceledException): surface those as they are.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        settings.ExceptionFactory = response => ValueTask.FromResult<Exception?>(response.IsSuccessStatusCode
            ? null
            : ErrorMap.FromResponse(context.Id, context.Scrubber, response, (response.Content as BufferedContent)?.Text(ErrorTranslationHandler.ErrorBodyChars) ?? string.Empty, RouteTraits.Of(response.RequestMessage)));
        settings.DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(Unreadable(context, response, exception));
        return settings;
    }

    /// <summary>A success answer whose body is not the JSON the route documents (HTML, truncated, empty, another shape).</summary>
    private static VoiceBatchResponseException Unreadable(ProviderContext context, HttpResponseMessage response, Exception exception)
    {
        var status = (int)response.StatusCode;
        var body = response.Content as BufferedContent;
        var media = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
        var what = body is { Length: 0 } || (body is not null && body.Text(64).Trim().Length == 0)
            ? "an empty body where JSON was expected"
            : $"a body that is not the expected JSON ({media})";
        var text = body?.Text(1024) ?? string.Empty;
        return new VoiceBatchResponseException(
            $"'{context.Id}' answered HTTP {status} with {what}: {context.Scrubber.Scrub(exception.Message, 300)}",
            context.Snippet(text.Trim().Length == 0 ? string.Empty : text), context.Id, status, ErrorMap.RequestIdOf(response), exception);
    }
}
