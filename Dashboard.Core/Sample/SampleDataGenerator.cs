using System.Globalization;
using System.Text;

namespace Dashboard.Core.Sample;

/// <summary>
/// Writes realistic, deterministic data in both export formats, for a first start with no data and for
/// scale benchmarks. The same seed, size and end date always give the same bytes. Orders follow a weekday
/// rhythm, a mild trend, the category/size/state mix of a real Indian apparel seller, and about one line in
/// seven is cancelled, for the reasons real lines are (<see cref="CancellationRisk"/>: fulfilment, state, city, size,
/// amount); purchase amounts follow product category, city category, age and the user. A few city and state names are
/// written the untidy ways real exports write them.
/// </summary>
public sealed class SampleDataGenerator(int seed = 20220430)
{
    public const string AmazonHeader =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    public const string PurchaseHeader =
        "User_ID,Product_ID,Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase";

    private static readonly (string Name, double Weight, string Prefix, int MinPrice, int MaxPrice)[] Categories =
    [
        ("Set", 0.39, "SET", 480, 1400), ("kurta", 0.385, "JNE", 280, 780), ("Western Dress", 0.12, "J0", 450, 1150),
        ("Top", 0.082, "MEN", 290, 720), ("Ethnic Dress", 0.009, "NW", 520, 1100), ("Blouse", 0.007, "BL", 330, 640),
        ("Bottom", 0.004, "BTM", 250, 520), ("Saree", 0.0013, "SAR", 600, 1300), ("Dupatta", 0.0007, "DPT", 300, 420),
    ];

    private static readonly (string Name, double Weight)[] Sizes =
    [
        ("M", 0.176), ("L", 0.172), ("XL", 0.162), ("XXL", 0.14), ("S", 0.133), ("3XL", 0.115), ("XS", 0.087),
        ("6XL", 0.006), ("5XL", 0.004), ("4XL", 0.003), ("Free", 0.002),
    ];

    private static readonly (string State, double Weight, string[] Cities, int PostalBase)[] States =
    [
        ("MAHARASHTRA", 0.173, ["MUMBAI", "PUNE", "THANE", "NAGPUR", "NAVI MUMBAI"], 400001),
        ("KARNATAKA", 0.134, ["BENGALURU", "MYSURU", "HUBLI", "MANGALURU"], 560001),
        ("TAMIL NADU", 0.089, ["CHENNAI", "COIMBATORE", "MADURAI"], 600001),
        ("TELANGANA", 0.088, ["HYDERABAD", "WARANGAL", "SECUNDERABAD"], 500001),
        ("UTTAR PRADESH", 0.083, ["LUCKNOW", "NOIDA", "GHAZIABAD", "KANPUR", "VARANASI"], 201301),
        ("DELHI", 0.054, ["NEW DELHI", "DELHI"], 110001),
        ("KERALA", 0.051, ["KOCHI", "THIRUVANANTHAPURAM", "KOZHIKODE"], 682001),
        ("WEST BENGAL", 0.046, ["KOLKATA", "HOWRAH", "SILIGURI"], 700001),
        ("ANDHRA PRADESH", 0.042, ["VISAKHAPATNAM", "VIJAYAWADA", "GUNTUR"], 530001),
        ("GUJARAT", 0.035, ["AHMEDABAD", "SURAT", "VADODARA"], 380001),
        ("HARYANA", 0.034, ["GURUGRAM", "FARIDABAD"], 122001),
        ("RAJASTHAN", 0.021, ["JAIPUR", "JODHPUR", "UDAIPUR"], 302001),
        ("MADHYA PRADESH", 0.02, ["BHOPAL", "INDORE"], 462001),
        ("ODISHA", 0.017, ["BHUBANESWAR", "CUTTACK"], 751001),
        ("BIHAR", 0.016, ["PATNA", "GAYA"], 800001),
        ("PUNJAB", 0.015, ["LUDHIANA", "AMRITSAR", "MOHALI"], 141001),
        ("ASSAM", 0.013, ["GUWAHATI"], 781001),
        ("UTTARAKHAND", 0.012, ["DEHRADUN", "HALDWANI"], 248001),
        ("JHARKHAND", 0.011, ["RANCHI", "JAMSHEDPUR"], 834001),
        ("GOA", 0.009, ["PANAJI", "MARGAO"], 403001),
    ];

