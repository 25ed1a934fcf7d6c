namespace VoiceBatch.Docs.Tests;

/// <summary>The repository these tests check: found upwards from the test's folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every README of the repository: the root one and each package's (what nuget.org shows).</summary>
    public static IEnumerable<string> Readmes()
        => new[] { PathOf("README.md") }.Concat(Directory.GetFiles(PathOf("src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("VoiceBatch.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
