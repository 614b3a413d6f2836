namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Deviation from Kiota: the set behind each model's <c>ExplicitNulls</c>. A model has a handful of nullable
/// properties, so a short array searched in order (ordinal names) does what a <see cref="HashSet{T}"/> did
/// with a fifth of the memory and no hashing; the rarely used set algebra goes through a HashSet copy.
/// </summary>
internal sealed class ExplicitNullSet : ISet<string>
{
    private string[] _items = new string[2];
    private int _count;

    public int Count => _count;

    public bool IsReadOnly => false;

    public bool Add(string item)
    {
        if (Contains(item))
        {
            return false;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = item;
        return true;
    }

    void ICollection<string>.Add(string item) => Add(item);

    public bool Contains(string item) => IndexOf(item) >= 0;

    public bool Remove(string item)
    {
        var index = IndexOf(item);
        if (index < 0)
        {
            return false;
        }

        _count--;
        Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = null!;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    public void CopyTo(string[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void UnionWith(IEnumerable<string> other)
    {
        foreach (var item in other)
        {
            Add(item);
        }
    }

    public void ExceptWith(IEnumerable<string> other)
    {
        foreach (var item in other)
        {
            Remove(item);
        }
    }

    public void IntersectWith(IEnumerable<string> other)
    {
        var keep = new HashSet<string>(other, StringComparer.Ordinal);
        for (var i = _count - 1; i >= 0; i--)
        {
            if (!keep.Contains(_items[i]))
            {
                Remove(_items[i]);
            }
        }
    }

    public void SymmetricExceptWith(IEnumerable<string> other)
    {
        foreach (var item in new HashSet<string>(other, StringComparer.Ordinal))
        {
            if (!Remove(item))
            {
                Add(item);
            }
        }
    }

    public bool IsSubsetOf(IEnumerable<string> other) => Copy().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => Copy().IsSupersetOf(other);

    public bool IsProperSubsetOf(IEnumerable<string> other) => Copy().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => Copy().IsProperSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => Copy().Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => Copy().SetEquals(other);

    private HashSet<string> Copy() => new(this, StringComparer.Ordinal);

    private int IndexOf(string item)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_items[i], item, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
