namespace VoiceBatch.Testing.Tests.Readme;

/// <summary>README's "Testing your code" example is CampaignTests.cs, character for character: it compiles and passes as pasted.</summary>
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("VoiceBatch.Sdk.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
