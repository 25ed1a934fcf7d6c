using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Core;

public sealed class RegistrationTests
{
    [Test]
    public void A_missing_api_key_fails_at_start_up_naming_the_provider_and_setting()
    {
        var services = new ServiceCollection();
        services.AddVoiceBatch().AddBolna(o => o.ApiKey = "");
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IBatchCallClient>());
        Assert.That(ex!.Message, Does.Contain("'bolna'").And.Contain("ApiKey").And.Contain("VoiceBatch:Bolna:ApiKey"));
    }

    [Test]
    public void Invalid_options_never_echo_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => VoiceBatchClient.Create(b => b.AddBolna(o =>
        {
            o.ApiKey = TestClient.CanaryKey;
            o.BaseAddress = new Uri("ftp://example.com");
        })));
        Assert.That(ex!.ToString(), Does.Not.Contain(TestClient.CanaryKey));
        Assert.That(ex.Message, Does.Contain("BaseAddress"));
    }

    [Test]
    public void Options_ToString_redacts_the_key()
    {
        var options = new BolnaOptions { ApiKey = TestClient.CanaryKey };
        Assert.That(options.ToString(), Does.Not.Contain(TestClient.CanaryKey).And.Contain("***").And.Contain("api.bolna.ai"));
    }

    [Test]
    public async Task Providers_bind_from_configuration()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/batches/b1")).RespondWith(Response.Create().WithStatusCode(200).WithBody(Seeds.Read(Seeds.BolnaGet)));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceBatch:Bolna:ApiKey"] = "from-config",
            ["VoiceBatch:Bolna:BaseAddress"] = server.Url,
            ["VoiceBatch:Bolna:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddVoiceBatch().AddBolna(config.GetSection("VoiceBatch:Bolna"));
        using var sp = services.BuildServiceProvider();

        var batch = await sp.GetRequiredService<IBatchCallClient>().GetBatchAsync(ProviderId.Bolna, "b1");

        Assert.That(batch.Progress.Total, Is.EqualTo(7));
        Assert.That(server.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single(), Is.EqualTo("Bearer from-config"));
    }

    [Test]
    public async Task VoiceBatchClient_Create_works_without_a_container_and_disposes()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/batches/b1")).RespondWith(Response.Create().WithStatusCode(200).WithBody(Seeds.Read(Seeds.BolnaGet)));
        var client = VoiceBatchClient.Create(b => b.AddBolna(o => TestClient.Fast(o, server.Url!)));

        var batch = await client.GetBatchAsync("Bolna", "b1");
        client.Dispose();

        Assert.That(batch.Provider, Is.EqualTo(ProviderId.Bolna));
        Assert.That(() => client.GetCapabilities(ProviderId.Bolna), Throws.Nothing, "capabilities are known without I/O");
    }

    [Test]
    public void The_client_is_a_singleton_and_AddVoiceBatch_is_idempotent()
    {
        var services = new ServiceCollection();
        services.AddVoiceBatch();
        services.AddVoiceBatch().AddBolna(o => o.ApiKey = "k");
        using var sp = services.BuildServiceProvider();
        Assert.That(sp.GetRequiredService<IBatchCallClient>(), Is.SameAs(sp.GetRequiredService<IBatchCallClient>()));
        Assert.That(services.Count(d => d.ServiceType == typeof(IBatchCallClient)), Is.EqualTo(1));
    }
}
