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
        if (stream.CanSeek)
        {
            var remaining = Math.Max(0, stream.Length - stream.Position);
            if (remaining > maxBytes) throw TooLarge(remaining, maxBytes);
        }

        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Max(0, stream.Length - stream.Position) : ChunkSize);
        var chunk = new byte[ChunkSize];
        long total = 0;
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
