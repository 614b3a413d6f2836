using System.Diagnostics;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Tests;

/// <summary>The default base ref, in a scratch git repository.</summary>
public sealed class GitBaseTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public GitBaseTests()
    {
        Git("init", "-q");
        Directory.CreateDirectory(_repo.File("openapi"));
        File.WriteAllText(_repo.File("README.md"), "scratch\n");
        Commit("readme");
    }

    public void Dispose() => _repo.Dispose();

    private string SpecPath => _repo.File("openapi/spec.yaml");

    [Fact]
    public void With_a_committed_spec_the_base_is_the_version_before_its_last_change()
    {
        File.WriteAllText(SpecPath, "version: 1\n");
        Commit("spec v1");
        File.WriteAllText(SpecPath, "version: 2\n");
        Commit("spec v2");
        File.WriteAllText(_repo.File("README.md"), "later, unrelated\n");
        Commit("unrelated");
        var git = new GitSpecSource(_repo.Path);

        var baseRef = git.DefaultBase(SpecPath);

        Assert.Equal("version: 1\n", git.Read(baseRef, SpecPath));
    }

    [Fact]
    public void With_an_edited_spec_the_base_is_head()
    {
        File.WriteAllText(SpecPath, "version: 1\n");
        Commit("spec v1");
        File.WriteAllText(SpecPath, "version: 2 (editing)\n");
        var git = new GitSpecSource(_repo.Path);

        var baseRef = git.DefaultBase(SpecPath);

        Assert.Equal("HEAD", baseRef);
        Assert.Equal("version: 1\n", git.Read(baseRef, SpecPath));
    }

    [Fact]
    public void A_spec_added_by_the_last_commit_is_compared_with_itself()
    {
        File.WriteAllText(SpecPath, "version: 1\n");
        Commit("spec v1");
        var git = new GitSpecSource(_repo.Path);

        Assert.Equal("version: 1\n", git.Read(git.DefaultBase(SpecPath), SpecPath));
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message);
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
