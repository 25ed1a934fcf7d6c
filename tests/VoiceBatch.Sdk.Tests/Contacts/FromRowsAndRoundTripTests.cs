using System.Text;
using VoiceBatch.Contacts;

namespace VoiceBatch.Tests.Contacts;

public sealed class FromRowsAndRoundTripTests : SheetFileTests
{
    [Test]
    public void FromRows_numbers_rows_from_2_and_validates_like_a_sheet()
    {
        var list = ContactList.FromRows(
        [
            new Dictionary<string, string> { ["phone"] = "+14155550101", ["name"] = "Ann" },
            new Dictionary<string, string> { ["phone"] = "", ["name"] = "" },
            new Dictionary<string, string> { ["phone"] = "415 555 0101", ["name"] = "Ann again", ["plan"] = "gold" },
            new Dictionary<string, string> { ["phone"] = "415 555 0102", ["name"] = "Bob" },
        ], new ContactListOptions { DefaultRegion = "US" });

        Assert.Multiple(() =>
        {
            Assert.That(list.VariableNames, Is.EqualTo(new[] { "name", "plan" }));
            Assert.That(list.Contacts.Select(c => (c.Row, c.PhoneNumber)), Is.EqualTo(new[] { (2, "+14155550101"), (5, "+14155550102") }));
            Assert.That(list.Contacts[0].Variables["plan"], Is.EqualTo(""));
            Assert.That(list.Errors.Single().Row, Is.EqualTo(4));
            Assert.That(list.Errors.Single().Reason, Does.StartWith("Duplicate of row 2"));
        });
    }

    [Test]
    public async Task Variables_behave_as_a_read_only_dictionary_in_sheet_order()
    {
        var path = Files.Csv("v.csv", [["city", "phone", "name", "plan"], ["Austin", "+14155550101", "Ann", "gold"]]);

        var variables = (await ContactList.LoadAsync(path)).Contacts.Single().Variables;

        Assert.Multiple(() =>
        {
            Assert.That(variables.Select(kv => kv.Key), Is.EqualTo(new[] { "city", "name", "plan" }));
            Assert.That(variables.Keys, Is.EqualTo(new[] { "city", "name", "plan" }));
            Assert.That(variables.Values, Is.EqualTo(new[] { "Austin", "Ann", "gold" }));
            Assert.That(variables, Has.Count.EqualTo(3));
            Assert.That(variables["name"], Is.EqualTo("Ann"));
            Assert.That(variables.ContainsKey("Name"), Is.False, "keys are case-sensitive, as the header is written");
            Assert.That(variables.TryGetValue("phone", out _), Is.False, "the phone column is not a variable");
            Assert.That(() => variables["missing"], Throws.InstanceOf<KeyNotFoundException>());
        });
    }

    [Test]
    public void FromRows_without_rows_is_refused()
        => Assert.That(() => ContactList.FromRows([]), Throws.InstanceOf<ContactValidationException>());

    [Test]
    public async Task ContactCsvWriter_output_round_trips_through_LoadAsync()
    {
        var original = ContactList.FromRows(
        [
            new Dictionary<string, string> { ["mobile"] = "+14155550101", ["name"] = "Doe, \"JJ\" Jane", ["note"] = "line1\nline2" },
            new Dictionary<string, string> { ["mobile"] = "+919876543210", ["name"] = "Zoë", ["note"] = "" },
            new Dictionary<string, string> { ["mobile"] = "+442079460958", ["name"] = " padded ", ["note"] = "=1+1" },
        ]);

        var bytes = ContactCsvWriter.Write(original.Contacts, original.VariableNames, "phone_number");
        var reread = await ContactList.LoadAsync(Files.Bytes("upload.csv", bytes));

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("phone_number,name,note\n"));
            Assert.That(Encoding.UTF8.GetString(bytes), Does.EndWith("+442079460958, padded ,=1+1\n"), "RFC 4180: spaces are data; values never escaped");
            Assert.That(reread.VariableNames, Is.EqualTo(original.VariableNames));
            Assert.That(reread.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(original.Contacts.Select(c => c.PhoneNumber)));
            Assert.That(reread.Contacts.Select(c => c.Variables), Is.EqualTo(original.Contacts.Select(c => c.Variables)));
            Assert.That(reread.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 3, 4 }));
        });
    }

    [Test]
    public async Task Ten_thousand_row_xlsx_is_read_whole_with_sheet_row_numbers()
    {
        const int count = 10_000;
        var path = Files.Xlsx("big.xlsx", wb =>
        {
            var sheet = wb.AddWorksheet("Contacts");
            sheet.Cell(1, 1).SetValue("phone_number");
            sheet.Cell(1, 2).SetValue("name");
            sheet.Cell(1, 3).SetValue("amount");
            for (var i = 0; i < count; i++)
            {
                sheet.Cell(i + 2, 1).SetValue(14155550000d + i);      // number cells, as a pasted column is
                sheet.Cell(i + 2, 2).SetValue($"Person {i}");
                sheet.Cell(i + 2, 3).SetValue(i * 1.5);
            }
        });

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Errors, Is.Empty);
            Assert.That(list.Contacts, Has.Count.EqualTo(count));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(Enumerable.Range(2, count)));
            Assert.That(list.Contacts[^1].PhoneNumber, Is.EqualTo("+14155559999"));
            Assert.That(list.Contacts[^1].Variables["name"], Is.EqualTo("Person 9999"));
            Assert.That(list.Contacts[3].Variables["amount"], Is.EqualTo("4.5"));
        });
    }

    [Test]
    public async Task Ten_thousand_row_csv_is_read_whole_with_row_numbers()
    {
        const int count = 10_000;
        var rows = Enumerable.Range(0, count).Select(i => new[] { $"+1415555{i:0000}", $"Person {i}" }).Prepend(["phone", "name"]);
        var list = await ContactList.LoadAsync(Files.Csv("big.csv", rows));

        Assert.Multiple(() =>
        {
            Assert.That(list.Errors, Is.Empty);
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(Enumerable.Range(2, count)));
        });
    }
}
