using System.Text.RegularExpressions;

namespace VoiceBatch.Docs.Tests;

/// <summary>CI builds and tests the solution: a project outside it (a sample nobody compiles) rots unseen.</summary>
public sealed partial class SampleTests
{
    [Test]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Repository.PathOf("VoiceBatch.Sdk.sln"));
        var listed = ProjectPath().Matches(solution).Select(m => m.Groups["path"].Value.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var projects = new[] { "src", "tests", "samples", "benchmarks" }
            .Where(d => Directory.Exists(Repository.PathOf(d)))
            .SelectMany(d => Directory.GetFiles(Repository.PathOf(d), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'));

        Assert.That(listed, Is.SupersetOf(projects));
        Assert.That(projects.Where(p => p.StartsWith("samples/", StringComparison.Ordinal)), Is.Not.Empty);
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]+"", ""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectPath();
}
