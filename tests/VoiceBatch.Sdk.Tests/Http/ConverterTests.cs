using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Tests.Http;

/// <summary>The shared tolerant converters every vendor's context uses: numbers as strings, fractions, negatives, nulls,
/// wrong kinds — each reads as a value or null, never as an exception.</summary>
public sealed class ConverterTests
{
    private static T? Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => JsonSerializer.Deserialize($"{{\"v\":{json}}}", info);

    [TestCase("\"abc\"", "abc")]
    [TestCase("\" a b \"", " a b ")]
    [TestCase("42", "42")]
    [TestCase("3.5", "3.5")]
    [TestCase("-7", "-7")]
    [TestCase("true", "true")]
    [TestCase("false", "false")]
    [TestCase("\"\"", null)]
    [TestCase("\"   \"", null)]
    [TestCase("null", null)]
    [TestCase("{\"a\":1}", null)]
    [TestCase("[1]", null)]
    public void Strings_read_strings_numbers_and_booleans_and_nothing_else(string json, string? expected)
        => Assert.That(Read(json, ConverterTestContext.Default.TextHolder)!.V, Is.EqualTo(expected));

    [TestCase("12", 12)]
    [TestCase("-3", -3)]
    [TestCase("0", 0)]
    [TestCase("12.9", 12)]
    [TestCase("1e3", 1000)]
    [TestCase("\"12\"", 12)]
    [TestCase("\" 7 \"", 7)]
    [TestCase("\"12.0\"", 12)]
    [TestCase("\"-3.7\"", -3)]
    [TestCase("2147483647", int.MaxValue)]
    [TestCase("3000000000", null)]
    [TestCase("\"3000000000\"", null)]
    [TestCase("1e400", null)]
    [TestCase("\"NaN\"", null)]
    [TestCase("\"Infinity\"", null)]
    [TestCase("\"12abc\"", null)]
    [TestCase("\"1,000\"", null)]
    [TestCase("\"\"", null)]
    [TestCase("null", null)]
    [TestCase("true", null)]
    [TestCase("{}", null)]
    [TestCase("[1]", null)]
    public void Integers_read_numbers_and_numeric_strings_truncating_fractions(string json, int? expected)
        => Assert.That(Read(json, ConverterTestContext.Default.IntHolder)!.V, Is.EqualTo(expected));

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("\"true\"", true)]
    [TestCase("\"False\"", false)]
    [TestCase("\"yes\"", null)]
    [TestCase("1", null)]
    [TestCase("0", null)]
    [TestCase("null", null)]
    [TestCase("{}", null)]
    public void Booleans_read_json_booleans_and_their_text(string json, bool? expected)
        => Assert.That(Read(json, ConverterTestContext.Default.BoolHolder)!.V, Is.EqualTo(expected));

    [TestCase("83", 83d)]
    [TestCase("83.0", 83d)]
    [TestCase("\"83\"", 83d)]
    [TestCase("\"83.0\"", 83d)]
    [TestCase("12.5", 12.5)]
    [TestCase("\"7.5\"", 7.5)]
    [TestCase("0", 0d)]
    [TestCase("1e9", 1e9)]
    [TestCase("1e10", null)]
    [TestCase("-1", null)]
    [TestCase("\"-0.5\"", null)]
    [TestCase("\"n/a\"", null)]
    [TestCase("\"NaN\"", null)]
    [TestCase("\"Infinity\"", null)]
    [TestCase("\"\"", null)]
    [TestCase("null", null)]
    [TestCase("true", null)]
    [TestCase("{}", null)]
    [TestCase("[30]", null)]
    public void Seconds_read_numbers_and_numeric_strings_whole_or_fractional(string json, double? expected)
        => Assert.That(Read(json, ConverterTestContext.Default.SecondsHolder)!.V, Is.EqualTo(expected is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null));

    [TestCase("42000", 42d)]
    [TestCase("\"1500\"", 1.5)]
    [TestCase("-5", null)]
    public void Milliseconds_read_as_durations(string json, double? expectedSeconds)
        => Assert.That(Read(json, ConverterTestContext.Default.MillisecondsHolder)!.V, Is.EqualTo(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null));

    [Test]
    public void A_float_that_is_a_whole_number_of_seconds_is_exactly_that_many_seconds()
        => Assert.That(Read("120.0", ConverterTestContext.Default.SecondsHolder)!.V, Is.EqualTo(TimeSpan.FromSeconds(120)));

    [Test]
    public void Timestamps_read_iso_and_unix_seconds_or_milliseconds_and_nothing_unreadable()
    {
        var expected = new DateTimeOffset(2024, 5, 1, 11, 5, 0, TimeSpan.Zero);
        DateTimeOffset? T(string json) => Read(json, ConverterTestContext.Default.TimeHolder)!.V;
        Assert.Multiple(() =>
        {
            Assert.That(T("\"2024-05-01T11:05:00Z\""), Is.EqualTo(expected));
            Assert.That(T("\"2024-05-01T11:05:00\""), Is.EqualTo(expected), "no offset = UTC");
            Assert.That(T("\"2024-05-01T16:35:00+05:30\""), Is.EqualTo(expected));
            Assert.That(T(expected.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
            Assert.That(T($"\"{expected.ToUnixTimeSeconds()}\""), Is.EqualTo(expected));
            Assert.That(T(expected.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected), "above 10^11: milliseconds");
            Assert.That(T("123"), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(123)), "ThreeTone's placeholder reads literally");
            Assert.That(T("\"2024-02-29T04:22:89Z\""), Is.Null, "Bolna's seed: 89 seconds");
            Assert.That(T("0"), Is.Null);
            Assert.That(T("-5"), Is.Null);
            Assert.That(T("\"yesterday\""), Is.Null);
            Assert.That(T("true"), Is.Null);
            Assert.That(T("{}"), Is.Null);
        });
    }

    [TestCase("\"https://cdn.example.com/rec.mp3\"", "https://cdn.example.com/rec.mp3")]
    [TestCase("\" http://cdn.example.com/rec.mp3 \"", "http://cdn.example.com/rec.mp3")]
    [TestCase("\"/rec.mp3\"", null)]
    [TestCase("\"ftp://example.com/rec.mp3\"", null)]
    [TestCase("\"not a url\"", null)]
    [TestCase("\"\"", null)]
    [TestCase("42", null)]
    [TestCase("null", null)]
    [TestCase("{}", null)]
    public void Links_are_absolute_http_links_only(string json, string? expected)
        => Assert.That(Read(json, ConverterTestContext.Default.UrlHolder)!.V, Is.EqualTo(expected is null ? null : new Uri(expected)));

    [Test]
    public void Variable_maps_read_every_scalar_as_text_keep_blanks_and_drop_nulls()
    {
        var map = Read("""{"name":"Ann","blank":"","n":42,"f":3.5,"ok":true,"list":[1,2],"obj":{"a":1},"none":null}""", ConverterTestContext.Default.MapHolder)!.V!;
        Assert.That(map, Is.EqualTo(new Dictionary<string, string> { ["name"] = "Ann", ["blank"] = "", ["n"] = "42", ["f"] = "3.5", ["ok"] = "true", ["list"] = "[1,2]", ["obj"] = "{\"a\":1}" }));
        Assert.That(Read("[1]", ConverterTestContext.Default.MapHolder)!.V, Is.Null, "not an object");
    }

    [Test]
    public void Count_maps_keep_readable_non_negative_counts()
        => Assert.That(Read("""{"completed":3,"ringing":"2","bad":"x","neg":-1,"frac":2.5}""", ConverterTestContext.Default.CountsHolder)!.V,
            Is.EqualTo(new Dictionary<string, int> { ["completed"] = 3, ["ringing"] = 2, ["frac"] = 2 }));

    [Test]
    public void Wire_keeps_the_json_and_binds_what_it_can()
    {
        var ok = Read("""{"v":"x","other":[1]}""", ConverterTestContext.Default.WireHolder)!.V!;
        var odd = Read("[1,2]", ConverterTestContext.Default.WireHolder)!.V!;
        Assert.Multiple(() =>
        {
            Assert.That(ok.Value?.V, Is.EqualTo("x"));
            Assert.That(ok.Raw.GetRawText(), Is.EqualTo("""{"v":"x","other":[1]}"""), "Raw is the value exactly as sent");
            Assert.That(odd.Value, Is.Null, "an array is not the DTO");
            Assert.That(odd.Raw.GetRawText(), Is.EqualTo("[1,2]"), "but its JSON is kept");
        });
    }

    [Test]
    public void Wire_values_nested_in_lists_and_lenient_objects_keep_exactly_their_own_bytes_of_the_body()
    {
        const string json = """
            { "pad": "xxxxxxxxxxxxxxxxxxxxxxxx",
              "inner": { "w": {"v" : "in" , "n": [ {"deep":"}"} ] } },
              "items": [ {"v":"a"},  "just text" , {"v": "b\u00e9"}, 7, null, [1, {"v":"c"}] ] }
            """;
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        var nest = CurrentBody.Bind(body, b => JsonSerializer.Deserialize(b, ConverterTestContext.Default.Nest))!;
        Assert.Multiple(() =>
        {
            Assert.That(nest.Inner!.W!.Raw.GetRawText(), Is.EqualTo("""{"v" : "in" , "n": [ {"deep":"}"} ] }"""));
            Assert.That(nest.Inner.W.Value?.V, Is.EqualTo("in"));
            Assert.That(nest.Items!.Select(w => w.Raw.GetRawText()), Is.EqualTo(new[] { """{"v":"a"}""", "\"just text\"", """{"v": "b\u00e9"}""", "7", "null", """[1, {"v":"c"}]""" }));
            Assert.That(nest.Items!.Select(w => w.Value?.V), Is.EqualTo(new[] { "a", null, "b\u00e9", null, null, null }));
        });
    }

    [Test]
    public void A_wire_value_read_on_a_reader_of_someone_elses_keeps_a_correct_copy_instead_of_a_wrong_slice()
    {
        // A converter that binds its value with JsonSerializer.Deserialize(ref reader) gives nested converters a reader
        // whose positions start at that value, not at the body: the Wire must notice and copy.
        const string json = """{"pad":"[[[[[[[[[[[[[[[[","v":{"w":{"v":"x"}}}""";
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        var holder = CurrentBody.Bind(body, b => JsonSerializer.Deserialize(b, ConverterTestContext.Default.ForeignHolder))!;
        Assert.That(holder.V!.W!.Raw.GetRawText(), Is.EqualTo("""{"v":"x"}"""));
    }

    [Test]
    public void Call_variables_keep_the_order_sent_a_repeated_name_takes_its_later_value_and_behave_as_a_dictionary()
    {
        var builder = default(TextFields.Builder);
        foreach (var i in Enumerable.Range(0, 6)) builder.Set($"k{i}", $"v{i}");
        builder.Set("k1", "again");
        builder.TryAdd("k2", "ignored");
        builder.TryAdd("extra", "x");
        var fields = builder.Build();
        Assert.Multiple(() =>
        {
            Assert.That(fields.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "k0=v0", "k1=again", "k2=v2", "k3=v3", "k4=v4", "k5=v5", "extra=x" }));
            Assert.That(fields, Has.Count.EqualTo(7));
            Assert.That(fields["k4"], Is.EqualTo("v4"));
            Assert.That(fields.TryGetValue("K4", out _), Is.False, "names are compared ordinally");
            Assert.That(fields.ContainsKey("extra"), Is.True);
            Assert.That(() => fields["missing"], Throws.TypeOf<KeyNotFoundException>());
            Assert.That(default(TextFields.Builder).Build(), Is.SameAs(CallRecord.EmptyVariables));
        });
    }

    [Test]
    public void Repeated_short_words_are_made_once_and_read_exactly_like_any_string()
    {
        static string Word(string json)
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            reader.Read();
            return Words.Get(ref reader);
        }

        var first = Word("\"completed\"");
        Assert.Multiple(() =>
        {
            Assert.That(Word("\"completed\""), Is.SameAs(first), "a repeat is the same string");
            Assert.That(Word("\"complete\""), Is.EqualTo("complete"), "a near miss is its own word");
            Assert.That(Word("\"compl\\u0065ted\""), Is.EqualTo("completed"), "escaped text is unescaped (and not cached)");
            Assert.That(Word("\"héllo wörld\""), Is.EqualTo("héllo wörld"));
            var longText = new string('x', Words.MaxBytes + 1);
            Assert.That(Word($"\"{longText}\""), Is.EqualTo(longText));
            foreach (var i in Enumerable.Range(0, 1000)) Assert.That(Word($"\"w{i}\""), Is.EqualTo($"w{i}"), "slots are reused, never confused");
        });
    }

    [Test]
    public void Lenient_objects_and_lists_read_wrong_kinds_as_null_and_skip_bad_elements()
    {
        var holder = Read("""{"obj":"text","list":[{"v":"a"},"junk",{"v":{"deep":1}},{"v":"b"}]}""", ConverterTestContext.Default.StructureHolder)!.V!;
        Assert.Multiple(() =>
        {
            Assert.That(holder.Obj, Is.Null);
            Assert.That(holder.List!.Select(t => t.V), Is.EqualTo(new[] { "a", null, "b" }), "a string element is dropped; a bad member inside an object reads as null");
        });
    }

    private static readonly string[] OddValues =
    [
        "null", "true", "false", "0", "-0", "-1", "1e308", "-1e308", "1e400", "0.0000001", "123456789012345678901234567890",
        "\"\"", "\" \"", "\"NaN\"", "\"-Infinity\"", "\"1e400\"", "\"0x10\"", "\"\\u0000\"", "{}", "[]", "[null]", "{\"a\":{}}",
    ];

    [Test]
    public void No_converter_ever_throws_on_valid_json()
    {
        foreach (var json in OddValues)
        {
            Assert.DoesNotThrow(() =>
            {
                _ = Read(json, ConverterTestContext.Default.TextHolder);
                _ = Read(json, ConverterTestContext.Default.IntHolder);
                _ = Read(json, ConverterTestContext.Default.LongHolder);
                _ = Read(json, ConverterTestContext.Default.DoubleHolder);
                _ = Read(json, ConverterTestContext.Default.BoolHolder);
                _ = Read(json, ConverterTestContext.Default.SecondsHolder);
                _ = Read(json, ConverterTestContext.Default.MillisecondsHolder);
                _ = Read(json, ConverterTestContext.Default.TimeHolder);
                _ = Read(json, ConverterTestContext.Default.UrlHolder);
                _ = Read(json, ConverterTestContext.Default.MapHolder);
                _ = Read(json, ConverterTestContext.Default.CountsHolder);
                _ = Read(json, ConverterTestContext.Default.WireHolder);
                _ = Read(json, ConverterTestContext.Default.StructureHolder);
            }, json);
        }
    }
}

