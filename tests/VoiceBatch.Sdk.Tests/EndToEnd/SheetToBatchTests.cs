using System.Text.Json;
using VoiceBatch.Tests.Contacts;
using VoiceBatch.Tests.Providers.DialNexa;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.EndToEnd;

/// <summary>Issue 4's "done means": a real leads.xlsx → LoadAsync → CreateBatchAsync on each creating vendor, with
/// every bad row reported before any call is placed and the vendor receiving E.164 numbers and the variables.</summary>
public sealed class SheetToBatchTests : SheetFileTests
{
    private WireMockServer _server = null!;
    private TestClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = WireMockServer.Start();
        _client = new TestClient(b => b
            .AddDialNexa(o => TestClient.Fast(o, _server.Url! + "/dialnexa"))
            .AddVoiceAI(o => TestClient.Fast(o, _server.Url! + "/voiceai"))
            .AddBolna(o => TestClient.Fast(o, _server.Url! + "/bolna")));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private async Task<ContactList> LeadsAsync()
    {
        var path = Files.Xlsx("leads.xlsx", wb =>
        {
            var sheet = wb.AddWorksheet("Leads");
            sheet.Cell(1, 1).Value = "phone_number";
            sheet.Cell(1, 2).Value = "customer_name";
            sheet.Cell(1, 3).Value = "loan_amount";
            sheet.Cell(2, 1).Value = 14155550101d;             // a phone number stored as a number, as CRMs export it
            sheet.Cell(2, 2).Value = "Priya Sharma";
            sheet.Cell(2, 3).Value = 500000;
            sheet.Cell(3, 1).SetValue("not a number");
            sheet.Cell(3, 2).Value = "Broken";
            sheet.Cell(4, 1).SetValue("+14155550101");          // duplicate of row 2
            sheet.Cell(5, 1).SetValue("+442079460123");
            sheet.Cell(5, 2).Value = "Olivia Brown";
            sheet.Cell(5, 3).Value = 1250.5;
        });
        return await ContactList.LoadAsync(path);
    }

    [Test]
    public async Task Bad_rows_stop_the_create_before_anything_is_sent()
    {
        var contacts = await LeadsAsync();

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => _client.Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts }));

        Assert.That(ex!.Errors.Select(e => e.Row), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task DialNexa_receives_the_valid_rows_as_csv_with_e164_numbers_and_variables()
    {
        var contacts = await LeadsAsync();
        _server.Given(Request.Create().WithPath("/dialnexa/v1/batch-calls").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Seeds.Read(Seeds.DialNexaCreate)));

        var batch = await _client.Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "agt_abc123", Contacts = contacts, SkipInvalidContacts = true });

        var request = _server.LogEntries.Single().RequestMessage!;
        var file = MultipartBody.Parse(request.Headers!["Content-Type"].Single(), request.BodyAsBytes!).Single(p => p.Name == "file");
        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued));
            Assert.That(file.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
            {
                "phone_number,customer_name,loan_amount",
                "+14155550101,Priya Sharma,500000",
                "+442079460123,Olivia Brown,1250.5",
            }));
        });
    }

    [Test]
    public async Task VoiceAI_receives_each_contact_with_its_dynamic_variables()
    {
        var contacts = await LeadsAsync();
        _server.Given(Request.Create().WithPath("/voiceai/v1/voiceai/batch-calling/submit").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"id":"btcal_1","name":"May","agent_id":"agt_1","status":"pending","created_at_unix":1764000000,"scheduled_time_unix":1764000000,"last_updated_at_unix":1764000000,"agent_name":"A"}"""));

        var batch = await _client.Client.CreateBatchAsync(ProviderId.VoiceAI, new CreateBatchRequest { AgentId = "agt_1", Name = "May", Contacts = contacts, SkipInvalidContacts = true });

        using var sent = JsonDocument.Parse(_server.LogEntries.Single().RequestMessage!.Body!);
        var recipients = sent.RootElement.GetProperty("recipients").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("btcal_1"));
            Assert.That(recipients.Select(r => r.GetProperty("phone_number").GetString()), Is.EqualTo(new[] { "+14155550101", "+442079460123" }));
            Assert.That(recipients[1].GetProperty("conversation_initiation_client_data").GetProperty("dynamic_variables").GetProperty("loan_amount").GetString(), Is.EqualTo("1250.5"));
        });
    }

    [Test]
    public async Task Bolna_receives_contact_number_then_a_schedule()
    {
        var contacts = await LeadsAsync();
        _server.Given(Request.Create().WithPath("/bolna/batches").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"batch_id":"b-77","state":"created"}"""));
        _server.Given(Request.Create().WithPath("/bolna/batches/b-77/schedule").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"message":"success","state":"scheduled"}"""));

        var batch = await _client.Client.CreateBatchAsync(ProviderId.Bolna, new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts, SkipInvalidContacts = true });

        var create = _server.LogEntries.Select(e => e.RequestMessage!).Single(r => r.Path == "/bolna/batches");
        var parts = MultipartBody.Parse(create.Headers!["Content-Type"].Single(), create.BodyAsBytes!);
        var file = parts.Single(p => p.Name == "file");
        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(file.Text, Does.StartWith("contact_number,customer_name,loan_amount"));
            Assert.That(parts.Select(p => p.Disposition), Has.All.Contains("name=\""), "part names quoted as curl sends them");
            Assert.That(_server.LogEntries.Count(e => e.RequestMessage!.Path == "/bolna/batches/b-77/schedule"), Is.EqualTo(1));
        });
    }
}
