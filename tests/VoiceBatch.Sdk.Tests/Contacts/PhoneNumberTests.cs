using VoiceBatch.Contacts;

namespace VoiceBatch.Tests.Contacts;

public sealed class PhoneNumberTests : SheetFileTests
{
    [TestCase("+14155550101", null, "+14155550101", TestName = "Normalize_e164_stays")]
    [TestCase("+1 (415) 555-0101", null, "+14155550101", TestName = "Normalize_formatted_international")]
    [TestCase("+1 (415) 555-0101", "IN", "+14155550101", TestName = "Normalize_plus_wins_over_region")]
    [TestCase("(415) 555-0101", "US", "+14155550101", TestName = "Normalize_us_national_with_region")]
    [TestCase("415.555.0101", "us", "+14155550101", TestName = "Normalize_region_any_case")]
    [TestCase("14155550101", "US", "+14155550101", TestName = "Normalize_us_trunk_1_with_region")]
    [TestCase("9876543210", "IN", "+919876543210", TestName = "Normalize_india_national_with_region")]
    [TestCase("09876543210", "IN", "+919876543210", TestName = "Normalize_india_trunk_0_with_region")]
    [TestCase("14155550101", "IN", "+14155550101", TestName = "Normalize_11_digits_not_valid_in_region_read_as_international")]
    [TestCase("14155550101", null, "+14155550101", TestName = "Normalize_11_digits_without_plus_is_international")]
    [TestCase("919876543210", null, "+919876543210", TestName = "Normalize_12_digits_without_plus_is_international")]
    [TestCase("0044 7911 123456", null, "+447911123456", TestName = "Normalize_00_prefix_is_international")]
    [TestCase("tel:+1-415-555-0101", null, "+14155550101", TestName = "Normalize_tel_uri")]
    public void Valid_numbers_become_e164(string text, string? region, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumberNormalizer.TryNormalize(text, region, out var e164), Is.True);
            Assert.That(e164, Is.EqualTo(expected));
        });
    }

    [TestCase("4155550101", null, TestName = "Refuse_10_digit_national_without_region")]
    [TestCase("2025550101", null, TestName = "Refuse_10_digit_that_could_be_egypt_without_region")]
    [TestCase("+1415555010", null, TestName = "Refuse_too_short")]
    [TestCase("+999123456789", null, TestName = "Refuse_unknown_country_code")]
    [TestCase("555-0101", "US", TestName = "Refuse_7_digits_with_region")]
    [TestCase("call me", "US", TestName = "Refuse_words")]
    [TestCase("", "US", TestName = "Refuse_empty")]
    public void Impossible_numbers_are_refused(string text, string? region)
        => Assert.That(PhoneNumberNormalizer.TryNormalize(text, region, out _), Is.False);

    [TestCase("+14155550101", "+1415***0101")]
    [TestCase("12345", "*****")]
    [TestCase("", "")]
    public void Mask_keeps_only_the_ends(string number, string masked)
        => Assert.That(PhoneNumberNormalizer.Mask(number), Is.EqualTo(masked));

    [Test]
    public void NormalizeOrKeep_keeps_what_it_cannot_read()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumberNormalizer.NormalizeOrKeep(" 14155550101 "), Is.EqualTo("+14155550101"));
            Assert.That(PhoneNumberNormalizer.NormalizeOrKeep(" 4155550101 "), Is.EqualTo("4155550101"));
            Assert.That(PhoneNumberNormalizer.NormalizeOrKeep("  "), Is.Null);
        });
    }

    [Test]
    public async Task National_numbers_read_with_DefaultRegion_US()
    {
        var path = Files.Csv("us.csv", [["Phone Number", "name"], ["(415) 555-0101", "a"], ["415-555-0102", "b"], ["1 415 555 0103", "c"], ["+44 7911 123456", "d"]]);

        var list = await ContactList.LoadAsync(path, new ContactListOptions { DefaultRegion = "US" });

        Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550102", "+14155550103", "+447911123456" }));
    }

    [Test]
    public async Task National_numbers_read_with_DefaultRegion_IN_also_from_number_cells()
    {
        var path = Files.Xlsx("in.xlsx", wb =>
        {
            var sheet = wb.AddWorksheet("S");
            sheet.Cell(1, 1).SetValue("mobile");
            sheet.Cell(2, 1).SetValue(9876543210d);
            sheet.Cell(3, 1).SetValue<string>("098765 43211");
        });

        var list = await ContactList.LoadAsync(path, new ContactListOptions { DefaultRegion = "IN" });

        Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+919876543210", "+919876543211" }));
    }

    [Test]
    public async Task Bad_rows_are_listed_with_column_value_and_reason_and_never_in_contacts()
    {
        var path = Files.Csv("bad.csv",
        [
            ["name", "phone_number"],
            ["ok", "+14155550101"],
            ["dup", "+1 415 555 0101"],
            ["empty", ""],
            ["national", "4155550102"],
            ["words", "ask reception"],
            ["short", "+1415555"],
            ["ok2", "14155550103"],
            ["dup2", "+14155550103"],
        ]);

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => (c.Row, c.PhoneNumber)), Is.EqualTo(new[] { (2, "+14155550101"), (8, "+14155550103") }));
            Assert.That(list.Errors.Select(e => e.Row), Is.EqualTo(new[] { 3, 4, 5, 6, 7, 9 }));
            Assert.That(list.Errors.Select(e => e.Column), Is.All.EqualTo("phone_number"));
            Assert.That(list.Errors.Select(e => e.Value), Is.EqualTo(new[] { "+1 415 555 0101", "", "4155550102", "ask reception", "+1415555", "+14155550103" }));
            Assert.That(list.Errors[0].Reason, Does.StartWith("Duplicate of row 2"));
            Assert.That(list.Errors[1].Reason, Does.Contain("empty"));
            Assert.That(list.Errors[2].Reason, Does.Contain("no country code").And.Contain("DefaultRegion"));
            Assert.That(list.Errors[3].Reason, Does.Contain("Not a valid phone number"));
            Assert.That(list.Errors[5].Reason, Does.StartWith("Duplicate of row 8"));
            Assert.That(list.Errors.Where(e => e.Value is { Length: > 4 } value && e.Reason.Contains(value.Replace(" ", ""), StringComparison.Ordinal)
                                                 || e.Reason.Contains("0102", StringComparison.Ordinal)), Is.Empty, "no phone number in a reason");
        });
    }

    [Test]
    public async Task Region_error_names_the_region()
    {
        var path = Files.Csv("r.csv", [["phone"], ["12345"]]);

        var list = await ContactList.LoadAsync(path, new ContactListOptions { DefaultRegion = "in" });

        Assert.That(list.Errors.Single().Reason, Does.Contain("region IN"));
    }

    [Test]
    public async Task Scientific_notation_text_is_expanded_only_when_no_digit_was_lost()
    {
        // What Excel writes into a CSV when a number column is too narrow: the first keeps all digits, the second lost five.
        var path = Files.Csv("sci.csv", [["phone"], ["1.4155550101E+10"], ["1.41556E+10"], ["14155550102.0"]]);

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550102" }));
            Assert.That(list.Errors.Single().Row, Is.EqualTo(3));
            Assert.That(list.Errors.Single().Reason, Does.Contain("scientific notation").And.Contain("Text"));
            Assert.That(list.Errors.Single().Value, Is.EqualTo("1.41556E+10"));
        });
    }

    [TestCase("Phone Number")]
    [TestCase("phone_number")]
    [TestCase("PHONE-NUMBER")]
    [TestCase("contact number")]
    [TestCase("Mobile")]
    [TestCase("MSISDN")]
    [TestCase("to_number")]
    [TestCase("Telephone")]
    public async Task Phone_column_is_found_by_common_names(string header)
    {
        var path = Files.Csv("h.csv", [["name", header], ["Ann", "+14155550101"]]);

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(list.VariableNames, Is.EqualTo(new[] { "name" }));
        });
    }

    [Test]
    public async Task Configured_PhoneColumn_wins_over_common_names()
    {
        var path = Files.Csv("h.csv", [["phone", "whatsapp"], ["+14155550101", "+14155550199"]]);

        var list = await ContactList.LoadAsync(path, new ContactListOptions { PhoneColumn = "WhatsApp" });

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550199"));
            Assert.That(list.Contacts.Single().Variables["phone"], Is.EqualTo("+14155550101"));
        });
    }
}
