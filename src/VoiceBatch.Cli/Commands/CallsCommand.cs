using System.CommandLine;
using System.Text.Json;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary><c>voicebatch calls &lt;batch-id&gt;</c>: every call of a batch, streamed page by page (JSON is written as it arrives).</summary>
internal static class CallsCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var status = new Option<CallStatus?>("--status") { Description = "Only calls in this status" };
        var search = new Option<string?>("--search") { Description = "Only calls matching this text, where the vendor can search", HelpName = "text" };
        var limit = new Option<int?>("--limit") { Description = "At most this many calls (default: all)", HelpName = "n" };
        var command = new Command("calls", "List the calls of a batch: number, status, duration") { common.BatchId, status, search, limit };
        return command.WithVendor(context, common, async (session, reporter, parse, cancellationToken) =>
        {
            var query = new CallQuery { Status = parse.GetValue(status), Search = parse.GetValue(search) };
            var batchId = parse.GetRequiredValue(common.BatchId);
            await session.EnsureBatchExistsAsync(batchId, cancellationToken);
            var calls = session.Client.GetCallsAsync(session.Provider, batchId, query, cancellationToken);
            if (parse.GetValue(limit) is { } max) calls = calls.Take(max);
            if (reporter.Json)
            {
                await WriteJsonAsync(reporter, calls, cancellationToken);
                return ExitCodes.Ok;
            }

            var table = Views.Calls();
            await foreach (var call in calls) Views.AddCall(table, call);
            reporter.Console.Write(table);
            return ExitCodes.Ok;
        });
    }

    /// <summary>A JSON array, each call written when its page arrives; nothing is written if the first page fails.</summary>
    private static async Task WriteJsonAsync(Reporter reporter, IAsyncEnumerable<CallRecord> calls, CancellationToken cancellationToken)
    {
        await using var enumerator = calls.GetAsyncEnumerator(cancellationToken);
        var more = await enumerator.MoveNextAsync();
        using var buffer = new MemoryStream();
        await using (var json = reporter.OpenJsonStream(buffer))
        {
            json.WriteStartArray();
            for (; more; more = await enumerator.MoveNextAsync())
            {
                JsonSerializer.Serialize(json, CallJson.From(enumerator.Current), CliJsonContext.Output.CallJson);
                if (json.BytesPending > 16 * 1024) await FlushAsync(json, buffer, reporter, cancellationToken);
            }

            json.WriteEndArray();
            await FlushAsync(json, buffer, reporter, cancellationToken);
        }

        await reporter.Out.WriteLineAsync();
        await reporter.Out.FlushAsync(cancellationToken);
    }

    private static async Task FlushAsync(Utf8JsonWriter json, MemoryStream buffer, Reporter reporter, CancellationToken cancellationToken)
    {
        await json.FlushAsync(cancellationToken);
        await reporter.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken);
        buffer.SetLength(0);
    }
}