    /// <summary>Weekday multipliers, Monday first.</summary>
    private static readonly double[] WeekdayRhythm = [1.06, 1.0, 0.97, 0.95, 0.92, 1.04, 1.12];

    /// <summary>Writes about <paramref name="linesPerDay"/> × days order lines, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void WriteAmazonOrders(TextWriter writer, DateOnly from, DateOnly to, double linesPerDay = 120)
    {
        var random = new Random(seed);
        var invariant = CultureInfo.InvariantCulture;
        writer.Write(AmazonHeader);
        writer.Write('\n');
        var index = 0;
        var orderNumber = 0;
        var days = to.DayNumber - from.DayNumber + 1;
        var line = new StringBuilder(256);
        for (var d = 0; d < days; d++)
        {
            var date = from.AddDays(d);
            var rhythm = WeekdayRhythm[((int)date.DayOfWeek + 6) % 7];
            var trend = 0.9 + 0.2 * d / Math.Max(1, days - 1);
            var expected = linesPerDay * rhythm * trend * (0.9 + 0.2 * random.NextDouble()) / 1.12;
            var orders = (int)Math.Round(expected);
            for (var o = 0; o < orders; o++)
            {
                orderNumber++;
                var orderId = string.Create(invariant,
                    $"{171 + random.Next(0, 3) * 117:000}-{(orderNumber * 7919L + 1234567) % 10_000_000:0000000}-{random.Next(0, 10_000_000):0000000}");
                var lines = random.NextDouble() < 0.9 ? 1 : random.Next(2, 4);
                var (state, cities, postalBase) = PickState(random);
                var city = cities[random.Next(cities.Length)];
                var amazonFulfilled = random.NextDouble() < 0.69;
                var b2b = random.NextDouble() < 0.007;
                var items = new List<((string Name, double Weight, string Prefix, int MinPrice, int MaxPrice) Category, string Size, int Qty, double Price)>(lines);
                for (var l = 0; l < lines; l++)
                {
                    var category = Pick(random, Categories, c => c.Weight);
                    var size = Pick(random, Sizes, s => s.Weight).Name;
                    var qty = random.NextDouble() < 0.97 ? 1 : 2;
                    var price = category.MinPrice + random.Next(0, (category.MaxPrice - category.MinPrice) / 10) * 10 + (random.NextDouble() < 0.3 ? 0.62 : 0.0);
                    items.Add((category, size, qty, price));
                }
                var cancelled = random.NextDouble() < CancellationRisk(amazonFulfilled, b2b, state, city, items[0].Size, items[0].Price * items[0].Qty);
                var statusRoll = random.NextDouble();
                var usedSkus = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (category, size, qty, price) in items)
                {
                    var style = string.Create(invariant, $"{category.Prefix}{random.Next(100, 400)}");
                    var sku = $"{style}-KR-{size}";
                    if (!usedSkus.Add(sku))
                    {
                        continue;
                    }
                    var (status, courier, amountKnown) = cancelled
                        ? ("Cancelled", random.NextDouble() < 0.5 ? "" : "Cancelled", random.NextDouble() < 0.55)
                        : StatusFor(amazonFulfilled, statusRoll, date, to);
                    var amount = amountKnown ? (price * qty).ToString("0.00", invariant) : "";
                    var currency = amountKnown ? "INR" : "";
                    var (cityText, stateText) = Untidy(random, city, state);
                    var postal = (postalBase + random.Next(0, 90)).ToString("0.0", invariant);
                    var promotion = !cancelled && random.NextDouble() < 0.6 ? "\"IN Core Free Shipping 2015/04/08 23-48-5-108,Amazon PLCC Free-Financing Universal Merchant AAT-WNKTBO3K27EJC\"" : "";

                    line.Clear();
                    line.Append(index++).Append(',').Append(orderId).Append(',')
                        .Append(date.ToString("MM-dd-yy", invariant)).Append(',').Append(status).Append(',')
                        .Append(amazonFulfilled ? "Amazon" : "Merchant").Append(',').Append("Amazon.in").Append(',')
                        .Append(amazonFulfilled ? "Expedited" : "Standard").Append(',').Append(style).Append(',')
                        .Append(sku).Append(',').Append(category.Name).Append(',').Append(size).Append(',')
                        .Append("B0").Append(random.Next(10_000_000, 99_999_999).ToString(invariant)).Append("XY").Append(',')
                        .Append(courier).Append(',').Append(status == "Cancelled" && !amountKnown ? 0 : qty).Append(',')
                        .Append(currency).Append(',').Append(amount).Append(',')
                        .Append(cityText).Append(',').Append(stateText).Append(',').Append(postal).Append(",IN,")
                        .Append(promotion).Append(',').Append(b2b ? "True" : "False").Append(',')
                        .Append(amazonFulfilled ? "" : "Easy Ship").Append(',').Append(amazonFulfilled ? "" : "False");
                    writer.Write(line);
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>Writes <paramref name="rows"/> purchase transactions; without the Purchase column when <paramref name="toScore"/>.</summary>
    public void WritePurchases(TextWriter writer, int rows, bool toScore = false)
    {
        var random = new Random(seed + (toScore ? 2 : 1));
        var invariant = CultureInfo.InvariantCulture;
        writer.Write(toScore ? PurchaseHeader[..PurchaseHeader.LastIndexOf(',')] : PurchaseHeader);
        writer.Write('\n');
        // Mean purchase by product category 1 (categories 1..20), shaped like the public data.
        double[] categoryMean = [0, 13600, 11250, 10100, 2330, 6240, 15840, 16370, 7500, 15540, 19680, 4690, 1350, 720, 13140, 14780, 10300, 9000, 37, 37, 370];
        double[] categoryWeight = [0, 0.255, 0.043, 0.037, 0.021, 0.274, 0.037, 0.007, 0.207, 0.001, 0.009, 0.044, 0.007, 0.01, 0.003, 0.011, 0.018, 0.001, 0.003, 0.005, 0.004];
        var users = Math.Max(50, rows / 20);
        var line = new StringBuilder(96);
        for (var i = 0; i < rows; i++)
        {
            var user = random.Next(users);
            var userRandom = new Random(seed * 31 + user);
            var gender = userRandom.NextDouble() < 0.75 ? "M" : "F";
            var age = Pick(userRandom, [("0-17", 0.03), ("18-25", 0.18), ("26-35", 0.4), ("36-45", 0.2), ("46-50", 0.08), ("51-55", 0.07), ("55+", 0.04)], a => a.Item2).Item1;
            var occupation = userRandom.Next(0, 21);
            var city = Pick(userRandom, [("A", 0.27), ("B", 0.42), ("C", 0.31)], c => c.Item2).Item1;
            var stay = Pick(userRandom, [("0", 0.14), ("1", 0.35), ("2", 0.19), ("3", 0.17), ("4+", 0.15)], s => s.Item2).Item1;
            var married = userRandom.NextDouble() < 0.41 ? 1 : 0;
            var userEffect = 0.85 + 0.3 * userRandom.NextDouble();

            var category1 = PickIndex(random, categoryWeight);
            var product = category1 * 1000 + random.Next(0, 60);
            var category2 = random.NextDouble() < 0.69 ? (int?)random.Next(2, 19) : null;
            var category3 = category2 is not null && random.NextDouble() < 0.44 ? (int?)random.Next(3, 19) : null;
            // real means: city C spends most, the 51-55 band a little more than the young; category 1 decides most of it
            var cityEffect = city switch { "A" => 0.96, "C" => 1.05, _ => 1.0 };
            var ageEffect = age switch { "0-17" => 0.95, "51-55" => 1.04, _ => 1.0 };
            var purchase = Math.Max(12, (int)Math.Round(categoryMean[category1] * userEffect * (gender == "M" ? 1.03 : 0.95) * cityEffect * ageEffect
                * (0.75 + 0.5 * random.NextDouble())));

            line.Clear();
            line.Append(1_000_001 + user).Append(",P").Append(product.ToString("00000000", invariant)).Append(',')
                .Append(gender).Append(',').Append(age).Append(',').Append(occupation).Append(',').Append(city).Append(',')
                .Append(stay).Append(',').Append(married).Append(',').Append(category1).Append(',')
                .Append(category2?.ToString(invariant)).Append(',').Append(category3?.ToString(invariant));
            if (!toScore)
            {
                line.Append(',').Append(purchase);
            }
            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// The chance that an order is cancelled, shaped like the real export (about one line in seven here, 9% there): merchant
    /// fulfilment doubles the odds (real: 13.9% against 6.8%), some states and cities cancel more (Kerala, Andhra Pradesh,
    /// Odisha) or less (Goa, Punjab), extra-small sizes a little more and the largest sizes less, expensive lines and B2B less.
    /// The effects are a little stronger than the real ones, so that models trained on a few thousand sample lines learn them.
    /// </summary>
    private static double CancellationRisk(bool amazonFulfilled, bool b2b, string state, string city, string size, double amount)
    {
        var z = -2.25 + (amazonFulfilled ? 0 : 1.1) + (b2b ? -0.8 : 0);
        z += state switch
        {
            "KERALA" => 0.6,
            "ANDHRA PRADESH" or "ODISHA" or "BIHAR" => 0.4,
            "GOA" or "PUNJAB" or "DELHI" => -0.5,
            _ => 0,
        };
        z += city switch
        {
            "NAVI MUMBAI" or "GUNTUR" or "HOWRAH" => 0.6,
            "BENGALURU" or "CHENNAI" => -0.3,
            _ => 0,
        };
        z += size switch
        {
            "XS" => 0.25,
            "4XL" or "5XL" or "6XL" => -0.6,
            _ => 0,
        };
        z += amount >= 1000 ? -0.45 : amount < 400 ? 0.15 : 0;
        return 1 / (1 + Math.Exp(-z));
    }

    private static (string Status, string Courier, bool AmountKnown) StatusFor(bool amazonFulfilled, double roll, DateOnly date, DateOnly end)
    {
        var age = end.DayNumber - date.DayNumber;
        if (age < 3 && roll < 0.35)
        {
            return ("Pending", "Unshipped", true);
        }
        if (roll < 0.012)
        {
            return ("Shipped - Returned to Seller", "Shipped", true);
        }
        if (roll < 0.016)
        {
            return ("Pending - Waiting for Pick Up", "Unshipped", true);
        }
        if (amazonFulfilled)
        {
            return ("Shipped", "Shipped", true);
        }
        return roll < 0.85 ? ("Shipped - Delivered to Buyer", "Shipped", true) : ("Shipped - Picked Up", "Shipped", true);
    }

    /// <summary>Now and then, the city and state as customers type them: lower case, a trailing comma, an abbreviation.</summary>
    private static (string City, string State) Untidy(Random random, string city, string state)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.03 => (city.ToLowerInvariant(), state),
            < 0.05 => (CultureInfo.InvariantCulture.TextInfo.ToTitleCase(city.ToLowerInvariant()) + ".", CultureInfo.InvariantCulture.TextInfo.ToTitleCase(state.ToLowerInvariant())),
            < 0.052 when state == "RAJASTHAN" => (city, "RJ"),
            < 0.06 when state == "ODISHA" => (city, "Orissa"),
            < 0.07 when state == "DELHI" => (city, "New Delhi"),
            _ => (city, state),
        };
    }

    private static (string State, string[] Cities, int PostalBase) PickState(Random random)
    {
        var s = Pick(random, States, x => x.Weight);
        return (s.State, s.Cities, s.PostalBase);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = 0.0;
        foreach (var item in items)
        {
            total += weight(item);
        }
        var roll = random.NextDouble() * total;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll <= 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    private static int PickIndex(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0 && weights[i] > 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
