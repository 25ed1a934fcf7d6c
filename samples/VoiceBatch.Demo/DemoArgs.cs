namespace VoiceBatch.Demo;

/// <summary>The demo's few arguments: none (simulators), or <c>--provider &lt;id&gt; --agent &lt;id&gt; --yes-place-real-calls</c>.</summary>
internal sealed record DemoArgs(ProviderId? Provider, string? AgentId, bool PlaceRealCalls, string? Problem)
{
    private const string Usage = "usage: dotnet run --project samples/VoiceBatch.Demo [-- --provider <id> --agent <agent id> --yes-place-real-calls]";

    public static DemoArgs Parse(IReadOnlyList<string> args)
    {
        ProviderId? provider = null;
        string? agent = null;
        var yes = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Count:
                    provider = new ProviderId(args[++i].Trim().ToLowerInvariant());
                    break;
                case "--agent" when i + 1 < args.Count:
                    agent = args[++i].Trim();
                    break;
                case "--yes-place-real-calls":
                    yes = true;
                    break;
                default:
                    return new DemoArgs(null, null, false, $"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return provider is null && (agent is not null || yes)
            ? new DemoArgs(null, null, false, $"--agent and --yes-place-real-calls go with --provider. {Usage}")
            : new DemoArgs(provider, agent, yes, null);
    }
}
