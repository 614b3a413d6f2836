using System.Diagnostics;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Fake;

/// <summary>The fake's faults that hit a response once it is under way: slow first byte, disconnect, malformed frame, stall.</summary>
public sealed class FakeStreamFaultTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    private static NebiusClient ClientFor(FakeTokenFactory fake) => new(new NebiusClientOptions
    {
        ApiKey = "fake-key",
        BaseUrl = fake.BaseUrl,
        Retry = new NebiusRetryOptions { MaxRetries = 0 },
    });

    [Fact]
    public async Task A_slow_first_byte_delays_the_answer_but_it_still_arrives()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "late but fine";
        fake.Inject(FakeFault.SlowFirstByte(TimeSpan.FromMilliseconds(300)));
        using var client = ClientFor(fake);

        var clock = Stopwatch.StartNew();
        var answer = await client.AskAsync(Model, "hi");

        Assert.Equal("late but fine", answer);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_disconnect_mid_stream_ends_the_stream_after_the_frames_that_got_through()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "one two three four five six";
        fake.Inject(FakeFault.DisconnectMidStream(frames: 2));
        using var client = ClientFor(fake);
        var received = new List<string?>();

        var error = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await foreach (var chunk in client.StreamChatAsync(TestRequests.Chat(Model)))
            {
                received.Add(chunk.Choices?.FirstOrDefault()?.Delta?.Content);
            }
        });

        Assert.Equal(["one", " two"], received);
        var ended = Assert.IsType<NebiusStreamEndedException>(error);
        Assert.Equal(2, ended.ChunksReceived);

        // Only the one request was affected: the next stream is whole.
        var whole = await ChatCompletionAccumulator.AccumulateAsync(client.StreamChatAsync(TestRequests.Chat(Model)));
        Assert.Equal("one two three four five six", whole.Choices![0].Message!.Content);
    }

    [Fact]
    public async Task A_malformed_frame_surfaces_as_a_stream_format_error_after_the_good_frames()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "alpha beta gamma";
        fake.Inject(FakeFault.MalformedFrame(frames: 1));
        using var client = ClientFor(fake);
        var received = 0;

        var error = await Assert.ThrowsAsync<NebiusStreamFormatException>(async () =>
        {
            await foreach (var chunk in client.StreamChatAsync(TestRequests.Chat(Model)))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(1, error.ChunksReceived);
    }

    [Fact]
    public async Task A_stall_mid_stream_sends_the_frames_before_it_then_nothing_until_the_client_leaves()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "one two three four";
        fake.Inject(FakeFault.StallMidStream(frames: 2));
        using var client = ClientFor(fake);
        var received = new List<string?>();
        using var leave = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in client.StreamChatAsync(TestRequests.Chat(Model), leave.Token))
            {
                received.Add(chunk.Choices?.FirstOrDefault()?.Delta?.Content);
                if (received.Count == 2)
                {
                    // Long enough for a third frame to have come, were the stream not stalled.
                    leave.CancelAfter(TimeSpan.FromMilliseconds(500));
                }
            }
        });

        Assert.Equal(["one", " two"], received);

        // The stalled request ended with the client; the next stream is whole.
        var whole = await ChatCompletionAccumulator.AccumulateAsync(client.StreamChatAsync(TestRequests.Chat(Model)));
        Assert.Equal("one two three four", whole.Choices![0].Message!.Content);
    }

    [Fact]
    public void Stream_faults_reject_a_negative_frame_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>("frames", () => FakeFault.DisconnectMidStream(-1));
        Assert.Throws<ArgumentOutOfRangeException>("frames", () => FakeFault.MalformedFrame(-1));
        Assert.Throws<ArgumentOutOfRangeException>("frames", () => FakeFault.StallMidStream(-1));
    }
}
