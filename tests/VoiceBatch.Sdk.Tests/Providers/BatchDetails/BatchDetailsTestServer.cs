using VoiceBatch.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.BatchDetails;

/// <summary>A WireMock server standing in for the batch-details API, and the SDK wired to it through real DI.</summary>
internal sealed class BatchDetailsTestServer : IDisposable
{
    public const string BatchId = "67def9053495307c718d9dfb";
    public const string Path = "/api/call/batch-details/" + BatchId;

    public BatchDetailsTestServer(Action<BatchDetailsOptions>? configure = null)
    {
        Server = WireMockServer.Start();
        Client = new TestClient(b => b.AddBatchDetails(o =>
        {
            TestClient.Fast(o, Server.Url!);
            configure?.Invoke(o);
        }));
    }

    public WireMockServer Server { get; }

    public TestClient Client { get; }

    public IBatchCallClient Api => Client.Client;

    /// <summary>Answers requests matching <paramref name="request"/>; a lower priority number wins.</summary>
    public void Answer(IRequestBuilder request, string json, int status = 200, int priority = 10)
        => Server.Given(request).AtPriority(priority).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    public static IRequestBuilder Get() => Request.Create().WithPath(Path).UsingGet();

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.Where(e => e.RequestMessage!.Path == Path).ToList();

    public static string Query(ILogEntry entry, string name)
        => entry.RequestMessage!.Query!.TryGetValue(name, out var values) ? values.ToString() : "(absent)";

    /// <summary>An envelope around <paramref name="records"/> (JSON objects).</summary>
    public static string Envelope(int page, int total, int totalPages, params string[] records) => $$$"""
        {"message":"Calls fetched successfully","status":true,"code":200,"errorMessage":"",
         "data":{"batchId":"{{{BatchId}}}","batchName":"Campaign","batchStatus":"active","page":{{{page}}},"limit":10,
                 "total":{{{total}}},"totalPages":{{{totalPages}}},"data":[{{{string.Join(",", records)}}}]}}
        """;

    public static string Record(string id, string status, string logCreatedAt = "2025-05-15T14:30:00.000Z")
        => $$"""{"_id":"{{id}}","phoneNumber":"12125551234","name":"N {{id}}","phoneLogs":[{"callStatus":"{{status}}","callDuration":10,"createdAt":"{{logCreatedAt}}"}],"createdAt":"2025-05-15T14:00:00.000Z"}""";

    public async Task<List<CallRecord>> CallsAsync(CallQuery? query = null)
    {
        var list = new List<CallRecord>();
        await foreach (var call in Api.GetCallsAsync(ProviderId.BatchDetails, BatchId, query)) list.Add(call);
        return list;
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
