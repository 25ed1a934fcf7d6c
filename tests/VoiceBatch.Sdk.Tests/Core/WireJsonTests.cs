using System.Text.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Tests.Core;

public sealed class WireJsonTests
{
    private static JsonElement J(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

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
    public void Text_reads_strings_numbers_and_booleans_and_nothing_else(string json, string? expected)
        => Assert.That(WireJson.Text(J(json)), Is.EqualTo(expected));

    [TestCase("\"\"", "")]
    [TestCase("\"  \"", "  ")]
    [TestCase("\"x\"", "x")]
    [TestCase("12", "12")]
    [TestCase("true", "true")]
    [TestCase("null", null)]
    [TestCase("{}", null)]
    [TestCase("[]", null)]
    public void Scalar_is_Text_that_keeps_blank_strings(string json, string? expected)
        => Assert.That(WireJson.Scalar(J(json)), Is.EqualTo(expected));

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
    public void Int_reads_numbers_and_numeric_strings_truncating_fractions(string json, int? expected)
        => Assert.That(WireJson.Int(J(json)), Is.EqualTo(expected));

    [TestCase("5", 5)]
    [TestCase("0", 0)]
    [TestCase("\"7\"", 7)]
    [TestCase("4.5", 4)]
    [TestCase("-1", null)]
    [TestCase("\"-2\"", null)]
    [TestCase("\"many\"", null)]
    [TestCase("null", null)]
    public void Count_is_Int_without_negatives(string json, int? expected)
        => Assert.That(WireJson.Count(J(json)), Is.EqualTo(expected));

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("\"true\"", true)]
    [TestCase("\"False\"", false)]
    [TestCase("\"yes\"", null)]
    [TestCase("1", null)]
    [TestCase("0", null)]
    [TestCase("null", null)]
    [TestCase("{}", null)]
    public void Bool_reads_json_booleans_and_their_text(string json, bool? expected)
        => Assert.That(WireJson.Bool(J(json)), Is.EqualTo(expected));

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
    public void Seconds_reads_numbers_and_numeric_strings_whole_or_fractional(string json, double? expected)
        => Assert.That(WireJson.Seconds(J(json)), Is.EqualTo(expected is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null));

    [Test]
    public void A_float_that_is_a_whole_number_of_seconds_is_exactly_that_many_seconds()
        => Assert.That(WireJson.Seconds(J("120.0")), Is.EqualTo(TimeSpan.FromSeconds(120)));

    [Test]
    public void Time_reads_iso_and_unix_and_falls_back_to_the_second_alias()
    {
        var expected = new DateTimeOffset(2024, 5, 1, 11, 5, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.Time(J("\"2024-05-01T11:05:00Z\"")), Is.EqualTo(expected));
            Assert.That(WireJson.Time(J("\"2024-05-01T11:05:00\"")), Is.EqualTo(expected), "no offset = UTC");
            Assert.That(WireJson.Time(J(expected.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))), Is.EqualTo(expected));
            Assert.That(WireJson.Time(J($"\"{expected.ToUnixTimeSeconds()}\"")), Is.EqualTo(expected));
            Assert.That(WireJson.Time(J("\"2024-02-29T04:22:89Z\""), J("\"2024-05-01T11:05:00Z\"")), Is.EqualTo(expected), "first alias unreadable");
            Assert.That(WireJson.Time(null, J("\"2024-05-01T11:05:00Z\"")), Is.EqualTo(expected), "first alias absent");
            Assert.That(WireJson.Time(J("\"2024-05-01T11:05:00Z\""), J("\"1999-01-01T00:00:00Z\"")), Is.EqualTo(expected), "first alias wins");
            Assert.That(WireJson.Time(J("\"yesterday\""), J("true")), Is.Null);
            Assert.That(WireJson.Time(J("""{"at":"2024-05-01T11:05:00Z"}"""), "at"), Is.EqualTo(expected));
            Assert.That(WireJson.Time(J("""{"at":"bad"}"""), "at"), Is.Null);
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
    public void Url_accepts_absolute_http_links_only(string json, string? expected)
        => Assert.That(WireJson.Url(J(json)), Is.EqualTo(expected is null ? null : new Uri(expected)));

