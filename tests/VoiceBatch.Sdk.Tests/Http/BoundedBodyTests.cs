using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;
using VoiceBatch.Http;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Issue 14.5 — bounded bodies. A body is refused while it streams (before reading when Content-Length is above the cap;
/// as it passes the cap when chunked), and what reading costs is proportional to what was read. Measured in bytes
/// allocated, never in time: the unit tests read a synchronous stream, so every allocation happens on the test's thread
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), from a pool that never reuses (the cold, worst case); the
/// pipeline tests count the whole process (<see cref="GC.GetTotalAllocatedBytes"/>), Kestrel's side included.
/// </summary>
public sealed class BoundedBodyTests
{
    private const long Cap = 16 * 1024 * 1024; // the default MaxResponseBytes

    [Test]
    public async Task A_1_KB_answer_with_a_length_allocates_about_1_KB()
    {
        var allocated = await AllocatedWhileReadingAsync(1024, declareLength: true);
        Report("1 KB, Content-Length", allocated);
        Assert.That(allocated, Is.LessThan(4 * 1024));
    }

    [Test]
    public async Task A_1_KB_chunked_answer_allocates_one_small_segment()
    {
        var allocated = await AllocatedWhileReadingAsync(1024, declareLength: false);
        Report("1 KB, chunked", allocated);
        Assert.That(allocated, Is.LessThan(20 * 1024));
    }

    [TestCase(100 * 1024)]
    [TestCase(3 * 1024 * 1024)]
    public async Task A_large_chunked_answer_allocates_at_most_twice_what_was_read_and_never_copies(int bytes)
    {
        var allocated = await AllocatedWhileReadingAsync(bytes, declareLength: false);
        Report($"{bytes / 1024} KB, chunked", allocated);
        Assert.That(allocated, Is.LessThan(2L * bytes + 64 * 1024));
    }

    [Test]
    public async Task A_declared_length_above_the_cap_is_refused_before_a_byte_is_read()
    {
        var content = new GeneratedContent(Cap + 1, declareLength: true);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.ThrowsAsync<BodyTooLargeException>(() => BufferedContent.ReadAsync(content, Cap, CancellationToken.None, AllocatingPool.Instance));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Report("Content-Length cap+1", allocated);
        Assert.That(content.BytesRead, Is.Zero);
        Assert.That(allocated, Is.LessThan(16 * 1024));
    }

    [Test]
    public async Task A_chunked_answer_passing_the_cap_is_refused_one_byte_past_it_having_allocated_the_cap_once()
    {
        await AllocatedWhileReadingAsync(1024, declareLength: false); // warm the code paths
        var content = new GeneratedContent(Cap + 4 * 1024 * 1024, declareLength: false);
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();

        var read = BufferedContent.ReadAsync(content, Cap, CancellationToken.None, AllocatingPool.Instance);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(read.IsCompleted && Environment.CurrentManagedThreadId == thread, "the read ran synchronously on this thread, so the count is complete");
        Assert.ThrowsAsync<BodyTooLargeException>(() => read);
        Report("chunked, cap 16 MiB + 4 MiB sent", allocated);
        Assert.That(content.BytesRead, Is.EqualTo(Cap + 1), "it stops at the first byte beyond the cap");
        Assert.That(allocated, Is.GreaterThanOrEqualTo(Cap).And.LessThan(Cap + Cap / 8), "the cap once (plus under 1/8 of slack), never twice");
    }

    [Test]
    public async Task Segments_go_back_to_the_pool_when_the_response_is_disposed()
    {
        var pool = new CountingPool();
        var body = await BufferedContent.ReadAsync(new GeneratedContent(200 * 1024, declareLength: false), Cap, CancellationToken.None, pool);
        Assert.That(pool.Outstanding, Is.GreaterThan(1), "a 200 KB chunked body spans several segments");

        var text = body.Text(10);
        body.Dispose();

        Assert.That(text, Is.EqualTo("aaaaaaaaaa"));
        Assert.That(pool.Outstanding, Is.Zero);
        Assert.Throws<ObjectDisposedException>(() => _ = body.Body);
    }

