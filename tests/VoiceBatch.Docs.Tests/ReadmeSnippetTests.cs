namespace VoiceBatch.Docs.Tests;

/// <summary>Every C# block of every README compiles as pasted (warnings count too): a reader never meets a snippet that does not.</summary>
public sealed class ReadmeSnippetTests
{
    private static IEnumerable<TestCaseData> Snippets()
        => Repository.Readmes().SelectMany(Snippet.In).Select(s => new TestCaseData(s).SetName(s.Name.Replace('.', '_')));

    [TestCaseSource(nameof(Snippets))]
    public void Compiles_as_pasted(Snippet snippet)
    {
        var problems = SnippetCompiler.Compile(snippet);

        Assert.That(problems, Is.Empty, string.Join('\n', problems.Select(d => d.ToString())) + "\n\n" + snippet.Code);
    }

    [Test]
    public void Every_package_readme_has_a_snippet_to_compile()
    {
        foreach (var readme in Repository.Readmes())
        {
            Assert.That(Snippet.In(readme).Count(), readme.Contains("VoiceBatch.Cli", StringComparison.Ordinal) ? Is.Zero : Is.Positive, readme);
        }
    }

    [Test]
    public void A_snippet_that_does_not_compile_is_caught()
    {
        var broken = new Snippet("README.md", 1, "using VoiceBatch;\nservices.AddVoiceBatch();\n", null);

        Assert.That(SnippetCompiler.Compile(broken).Select(d => d.Id), Does.Contain("CS0103"), "'services' does not exist");
    }

    [Test]
    public void A_fragment_is_compiled_with_exactly_the_parameters_it_names()
    {
        var fragment = new Snippet("README.md", 1, "var batch = await client.GetBatchAsync(ProviderId.Bolna, id, ct);\n", "IBatchCallClient client, string id, CancellationToken ct");
        var missing = fragment with { FragmentParameters = "IBatchCallClient client, CancellationToken ct" };

        Assert.That(SnippetCompiler.Compile(fragment), Is.Empty);
        Assert.That(SnippetCompiler.Compile(missing).Select(d => d.Id), Does.Contain("CS0103"));
    }
}
