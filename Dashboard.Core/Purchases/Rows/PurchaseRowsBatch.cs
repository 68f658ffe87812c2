using Dashboard.Core.Analytics.Export;

namespace Dashboard.Core.Purchases.Rows;

/// <summary>One batch of a purchase-rows download in its typed columns, filled row by row, handed over, then filled again.</summary>
internal sealed class PurchaseRowsBatch
{
    private readonly long?[] _user;
    private readonly string?[] _product;
    private readonly string?[] _gender;
    private readonly string?[] _age;
    private readonly int[] _occupation;
    private readonly string?[] _city;
    private readonly int[] _stay;
    private readonly bool[] _married;
    private readonly int[] _category1;
    private readonly long?[] _category2;
    private readonly long?[] _category3;
    private readonly int[] _purchase;
    private readonly DataTableColumn[] _columns;

    public PurchaseRowsBatch(int capacity)
    {
        Capacity = capacity;
        (_user, _product, _gender, _age, _occupation, _city) = (new long?[capacity], new string?[capacity], new string?[capacity], new string?[capacity], new int[capacity], new string?[capacity]);
        (_stay, _married, _category1, _category2, _category3, _purchase) = (new int[capacity], new bool[capacity], new int[capacity], new long?[capacity], new long?[capacity], new int[capacity]);
        _columns =
        [
            new Int64Column("user_id", _user), new TextColumn("product_id", _product), new TextColumn("gender", _gender),
            new TextColumn("age_band", _age), new Int32Column("occupation", _occupation), new TextColumn("city_category", _city),
            new Int32Column("stay_years", _stay), new BooleanColumn("married", _married), new Int32Column("product_category_1", _category1),
            new Int64Column("product_category_2", _category2), new Int64Column("product_category_3", _category3), new Int32Column("purchase", _purchase),
        ];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool Full => Count == Capacity;

    public DataTable Table => new(Count, _columns);

    public void Add(PurchaseRow row)
    {
        var at = Count++;
        _user[at] = row.UserId;
        _product[at] = row.ProductId;
        _gender[at] = row.Gender;
        _age[at] = row.AgeBand;
        _occupation[at] = row.Occupation;
        _city[at] = row.CityCategory;
        _stay[at] = row.StayYears;
        _married[at] = row.Married;
        _category1[at] = row.ProductCategory1;
        _category2[at] = row.ProductCategory2;
        _category3[at] = row.ProductCategory3;
        _purchase[at] = row.Purchase;
    }

    public void Clear() => Count = 0;
}
