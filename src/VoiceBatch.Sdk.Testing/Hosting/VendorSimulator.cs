using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Testing.Engine;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// One simulated vendor: its routes, auth check, error bodies and status words, over its own <see cref="BatchStore"/>.
/// Every subclass writes its vendor's JSON itself (<see cref="JsonNode"/>, never the SDK's DTOs). Adding a vendor is one
/// more subclass in its own folder under <c>Vendors/</c> and one line in <see cref="VendorCatalog"/>.
/// </summary>
internal abstract class VendorSimulator
{
    protected VendorSimulator(ProviderId provider, SimulatorOptions options)
    {
        Provider = provider;
        Options = options;
        Store = new BatchStore(provider, options);
    }

    /// <summary>The vendor; also the simulator's path prefix for it (<c>/dialnexa/…</c>).</summary>
    public ProviderId Provider { get; }

    /// <summary>The simulator's options.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The vendor's batches.</summary>
    public BatchStore Store { get; }

    /// <summary>The faults switched on for this vendor.</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>The simulator's current time.</summary>
    protected DateTimeOffset Now => Store.Now;

    /// <summary>Maps the vendor's routes, paths exactly as the vendor documents them.</summary>
    public abstract void MapRoutes(VendorRoutes routes);

    /// <summary>True when the request carries <see cref="SimulatorOptions.ApiKey"/> the way the vendor wants it.</summary>
    public abstract bool IsAuthorized(HttpRequest request);

    /// <summary>The vendor's own error body for <paramref name="statusCode"/> (auth failures, faults, unknown routes, crashes).</summary>
    /// <param name="statusCode">The HTTP status being answered.</param>
    /// <param name="request">The request being answered (some vendors quote its path).</param>
    public abstract JsonNode ErrorBody(int statusCode, HttpRequest request);

    /// <summary>Adds the SDK's provider for this vendor to <paramref name="builder"/>, pointed at the simulator.</summary>
    public abstract void Register(VoiceBatchBuilder builder, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure);

    /// <summary>The batch's status in the vendor's word at <paramref name="now"/>.</summary>
    public abstract string StatusWord(BatchState batch, DateTimeOffset now);

    /// <summary>Creates and launches a batch the way this vendor names and starts batches (for <see cref="VoiceBatchSimulator.AddBatch"/>).</summary>
    public abstract BatchState AddBatch(BatchSpec spec);

    /// <summary>Answers with the vendor's error body for <paramref name="statusCode"/>.</summary>
    protected Task ErrorAsync(HttpContext context, int statusCode) => Wire.WriteAsync(context, ErrorBody(statusCode, context.Request), statusCode);

    /// <summary>Sets <paramref name="options"/> to the simulator and lets the caller adjust them.</summary>
    protected static void Point(VoiceBatchProviderOptions options, Uri baseAddress, string apiKey, Action<VoiceBatchProviderOptions>? configure)
    {
        options.BaseAddress = baseAddress;
        options.ApiKey = apiKey;
        configure?.Invoke(options);
    }

    /// <summary>True when the header <paramref name="name"/> is exactly <paramref name="expected"/>.</summary>
    protected static bool HeaderIs(HttpRequest request, string name, string expected)
        => request.Headers.TryGetValue(name, out var values) && values.Count == 1 && string.Equals(values[0], expected, StringComparison.Ordinal);

    /// <summary>The request's path as the vendor sees it (without the simulator's <c>/{provider}</c> prefix).</summary>
    protected string VendorPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var prefix = "/" + Provider.Value;
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? (path.Length == prefix.Length ? "/" : path[prefix.Length..]) : path;
    }

    /// <summary>True when <c>Authorization</c> is <c>Bearer {key}</c>.</summary>
    protected bool HasBearer(HttpRequest request) => HeaderIs(request, "Authorization", "Bearer " + Options.ApiKey);
}
