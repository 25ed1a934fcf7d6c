using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Output;

/// <summary>
/// Where a command's results go. For people: Spectre tables on standard output, notes and errors on standard error.
/// With <c>--json</c>: exactly one JSON document on standard output (the result, or <c>{"error": …}</c>), and every
/// human line — progress, notes, the error message — on standard error, so a script can pipe stdout to a parser.
/// </summary>
internal sealed class Reporter
{
    private readonly CliContext _context;
    private bool _streaming;

    public Reporter(CliContext context, bool json)
    {
        _context = context;
        Json = json;
        Console = CreateConsole(context.Out, context.IsInteractive && !json);
    }

    /// <summary>True with <c>--json</c>.</summary>
    public bool Json { get; }

    /// <summary>Human results (unused with <c>--json</c>).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>A person is watching: live progress and prompts are possible.</summary>
    public bool IsInteractive => _context.IsInteractive && !Json;

    /// <summary>Reads a line piped to the tool (a key for <c>keys set</c>).</summary>
    public TextReader In => _context.In;

    /// <summary>A line for people that is not a result (progress, "nothing was sent"), on standard error.</summary>
    public void Note(string text) => _context.Error.WriteLine(text);

    /// <summary>Writes the command's one JSON document.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> type)
    {
        _context.Out.WriteLine(JsonSerializer.Serialize(value, type));
        _context.Out.Flush();
    }

    /// <summary>Opens a JSON writer for results written as they stream in (<c>calls</c>). Once any of it reached standard
    /// output, a later failure is reported on standard error only: the exit code tells the document is incomplete.</summary>
    public Utf8JsonWriter OpenJsonStream(Stream buffer)
    {
        _streaming = true;
        return new(buffer, new JsonWriterOptions { Indented = true, Encoder = CliJsonContext.Output.Options.Encoder });
    }

    /// <summary>The text writer results go to (for streamed JSON).</summary>
    public TextWriter Out => _context.Out;

    /// <summary>A batch, for people or as JSON.</summary>
    public void Batch(BatchCall batch)
    {
        if (Json) WriteJson(BatchJson.From(batch), CliJsonContext.Output.BatchJson);
        else Console.Write(Views.Batch(batch));
    }

    /// <summary>Reports a failure and returns its exit code.</summary>
    public int Fail(Failure failure)
    {
        _context.Error.WriteLine($"error: {failure.Message}");
        foreach (var row in failure.Rows.Take(20))
        {
            _context.Error.WriteLine($"  row {row.Row}{(row.Column is null ? "" : $" ({row.Column})")}: {row.Reason}");
        }

        if (failure.Rows.Count > 20) _context.Error.WriteLine($"  ... and {failure.Rows.Count - 20} more rows");
        if (failure.Hint is not null) _context.Error.WriteLine(failure.Hint);
        _context.Error.Flush();
        if (Json && !_streaming)
        {
            WriteJson(new ErrorJson(new ErrorBodyJson(
                failure.Kind, failure.ExitCode, failure.Message, failure.Hint, failure.Provider?.Value, failure.StatusCode, failure.ErrorCode,
                failure.RequestId, failure.BatchName, [.. failure.Rows.Select(RowErrorJson.From)])), CliJsonContext.Output.ErrorJson);
        }

        return failure.ExitCode;
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // A file or a pipe has no width: keep table rows on one line each.
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}