internal sealed class TextHolder { [JsonPropertyName("v")] public string? V { get; set; } }
internal sealed class IntHolder { [JsonPropertyName("v")] public int? V { get; set; } }
internal sealed class LongHolder { [JsonPropertyName("v")] public long? V { get; set; } }
internal sealed class DoubleHolder { [JsonPropertyName("v")] public double? V { get; set; } }
internal sealed class BoolHolder { [JsonPropertyName("v")] public bool? V { get; set; } }
internal sealed class TimeHolder { [JsonPropertyName("v")] public DateTimeOffset? V { get; set; } }
internal sealed class SecondsHolder { [JsonPropertyName("v"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? V { get; set; } }
internal sealed class MillisecondsHolder { [JsonPropertyName("v"), JsonConverter(typeof(MillisecondsConverter))] public TimeSpan? V { get; set; } }
internal sealed class UrlHolder { [JsonPropertyName("v"), JsonConverter(typeof(WebLinkConverter))] public Uri? V { get; set; } }
internal sealed class MapHolder { [JsonPropertyName("v"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? V { get; set; } }
internal sealed class CountsHolder { [JsonPropertyName("v"), JsonConverter(typeof(CountMapConverter))] public Dictionary<string, int>? V { get; set; } }
internal sealed class WireHolder { [JsonPropertyName("v")] public Wire<TextHolder>? V { get; set; } }
internal sealed class Nest
{
    [JsonPropertyName("inner"), JsonConverter(typeof(Lenient<NestInner>))] public NestInner? Inner { get; set; }
    [JsonPropertyName("items")] public List<Wire<TextHolder>>? Items { get; set; }
}

internal sealed class NestInner { [JsonPropertyName("w")] public Wire<TextHolder>? W { get; set; } }

internal sealed class ForeignHolder { [JsonPropertyName("v"), JsonConverter(typeof(ForeignConverter))] public NestInner? V { get; set; } }

/// <summary>Binds the way a third party's converter would: on a new reader over the value.</summary>
internal sealed class ForeignConverter : JsonConverter<NestInner>
{
    public override NestInner? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonSerializer.Deserialize(ref reader, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<NestInner>)options.GetTypeInfo(typeof(NestInner)));

    public override void Write(Utf8JsonWriter writer, NestInner value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class StructureHolder { [JsonPropertyName("v"), JsonConverter(typeof(Lenient<Structures>))] public Structures? V { get; set; } }

internal sealed class Structures
{
    [JsonPropertyName("obj"), JsonConverter(typeof(Lenient<TextHolder>))] public TextHolder? Obj { get; set; }
    [JsonPropertyName("list"), JsonConverter(typeof(LenientList<TextHolder>))] public List<TextHolder>? List { get; set; }
}

[JsonSourceGenerationOptions(Converters = [typeof(LenientStringConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter), typeof(LenientTimestampConverter)])]
[JsonSerializable(typeof(TextHolder))]
[JsonSerializable(typeof(IntHolder))]
[JsonSerializable(typeof(LongHolder))]
[JsonSerializable(typeof(DoubleHolder))]
[JsonSerializable(typeof(BoolHolder))]
[JsonSerializable(typeof(TimeHolder))]
[JsonSerializable(typeof(SecondsHolder))]
[JsonSerializable(typeof(MillisecondsHolder))]
[JsonSerializable(typeof(UrlHolder))]
[JsonSerializable(typeof(MapHolder))]
[JsonSerializable(typeof(CountsHolder))]
[JsonSerializable(typeof(WireHolder))]
[JsonSerializable(typeof(StructureHolder))]
[JsonSerializable(typeof(Structures))]
[JsonSerializable(typeof(List<TextHolder>))]
[JsonSerializable(typeof(Nest))]
[JsonSerializable(typeof(NestInner))]
[JsonSerializable(typeof(ForeignHolder))]
internal sealed partial class ConverterTestContext : JsonSerializerContext;
