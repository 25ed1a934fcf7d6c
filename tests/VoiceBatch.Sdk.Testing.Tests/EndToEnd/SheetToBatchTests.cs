using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>
/// Issue 4's "done means", now against the simulators instead of canned WireMock answers: a real leads.xlsx →
/// LoadAsync → CreateBatchAsync on each creating vendor, with every bad row reported before any call is placed and the
/// vendor receiving E.164 numbers and the variables (read back from what the simulated vendor parsed out of the upload).
/// </summary>
public sealed class SheetToBatchTests : SimulatorTest
{
    private static async Task<ContactList> LeadsAsync()
    {
        var path = Sheets.Xlsx("leads.xlsx", wb =>
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

    private static readonly SimulatedContact[] Expected =
    [
        new("+14155550101", new Dictionary<string, string> { ["customer_name"] = "Priya Sharma", ["loan_amount"] = "500000" }),
        new("+442079460123", new Dictionary<string, string> { ["customer_name"] = "Olivia Brown", ["loan_amount"] = "1250.5" }),
    ];

    private static void AssertReceived(SimulatedBatch batch)
    {
        Assert.That(batch.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(Expected.Select(c => c.PhoneNumber)));
        for (var i = 0; i < Expected.Length; i++)
        {
            Assert.That(batch.Contacts[i].Variables, Is.EquivalentTo(Expected[i].Variables), $"variables of contact {i + 1}");
        }
    }

    [Test]
    public async Task Bad_rows_stop_the_create_before_anything_is_sent()
    {
        var contacts = await LeadsAsync();

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors.Select(e => e.Row), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(Sim.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task DialNexa_receives_the_valid_rows_as_csv_with_e164_numbers_and_variables()
    {
        var contacts = await LeadsAsync();

        var batch = await Client.CreateBatchAsync(ProviderId.DialNexa, new CreateBatchRequest { AgentId = "agt_abc123", Name = "Leads", Contacts = contacts, SkipInvalidContacts = true });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued));
            AssertReceived(Sim.Batches.Single());
        });
    }

    [Test]
    public async Task VoiceAI_receives_each_contact_with_its_dynamic_variables()
    {
        var contacts = await LeadsAsync();

        var batch = await Client.CreateBatchAsync(ProviderId.VoiceAI, new CreateBatchRequest { AgentId = "agt_1", Name = "May", Contacts = contacts, SkipInvalidContacts = true });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Does.StartWith("btcal_"));
            Assert.That(Sim.Batches.Single().Fields["call_name"], Is.EqualTo("May"));
            AssertReceived(Sim.Batches.Single());
        });
    }

    [Test]
    public async Task Bolna_receives_contact_number_then_a_schedule()
    {
        var contacts = await LeadsAsync();

        var batch = await Client.CreateBatchAsync(ProviderId.Bolna, new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts, SkipInvalidContacts = true });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            AssertReceived(Sim.Batches.Single()); // the simulator reads the number from the contact_number column only
            Assert.That(Sim.Requests.Select(r => r.Operation), Is.EqualTo(new BatchOperation?[] { BatchOperation.Create, BatchOperation.Schedule }));
            Assert.That(Sim.Batches.Single().Status, Is.EqualTo("scheduled"));
        });
    }
}
