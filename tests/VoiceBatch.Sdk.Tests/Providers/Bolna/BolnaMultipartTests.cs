using VoiceBatch.Tests.Providers.DialNexa;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bolna;

/// <summary>
/// The multipart detail a simulator cannot see (ASP.NET Core reads quoted and unquoted part names alike): part names are
/// quoted as curl sends them. (The sheet-to-batch end-to-end tests moved to VoiceBatch.Sdk.Testing.Tests.)
/// </summary>
public sealed class BolnaMultipartTests
{
    [Test]
    public async Task Create_parts_are_named_in_quotes_as_curl_sends_them()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/batches").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"batch_id":"b-77","state":"created"}"""));
        server.Given(Request.Create().WithPath("/batches/b-77/schedule").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"message":"success","state":"scheduled"}"""));
        using var client = new TestClient(b => b.AddBolna(o => TestClient.Fast(o, server.Url!)));
        var contacts = ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["customer_name"] = "Priya" }]);

        await client.Client.CreateBatchAsync(ProviderId.Bolna, new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts });

        var create = server.LogEntries.Select(e => e.RequestMessage!).Single(r => r.Path == "/batches");
        var parts = MultipartBody.Parse(create.Headers!["Content-Type"].Single(), create.BodyAsBytes!);
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Disposition), Has.All.Contains("name=\""));
            Assert.That(parts.Single(p => p.Name == "file").Text, Does.StartWith("contact_number,customer_name"));
        });
    }
}
