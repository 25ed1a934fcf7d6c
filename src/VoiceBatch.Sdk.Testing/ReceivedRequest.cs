namespace VoiceBatch.Testing;

/// <summary>
/// One HTTP request a simulated vendor received, with what it answered. The API key is never recorded.
/// </summary>
/// <example>
/// <code>
/// Assert.That(sim.Requests.Count(r => r.Provider == ProviderId.DialNexa &amp;&amp; r.Operation == BatchOperation.Create), Is.EqualTo(1));
/// </code>
/// </example>
public sealed record ReceivedRequest
{
    /// <summary>The vendor that received it.</summary>
    public required ProviderId Provider { get; init; }

    /// <summary>The HTTP method (<c>GET</c>, <c>POST</c>, <c>PATCH</c> …).</summary>
    public required string Method { get; init; }

    /// <summary>The path as the vendor sees it, without the simulator's per-vendor prefix (e.g. <c>/v1/batch-calls/bat_1</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The query string including its <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The vendor route it matched, as the vendor documents it (e.g. <c>/v1/batch-calls/{id}</c>); null when it matched none (answered 404).</summary>
    public string? Route { get; init; }

    /// <summary>The lifecycle operation the route performs, when it is one (a DialNexa status PATCH is Pause, Resume or Cancel by its body).</summary>
    public BatchOperation? Operation { get; init; }

    /// <summary>The status code answered, or null when the simulator dropped the connection (a fault).</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when an injected fault (see <see cref="SimulatorFaults"/>) answered or delayed it.</summary>
    public bool Faulted { get; init; }

    /// <summary>When it arrived, on the simulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
