using System.Runtime.CompilerServices;

namespace Dashboard.Core.Orders;

/// <summary>
/// The filter's dimensions that every scan tests the same way: all but category and weekday, which the overview's own
/// charts leave out in turn (<see cref="Ignore"/>).
/// </summary>
internal readonly ref struct OtherDimensions(OrdersFrame s, CompiledFilter f)
{
    private readonly bool[]? _state = f.State;
    private readonly bool[]? _status = f.Status;
    private readonly bool[]? _fulfilment = f.Fulfilment;
    private readonly bool[]? _channel = f.Channel;
    private readonly bool[]? _service = f.Service;
    private readonly bool? _b2b = f.B2B;
    private readonly ReadOnlySpan<short> _states = s.State.Span;
    private readonly ReadOnlySpan<byte> _statuses = s.Status.Span;
    private readonly ReadOnlySpan<short> _fulfilments = s.Fulfilment.Span;
    private readonly ReadOnlySpan<short> _channels = s.Channel.Span;
    private readonly ReadOnlySpan<short> _services = s.Service.Span;
    private readonly ReadOnlySpan<bool> _b2bs = s.B2B.Span;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Pass(int r) =>
        (_state is null || _state[_states[r]]) &&
        (_status is null || _status[_statuses[r]]) &&
        (_fulfilment is null || _fulfilment[_fulfilments[r]]) &&
        (_channel is null || _channel[_channels[r]]) &&
        (_service is null || _service[_services[r]]) &&
        (_b2b is not { } wantB2B || _b2bs[r] == wantB2B);
}
