// The package consumer: a fresh app on VoiceBatch.Sdk + VoiceBatch.Sdk.Testing from a feed. It writes a contact sheet
// as CSV and as XLSX with the libraries apps use (CsvHelper 34, DocumentFormat.OpenXml 3 — in the same process as the
// SDK), loads both through the SDK, runs a batch from each on the vendor simulators, exports the calls with
// BatchExport and reads the exports back with the same libraries. Exit 0 and "consumer: ok" when every check holds;
// otherwise the failed check and exit 1.
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VoiceBatch;
using VoiceBatch.Testing;

var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("voicebatch-consumer").FullName;
Directory.CreateDirectory(folder);

// Row 2 and 3 can be called (row 3 typed without '+', a number cell in the XLSX); row 4 repeats row 2; row 5 is no number.
(string Name, string Phone)[] people = [("Ada", "+14155550101"), ("Grace", "14155550102"), ("Ada again", "+14155550101"), ("Nobody", "555")];
var csvPath = Path.Combine(folder, "leads.csv");
var xlsxPath = Path.Combine(folder, "leads.xlsx");
WriteCsv(csvPath, people);
WriteXlsx(xlsxPath, people);

var fromCsv = await ContactList.LoadAsync(csvPath);
var fromXlsx = await ContactList.LoadAsync(xlsxPath);
foreach (var (name, list) in new[] { ("CSV", fromCsv), ("XLSX", fromXlsx) })
{
    Check(list.Contacts.Select(c => c.PhoneNumber).SequenceEqual(["+14155550101", "+14155550102"]), $"{name}: the two callable numbers, in E.164 ({string.Join(", ", list.Contacts.Select(c => c.PhoneNumber))})");
    Check(list.Errors.Select(e => e.Row).SequenceEqual([4, 5]), $"{name}: rows 4 and 5 refused ({string.Join(", ", list.Errors.Select(e => $"{e.Row}: {e.Reason}"))})");
    Check(list.Contacts[0].Variables["name"] == "Ada", $"{name}: the name column is a variable");
}

await using var simulator = await VoiceBatchSimulator.StartAsync(new SimulatorOptions
{
    Seed = 11,
    QueueDelay = TimeSpan.FromMilliseconds(50),
    RingDuration = TimeSpan.FromMilliseconds(100),
    CallDuration = TimeSpan.FromMilliseconds(200),
    StartScheduledBatchesImmediately = true,
});
await using var client = simulator.CreateClient();
foreach (var (provider, contacts) in new[] { (ProviderId.DialNexa, fromXlsx), (ProviderId.Bolna, fromCsv) })
{
    var created = await client.CreateBatchAsync(provider, new CreateBatchRequest { AgentId = "agt_consumer", Name = "Consumer check", Contacts = contacts, SkipInvalidContacts = true });
    var done = await client.WaitForCompletionAsync(provider, created.Id, pollInterval: TimeSpan.FromMilliseconds(50));
    var calls = await client.GetAllCallsAsync(provider, created.Id);
    Check(done.IsTerminal && done.Progress.Finished == 2, $"{provider}: the batch ended with both calls finished ({done.Status}, {done.Progress.Finished}/{done.Progress.Total})");
    Check(calls.Select(c => c.PhoneNumber).Order().SequenceEqual(["+14155550101", "+14155550102"]), $"{provider}: one call per contact");

    var csvExport = Path.Combine(folder, $"results-{provider}.csv");
    var xlsxExport = Path.Combine(folder, $"results-{provider}.xlsx");
    Check(await BatchExport.WriteCsvAsync(client.GetCallsAsync(provider, created.Id), csvExport) == 2, $"{provider}: two calls exported to CSV");
    Check(await BatchExport.WriteXlsxAsync(client.GetCallsAsync(provider, created.Id), xlsxExport) == 2, $"{provider}: two calls exported to XLSX");
    Check(ReadCsv(csvExport).Skip(1).Select(r => r[1]).Order().SequenceEqual(["+14155550101", "+14155550102"]), $"{provider}: the CSV export reads back with CsvHelper");
    Check(ReadXlsx(xlsxExport).Skip(1).Select(r => r[1]).Order().SequenceEqual(["+14155550101", "+14155550102"]), $"{provider}: the XLSX export reads back with OpenXml, numbers as text");
}

Check(simulator.Requests.Count(r => r.Operation == BatchOperation.Create) == 2, "one create per batch");
Console.WriteLine($"consumer: ok (CSV and XLSX loaded beside {Libraries()}; a batch created, finished and exported on DialNexa and Bolna)");
return 0;

static void Check(bool condition, string what)
{
    if (condition) return;
    Console.Error.WriteLine($"consumer: FAILED: {what}");
    Environment.Exit(1);
}

static string Libraries()
    => $"CsvHelper {typeof(CsvWriter).Assembly.GetName().Version} and DocumentFormat.OpenXml {typeof(SpreadsheetDocument).Assembly.GetName().Version}";

static void WriteCsv(string path, (string Name, string Phone)[] people)
{
    using var stream = File.Create(path);
    using var csv = CsvWriter.Create(stream, new CsvWriterOptions(), leaveOpen: false);
    csv.WriteField("name");
    csv.WriteField("phone_number");
    csv.EndRecord();
    foreach (var (name, phone) in people)
    {
        csv.WriteField(name);
        csv.WriteField(phone);
        csv.EndRecord();
    }
}

static List<string[]> ReadCsv(string path)
{
    using var csv = CsvReader.Create(File.ReadAllBytes(path), new CsvReaderOptions { HasHeader = false });
    var rows = new List<string[]>();
    while (csv.Read()) rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
    return rows;
}

static void WriteXlsx(string path, (string Name, string Phone)[] people)
{
    using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
    var workbook = document.AddWorkbookPart();
    workbook.Workbook = new Workbook();
    var worksheet = workbook.AddNewPart<WorksheetPart>();
    var rows = new SheetData();
    rows.Append(Row(Text("name"), Text("phone_number")));
    foreach (var (name, phone) in people)
    {
        // A number typed without '+' is a number cell in a real sheet.
        rows.Append(Row(Text(name), long.TryParse(phone, out _) ? new Cell { CellValue = new CellValue(phone), DataType = CellValues.Number } : Text(phone)));
    }

    worksheet.Worksheet = new Worksheet(rows);
    workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Leads" });

    static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
    static Row Row(params Cell[] cells) => new(cells);
}

static List<string[]> ReadXlsx(string path)
{
    using var document = SpreadsheetDocument.Open(path, isEditable: false);
    var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
    return [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(CellText).ToArray())];

    // Numbers as written (a number cell would give "14155550101"); the SDK writes text as inline strings.
    static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
}
