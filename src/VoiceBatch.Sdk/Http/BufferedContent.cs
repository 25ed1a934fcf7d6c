using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http;

/// <summary>
/// A response body read whole, within the attempt's timeout, into pooled segments — refused as soon as it passes the
/// provider's <see cref="VoiceBatchProviderOptions.MaxResponseBytes"/> (before reading anything, when Content-Length says
/// so). Nothing is ever copied: the segments grow from 16 KB (or the declared length) by doubling up to 1 MiB each and
/// are chained, so the memory held is what was read plus at most one partly filled segment — a 1 KB answer takes about
/// 1 KB, and a body refused at the cap has taken the cap once, never twice. The segments go back to the pool when the
/// response is disposed. A JSON answer is bound from one exact copy of them (<see cref="JsonBytes"/>), which its values' Raw keeps.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private const int FirstSegment = 16 * 1024;
    private const int LargestSegment = 1024 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly ArrayPool<byte> _pool;
    private Segment? _first;
    private Segment? _last;
    private bool _disposed;

    private BufferedContent(ArrayPool<byte> pool, Segment? first, Segment? last, long length, HttpContent original)
    {
        _pool = pool;
        _first = first;
        _last = last;
        Length = length;
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>How many bytes the body has.</summary>
    public long Length { get; }

    /// <summary>The body's bytes (valid until the content is disposed).</summary>
    public ReadOnlySequence<byte> Body
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_first, 0, _last!, _last!.Memory.Length);
        }
    }

    /// <summary>True when the body is empty or white space only.</summary>
    public bool IsBlank
    {
        get
        {
            foreach (var memory in Body)
            {
                if (!memory.Span.Trim(" \t\r\n"u8).IsEmpty) return false;
            }

            return true;
        }
    }

    /// <summary>Reads <paramref name="content"/> whole, or throws <see cref="BodyTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    /// <param name="content">The response's content, as the network delivers it.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    /// <param name="pool">Where segments come from (the shared pool; tests pass one that always allocates, to measure).</param>
    public static async Task<BufferedContent> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken, ArrayPool<byte>? pool = null)
    {
        pool ??= ArrayPool<byte>.Shared;
        if (content.Headers.ContentLength is { } declared && declared > maxBytes) throw new BodyTooLargeException(declared, maxBytes);

        // One byte beyond the declared length (or the cap) lets the read that sees the end land in the same segment.
        var size = (int)Math.Min(Math.Min(maxBytes + 1, LargestSegment), content.Headers.ContentLength is { } length ? length + 1 : FirstSegment);
        Segment? first = null, last = null;
        long total = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (last is null || last.Free == 0)
                    {
                        var segment = new Segment(pool.Rent(size), total);
                        if (last is null) first = segment;
                        else last.Append(segment);
                        last = segment;
                        size = (int)Math.Min(LargestSegment, (long)size * 2);
                    }

                    // Never hold more than one byte beyond the cap: that byte proves the body too large.
                    var room = (int)Math.Min(last.Free, maxBytes + 1 - total);
                    var read = await stream.ReadAsync(last.Array.AsMemory(last.Count, room), cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    last.Count += read;
                    total += read;
                    if (total > maxBytes) throw new BodyTooLargeException(null, maxBytes);
                }
            }

            for (var s = first; s is not null; s = s.NextSegment) s.Seal();
            return new BufferedContent(pool, first, last, total, content);
        }
        catch
        {
            Release(pool, first);
            throw;
        }
    }

    /// <summary>
    /// The body as one exact array, a leading UTF-8 BOM left out: what a JSON answer is bound from. It is the one copy an
    /// answer costs — each value's Raw is a slice of it (see <see cref="Json.CurrentBody"/>), so Raw outlives the pooled
    /// segments, which go back when the response is disposed.
    /// </summary>
    public byte[] JsonBytes()
    {
        var body = Body;
        if (body.Length >= 3)
        {
            Span<byte> start = stackalloc byte[3];
            body.Slice(0, 3).CopyTo(start);
            if (start.SequenceEqual(Utf8Bom)) body = body.Slice(3);
        }

        return body.ToArray();
    }

    /// <summary>The first <paramref name="maxChars"/> characters of the body as UTF-8 text (unscrubbed: scrub before showing).</summary>
    public string Text(int maxChars = int.MaxValue)
    {
        var body = Body;
        if (body.Length > maxChars * 4L) body = body.Slice(0, maxChars * 4L);
        var text = Encoding.UTF8.GetString(body);
        return text.Length > maxChars ? text[..maxChars] : text;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        foreach (var memory in Body) await stream.WriteAsync(memory, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
        => Task.FromResult<Stream>(_first is { } only && ReferenceEquals(only, _last)
            ? new MemoryStream(only.Array, 0, only.Count, writable: false)
            : new SequenceStream(Body));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    // An empty body reports no length, so Refit hands it to the serializer (which refuses it as unreadable) instead of
    // quietly deserializing "nothing" as a null result.
    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return Length > 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Release(_pool, Interlocked.Exchange(ref _first, null));
            _last = null;
        }

        base.Dispose(disposing);
    }

    private static void Release(ArrayPool<byte> pool, Segment? first)
    {
        for (var s = first; s is not null; s = s.NextSegment) pool.Return(s.Array);
    }

    /// <summary>One pooled array of the body, chained to the next.</summary>
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] array, long runningIndex)
        {
            Array = array;
            RunningIndex = runningIndex;
        }

        public byte[] Array { get; }

        public int Count { get; set; }

        public int Free => Array.Length - Count;

        public Segment? NextSegment => (Segment?)base.Next;

        public void Append(Segment next) => Next = next;

        public void Seal() => Memory = Array.AsMemory(0, Count);
    }

    /// <summary>A read-only stream over the segments (for a reader that wants a stream, e.g. a non-UTF-8 charset).</summary>
    private sealed class SequenceStream(ReadOnlySequence<byte> body) : Stream
    {
        private readonly long _length = body.Length;
        private ReadOnlySequence<byte> _rest = body;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _length - _rest.Length;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _rest.Length);
            _rest.Slice(0, n).CopyTo(buffer);
            _rest = _rest.Slice(n);
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>An answer whose body the connection cut off mid-way (after its status and headers arrived). An
/// <see cref="IOException"/>, so the pipeline treats it as the transient fault it is (retrying reads).</summary>
internal sealed class BodyCutOffException(int status, Exception inner)
    : IOException($"the connection ended after HTTP {status} and part of the body: the answer was cut off mid-way", inner)
{
    public int Status { get; } = status;
}