    [Test]
    public void A_refused_body_returns_what_it_had_taken()
    {
        var pool = new CountingPool();
        Assert.ThrowsAsync<BodyTooLargeException>(() => BufferedContent.ReadAsync(new GeneratedContent(300 * 1024, declareLength: false), 256 * 1024, CancellationToken.None, pool));
        Assert.That(pool.Outstanding, Is.Zero);
    }

    [Test]
    public async Task Through_the_pipeline_a_1_KB_answer_does_not_allocate_megabytes()
    {
        await using var vendor = await RawVendor.StartAsync();
        var json = "{\"id\":\"b1\",\"status\":\"" + new string('x', 1000) + "\"}";
        vendor.Answer = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        };
        using var client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, vendor.Url.ToString())));
        await client.Client.GetBatchAsync(ProbeAdapter.ProbeId, "b1"); // connections, JIT, pools

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 10; i++) await client.Client.GetBatchAsync(ProbeAdapter.ProbeId, "b1");
        var each = (GC.GetTotalAllocatedBytes(precise: true) - before) / 10;

        Report("pipeline, 1 KB answer, whole process per read", each);
        Assert.That(each, Is.LessThan(256 * 1024));
    }

    [TestCase(true, TestName = "Through_the_pipeline_an_oversized_declared_answer_is_refused_without_reading_it")]
    [TestCase(false, TestName = "Through_the_pipeline_an_oversized_chunked_answer_is_refused_without_allocating_the_cap_twice")]
    public async Task Through_the_pipeline_an_oversized_answer(bool declareLength)
    {
        await using var vendor = await RawVendor.StartAsync();
        vendor.Answer = context => RawVendor.StreamAsync(context, Cap + 4 * 1024 * 1024, declareLength);
        using var client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, vendor.Url.ToString())));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = Assert.ThrowsAsync<VoiceBatchResponseException>(() => client.Client.GetBatchAsync(ProbeAdapter.ProbeId, "b1"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Report($"pipeline, 20 MiB {(declareLength ? "declared" : "chunked")} answer, cap 16 MiB, whole process", allocated);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("16777216-byte limit").And.Contain("MaxResponseBytes"));
            Assert.That(ex.StatusCode, Is.EqualTo(200));
            Assert.That(vendor.Count("GET"), Is.EqualTo(1), "an oversized answer is not retried");
            Assert.That(allocated, Is.LessThan(declareLength ? 1024 * 1024 : Cap + Cap / 4));
        });
    }

    private static async Task<long> AllocatedWhileReadingAsync(long bytes, bool declareLength)
    {
        // Once to JIT everything on the path, then measured.
        (await BufferedContent.ReadAsync(new GeneratedContent(bytes, declareLength), Cap, CancellationToken.None, AllocatingPool.Instance)).Dispose();
        var content = new GeneratedContent(bytes, declareLength);
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = BufferedContent.ReadAsync(content, Cap, CancellationToken.None, AllocatingPool.Instance);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(read.IsCompleted && Environment.CurrentManagedThreadId == thread, "the read ran synchronously on this thread, so the count is complete");
        using var body = await read;
        Assert.That(body.Length, Is.EqualTo(bytes));
        return allocated;
    }

    private static void Report(string what, long bytes) => TestContext.Out.WriteLine($"{what}: {bytes:N0} bytes allocated");

    /// <summary>A body of <c>a</c>s produced on demand by a stream that completes every read synchronously.</summary>
    private sealed class GeneratedContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _declared;
        private readonly FillStream _stream;

        public GeneratedContent(long length, bool declareLength)
        {
            _length = length;
            _declared = declareLength;
            _stream = new FillStream(length);
        }

        public long BytesRead => _stream.Position;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

        protected override bool TryComputeLength(out long length)
        {
            length = _length; // Headers.ContentLength asks here: declared, or "chunked" (unknown)
            return _declared;
        }
    }

    private sealed class FillStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // At most 64 KB a read, as a socket delivers it.
            var n = (int)Math.Min(Math.Min(buffer.Length, 64 * 1024), length - _position);
            buffer[..n].Fill((byte)'a');
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A pool that never reuses: every rent is a new array, so a count shows the cold, worst case.</summary>
    private sealed class AllocatingPool : ArrayPool<byte>
    {
        public static readonly AllocatingPool Instance = new();

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false)
        {
        }
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Outstanding { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Outstanding++;
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Outstanding--;
    }
}
