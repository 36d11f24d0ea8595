namespace ZjSim.Hosting.Tests;

public sealed class RedisAddressTests
{
    [Fact]
    public void A_redis_uri_names_host_port_credentials_and_database()
    {
        var a = RedisAddress.Parse("redis://zjsim:s%40cret@10.0.0.5:6380/2");
        var o = a.Options;
        Assert.Equal("10.0.0.5:6380", o.EndPoints.Single().ToString());
        Assert.Equal("zjsim", o.User);
        Assert.Equal("s@cret", o.Password);
        Assert.Equal(2, o.DefaultDatabase);
        Assert.False(o.Ssl);
        Assert.Equal("redis://***@10.0.0.5:6380/2", a.Shown);
    }

    [Fact]
    public void Rediss_means_TLS_and_the_port_defaults_to_6379()
    {
        var o = RedisAddress.Parse("rediss://:pw@cache.example").Options;
        Assert.True(o.Ssl);
        Assert.Equal("pw", o.Password);
        Assert.Null(o.User);
        Assert.EndsWith(":6379", o.EndPoints.Single().ToString());
    }

    [Fact]
    public void A_configuration_string_is_taken_as_StackExchange_reads_it_and_shown_without_its_password()
    {
        var a = RedisAddress.Parse("127.0.0.1:7000,password=topsecret,ssl=true");
        Assert.True(a.Options.Ssl);
        Assert.Equal("topsecret", a.Options.Password);
        Assert.DoesNotContain("topsecret", a.Shown);
    }

    [Fact]
    public void Each_copy_of_the_options_is_fresh()
    {
        var a = RedisAddress.Parse("redis://127.0.0.1:6379");
        a.Options.Password = "changed";
        Assert.Null(a.Options.Password);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("http://127.0.0.1:6379", "is not a Redis address")]
    [InlineData("redis://127.0.0.1:6379/db", "must be a database number")]
    [InlineData("redis://", "is not a Redis address")]
    public void A_malformed_address_is_one_clear_message(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => RedisAddress.Parse(text)).Message);

    [Fact]
    public async Task A_probe_of_a_closed_port_says_Redis_is_out_of_reach()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.StartsWith($"cannot reach Redis at redis://127.0.0.1:{port}", await RedisAddress.Parse($"redis://127.0.0.1:{port}").ProbeAsync());
    }

    [Fact]
    public void The_address_cluster_up_prints_carries_the_password_to_Redis_and_shows_it_redacted()
    {
        var a = RedisAddress.Parse("redis://:0f3c9a77e1@127.0.0.1:6390");
        Assert.Equal("0f3c9a77e1", a.Options.Password);
        Assert.Null(a.Options.User);
        Assert.Equal("redis://***@127.0.0.1:6390", a.Shown);
        Assert.Equal("redis://***@127.0.0.1:6390", a.ToString());
    }

    [Theory]
    [InlineData("redis://:hunter2@127.0.0.1:6379/db")]             // bad database
    [InlineData("http://zjsim:hunter2@127.0.0.1:6379")]            // not redis://
    [InlineData("127.0.0.1:6379,password=hunter2,bogus=1")]        // bad configuration string
    [InlineData("password=hunter2")]                               // no host
    public void A_malformed_address_never_repeats_its_password(string text)
    {
        var message = Assert.Throws<FormatException>(() => RedisAddress.Parse(text)).Message;
        Assert.DoesNotContain("hunter2", message);
        Assert.Contains("***", message);
    }

    [Theory]
    [InlineData("redis://:pw@h:1", "redis://***@h:1")]
    [InlineData("rediss://user:pw@h:1/2", "rediss://***@h:1/2")]
    [InlineData("h:1,password=pw,ssl=true", "h:1,password=***,ssl=true")]
    [InlineData("--cluster", "--cluster")]
    [InlineData("redis://h:1", "redis://h:1")]
    public void Redact_hides_the_password_and_nothing_else(string text, string shown) => Assert.Equal(shown, RedisAddress.Redact(text));
}
