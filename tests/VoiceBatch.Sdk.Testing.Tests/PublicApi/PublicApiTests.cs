using PublicApiGenerator;

namespace VoiceBatch.Testing.Tests.PublicApi;

/// <summary>
/// VoiceBatch.Sdk.Testing's public surface is deliberate and small: this test fails on any change to it. When a change is
/// intended, run the tests with VOICEBATCH_APPROVE_API=1 to rewrite PublicApi/VoiceBatch.Sdk.Testing.approved.txt and
/// review that diff.
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void The_public_api_changes_only_on_purpose()
    {
        var actual = typeof(VoiceBatchSimulator).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(SourceDirectory(), "VoiceBatch.Sdk.Testing.approved.txt");

        if (Environment.GetEnvironmentVariable("VOICEBATCH_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        Assert.That(File.Exists(approvedPath), Is.True, "no approved API file: run once with VOICEBATCH_APPROVE_API=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(approvedPath).ReplaceLineEndings("\n")),
            "The public API changed. If intended, re-run with VOICEBATCH_APPROVE_API=1 and commit the approved file.");
    }

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.Testing.Tests.csproj"))) return Path.Combine(dir.FullName, "PublicApi");
        }

        throw new DirectoryNotFoundException("tests/VoiceBatch.Sdk.Testing.Tests not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
