using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VoiceBatch;
using VoiceBatch.Testing;

var builder = Host.CreateApplicationBuilder(args);

// Every VoiceBatch operation as a trace activity, its metrics, and its log lines, printed to the console.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource("VoiceBatch").AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddMeter("VoiceBatch").AddConsoleExporter())
    .WithLogging(logging => logging.AddConsoleExporter());

// The vendors' simulators stand in for real accounts here. A real app registers its vendors instead, e.g.
// builder.Services.AddVoiceBatch().AddBolna(builder.Configuration.GetSection("VoiceBatch:Bolna"));
await using var simulator = await VoiceBatchSimulator.StartAsync(new SimulatorOptions
{
    QueueDelay = TimeSpan.FromMilliseconds(100),
    RingDuration = TimeSpan.FromMilliseconds(200),
    CallDuration = TimeSpan.FromMilliseconds(400),
});
simulator.Configure(builder.Services.AddVoiceBatch());

using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<IBatchCallClient>();

// A small campaign: the same three contacts on two vendors, followed to the end.
var contacts = ContactList.FromRows(
[
    new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["customer_name"] = "Ada" },
    new Dictionary<string, string> { ["phone_number"] = "+14155550102", ["customer_name"] = "Grace" },
    new Dictionary<string, string> { ["phone_number"] = "+14155550103", ["customer_name"] = "Linus" },
]);
foreach (var provider in new[] { ProviderId.DialNexa, ProviderId.VoiceAI })
{
    var batch = await client.CreateBatchAsync(provider, new CreateBatchRequest { AgentId = "agent_demo", Name = "Observability demo", Contacts = contacts });
    var done = await client.WaitForCompletionAsync(provider, batch.Id, pollInterval: TimeSpan.FromMilliseconds(250));
    await foreach (var call in client.GetCallsAsync(provider, batch.Id))
    {
        Console.WriteLine($"{provider} batch {done.Id} ({done.Status}): call {call.Id} {call.Status}");
    }
}

await host.StopAsync();
