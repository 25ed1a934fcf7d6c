using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Core;

/// <summary>
/// Issue 14.3 — every built-in vendor's registration, from code and from configuration, refuses a plain-http address
/// that is not loopback, at start-up, naming the provider and the setting and never the key; loopback http (a local
/// simulator) and https pass, and a vendor's public default is https.
/// </summary>
public sealed class HttpsOnlyTests
{
    public static readonly (string Provider, string Section, Action<VoiceBatchBuilder, Action<VoiceBatchProviderOptions>> Code, Action<VoiceBatchBuilder, IConfiguration> Config)[] Vendors =
    [
        ("dialnexa", "DialNexa", (b, c) => b.AddDialNexa(o => c(o)), (b, c) => b.AddDialNexa(c)),
        ("voiceai", "VoiceAI", (b, c) => b.AddVoiceAI(o => c(o)), (b, c) => b.AddVoiceAI(c)),
        ("elevenlabs", "ElevenLabs", (b, c) => b.AddElevenLabs(o => c(o)), (b, c) => b.AddElevenLabs(c)),
        ("batchdetails", "BatchDetails", (b, c) => b.AddBatchDetails(o => c(o)), (b, c) => b.AddBatchDetails(c)),
        ("bolna", "Bolna", (b, c) => b.AddBolna(o => c(o)), (b, c) => b.AddBolna(c)),
    ];

    private static IEnumerable<TestCaseData> Each(params string[] addresses)
        => from vendor in Vendors.Select(v => v.Provider)
           from address in addresses
           select new TestCaseData(vendor, address).SetName($"{vendor}: {address}");

    private static IEnumerable<TestCaseData> Refused() => Each("http://api.vendor.example/", "http://10.0.0.7:8080/", "http://localhost.vendor.example/", "ftp://api.vendor.example/");

    private static IEnumerable<TestCaseData> Accepted() => Each("https://api.vendor.example/", "http://127.0.0.1:5005/", "http://localhost:5005/", "http://[::1]:5005/");

    [TestCaseSource(nameof(Refused))]
    public void Plain_http_to_another_host_is_refused_in_code(string provider, string address)
    {
        var vendor = Vendors.Single(v => v.Provider == provider);

        var ex = Assert.Throws<OptionsValidationException>(() => VoiceBatchClient.Create(b => vendor.Code(b, o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri(address);
        })));

        AssertNamesProviderAndSetting(ex!, provider, vendor.Section);
    }

    [TestCaseSource(nameof(Refused))]
    public void Plain_http_to_another_host_is_refused_from_configuration_at_start_up(string provider, string address)
    {
        var vendor = Vendors.Single(v => v.Provider == provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKey"] = TestClient.CanaryKey,
            ["BaseAddress"] = address,
        }).Build();
        var services = new ServiceCollection();
        vendor.Config(services.AddVoiceBatch(), configuration);
        using var provider2 = services.BuildServiceProvider();

        // What ValidateOnStart runs when a host starts, without a host.
        var ex = Assert.Throws<OptionsValidationException>(() => provider2.GetRequiredService<IBatchCallClient>());

        AssertNamesProviderAndSetting(ex!, provider, vendor.Section);
    }

    [TestCaseSource(nameof(Accepted))]
    public void Https_and_loopback_http_are_accepted(string provider, string address)
    {
        var vendor = Vendors.Single(v => v.Provider == provider);

        using var client = VoiceBatchClient.Create(b => vendor.Code(b, o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri(address);
        }));

        // Built without a validation failure, and the provider is registered with what it can do.
        Assert.That(client.GetCapabilities(new ProviderId(provider)).Operations, Is.Not.EqualTo(BatchOperation.None));
    }

    [TestCase("dialnexa")]
    [TestCase("voiceai")]
    [TestCase("elevenlabs")]
    [TestCase("bolna")]
    public void A_vendors_public_default_is_https(string provider)
    {
        var vendor = Vendors.Single(v => v.Provider == provider);
        VoiceBatchProviderOptions? seen = null;

        using var client = VoiceBatchClient.Create(b => vendor.Code(b, o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            seen = o;
        }));

        Assert.That(seen!.ToString(), Does.Contain("BaseAddress = https://"));
    }

    private static void AssertNamesProviderAndSetting(OptionsValidationException ex, string provider, string section)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain($"'{provider}'"));
            Assert.That(ex.Message, Does.Contain("BaseAddress").And.Contain($"VoiceBatch:{section}:BaseAddress"));
            Assert.That(ex.Message, Does.Contain("https"));
            Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));
        });
    }
}
