namespace VoiceBatch.Testing.Engine;

/// <summary>
/// The simulator's randomness: <see cref="Random"/> seeded from <see cref="SimulatorOptions.Seed"/>, a vendor and a
/// sequence number, so runs repeat exactly. (<see cref="HashCode"/> is randomised per process and is never used here.)
/// </summary>
internal sealed class Dice(int seed)
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";

    private readonly Random _random = new(seed);

    /// <summary>A seed for one part of the simulation (a vendor, a batch) that depends only on its inputs.</summary>
    public static int Derive(int seed, string part, int sequence = 0)
    {
        unchecked
        {
            // FNV-1a over the part's text, mixed with the seed and the sequence number.
            var hash = 2166136261u;
            foreach (var c in part.ToUpperInvariant())
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash ^= (uint)seed * 2654435761u;
            hash ^= (uint)sequence * 40503u;
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    /// <summary>An outcome drawn with the mix's weights.</summary>
    public CallOutcome Outcome(CallOutcomeMix mix)
    {
        var total = mix.Answered + mix.NoAnswer + mix.Busy + mix.Failed;
        var roll = _random.Next(total);
        if ((roll -= mix.Answered) < 0) return CallOutcome.Answered;
        if ((roll -= mix.NoAnswer) < 0) return CallOutcome.NoAnswer;
        return roll - mix.Busy < 0 ? CallOutcome.Busy : CallOutcome.Failed;
    }

    /// <summary>A talk time between half and one and a half times <paramref name="typical"/>, to the millisecond.</summary>
    public TimeSpan TalkTime(TimeSpan typical) => TimeSpan.FromMilliseconds(Math.Round(typical.TotalMilliseconds * (0.5 + _random.NextDouble())));

    /// <summary><paramref name="length"/> lower-case letters and digits.</summary>
    public string Alphanumerics(int length) => Pick(Alphanumeric, length);

    /// <summary><paramref name="length"/> lower-case hex digits.</summary>
    public string HexDigits(int length) => Pick(Hex, length);

    private string Pick(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[_random.Next(alphabet.Length)];
        return new string(chars);
    }
}
