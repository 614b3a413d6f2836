namespace Nebius.ReferenceClient.Tests;

/// <summary>The deviations file's rules: unlisted and stale lines fail, every line needs a reason, the fix is written beside it.</summary>
public sealed class KiotaDeviationsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiota-deviations-");

    private string Verified => Path.Combine(_directory.FullName, "KiotaDeviations.txt");

    private string Received => Path.Combine(_directory.FullName, "KiotaDeviations.received.txt");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Listed_lines_with_reasons_that_match_the_observed_differences_pass()
    {
        File.WriteAllText(Verified, "# header\nsurface a  # because\nread b $.x  # also because\n");

        KiotaDeviations.Verify(new Dictionary<string, string> { ["surface a"] = "seen", ["read b $.x"] = "seen" }, Verified);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void An_unlisted_difference_and_a_stale_line_fail_and_the_corrected_file_is_written()
    {
        File.WriteAllText(Verified, "# header\nsurface gone  # was true once\nsurface kept  # still true\n");

        var failure = Assert.Throws<Xunit.Sdk.XunitException>(() =>
            KiotaDeviations.Verify(new Dictionary<string, string> { ["surface kept"] = "seen", ["surface new"] = "what was seen" }, Verified));

        // NEBIUS_ACCEPT_SNAPSHOTS=1 outside CI writes the verified file instead of the received one.
        var written = File.ReadAllText(File.Exists(Received) ? Received : Verified);
        Assert.Equal("# header\nsurface kept  # still true\nsurface new  # TODO: what was seen\n", written);
        if (File.Exists(Received))
        {
            Assert.Contains("surface new  # TODO: what was seen", failure.Message, StringComparison.Ordinal);
            Assert.Contains("match no difference any more; remove them:\nsurface gone", failure.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_line_without_a_reason_fails()
    {
        File.WriteAllText(Verified, "surface a  # TODO: what was seen\n");

        var failure = Assert.Throws<Xunit.Sdk.XunitException>(() => KiotaDeviations.Verify(new Dictionary<string, string> { ["surface a"] = "seen" }, Verified));

        Assert.Contains("no reason yet", failure.Message, StringComparison.Ordinal);
    }
}
