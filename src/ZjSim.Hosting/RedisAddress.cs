using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace ZjSim.Hosting;

/// <summary>
/// The Redis that holds a cluster's membership and run state, as given to `--cluster`:
/// `redis://[[user]:password@]host:port[/db]`, `rediss://…` for TLS, or a StackExchange.Redis
/// configuration string such as `10.0.0.5:6379,password=…,ssl=true`.
/// </summary>
public sealed partial class RedisAddress
{
    private readonly ConfigurationOptions _options;

    private RedisAddress(string shown, ConfigurationOptions options) { Shown = shown; _options = options; }

    /// <summary>The Redis hash that holds the service's membership table, a row per silo.</summary>
    public const string MembershipKey = "zjsim/members/zjsim";

    /// <summary>The address without its password, fit for messages and manifests.</summary>
    public string Shown { get; }

    /// <summary>A fresh copy each time: every Redis provider connects on its own and may change its copy.</summary>
    public ConfigurationOptions Options => _options.Clone();

    /// <summary>Reads the `--cluster` value; a malformed one throws FormatException with a message naming what is wrong.</summary>
    public static RedisAddress Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException("is empty; expected redis://HOST:PORT");
        if (text.Contains("://", StringComparison.Ordinal)) return ParseUri(text);
        ConfigurationOptions options;
        try { options = ConfigurationOptions.Parse(text); }
        catch (ArgumentException e) { throw new FormatException($"'{Redact(text)}' is neither redis://HOST:PORT nor a Redis configuration string ({Redact(e.Message)})"); }
        if (options.EndPoints.Count == 0) throw new FormatException($"'{Redact(text)}' names no Redis host; expected redis://HOST:PORT");
        return new RedisAddress(options.ToString(includePassword: false), options);
    }

    /// <summary>
    /// The text with any password replaced by ***, for messages about an address that could not be read:
    /// the user-info of redis://user:password@host, and password=… in a configuration string.
    /// </summary>
    public static string Redact(string text) =>
        ConfigPassword().Replace(UriUserInfo().Replace(text, "${scheme}***@"), "${key}***");

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")]
    private static partial Regex UriUserInfo();

    [GeneratedRegex(@"(?<key>password\s*=)[^,]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigPassword();

    private static RedisAddress ParseUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"'{Redact(text)}' is not a Redis address; expected redis://HOST:PORT (or rediss:// for TLS)");
        var options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            // user:password, or :password (the default user), as redis-cli -u reads them.
            var parts = uri.UserInfo.Split(':', 2);
            string user = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                if (user.Length > 0) options.User = user;
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else options.Password = user;
        }
        string path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            if (!int.TryParse(path, out int db) || db < 0)
                throw new FormatException($"'{Redact(text)}': the path must be a database number (got '/{path}')");
            options.DefaultDatabase = db;
        }
        Defaults(options);
        string shown = $"{uri.Scheme}://{(options.Password is null ? "" : "***@")}{uri.Host}:{(uri.IsDefaultPort ? 6379 : uri.Port)}{(path.Length > 0 ? "/" + path : "")}";
        return new RedisAddress(shown, options);
    }

    /// <summary>Fail fast rather than hang when Redis is not there (a configuration string keeps its own settings).</summary>
    private static void Defaults(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.ConnectRetry = 2;
    }

    /// <summary>
    /// Connects once and pings, so a silo or client can say in one line why Redis is out of reach before
    /// Orleans tries and logs pages about it. Returns null when Redis answered, else the reason.
    /// </summary>
    public async Task<string?> ProbeAsync()
    {
        try
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(Options);
            await connection.GetDatabase().PingAsync();
            return null;
        }
        catch (RedisConnectionException e) when (e.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            return $"Redis at {Shown} refused the credentials";
        }
        catch (RedisException e)
        {
            return $"cannot reach Redis at {Shown} ({e.Message.Split('.')[0]})";
        }
        catch (Exception e) when (e is TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"cannot reach Redis at {Shown} ({e.Message})";
        }
    }

    public override string ToString() => Shown;
}
