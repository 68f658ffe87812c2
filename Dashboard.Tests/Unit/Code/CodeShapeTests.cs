using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dashboard.Tests.Unit.Code;

/// <summary>
/// The shape STYLE asks of the product's code, measured on its syntax trees: no file past 400 lines, no member body past
/// 80 lines, and one type per file (a record that no other file names may stay beside the type that uses it).
/// </summary>
public sealed class CodeShapeTests
{
    private const int MaxFileLines = 400;
    private const int MaxMemberLines = 80;
    private static readonly string[] ProductProjects = ["Dashboard.Core", "Dashboard.Web"];

    [Fact]
    public void NoSourceFileIsLongerThan400Lines()
    {
        var tooLong = ProductSources()
            .Select(f => (f.Path, Lines: f.Tree.GetText().Lines.Count))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{f.Path}: {f.Lines} lines");
        AssertNone(tooLong);
    }

    [Fact]
    public void NoMethodIsLongerThan80Lines()
    {
        var tooLong = ProductSources()
            .SelectMany(f => f.Tree.GetRoot().DescendantNodes()
                .Where(IsMember)
                .Select(m => (f.Path, Name: MemberName(m), Lines: LineCount(m))))
            .Where(m => m.Lines > MaxMemberLines)
            .Select(m => $"{m.Path}: {m.Name}, {m.Lines} lines");
        AssertNone(tooLong);
    }

    [Fact]
    public void EachFileHoldsOneTypeOrRecordsOnlyItUses()
    {
        var sources = ProductSources().ToList();
        var everyText = sources.Select(s => (s.Path, Text: s.Tree.GetText().ToString()))
            .Concat(OtherSources())
            .ToList();
        var crowded = new List<string>();
        foreach (var (path, tree) in sources)
        {
            var types = tree.GetRoot().DescendantNodes()
                .OfType<MemberDeclarationSyntax>()
                .Where(t => t is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                .Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
                .ToList();
            // The file's own type is the one it is named after; another may stay only as a record that no other file names.
            var fileType = Path.GetFileNameWithoutExtension(path).Split('.')[0];
            foreach (var extra in types.Where(t => TypeName(t) != fileType))
            {
                var name = TypeName(extra);
                var namedElsewhere = everyText.Any(o => o.Path != path && ContainsWord(o.Text, name));
                if (extra is not RecordDeclarationSyntax || namedElsewhere || types.Count == 1)
                {
                    crowded.Add($"{path}: {name}");
                }
            }
        }
        AssertNone(crowded);
    }

    private static void AssertNone(IEnumerable<string> findings)
    {
        var list = findings.Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, $"{list.Count} found:\n" + string.Join("\n", list));
    }

    private static bool IsMember(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    private static string MemberName(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + "()",
        LocalFunctionStatementSyntax l => l.Identifier.Text,
        AccessorDeclarationSyntax a => a.Keyword.Text,
        _ => node.Kind().ToString(),
    };

    /// <summary>Lines from the member's first token to its last, comments and attributes before it not counted.</summary>
    private static int LineCount(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string TypeName(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        DelegateDeclarationSyntax d => d.Identifier.Text,
        _ => "",
    };

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + word.Length >= text.Length ? ' ' : text[i + word.Length];
            if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_')
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<(string Path, SyntaxTree Tree)> ProductSources() =>
        ProductProjects.SelectMany(p => SourceFiles(p, "*.cs"))
            .Select(f => (Relative(f), CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)));

    /// <summary>Razor markup and the other projects, which may name a product type too.</summary>
    private static IEnumerable<(string Path, string Text)> OtherSources() =>
        ProductProjects.SelectMany(p => SourceFiles(p, "*.razor"))
            .Concat(new[] { "Dashboard.Tests", "Dashboard.Benchmarks" }.SelectMany(p => SourceFiles(p, "*.cs")))
            .Select(f => (Relative(f), File.ReadAllText(f)));

    private static IEnumerable<string> SourceFiles(string project, string pattern)
    {
        var folder = Path.Combine(RepositoryRoot, project);
        return Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "obj" or "bin"));
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
