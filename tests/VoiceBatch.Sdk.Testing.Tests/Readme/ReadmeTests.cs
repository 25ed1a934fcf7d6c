namespace VoiceBatch.Testing.Tests.Readme;

/// <summary>README's examples are compiled files, character for character: "Testing your code" is CampaignTests.cs (it
/// compiles and passes as pasted), "Observability" is the VoiceBatch.Observability sample's Program.cs (CI builds it).</summary>
public sealed class ReadmeTests
{
    [Test]
    public void The_readme_example_is_the_compiled_test()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var example = File.ReadAllText(Path.Combine(root, "tests", "VoiceBatch.Sdk.Testing.Tests", "Readme", "CampaignTests.cs")).ReplaceLineEndings("\n");

        Assert.That(readme, Does.Contain("```csharp\n" + example + "```"), "README.md must quote tests/VoiceBatch.Sdk.Testing.Tests/Readme/CampaignTests.cs verbatim");
    }

    [Test]
    public void The_readme_observability_example_is_the_compiled_sample()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(root, "samples", "VoiceBatch.Observability", "Program.cs")).ReplaceLineEndings("\n");

        Assert.That(readme, Does.Contain("```csharp\n" + sample + "```"), "README.md must quote samples/VoiceBatch.Observability/Program.cs verbatim (CI builds it)");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("VoiceBatch.Sdk.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
