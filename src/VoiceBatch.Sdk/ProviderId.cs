using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch;

/// <summary>
/// Names a batch-call vendor. An open vocabulary: each built-in vendor has a static member (declared in its own <c>Providers/&lt;Vendor&gt;</c> folder), and an
/// application can register a vendor of its own with <c>new ProviderId("acme")</c>. Values compare
/// case-insensitively (<c>"Bolna"</c> equals <see cref="Bolna"/>).
/// </summary>
[DebuggerDisplay("{Value,nq}")]
[JsonConverter(typeof(ProviderIdJsonConverter))]
public readonly partial struct ProviderId : IEquatable<ProviderId>
{
    private readonly string? _value;

    /// <summary>Creates a provider id from its string value.</summary>
    /// <param name="value">The provider's name, e.g. <c>"bolna"</c>. Not null, empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public ProviderId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }


    /// <summary>The provider's name as given (compare with <see cref="Equals(ProviderId)"/>, which ignores case).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc/>
    public bool Equals(ProviderId other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProviderId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Compares two ids, ignoring case.</summary>
    public static bool operator ==(ProviderId left, ProviderId right) => left.Equals(right);

    /// <summary>Compares two ids, ignoring case.</summary>
    public static bool operator !=(ProviderId left, ProviderId right) => !left.Equals(right);
}

/// <summary>Writes a <see cref="ProviderId"/> as its JSON string value.</summary>
public sealed class ProviderIdJsonConverter : JsonConverter<ProviderId>
{
    /// <inheritdoc/>
    public override ProviderId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetString() ?? throw new JsonException("A provider id must be a non-empty string."));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ProviderId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
