using System.Diagnostics;

namespace Nebius.ContractCheck.Spec;

/// <summary>Reads the spec as it was at a git ref, and picks the default base ref.</summary>
internal sealed class GitSpecSource(string repositoryRoot)
{
    /// <summary>
    /// The default base: when the working tree's spec differs from HEAD, HEAD (so the diff shows the edit in
    /// progress); otherwise the parent of the last commit that changed the spec (so CI shows what that commit did).
    /// </summary>
    public string DefaultBase(string specPath)
    {
        var relative = Relative(specPath);
        var dirty = Git("status", "--porcelain", "--", relative).Trim().Length > 0;
        if (dirty)
        {
            return "HEAD";
        }

        var last = Git("log", "-n", "1", "--format=%H", "--", relative).Trim();
        if (last.Length == 0)
        {
            throw new InvalidOperationException($"{relative} has no commit yet; pass --base.");
        }

        // The commit that added the spec has no earlier version of it: then compare with that commit itself.
        return Exists(last + "^", relative) ? last + "^" : last;
    }

    private bool Exists(string gitRef, string relative)
    {
        try
        {
            Git("cat-file", "-e", $"{gitRef}:{relative}");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The spec's text at <paramref name="gitRef"/>.</summary>
    public string Read(string gitRef, string specPath) => Git("show", $"{gitRef}:{Relative(specPath)}");

    /// <summary>The commit a ref names, for the report.</summary>
    public string Resolve(string gitRef) => Git("rev-parse", "--short", gitRef).Trim();

    private string Relative(string specPath) =>
        Path.GetRelativePath(repositoryRoot, Path.GetFullPath(specPath)).Replace('\\', '/');

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {errorTask.Result.Trim()}");
        }

        return output;
    }
}
