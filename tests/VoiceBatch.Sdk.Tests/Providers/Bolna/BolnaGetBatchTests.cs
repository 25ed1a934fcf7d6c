using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaGetBatchTests
{
    private WireMockServer _server = null!;
    private TestClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _server = WireMockServer.Start();
        _client = new TestClient(b => b.AddBolna(o => TestClient.Fast(o, _server.Url!)));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    [Test]
    public async Task Seed_batch_reads_into_the_canonical_model()
    {
        _server.Given(Request.Create().WithPath("/batches/3c90c3cc0d444b5088888dd25736052a").UsingGet()
                .WithHeader("Authorization", "Bearer " + TestClient.CanaryKey))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Seeds.Read(Seeds.BolnaGet)));

        var batch = await _client.Client.GetBatchAsync(ProviderId.Bolna, "3c90c3cc0d444b5088888dd25736052a");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.Bolna));
            Assert.That(batch.Id, Is.EqualTo("3c90c3cc0d444b5088888dd25736052a"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(batch.RawStatus, Is.EqualTo("scheduled"));
            Assert.That(batch.Name, Is.EqualTo("customers.csv"));
            Assert.That(batch.FromPhoneNumber, Is.EqualTo("+19876543007"));
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 23, 5, 14, 37, TimeSpan.Zero)));
            Assert.That(batch.ScheduledAt, Is.EqualTo(new DateTimeOffset(2024, 1, 29, 8, 30, 0, TimeSpan.Zero)));
            Assert.That(batch.Progress.Total, Is.EqualTo(7));
            Assert.That(batch.Progress.Completed, Is.EqualTo(1));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(25), "ringing (10) and in-progress (15) both count as in progress");
            Assert.That(batch.Progress.Pending, Is.Zero, "the seed's counters exceed valid_contacts: Pending clamps at 0");
            Assert.That(batch.Raw?.GetProperty("total_contacts").GetInt32(), Is.EqualTo(11));
        });
    }

    [Test]
    public async Task Bolna_invalid_seconds_in_updated_at_read_as_null()
    {
        _server.Given(Request.Create().WithPath("/batches/b1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Seeds.Read(Seeds.BolnaGet)));

        var batch = await _client.Client.GetBatchAsync(ProviderId.Bolna, "b1");

        Assert.That(batch.UpdatedAt, Is.Null);
        Assert.That(batch.Raw?.GetProperty("updated_at").GetString(), Is.EqualTo("2024-02-29T04:22:89Z"));
    }
}
