using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http.Json;

/// <summary>A vendor's paged envelope: the one member that holds the page's items (vendors name it differently).</summary>
/// <typeparam name="TItem">The item type (usually <see cref="Wire{T}"/> of the item DTO).</typeparam>
internal interface IListEnvelope<TItem>
{
    /// <summary>The page's items, whichever member carried them; null when none did.</summary>
    IReadOnlyList<TItem>? Items { get; }
}

/// <summary>
/// A list answer that vendors send either as a bare JSON array or as an envelope object around the items (Bolna's
/// executions, DialNexa's call logs: both forms are documented). <see cref="Envelope"/> is the bound envelope (its
/// paging members) when one came; <see cref="Items"/> the items either way. Any other JSON (a string, a number) or an
/// envelope without items is a wrong shape: <see cref="IsList"/> is false and the adapter reports it.
/// </summary>
[JsonConverter(typeof(ListingConverterFactory))]
internal sealed class Listing<TItem, TEnvelope>(IReadOnlyList<TItem>? items, TEnvelope? envelope)
    where TEnvelope : class, IListEnvelope<TItem>
{
    public IReadOnlyList<TItem> Items { get; } = items ?? envelope?.Items ?? [];

    public TEnvelope? Envelope { get; } = envelope;

    /// <summary>True when the answer was an array, or an envelope whose items member was present.</summary>
    public bool IsList { get; } = items is not null || envelope?.Items is not null;
}

internal sealed class ListingConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Listing<,>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(ListingConverter<,>).MakeGenericType(typeToConvert.GetGenericArguments()))!;
}

internal sealed class ListingConverter<TItem, TEnvelope> : JsonConverter<Listing<TItem, TEnvelope>>
    where TEnvelope : class, IListEnvelope<TItem>
{
    public override bool HandleNull => true;

    public override Listing<TItem, TEnvelope> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var list = LenientJson.ReadInPlace(ref reader, (JsonTypeInfo<List<TItem>>)options.GetTypeInfo(typeof(List<TItem>)));
                return new Listing<TItem, TEnvelope>(list ?? [], null);
            case JsonTokenType.StartObject:
                return new Listing<TItem, TEnvelope>(null, LenientJson.ReadInPlace(ref reader, (JsonTypeInfo<TEnvelope>)options.GetTypeInfo(typeof(TEnvelope))));
            default:
                reader.Skip();
                return new Listing<TItem, TEnvelope>(null, null);
        }
    }

    public override void Write(Utf8JsonWriter writer, Listing<TItem, TEnvelope> value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value.Items.ToList(), (JsonTypeInfo<List<TItem>>)options.GetTypeInfo(typeof(List<TItem>)));
}
