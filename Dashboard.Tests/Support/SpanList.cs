using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dashboard.Tests.Support;

/// <summary>The in-memory exporter's collection, written from whichever thread ends a span.</summary>
public sealed class SpanList(ConcurrentQueue<Activity> spans) : ICollection<Activity>
{
    public int Count => spans.Count;
    public bool IsReadOnly => false;
    public void Add(Activity item) => spans.Enqueue(item);
    public void Clear() => spans.Clear();
    public bool Contains(Activity item) => spans.Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);
    public bool Remove(Activity item) => throw new NotSupportedException();
    public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
