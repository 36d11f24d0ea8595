using ZjSim.Grains;

namespace ZjSim.Grains.Tests;

public sealed class StateArrayPoolTests
{
    [Fact]
    public void An_array_comes_back_only_for_its_own_length()
    {
        using var pool = new StateArrayPool();
        var array = new ushort[1000];
        Assert.Null(pool.Take(1000));
        pool.Return(array);
        Assert.Equal(2000, pool.Bytes);
        Assert.Null(pool.Take(999));
        Assert.Same(array, pool.Take(1000));
        Assert.Null(pool.Take(1000));
        Assert.Equal(0, pool.Bytes);
    }

    [Fact]
    public void The_pool_keeps_no_more_than_its_bound_and_clears()
    {
        using var pool = new StateArrayPool();
        int length = (int)(StateArrayPool.MaxBytes / sizeof(ushort) / 4);   // a quarter of the bound each
        for (int i = 0; i < 6; i++) pool.Return(new ushort[length]);
        Assert.Equal(StateArrayPool.MaxBytes, pool.Bytes);
        int kept = 0;
        while (pool.Take(length) is not null) kept++;
        Assert.Equal(4, kept);
        pool.Return(new ushort[length]);
        pool.Clear();
        Assert.Equal(0, pool.Bytes);
        Assert.Null(pool.Take(length));
    }
}
