using System.Data.Common;
using System.Globalization;
using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Core.Paging;

/// <summary>
/// A rows query's SQL condition and its parameters, built a term at a time over a table's own columns (the order lines'
/// <see cref="Orders.Rows.RowsWhere"/>, the purchases' <see cref="Purchases.Rows.PurchaseRowsWhere"/>).
/// </summary>
internal abstract class SqlCondition(string first)
{
    private readonly StringBuilder _sql = new(first);
    private readonly List<(string Name, object Value)> _values = [];

    public string Sql => _sql.ToString();

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _values)
        {
            command.With(name, value);
        }
    }

    /// <summary>A parameter the condition's statements use besides its terms'.</summary>
    protected void Parameter(string name, object value) => _values.Add((name, value));

    /// <summary>Appends <paramref name="term"/> (AND-ed) with its parameters.</summary>
    protected void And(string term, params (string Name, object Value)[] values)
    {
        _sql.Append(" AND ").Append(term);
        _values.AddRange(values);
    }

    /// <summary>
    /// <paramref name="expression"/> IN the <paramref name="values"/>, as parameters named <paramref name="prefix"/>0, 1, …;
    /// FALSE when there are none.
    /// </summary>
    protected void In(string expression, string prefix, IReadOnlyList<object> values)
    {
        if (values.Count == 0)
        {
            And("FALSE");
            return;
        }
        var names = values.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}")).ToArray();
        And($"{expression} IN ({string.Join(", ", names)})", [.. names.Zip(values, (n, v) => (n, v))]);
    }

    /// <summary>
    /// Rows whose text in one of <paramref name="columns"/> starts with <paramref name="prefix"/>, ignoring case: the same
    /// comparison on both stores (LIKE ignores case on SQLite only).
    /// </summary>
    protected void StartsWith(IEnumerable<string> columns, string prefix) =>
        And($"({string.Join(" OR ", columns.Select(c => $"UPPER(SUBSTR({c}, 1, @qn)) = @q"))})",
            ("@q", prefix.ToUpperInvariant()), ("@qn", prefix.Length));
}
