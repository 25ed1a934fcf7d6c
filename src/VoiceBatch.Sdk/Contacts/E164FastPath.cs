using PhoneNumbers;

namespace VoiceBatch.Contacts;

/// <summary>
/// libphonenumber's answer for a number already written as <c>+</c> and digits (E.164, as most sheets and every
/// vendor hold them), computed from libphonenumber's own metadata without parsing: the same steps as
/// <c>PhoneNumberUtil.Parse(text, "ZZ")</c>, <c>IsPossibleNumber</c>, <c>IsValidNumber</c> and
/// <c>Format(…, E164)</c>, with each metadata pattern matched by a <see cref="DigitPattern"/> automaton.
/// </summary>
/// <remarks>
/// <para>The path is taken only where those steps are plain: <c>+</c> then 3 to 20 ASCII digits, a known calling code
/// (the shortest of 1 to 3 digits, as the library extracts it), a national number of 2 to 17 digits that does not
/// start with 0 and that the region's national-prefix pattern does not match. The E.164 text is then the input
/// itself. In every other case, and wherever a pattern is outside <see cref="DigitPattern"/>'s subset,
/// <see cref="TryNormalize"/> returns null and the caller asks libphonenumber. Tests compare this path with
/// libphonenumber's for every region's example numbers and for random numbers.</para>
/// <para>Why: parsing and validating through the library costs about 1 µs a number (most of it regular
/// expressions, and twice the type check for NANPA numbers), which was most of the time of loading a sheet.</para>
/// </remarks>
internal static class E164FastPath
{
    private const int MinNationalLength = 2;   // libphonenumber's MIN_LENGTH_FOR_NSN
    private const int MaxNationalLength = 17;  // its MAX_LENGTH_FOR_NSN
    private const string NonGeographicalRegion = "001";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly bool[] KnownCallingCodes = BuildKnownCallingCodes();
    private static readonly Lazy<Country?>[] Countries = Enumerable.Range(0, 1000)
        .Select(cc => new Lazy<Country?>(() => KnownCallingCodes[cc] ? Country.TryCreate(cc) : null, LazyThreadSafetyMode.ExecutionAndPublication))
        .ToArray();

    /// <summary>
    /// True when <paramref name="text"/> is a valid number (<paramref name="e164"/> is then <paramref name="text"/>),
    /// false when libphonenumber would refuse it, null when this path cannot tell (ask the library).
    /// </summary>
    public static bool? TryNormalize(string text, out string e164)
    {
        e164 = string.Empty;
        var span = text.AsSpan();
        if (span.Length < 4 || span.Length > 21 || span[0] != '+' || span[1] == '0') return null;
        var digits = span[1..];
        if (digits.ContainsAnyExceptInRange('0', '9')) return null;

        // The shortest known calling code, as PhoneNumberUtil.ExtractCountryCode takes it.
        var code = 0;
        var codeLength = 0;
        for (var i = 0; i < 3; i++)
        {
            code = (code * 10) + (digits[i] - '0');
            if (KnownCallingCodes[code])
            {
                codeLength = i + 1;
                break;
            }
        }

        if (codeLength == 0) return null;
        var national = digits[codeLength..];
        if (national.Length is < MinNationalLength or > MaxNationalLength || national[0] == '0') return null;
        if (Countries[code].Value is not { } country) return null;

        var valid = country.IsValid(national);
        if (valid is not true) return valid;
        e164 = text;
        return true;
    }

    private static bool[] BuildKnownCallingCodes()
    {
        var known = new bool[1000];
        foreach (var code in Util.GetSupportedCallingCodes())
        {
            if (code is > 0 and < 1000) known[code] = true;
        }

        return known;
    }

    /// <summary>One calling code's rules: its main region's metadata (for parsing and possible lengths) and every region sharing the code (for validity).</summary>
    private sealed class Country
    {
        private readonly Rules _main;
        private readonly DigitPattern? _nationalPrefix;
        private readonly bool _hasNationalPrefix;
        private readonly Rules[] _regions;

        private Country(Rules main, bool hasNationalPrefix, DigitPattern? nationalPrefix, Rules[] regions)
        {
            _main = main;
            _hasNationalPrefix = hasNationalPrefix;
            _nationalPrefix = nationalPrefix;
            _regions = regions;
        }

        public static Country? TryCreate(int code)
        {
            var mainRegion = Util.GetRegionCodeForCountryCode(code);
            var mainMetadata = MetadataOf(code, mainRegion);
            if (mainMetadata is null || Rules.TryCreate(mainMetadata) is not { } main) return null;
            var hasPrefix = mainMetadata.HasNationalPrefixForParsing;
            var prefix = hasPrefix ? DigitPattern.TryCompile(mainMetadata.NationalPrefixForParsing ?? string.Empty) : null;
            if (hasPrefix && prefix is null) return null;

            var regions = new List<Rules>();
            foreach (var region in Util.GetRegionCodesForCountryCode(code))
            {
                var metadata = MetadataOf(code, region);
                if (metadata is null || Rules.TryCreate(metadata) is not { } rules) return null;
                regions.Add(rules);
            }

            return regions.Count == 0 ? null : new Country(main, hasPrefix, prefix, [.. regions]);
        }

        private static PhoneMetadata? MetadataOf(int code, string? region)
            => region == NonGeographicalRegion ? Util.GetMetadataForNonGeographicalRegion(code) : Util.GetMetadataForRegion(region);