/// <summary>A body above the provider's limit.</summary>
internal sealed class BodyTooLargeException(long? declared, long limit)
    : IOException(declared is { } d ? $"the body is {d} bytes, above the {limit}-byte limit" : $"the body is larger than the {limit}-byte limit")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Reads every response body within the attempt (so the attempt timeout also bounds a slow body, and a body cut off
/// mid-way is a transient failure the pipeline may retry for reads), capped by <see cref="BufferedContent"/>.
/// </summary>
internal sealed class BodyBufferHandler(ProviderContext provider, long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null or BufferedContent) return response;
        try
        {
            var original = response.Content;
            response.Content = await BufferedContent.ReadAsync(original, maxBytes, cancellationToken).ConfigureAwait(false);
            original.Dispose();
            return response;
        }
        catch (BodyTooLargeException ex)
        {
            var status = (int)response.StatusCode;
            var requestId = ErrorMap.RequestIdOf(response);
            response.Dispose();
            throw new VoiceBatchResponseException(
                $"'{provider.Id}' answered {request.Method} {request.RequestUri?.AbsolutePath} (HTTP {status}) with {ex.Message}; it was not read further "
                + $"(raise the provider's MaxResponseBytes if the vendor really sends that much).", null, provider.Id, status, requestId, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new BodyCutOffException(status, ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
