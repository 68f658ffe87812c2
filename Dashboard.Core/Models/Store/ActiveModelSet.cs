using Dashboard.Core.Models.Training;

namespace Dashboard.Core.Models.Store;

/// <summary>The active version of every kind and algorithm; a member is null while no model of it has been activated.</summary>
public sealed record ActiveModelSet(
    ActiveModel<CancellationModel>? CancellationLinear,
    ActiveModel<CancellationModel>? CancellationBoosted,
    ActiveModel<PurchaseModel>? PurchaseLinear,
    ActiveModel<PurchaseModel>? PurchaseBoosted)
{
    public static readonly ActiveModelSet Empty = new(null, null, null, null);

    /// <summary>The cancellation model the app scores with: the boosted trees, or the linear model when only it is active.</summary>
    public ActiveModel<CancellationModel>? Cancellation => CancellationBoosted ?? CancellationLinear;

    public ActiveModel<PurchaseModel>? Purchase => PurchaseBoosted ?? PurchaseLinear;
}
