using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing;

/// <summary>
/// Stateful, in-process simulators of the vendors' batch-call APIs — DialNexa, VoiceAI, ElevenLabs, batch-details,
/// Bolna, Synthflow, Retell and Bland — on a loopback Kestrel server (127.0.0.1, a free port), in the spirit of Stripe's stripe-mock. Each vendor
/// speaks its own wire format (paths, JSON, status words, error bodies, auth header) under its own base address, so
/// the real SDK pipeline talks to it unchanged. Created batches progress on <see cref="SimulatorOptions.TimeProvider"/>
/// through the vendor's status words; faults can be switched on per vendor; every request is recorded.
/// </summary>
/// <example>
/// <code>
/// var time = new FakeTimeProvider();
/// await using var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Seed = 42 });
/// using var client = sim.CreateClient();
/// var batch = await client.CreateBatchAsync(ProviderId.Bolna, request);
/// time.Advance(TimeSpan.FromMinutes(30));
/// var done = await client.GetBatchAsync(ProviderId.Bolna, batch.Id);   // Completed
/// </code>
/// </example>
public sealed class VoiceBatchSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly IReadOnlyList<VendorSimulator> _vendors;
    private readonly SimulatorOptions _options;

    private VoiceBatchSimulator(SimulatorHost host, IReadOnlyList<VendorSimulator> vendors, SimulatorOptions options)
    {
        _host = host;
        _vendors = vendors;
        _options = options;
    }

    /// <summary>The vendors simulated, each reachable at <see cref="BaseAddress"/>.</summary>
    public IReadOnlyList<ProviderId> Providers => _vendors.Select(v => v.Provider).ToList();

    /// <summary>The one API key every simulated vendor accepts (<see cref="SimulatorOptions.ApiKey"/>).</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>Every request received so far, in arrival order (a snapshot; the API key is never recorded).</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _host.Requests;

    /// <summary>Every batch the simulated vendors accepted (created through their APIs or with <see cref="AddBatch"/>),
    /// oldest first, as received and with the vendor's current status word. Seed batches are not listed.</summary>
    public IReadOnlyList<SimulatedBatch> Batches => _vendors.SelectMany(Snapshot).OrderBy(b => b.CreatedAt).ToList();

    /// <summary>Starts the simulator on 127.0.0.1 at a free port.</summary>
    /// <param name="options">Clock, seed, outcomes and timing; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<VoiceBatchSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        options.Validate();
        var vendors = VendorCatalog.Create(options);
        var host = await SimulatorHost.StartAsync(vendors, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return new VoiceBatchSimulator(host, vendors, options);
    }

    /// <summary>The base address of one simulated vendor, e.g. <c>http://127.0.0.1:51234/bolna/</c>; the vendor's own paths follow it.</summary>
    /// <param name="provider">A simulated vendor (see <see cref="Providers"/>).</param>
    /// <returns>The address to set as the provider's <see cref="VoiceBatchProviderOptions.BaseAddress"/>.</returns>
    /// <exception cref="ArgumentException">The vendor is not simulated.</exception>
    public Uri BaseAddress(ProviderId provider) => new(_host.Address, Vendor(provider).Provider.Value + "/");

    /// <summary>The faults of one vendor: switch error bursts, rate limits, delays and dropped connections on and off at run time.</summary>
    /// <param name="provider">A simulated vendor.</param>
    /// <returns>That vendor's fault switchboard.</returns>
    /// <exception cref="ArgumentException">The vendor is not simulated.</exception>
    public SimulatorFaults Faults(ProviderId provider) => Vendor(provider).Faults;

    /// <summary>
    /// Adds every simulated vendor the SDK can register to <paramref name="builder"/>, pointed at this simulator with
    /// <see cref="ApiKey"/>. When <see cref="SimulatorOptions.TimeProvider"/> is not the system clock it also becomes the
    /// container's <see cref="TimeProvider"/>, so the client and the vendors agree on "now" (a Bolna schedule "3 minutes
    /// ahead" is 3 minutes ahead on both sides, and <c>WaitForCompletionAsync</c> waits on the same clock).
    /// </summary>
    /// <param name="builder">From <c>services.AddVoiceBatch()</c>.</param>
    /// <param name="configure">Adjusts every provider's options after they point at the simulator (e.g. <c>o =&gt; o.MaxRetries = 0</c>).</param>
    /// <returns>The builder.</returns>
    public VoiceBatchBuilder Configure(VoiceBatchBuilder builder, Action<VoiceBatchProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var vendor in _vendors) vendor.Register(builder, BaseAddress(vendor.Provider), ApiKey, configure);
        if (!ReferenceEquals(_options.TimeProvider, TimeProvider.System))
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(_options.TimeProvider));
        }

        return builder;
    }

    /// <summary>A ready client for every simulated vendor — the one-line way to use the simulator in a test. Dispose it when done.</summary>
    /// <param name="configure">Adjusts every provider's options (e.g. <c>o =&gt; o.MaxRetries = 0</c> to see the first fault).</param>
    /// <returns>A <see cref="VoiceBatchClient"/> wired to this simulator.</returns>
    public VoiceBatchClient CreateClient(Action<VoiceBatchProviderOptions>? configure = null)
        => VoiceBatchClient.Create(builder => Configure(builder, configure));

    /// <summary>
    /// Adds a batch as if it had been created in the vendor's dashboard, and starts it now. This is how a test gets a
    /// running batch on a vendor whose API cannot create one (batch-details); it works for every vendor.
    /// </summary>
    /// <param name="provider">A simulated vendor.</param>
    /// <param name="contacts">The contacts to call (their E.164 numbers and variables).</param>
    /// <param name="name">The batch's name (a default when null).</param>
    /// <returns>The vendor's id of the new batch.</returns>
    /// <exception cref="ArgumentException">The vendor is not simulated.</exception>
    public string AddBatch(ProviderId provider, ContactList contacts, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var vendor = Vendor(provider);
        var spec = new BatchSpec(
            name ?? "Simulated batch",
            "agent_simulated",
            contacts.Contacts.Select(c => new SimulatedContact(c.PhoneNumber, c.Variables)).ToList(),
            null,
            new Dictionary<string, string>(StringComparer.Ordinal));
        lock (vendor.Store.Gate)
        {
            return vendor.AddBatch(spec).Id;
        }
    }

    /// <summary>Stops the server; requests still waiting on a delay fault are dropped.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static IEnumerable<SimulatedBatch> Snapshot(VendorSimulator vendor)
    {
        lock (vendor.Store.Gate)
        {
            var now = vendor.Store.Now;
            return vendor.Store.All().Select(b => new SimulatedBatch
            {
                Provider = vendor.Provider,
                Id = b.Id,
                Name = b.Spec.Name,
                AgentId = b.Spec.AgentId,
                Contacts = b.Spec.Contacts,
                Fields = b.Spec.Fields,
                CreatedAt = b.CreatedAt,
                ScheduledAt = b.RequestedStartAt,
                Status = vendor.StatusWord(b, now),
            }).ToList();
        }
    }

    private VendorSimulator Vendor(ProviderId provider)
        => _vendors.FirstOrDefault(v => v.Provider == provider)
           ?? throw new ArgumentException($"'{provider}' is not simulated. Simulated: {string.Join(", ", _vendors.Select(v => v.Provider.Value))}.", nameof(provider));
}
