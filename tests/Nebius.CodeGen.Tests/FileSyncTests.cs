namespace Nebius.CodeGen.Tests;

public sealed class FileSyncTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("codegen-sync-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Unchanged_files_are_not_rewritten_so_incremental_builds_stay_incremental()
    {
        FileSync.Apply(_directory.FullName, [new GeneratedFile("A.cs", "class A {}"), new GeneratedFile("Sub/B.cs", "class B {}")]);
        var a = Path.Combine(_directory.FullName, "A.cs");
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(a, old);

        var (written, removed) = FileSync.Apply(_directory.FullName, [new GeneratedFile("A.cs", "class A {}"), new GeneratedFile("Sub/B.cs", "class B { int x; }")]);

        Assert.Equal((1, 0), (written, removed));
        Assert.Equal(old, File.GetLastWriteTimeUtc(a));
        Assert.Equal("class B { int x; }", File.ReadAllText(Path.Combine(_directory.FullName, "Sub", "B.cs")));
    }

    [Fact]
    public void Stale_generated_files_are_removed_and_other_files_kept()
    {
        FileSync.Apply(_directory.FullName, [new GeneratedFile("A.cs", "class A {}"), new GeneratedFile("Gone/C.cs", "class C {}")]);
        File.WriteAllText(Path.Combine(_directory.FullName, "kiota-dom-export.txt"), "surface");

        var (_, removed) = FileSync.Apply(_directory.FullName, [new GeneratedFile("A.cs", "class A {}")]);

        Assert.Equal(1, removed);
        Assert.False(File.Exists(Path.Combine(_directory.FullName, "Gone", "C.cs")));
        Assert.True(File.Exists(Path.Combine(_directory.FullName, "kiota-dom-export.txt")));
    }
}
