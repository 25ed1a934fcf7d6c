using PhoneNumbers;
using VoiceBatch.Contacts;

namespace VoiceBatch.Tests.Contacts;

/// <summary>
/// The E.164 fast path must answer exactly as libphonenumber does (Parse with "ZZ", IsPossibleNumber, IsValidNumber,
/// Format E164) wherever it answers at all: compared on every region's example numbers, their near misses, and random
/// numbers for every calling code.
/// </summary>
public sealed class E164FastPathTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static bool Library(string text, out string e164)
    {
        e164 = string.Empty;
        try
        {
            var number = Util.Parse(text, "ZZ");
            if (!Util.IsPossibleNumber(number) || !Util.IsValidNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static IEnumerable<string> ExampleNumbers()
    {
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            foreach (var type in Enum.GetValues<PhoneNumberType>())
            {
                if (Util.GetExampleNumberForType(region, type) is { } number) yield return Util.Format(number, PhoneNumberFormat.E164);
            }
        }

        foreach (var code in Util.GetSupportedGlobalNetworkCallingCodes().Order())
        {
            if (Util.GetExampleNumberForNonGeoEntity(code) is { } number) yield return Util.Format(number, PhoneNumberFormat.E164);
        }
    }

    /// <summary>Each example, one digit changed, one added, one removed: valid and invalid neighbours.</summary>
    private static IEnumerable<string> NearMisses(Random random)
    {
        foreach (var example in ExampleNumbers())
        {
            yield return example;
            var digits = example.ToCharArray();
            var at = random.Next(2, digits.Length);
            digits[at] = (char)('0' + random.Next(10));
            yield return new string(digits);
            yield return example + random.Next(10);
            if (example.Length > 4) yield return example[..^1];

            // Same start, random rest: mostly valid numbers of the same range and type, and their invalid edges.
            for (var i = 0; i < 6; i++)
            {
                var keep = random.Next(3, example.Length);
                yield return example[..keep] + string.Concat(Enumerable.Range(0, example.Length - keep).Select(_ => (char)('0' + random.Next(10))));
            }
        }
    }

    private static IEnumerable<string> RandomNumbers(Random random)
    {
        foreach (var code in Util.GetSupportedCallingCodes().Order())
        {
            for (var i = 0; i < 60; i++)
            {
                var length = random.Next(1, 19);
                var national = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
                yield return $"+{code}{national}";
            }
        }
    }

    [Test]
    public void Fast_path_agrees_with_libphonenumber_and_answers_most_numbers()
    {
        var random = new Random(20261201);
        var cases = NearMisses(random).Concat(RandomNumbers(random)).Distinct().ToList();
        var disagreements = new List<string>();
        var answered = 0;
        var answeredValid = 0;
        foreach (var text in cases)
        {
            var fast = E164FastPath.TryNormalize(text, out var fastE164);
            if (fast is not { } value) continue;
            answered++;
            var expected = Library(text, out var expectedE164);
            if (value) answeredValid++;
            if (value != expected || (value && fastE164 != expectedE164)) disagreements.Add($"{text}: fast {value} {fastE164}, library {expected} {expectedE164}");
        }

        TestContext.Out.WriteLine($"{cases.Count} numbers, {answered} answered by the fast path ({answeredValid} valid)");
        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty);
            Assert.That(answered, Is.GreaterThan(cases.Count * 6 / 10), $"{answered} of {cases.Count} answered by the fast path");
            Assert.That(answeredValid, Is.GreaterThan(1000), "valid numbers are among those answered");
        });
    }

    [Test]
    public void Fast_path_gives_the_same_answers_from_many_threads_at_once()
    {
        // The automata are built lazily and shared: concurrent loads must neither corrupt nor change them.
        var random = new Random(7);
        var numbers = NearMisses(random).Take(4000).ToArray();
        var expected = numbers.Select(n => E164FastPath.TryNormalize(n, out _)).ToArray();
        var actual = new bool?[numbers.Length];

        Parallel.For(0, numbers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = E164FastPath.TryNormalize(numbers[i], out _));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase(@"\d{2,3}", "12", true)]
    [TestCase(@"\d{2,3}", "1234", false)]
    [TestCase("(?:2[0-35-9]|4)\\d?", "24", false)]
    [TestCase("(?:2[0-35-9]|4)\\d?", "239", true)]
    [TestCase("[^0-7]5", "85", true)]
    [TestCase("[^0-7]5", "75", false)]
    [TestCase("1(?:23)*", "12323", true)]
    [TestCase("1(?:23)+", "1", false)]
    public void DigitPattern_matches_as_the_regex_does(string pattern, string digits, bool expected)
    {
        var compiled = DigitPattern.TryCompile(pattern);

        Assert.Multiple(() =>
        {
            Assert.That(compiled!.IsMatchAll(digits), Is.EqualTo(expected));
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(digits, $"^(?:{pattern})$"), Is.EqualTo(expected), "the reference");
        });
    }

    [TestCase("(?=1)2")]
    [TestCase("^1")]
    [TestCase(@"\s")]
    [TestCase(@"(1)\1")]
    [TestCase("(?<a>1)")]
    public void DigitPattern_refuses_what_it_cannot_match_exactly(string pattern)
        => Assert.That(DigitPattern.TryCompile(pattern), Is.Null);

    [TestCase("+14155550101", true)]
    [TestCase("+919876543210", true)]
    [TestCase("+442079460958", true)]
    [TestCase("+1415555010", false)]
    [TestCase("+11234567890", null)]     // starts with the NANPA national prefix: left to the library
    [TestCase("+44020794609", null)]     // national number starting with 0
    [TestCase("+1 415 555 0101", null)]  // not plain digits
    [TestCase("+999123456", null)]       // no such calling code
    public void Answers_what_it_can_and_defers_the_rest(string text, bool? expected)
    {
        Assert.That(E164FastPath.TryNormalize(text, out var e164), Is.EqualTo(expected));
        if (expected == true) Assert.That(e164, Is.SameAs(text), "the input already is the E.164 text");
    }
}
