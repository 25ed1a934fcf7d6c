using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VoiceBatch.Docs.Tests;

/// <summary>
/// Compiles a snippet as `dotnet new console` would compile its Program.cs: C# latest, nullable on, the template's
/// implicit usings, against the .NET runtime and the assemblies an app referencing the packages (and the packages the
/// README names) would have — those in this test's output folder.
/// </summary>
internal static class SnippetCompiler
{
    /// <summary>The implicit usings of a Microsoft.NET.Sdk console project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static IReadOnlyList<Diagnostic> Compile(Snippet snippet)
    {
        var code = snippet.FragmentParameters is { } parameters
            ? $$"""
              using VoiceBatch;

              internal static class ReadmeFragment
              {
                  internal static async Task RunAsync({{parameters}})
                  {
              {{snippet.Code}}
                  }
              }
              """
            : snippet.Code;
        var tree = CSharpSyntaxTree.ParseText(code, Parse, path: snippet.Name);
        var program = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [tree, CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, path: "ImplicitUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        return [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)];
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The runtime's own assemblies first; then every assembly beside this test that the runtime does not have.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var names = new HashSet<string>(platform.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        var beside = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => names.Add(Path.GetFileName(f)));
        return [.. platform.Concat(beside).Where(IsManaged).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
