using System.Text.RegularExpressions;

namespace VoiceBatch.Docs.Tests;

/// <summary>
/// One fenced C# block of a README. A block is a complete program or file, compiled exactly as pasted. A fragment —
/// code that only makes sense inside a method — says so in an HTML comment on the line above its fence, naming what it
/// uses: <c>&lt;!-- fragment: IBatchCallClient client, BatchCall batch, CancellationToken ct --&gt;</c>. It is then
/// compiled as the body of an async method taking exactly those parameters, and nothing else is added.
/// </summary>
public sealed partial record Snippet(string File, int Line, string Code, string? FragmentParameters)
{
    public string Name => $"{Path.GetRelativePath(Repository.Root, File)}:{Line}";

    public override string ToString() => Name;

    /// <summary>The C# blocks of one Markdown file, with the line of their opening fence.</summary>
    public static IEnumerable<Snippet> In(string file)
    {
        var lines = System.IO.File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i])) continue;
            var fragment = i > 0 ? FragmentMarker().Match(lines[i - 1]) : Match.Empty;
            var start = i + 1;
            var end = Array.FindIndex(lines, start, l => l.TrimEnd() == "```");
            if (end < 0) throw new FormatException($"{file}:{i + 1}: the C# block is never closed.");
            yield return new Snippet(file, i + 1, string.Join('\n', lines[start..end]) + "\n", fragment.Success ? fragment.Groups["parameters"].Value.Trim() : null);
            i = end;
        }
    }

    [GeneratedRegex(@"^```(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^<!--\s*fragment:(?<parameters>.*)-->\s*$")]
    private static partial Regex FragmentMarker();
}
