using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VoiceBatch.Export;

/// <summary>Where <see cref="ExportLayout"/> writes the cells of one row; implemented by the CSV and XLSX writers.</summary>
internal interface ICellWriter
{
    /// <summary>A text cell; <paramref name="escape"/> asks for a leading <c>'</c> (see <see cref="FormulaGuard"/>).</summary>
    void Text(ReadOnlySpan<char> value, bool escape);

    /// <summary>A number cell.</summary>
    void Number(double value);

    /// <summary>An empty cell.</summary>
    void Empty();
}

/// <summary>
/// The columns of a results file and how a <see cref="CallRecord"/> fills them: the canonical columns, one column
/// per variable, and <c>other_variables</c> (JSON) for every variable without a column of its own.
/// </summary>
internal sealed class ExportLayout : IDisposable
{
    /// <summary>The canonical columns, in order; the same for every vendor.</summary>
    internal static readonly string[] CanonicalColumns =
    [
        "id", "phone_number", "name", "status", "raw_status", "duration_seconds", "recording_url",
        "conversation_id", "created_at", "updated_at", "transcript",
    ];

    internal const string OtherVariablesColumn = "other_variables";

    /// <summary>The prefix of a variable column whose name another column already has (ignoring case).</summary>
    internal const string CollisionPrefix = "var_";

    private static readonly string[] StatusNames = Enum.GetNames<CallStatus>();

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string[] _variables;
    private readonly HashSet<string> _variableSet;
    private readonly bool _escape;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private char[] _jsonChars = new char[256];
    private Utf8JsonWriter? _jsonWriter;

    private ExportLayout(IReadOnlyList<string> variables, bool escape)
    {
        _variableSet = new HashSet<string>(StringComparer.Ordinal);
        _variables = variables.Where(_variableSet.Add).ToArray();
        _escape = escape;
        Headers = MakeHeaders(_variables);
    }

    /// <summary>Every column's header, in order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The index of the <c>duration_seconds</c> column (a number column).</summary>
    public static int DurationColumn => 5;

    /// <summary>
    /// Decides the columns: <see cref="BatchExportOptions.VariableNames"/>, or the variables of the first
    /// <see cref="BatchExportOptions.ColumnDiscoveryRecords"/> records, which are read ahead and returned to be
    /// written first.
    /// </summary>
    public static async Task<(ExportLayout Layout, List<CallRecord> ReadAhead, bool Exhausted)> DiscoverAsync(
        IAsyncEnumerator<CallRecord> calls, BatchExportOptions options, CancellationToken cancellationToken)
    {
        if (options.VariableNames is { } names) return (new ExportLayout(names, options.EscapeFormulas), [], false);

        var ahead = new List<CallRecord>(Math.Min(options.ColumnDiscoveryRecords, 1024));
        var variables = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var exhausted = false;
        while (ahead.Count < options.ColumnDiscoveryRecords)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await calls.MoveNextAsync().ConfigureAwait(false))
            {
                exhausted = true;
                break;
            }

            var call = calls.Current ?? throw NullRecord();
            ahead.Add(call);
            foreach (var name in call.Variables.Keys)
            {
                if (seen.Add(name)) variables.Add(name);
            }
        }

        return (new ExportLayout(variables, options.EscapeFormulas), ahead, exhausted);
    }

    internal static ArgumentException NullRecord() => new("The sequence of calls holds a null record.", "calls");

    /// <summary>Writes the header row's cells (header text is escaped like any other: variable names come from vendors).</summary>
    public void WriteHeader(ICellWriter cells)
    {
        foreach (var header in Headers) Text(cells, header);
    }

    /// <summary>Writes the cells of one call, one per column.</summary>
    public void Write(CallRecord call, ICellWriter cells)
    {
        Text(cells, call.Id);
        Text(cells, call.PhoneNumber);
        Text(cells, call.Name);
        var status = (int)call.Status;
        Text(cells, (uint)status < (uint)StatusNames.Length ? StatusNames[status] : call.Status.ToString());
        Text(cells, call.RawStatus);
        if (call.Duration is { } duration) cells.Number(duration.TotalSeconds);
        else cells.Empty();
        Text(cells, call.RecordingUrl is { } url ? (url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString) : null);
        Text(cells, call.ConversationId);
        Timestamp(cells, call.CreatedAt);
        Timestamp(cells, call.UpdatedAt);
        Text(cells, call.Transcript);

        // The variables with a column are looked up, the rest counted without enumerating (no enumerator boxed per record).
        var variables = call.Variables;
        var present = 0;
        foreach (var name in _variables)
        {
            if (variables.TryGetValue(name, out var value))
            {
                present++;
                Text(cells, value);
            }
            else
            {
                cells.Empty();
            }
        }

        if (variables.Count == present) cells.Empty();
        else OtherVariables(cells, variables);
    }

    private void Text(ICellWriter cells, string? value)
    {
        if (string.IsNullOrEmpty(value)) cells.Empty();
        else cells.Text(value, _escape && FormulaGuard.NeedsEscape(value));
    }

    private static void Timestamp(ICellWriter cells, DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            cells.Empty();
            return;
        }

        // ISO 8601 in UTC, fractions only when there are any: 2026-05-01T13:04:05Z, 2026-05-01T13:04:05.25Z.
        Span<char> text = stackalloc char[32];
        time.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        cells.Text(text[..written], escape: false);
    }

    private void OtherVariables(ICellWriter cells, IReadOnlyDictionary<string, string> variables)
    {
        _json.ResetWrittenCount();
        if (_jsonWriter is null) _jsonWriter = new Utf8JsonWriter(_json, JsonOptions);
        else _jsonWriter.Reset(_json);
        _jsonWriter.WriteStartObject();
        foreach (var (key, value) in variables)
        {
            if (!_variableSet.Contains(key)) _jsonWriter.WriteString(key, value);
        }

        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        var bytes = _json.WrittenSpan;
        var length = Encoding.UTF8.GetCharCount(bytes);
        if (_jsonChars.Length < length) _jsonChars = new char[Math.Max(length, _jsonChars.Length * 2)];
        Encoding.UTF8.GetChars(bytes, _jsonChars);
        cells.Text(_jsonChars.AsSpan(0, length), escape: false); // a JSON object starts with '{'
    }

    public void Dispose() => _jsonWriter?.Dispose();

    private static string[] MakeHeaders(string[] variables)
    {
        var headers = new List<string>(CanonicalColumns.Length + variables.Length + 1);
        var taken = new HashSet<string>(CanonicalColumns, StringComparer.OrdinalIgnoreCase) { OtherVariablesColumn };
        headers.AddRange(CanonicalColumns);
        foreach (var variable in variables)
        {
            var header = variable;
            while (!taken.Add(header)) header = CollisionPrefix + header;
            headers.Add(header);
        }

        headers.Add(OtherVariablesColumn);
        return [.. headers];
    }
}
