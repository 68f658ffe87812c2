using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Data;

/// <summary>Carries the store's <see cref="StoreKind"/> in a context's options, for what the context does the store's way.</summary>
internal sealed class StoreKindExtension(StoreKind kind) : IDbContextOptionsExtension
{
    public StoreKind Kind { get; } = kind;

    public DbContextOptionsExtensionInfo Info => new KindInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class KindInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is KindInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
