using System.Buffers;
using System.Net;

namespace VoiceBatch.Http;

/// <summary>
/// A response body read whole, within the attempt's timeout, into a pooled buffer — refused as soon as it passes
/// the provider's <see cref="VoiceBatchProviderOptions.MaxResponseBytes"/> (before reading, when Content-Length says
/// so). Memory is proportional to what was read (the buffer grows by doubling from 16 KB), and goes back to the pool
/// when the response is disposed.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private const int InitialSize = 16 * 1024;
    private byte[]? _buffer;
    private readonly int _length;

    private BufferedContent(byte[] buffer, int length, HttpContent original)
    {
        _buffer = buffer;
        _length = length;
        // Only what readers of the body use: its media type (the body is already decoded; its length is the buffer's).
        Headers.ContentType = original.Headers.ContentType;
    }

    /// <summary>The body's bytes (valid until the content is disposed).</summary>
    public ReadOnlySpan<byte> Span => _buffer is { } b ? b.AsSpan(0, _length) : throw new ObjectDisposedException(nameof(BufferedContent));

    public int Length => _length;

    /// <summary>Reads <paramref name="content"/> whole, or throws <see cref="BodyTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<BufferedContent> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes) throw new BodyTooLargeException(declared, maxBytes);
        var size = (int)Math.Min(maxBytes, Math.Max(content.Headers.ContentLength ?? InitialSize, 1));
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    var room = (int)Math.Min(buffer.Length, maxBytes);
                    if (length == room)
                    {
                        if (room >= maxBytes)
                        {
                            // One byte more than allowed proves the body is too large, without reading the rest.
                            var probe = new byte[1];
                            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) break;
                            throw new BodyTooLargeException(null, maxBytes);
                        }

                        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes, (long)buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                        continue;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, room - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
            }

            return new BufferedContent(buffer, length, content);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The first <paramref name="maxChars"/> characters of the body as UTF-8 text (unscrubbed: scrub before showing).</summary>
    public string Text(int maxChars = int.MaxValue)
    {
        var span = Span;
        if (span.Length > maxChars * 4L) span = span[..(maxChars * 4)];
        var text = System.Text.Encoding.UTF8.GetString(span);
        return text.Length > maxChars ? text[..maxChars] : text;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_buffer.AsMemory(0, _length)).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_buffer ?? [], 0, _length, writable: false));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    // An empty body reports no length, so Refit hands it to the serializer (which refuses it as unreadable) instead of
    // quietly deserializing "nothing" as a null result.
    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return _length > 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }
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
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
