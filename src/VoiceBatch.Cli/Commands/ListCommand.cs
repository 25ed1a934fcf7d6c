using System.CommandLine;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary><c>voicebatch list</c>: the provider's batches, newest as the vendor orders them, up to <c>--limit</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent's batches (Bolna lists per agent and needs it)", HelpName = "id" };
        var status = new Option<BatchStatus?>("--status") { Description = "Only batches in this status" };
        var limit = new Option<int>("--limit") { Description = "At most this many batches", DefaultValueFactory = _ => 50, HelpName = "n" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--limit must be at least 1.");
        });
        var command = new Command("list", "List a provider's batches") { agent, status, limit };
        return command.WithVendor(context, common, async (session, reporter, parse, cancellationToken) =>
        {
            var max = parse.GetValue(limit);
            if (session.Client.GetCapabilities(session.Provider).ListRequiresAgentId && parse.GetValue(agent) is null)
            {
                throw CliException.Usage($"{session.Provider} lists batches per agent: add --agent <id>.");
            }

            var query = new BatchQuery { AgentId = parse.GetValue(agent), Status = parse.GetValue(status), PageSize = Math.Min(max, 100) };
            var batches = new List<BatchCall>();
            await foreach (var batch in session.Client.ListBatchesAsync(session.Provider, query, cancellationToken))
            {
                batches.Add(batch);
                if (batches.Count == max) break;
            }

            if (reporter.Json)
            {
                reporter.WriteJson<IReadOnlyList<BatchJson>>([.. batches.Select(BatchJson.From)], CliJsonContext.Output.IReadOnlyListBatchJson);
                return ExitCodes.Ok;
            }

            reporter.Console.Write(Views.Batches(batches));
            if (batches.Count == max) reporter.Note($"(the first {max}; --limit shows more)");
            return ExitCodes.Ok;
        });
    }
}
