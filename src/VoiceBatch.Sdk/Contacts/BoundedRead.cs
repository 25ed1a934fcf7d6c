using System.Globalization;

namespace VoiceBatch.Contacts;

/// <summary>Reads a contact file into memory, refusing it as soon as it is known to exceed the size limit.</summary>
internal static class BoundedRead
{
    private const int ChunkSize = 81_920;

    /// <summary>
    /// Reads the rest of <paramref name="stream"/> asynchronously. A seekable stream longer than
    /// <paramref name="maxBytes"/> is refused before anything is read; any other stream is refused as soon as
    /// <paramref name="maxBytes"/> + 1 bytes have arrived (never more is buffered).
    /// </summary>
    /// <exception cref="ContactValidationException">The content is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        byte[]? start = null;
        if (stream.CanSeek)
        {
            var remaining = Math.Max(0, stream.Length - stream.Position);
            if (remaining > maxBytes) throw TooLarge(remaining, maxBytes);

            // The length is known: read straight into an array of that size (one allocation, no copies).
            start = new byte[remaining];
            var filled = 0;
            while (filled < start.Length)
            {
                var n = await stream.ReadAsync(start.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0) return start[..filled]; // shorter than it said
                filled += n;
            }

            var probe = new byte[1];
            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) return start;

            // It grew while being read: go on as for a stream of unknown length.
            start = [.. start, probe[0]];
            if (start.LongLength > maxBytes) throw TooLarge(null, maxBytes);
        }

        using var buffer = new MemoryStream(start?.Length + ChunkSize ?? ChunkSize);
        if (start is not null) buffer.Write(start);
        var chunk = new byte[ChunkSize];
        long total = buffer.Length;
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
            if (total > maxBytes) throw TooLarge(null, maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The error for a file over the limit; <paramref name="actual"/> is null when only "more than" is known.</summary>
    public static ContactValidationException TooLarge(long? actual, long maxBytes)
    {
        var size = actual is { } a ? $"is {Megabytes(a)}" : $"is larger than {Megabytes(maxBytes)}";
        return new ContactValidationException(
            $"The contact file {size}; the limit is {Megabytes(maxBytes)} (ContactListOptions.MaxBytes). Split it into smaller files, or remove unused columns.");
    }

    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