    [Test]
    public void Member_overloads_read_an_object_and_give_null_for_anything_else()
    {
        var obj = J("""{"id":7,"name":" ","dur":"12.5","n":"3","url":"https://x.example/r"}""");
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.Text(obj, "id"), Is.EqualTo("7"));
            Assert.That(WireJson.Text(obj, "name"), Is.Null);
            Assert.That(WireJson.Text(obj, "missing"), Is.Null);
            Assert.That(WireJson.Int(obj, "n"), Is.EqualTo(3));
            Assert.That(WireJson.Seconds(obj, "dur"), Is.EqualTo(TimeSpan.FromSeconds(12.5)));
            Assert.That(WireJson.Url(obj, "url"), Is.EqualTo(new Uri("https://x.example/r")));
            Assert.That(WireJson.Member(obj, "id")?.GetInt32(), Is.EqualTo(7));
            Assert.That(WireJson.Member(J("[1,2]"), "id"), Is.Null, "an array is not an object");
            Assert.That(WireJson.Member(J("\"id\""), "id"), Is.Null);
            Assert.That(WireJson.Member(null, "id"), Is.Null);
            Assert.That(WireJson.Text(J("null"), "id"), Is.Null);
            Assert.That(WireJson.Int(J("[7]"), "n"), Is.Null);
        });
    }

    [Test]
    public void Array_and_FirstArray_give_elements_only_for_arrays()
    {
        var obj = J("""{"data":{"x":1},"executions":[{"id":1},{"id":2}],"items":[]}""");
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.Array(J("[1,\"a\"]"))?.Select(e => e.GetRawText()), Is.EqualTo(new[] { "1", "\"a\"" }));
            Assert.That(WireJson.Array(J("{}")), Is.Null);
            Assert.That(WireJson.Array(J("null")), Is.Null);
            Assert.That(WireJson.Array(null), Is.Null);
            Assert.That(WireJson.FirstArray(obj, "data", "executions")?.Count, Is.EqualTo(2), "data is not an array, so executions");
            Assert.That(WireJson.FirstArray(obj, "items", "executions"), Is.Empty, "an empty array still counts");
            Assert.That(WireJson.FirstArray(obj, "missing", "data"), Is.Null);
            Assert.That(WireJson.FirstArray(J("[[1]]"), "data"), Is.Null);
        });
    }

    [Test]
    public void Absent_values_read_as_null()
    {
        JsonElement? absent = null;
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.Text(absent), Is.Null);
            Assert.That(WireJson.Scalar(absent), Is.Null);
            Assert.That(WireJson.Int(absent), Is.Null);
            Assert.That(WireJson.Count(absent), Is.Null);
            Assert.That(WireJson.Bool(absent), Is.Null);
            Assert.That(WireJson.Seconds(absent), Is.Null);
            Assert.That(WireJson.Time(absent), Is.Null);
            Assert.That(WireJson.Url(absent), Is.Null);
        });
    }

    private static readonly string[] OddValues =
    [
        "null", "true", "false", "0", "-0", "-1", "1e308", "-1e308", "1e400", "0.0000001", "123456789012345678901234567890",
        "\"\"", "\" \"", "\"NaN\"", "\"-Infinity\"", "\"1e400\"", "\"0x10\"", "\"\\u0000\"", "{}", "[]", "[null]", "{\"a\":{}}",
    ];

    [Test]
    public void No_reader_ever_throws()
    {
        var elements = OddValues.Select(J).Append(default(JsonElement)).ToList();
        foreach (var e in elements)
        {
            Assert.DoesNotThrow(() =>
            {
                _ = WireJson.Text(e);
                _ = WireJson.Scalar(e);
                _ = WireJson.Int(e);
                _ = WireJson.Count(e);
                _ = WireJson.Bool(e);
                _ = WireJson.Seconds(e);
                _ = WireJson.Time(e, e);
                _ = WireJson.Url(e);
                _ = WireJson.Array(e);
                _ = WireJson.Member(e, "a");
                _ = WireJson.FirstArray(e, "a");
                _ = WireJson.Text(e, "a");
                _ = WireJson.Int(e, "a");
                _ = WireJson.Seconds(e, "a");
                _ = WireJson.Time(e, "a");
                _ = WireJson.Url(e, "a");
            }, e.ValueKind == JsonValueKind.Undefined ? "default(JsonElement)" : e.GetRawText());
        }
    }
}
