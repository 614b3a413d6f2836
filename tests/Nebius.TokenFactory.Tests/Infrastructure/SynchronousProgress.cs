namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>An <see cref="IProgress{T}"/> that runs its callback at once (Progress&lt;T&gt; posts it later, which makes asserts racy).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

/// <summary>Keeps every reported value, in order.</summary>
internal sealed class RecordingProgress : IProgress<long>
{
    private readonly List<long> _values = [];

    public IReadOnlyList<long> Values
    {
        get
        {
            lock (_values)
            {
                return [.. _values];
            }
        }
    }

    public void Report(long value)
    {
        lock (_values)
        {
            _values.Add(value);
        }
    }
}
