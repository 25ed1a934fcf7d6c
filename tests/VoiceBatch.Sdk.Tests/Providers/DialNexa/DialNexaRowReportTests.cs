using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

/// <summary>DialNexa's 400 "destination validation" report on create (seed 004: "grouped error details, including
/// the affected row numbers"; exact JSON undocumented, so several shapes are read).</summary>
public sealed class DialNexaRowReportTests : DialNexaFixture
{
    private const string CreatePath = "/v1/batch-calls";

    private void AnswerCreate(string json, int status)
        => Answer(Request.Create().WithPath(CreatePath).UsingPost(), json, status);

    [Test]
    public void A_400_row_report_becomes_row_errors_on_the_callers_sheet_rows()
    {
        AnswerCreate(Fixture("create-400-rows.json"), 400);
        var rows = new[] { "not a number", "+14155550101", "+14155550102", "+14155550103" }
            .Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["phone"] = p, ["first_name"] = "x" });
        var contacts = ContactList.FromRows(rows);
        Assert.That(contacts.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 3, 4, 5 }), "precondition: sheet row 2 is invalid and skipped");

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => Client.CreateBatchAsync(ProviderId.DialNexa,
            new CreateBatchRequest { AgentId = "agt_1", Contacts = contacts, SkipInvalidContacts = true }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.DialNexa));
            Assert.That(ex.Errors.Select(e => (e.Row, e.Reason, e.Value)), Is.EqualTo(new[]
            {
                (3, "unsupported destination country", "+14155550101"),
                (4, "unsupported destination country", "+14155550102"),
                (5, "invalid phone number format", "+14155550103"),
            }), "uploaded CSV row r (header = row 1) is the caller's contact r-2");
            Assert.That(ex.Message, Does.Contain("Destination validation failed for 3 row(s)"));
            Assert.That(ex.Message, Does.Contain("\"row_numbers\": \"4\""), "the raw body is quoted so nothing is lost");
            Assert.That(ex.Message, Does.Not.Contain("+14155550101"), "messages never carry a full phone number");
            Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));
            Assert.That(Received("POST", CreatePath), Has.Count.EqualTo(1));
        });
    }

    [TestCase("""{"message":"bad rows","details":[{"reason":"unsupported prefix","row":2}]}""", 2, "unsupported prefix")]
    [TestCase("""{"error":"Bad Request","errors":[{"message":"no enabled countries configured","rows":["3"]}]}""", 3, "no enabled countries configured")]
    [TestCase("""{"message":["invalid"],"errors":{"invalid phone number format":[2]}}""", 2, "invalid phone number format")]
    [TestCase("""{"message":"x","errors":{"unsupported destination country":{"rows":"3"}}}""", 3, "unsupported destination country")]
    [TestCase("""{"message":"x","details":[{"error":"bad","row_numbers":[99]}]}""", 99, "bad")]
    public void Row_report_shapes_are_read_tolerantly(string body, int expectedRow, string expectedReason)
    {
        AnswerCreate(body, 400);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors, Has.Count.EqualTo(1));
            Assert.That(ex.Errors[0].Row, Is.EqualTo(expectedRow), "rows 2-3 are the upload's contacts (sheet rows 2-3); row 99 is outside it and kept as sent");
            Assert.That(ex.Errors[0].Reason, Is.EqualTo(expectedReason));
        });
    }

    [Test]
    public void A_400_without_rows_stays_the_translated_error()
    {
        AnswerCreate("""{"statusCode":400,"message":"agent_id must be a valid agent","error":"Bad Request"}""", 400);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => Client.CreateBatchAsync(ProviderId.DialNexa, NewRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<ContactValidationException>());
            Assert.That(ex, Is.Not.InstanceOf<BatchCreationUncertainException>(), "a 400 is a definite no");
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("agent_id must be a valid agent"));
        });
    }
}