        public bool? IsValid(ReadOnlySpan<char> national)
        {
            // Parse: a national prefix the region's pattern matches would be stripped (or transformed): not plain.
            if (_hasNationalPrefix)
            {
                var prefixed = _nationalPrefix!.IsMatchBeginning(national);
                if (prefixed is not false) return null;
            }

            // IsPossibleNumber: the main region's general lengths.
            if (!_main.IsPossibleLength(national.Length)) return false;

            // IsValidNumber: the region is the only one, or the first whose leading digits (or, without them, whose
            // number types) match; then the number must have a type in that region.
            if (_regions.Length == 1) return _regions[0].IsValidHere(national);
            foreach (var region in _regions)
            {
                if (region.LeadingDigits is { } leading)
                {
                    var starts = leading.IsMatchBeginning(national);
                    if (starts is null) return null;
                    if (starts.Value) return region.IsValidHere(national);
                }
                else
                {
                    // Chosen by its number type; IsValidNumberForRegion then asks the same question.
                    var typed = region.HasType(national);
                    if (typed is not false) return typed;
                }
            }

            return false; // no region: IsValidNumberForRegion(number, null) is false
        }
    }

    /// <summary>One region's number types, as <c>GetNumberTypeHelper</c> tests them.</summary>
    private sealed class Rules
    {
        private readonly Desc _general;
        private readonly Desc[] _types; // fixed line, mobile (unless it is the fixed-line pattern), then the other types
        private readonly int[] _possibleLengths;
        private readonly int[] _localOnlyLengths;
        private readonly bool _hasGeneralPattern;

        private Rules(Desc general, bool hasGeneralPattern, Desc[] types, int[] possibleLengths, int[] localOnlyLengths, DigitPattern? leadingDigits)
        {
            _general = general;
            _hasGeneralPattern = hasGeneralPattern;
            _types = types;
            _possibleLengths = possibleLengths;
            _localOnlyLengths = localOnlyLengths;
            LeadingDigits = leadingDigits;
        }

        public DigitPattern? LeadingDigits { get; }

        public static Rules? TryCreate(PhoneMetadata metadata)
        {
            var general = Desc.TryCreate(metadata.GeneralDesc);
            if (general is null) return null;
            // GetNumberTypeHelper tries premium rate … voicemail, fixed line, then mobile unless it shares the fixed-line
            // pattern; only "some type or none" matters here, so the common types go first and a valid number stops early.
            PhoneNumberDesc?[] descs =
            [
                metadata.FixedLine, metadata.SameMobileAndFixedLinePattern ? null : metadata.Mobile,
                metadata.TollFree, metadata.PremiumRate, metadata.SharedCost, metadata.Voip, metadata.PersonalNumber,
                metadata.Pager, metadata.Uan, metadata.Voicemail,
            ];
            var types = new List<Desc>();
            foreach (var desc in descs)
            {
                if (desc is null) continue;
                if (Desc.TryCreate(desc) is not { } compiled) return null;
                types.Add(compiled);
            }

            DigitPattern? leading = null;
            if (metadata.HasLeadingDigits)
            {
                leading = DigitPattern.TryCompile(metadata.LeadingDigits ?? string.Empty);
                if (leading is null) return null;
            }

            var lengths = metadata.GeneralDesc.PossibleLengthList.ToArray();
            if (lengths.Length == 0) return null; // the library would index an empty list: leave it to the library
            return new Rules(general, metadata.GeneralDesc.HasNationalNumberPattern, [.. types], lengths,
                [.. metadata.GeneralDesc.PossibleLengthLocalOnlyList], leading);
        }

        /// <summary>IsPossibleNumber's length test (TestNumberLength for an unknown type): possible, or possible locally.</summary>
        public bool IsPossibleLength(int length)
            => _possibleLengths[0] != -1 && (Array.IndexOf(_localOnlyLengths, length) >= 0 || Array.IndexOf(_possibleLengths, length) >= 0);

        /// <summary>IsValidNumberForRegion: a region without patterns takes any plausible length, else the number needs a type.</summary>
        public bool? IsValidHere(ReadOnlySpan<char> national)
            => _hasGeneralPattern ? HasType(national) : national.Length > MinNationalLength && national.Length <= MaxNationalLength;

        /// <summary>Whether GetNumberTypeHelper finds a type (not UNKNOWN); null when an automaton hit its cap.</summary>
        public bool? HasType(ReadOnlySpan<char> national)
        {
            if (!_hasGeneralPattern) return false;
            var general = _general.IsMatching(national);
            if (general is not true) return general;
            foreach (var type in _types)
            {
                var matching = type.IsMatching(national);
                if (matching is not false) return matching;
            }

            return false;
        }
    }

    /// <summary>One PhoneNumberDesc: IsNumberMatchingDesc's possible-length test, then its pattern in full.</summary>
    private sealed class Desc
    {
        private readonly int[] _possibleLengths;
        private readonly DigitPattern _pattern;

        private Desc(int[] possibleLengths, DigitPattern pattern)
        {
            _possibleLengths = possibleLengths;
            _pattern = pattern;
        }

        public static Desc? TryCreate(PhoneNumberDesc desc)
        {
            var pattern = DigitPattern.TryCompile(desc.NationalNumberPattern ?? string.Empty);
            return pattern is null ? null : new Desc([.. desc.PossibleLengthList], pattern);
        }

        public bool? IsMatching(ReadOnlySpan<char> national)
        {
            if (_possibleLengths.Length > 0 && Array.IndexOf(_possibleLengths, national.Length) < 0) return false;
            return _pattern.IsMatchAll(national);
        }
    }
}
