using PublicApiGenerator;

namespace VoiceBatch.Tests.PublicApi;

/// <summary>
/// The public surface is deliberate: this test fails on any change to it. When a change is intended, run the tests
/// with VOICEBATCH_APPROVE_API=1 to rewrite PublicApi/VoiceBatch.Sdk.approved.txt, and review that diff.
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void The_public_api_changes_only_on_purpose()
    {
        var actual = typeof(IBatchCallClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
            // PublicApiGenerator leaves out Microsoft.* namespaces by default: the registration surface (AddVoiceBatch,
            // every Add<Vendor>) lives in Microsoft.Extensions.DependencyInjection and is part of the approved API.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(SourceDirectory(), "VoiceBatch.Sdk.approved.txt");

        if (Environment.GetEnvironmentVariable("VOICEBATCH_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        Assert.That(File.Exists(approvedPath), Is.True, "no approved API file: run once with VOICEBATCH_APPROVE_API=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(approvedPath).ReplaceLineEndings("\n")),
            "The public API changed. If intended, re-run with VOICEBATCH_APPROVE_API=1 and commit the approved file.");
    }

    // Walks up from the test output to the project folder (CallerFilePath is path-mapped in CI builds).
    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceBatch.Sdk.Tests.csproj"))) return Path.Combine(dir.FullName, "PublicApi");
        }

        throw new DirectoryNotFoundException("tests/VoiceBatch.Sdk.Tests not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
