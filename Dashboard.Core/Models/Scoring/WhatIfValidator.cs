using System.Globalization;
using Dashboard.Core.Imports;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Purchases;

namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// The one check of a What-if question, for the API and the page alike (decision 0021): the amount within what an import
/// accepts (<see cref="ImportLimits.MaxLineAmount"/>), the weekday 0–6, the purchase model's coded inputs within their
/// ranges, the inputs a model cannot do without present. An order's text inputs are open: a value the model never saw
/// is scored as its rare level, "(other)" (<see cref="CategoryIndex"/>), and an unknown city, user or product as having no
/// history (<see cref="TargetEncoder"/>). Errors are keyed by the names the API's JSON uses.
/// </summary>
public sealed class WhatIfValidator(ImportLimits limits)
{
    public const string Amount = "amount";
    public const string Weekday = "weekday";
    public const string B2B = "b2b";
    public const string Gender = "gender";
    public const string AgeBand = "ageBand";
    public const string Occupation = "occupation";
    public const string CityCategory = "cityCategory";
    public const string StayYears = "stayYears";
    public const string Married = "married";
    public const string ProductCategory1 = "productCategory1";
    public const string ProductCategory2 = "productCategory2";
    public const string ProductCategory3 = "productCategory3";

    /// <summary>Why a weekday is refused, whether it is out of range or not a day at all.</summary>
    public const string WeekdayReason = "must be a weekday from 0 (Sunday) to 6 (Saturday), or its English name.";

    public static IReadOnlyList<string> Genders { get; } = ["F", "M"];
    public static IReadOnlyList<string> CityCategories { get; } = ["A", "B", "C"];
    public static IReadOnlyList<int> Occupations { get; } = Enumerable.Range(0, 21).ToArray();
    /// <summary>Years in the city: 0 to 4, 4 meaning four or more (the export's "4+").</summary>
    public static IReadOnlyList<int> Years { get; } = Enumerable.Range(0, 5).ToArray();
    public static IReadOnlyList<int> ProductCategories { get; } = Enumerable.Range(1, 20).ToArray();

    private const string Required = "is required.";

    public WhatIfChecked<CancellationInput> Check(CancellationRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (AmountReason(request.Amount) is { } amount)
            errors[Amount] = [amount];
        if (request.Weekday is not { } weekday)
            errors[Weekday] = [Required];
        else if (!Enum.IsDefined(weekday))
            errors[Weekday] = [WeekdayReason];
        if (request.B2B is null)
            errors[B2B] = [Required];
        if (errors.Count > 0)
            return new WhatIfChecked<CancellationInput>(null, errors);
        return new WhatIfChecked<CancellationInput>(new CancellationInput(request, request.B2B!.Value, request.Weekday!.Value), errors);
    }

    public WhatIfChecked<PurchaseInput> Check(PurchaseRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var gender = OneOf(errors, Gender, request.Gender, Genders);
        var ageBand = OneOf(errors, AgeBand, request.AgeBand, AgeBands.All);
        var cityCategory = OneOf(errors, CityCategory, request.CityCategory, CityCategories);
        Within(errors, Occupation, request.Occupation, Occupations, required: true);
        Within(errors, StayYears, request.StayYears, Years, required: true, " (4 meaning four years or more)");
        Within(errors, ProductCategory1, request.ProductCategory1, ProductCategories, required: true);
        Within(errors, ProductCategory2, request.ProductCategory2, ProductCategories, required: false);
        Within(errors, ProductCategory3, request.ProductCategory3, ProductCategories, required: false);
        if (request.Married is null)
            errors[Married] = [Required];
        if (errors.Count > 0)
            return new WhatIfChecked<PurchaseInput>(null, errors);
        return new WhatIfChecked<PurchaseInput>(new PurchaseInput
        {
            UserId = request.UserId, ProductId = request.ProductId, Gender = gender, AgeBand = ageBand, Occupation = request.Occupation!.Value,
            CityCategory = cityCategory, StayYears = request.StayYears!.Value, Married = request.Married!.Value,
            ProductCategory1 = request.ProductCategory1!.Value, ProductCategory2 = request.ProductCategory2, ProductCategory3 = request.ProductCategory3,
        }, errors);
    }

    /// <summary>Why <paramref name="amount"/> is refused (the import's own reasons and limit), or null.</summary>
    private string? AmountReason(decimal? amount) => amount switch
    {
        null => "The amount is required.",
        < 0 => "The amount must not be negative.",
        { } a when a > limits.MaxLineAmount => string.Create(CultureInfo.InvariantCulture,
            $"The amount is more than the largest amount one order line may have ({limits.MaxLineAmount:#,0.##}, Imports:MaxLineAmount)."),
        _ => null,
    };

    /// <summary>The value in the spelling of <paramref name="allowed"/> (any case, trimmed); null when missing, which the
    /// model reads as missing; an error when it is none of them.</summary>
    private static string? OneOf(Dictionary<string, string[]> errors, string name, string? value, IReadOnlyList<string> allowed)
    {
        if (CategoryIndex.Normalise(value) is not { } text)
            return null;
        var known = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (known is null)
            errors[name] = [$"must be one of {string.Join(", ", allowed)}, or left out."];
        return known;
    }

    private static void Within(Dictionary<string, string[]> errors, string name, int? value, IReadOnlyList<int> allowed, bool required, string note = "")
    {
        if (value is null)
        {
            if (required)
                errors[name] = [Required];
        }
        else if (value < allowed[0] || value > allowed[^1])
        {
            errors[name] = [string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {allowed[0]} to {allowed[^1]}{note}.")];
        }
    }
}
