using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Util;

namespace VoiceBatch.Tests.Support;

/// <summary>A vendor that is slow to answer, counting requests as they ARRIVE (WireMock's own log is written only
/// after the response is sent, which never happens when the client gives up first).</summary>
internal sealed class SlowResponder(TimeSpan delay, int status, string body)
{
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public IResponseBuilder Response() => WireMock.ResponseBuilders.Response.Create().WithCallback(async _ =>
    {
        Interlocked.Increment(ref _arrived);
        await Task.Delay(delay);
        return new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String } };
    });
}
