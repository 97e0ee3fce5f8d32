using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>useragent</c> filter: a small built-in parser giving Datadog's User-Agent parser shape,
/// <c>{"browser": {"family", "major", "minor", "patch"}, "os": {"family", "major", "minor", "patch"}, "device":
/// {"family", "category", "brand", "model"}}</c>, versions as strings (browsers with <c>patch_minor</c>; devices with
/// a brand and model when known: Apple Mac, Spider for crawlers). It knows the common browsers (Edge, Opera, Samsung Internet,
/// Yandex, Vivaldi, Chrome and Chrome Mobile, Firefox, Safari and Mobile Safari, IE), the usual tools and crawlers
/// (curl, Wget, Python Requests, Go-http-client, okhttp, Java, Googlebot, bingbot and anything calling itself a bot,
/// crawler or spider), and the main systems (Windows, Mac OS X, iOS, Android, Chrome OS, Linux distributions).
/// Limits: it is a token heuristic, not the ua-parser regex database: device models (Samsung SM-xxx, Pixel) are
/// not named, and rare browsers fall back to <c>Other</c>.
/// </summary>
internal static class UserAgentParser
{
    private static readonly (byte[] Token, byte[] Family)[] Browsers =
    [
        ("Edg/"u8.ToArray(), "Edge"u8.ToArray()), ("Edge/"u8.ToArray(), "Edge"u8.ToArray()), ("EdgA/"u8.ToArray(), "Edge Mobile"u8.ToArray()),
        ("EdgiOS/"u8.ToArray(), "Edge Mobile"u8.ToArray()), ("OPR/"u8.ToArray(), "Opera"u8.ToArray()),
        ("SamsungBrowser/"u8.ToArray(), "Samsung Internet"u8.ToArray()), ("YaBrowser/"u8.ToArray(), "Yandex Browser"u8.ToArray()),
        ("Vivaldi/"u8.ToArray(), "Vivaldi"u8.ToArray()), ("CriOS/"u8.ToArray(), "Chrome Mobile iOS"u8.ToArray()),
        ("FxiOS/"u8.ToArray(), "Firefox iOS"u8.ToArray()), ("Googlebot/"u8.ToArray(), "Googlebot"u8.ToArray()),
        ("bingbot/"u8.ToArray(), "bingbot"u8.ToArray()), ("curl/"u8.ToArray(), "curl"u8.ToArray()), ("Wget/"u8.ToArray(), "Wget"u8.ToArray()),
        ("python-requests/"u8.ToArray(), "Python Requests"u8.ToArray()), ("Go-http-client/"u8.ToArray(), "Go-http-client"u8.ToArray()),
        ("okhttp/"u8.ToArray(), "okhttp"u8.ToArray()), ("PostmanRuntime/"u8.ToArray(), "PostmanRuntime"u8.ToArray()),
        ("Java/"u8.ToArray(), "Java"u8.ToArray()), ("GoogleImageProxy"u8.ToArray(), "GmailImageProxy"u8.ToArray()),
        ("Firefox/"u8.ToArray(), "Firefox"u8.ToArray()), ("Chromium/"u8.ToArray(), "Chromium"u8.ToArray()),
        ("Chrome/"u8.ToArray(), "Chrome"u8.ToArray()), ("MSIE "u8.ToArray(), "IE"u8.ToArray()),
    ];

    private static readonly byte[][] BotWords = ["bot"u8.ToArray(), "Bot"u8.ToArray(), "crawler"u8.ToArray(), "Crawler"u8.ToArray(), "spider"u8.ToArray(), "Spider"u8.ToArray()];

    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var s = text.Span;
        if (s.Length == 0) return -1;
        var obj = tree.NewObject();
        var isBot = false;
        foreach (var word in BotWords) isBot |= s.IndexOf(word) >= 0;
        var mobile = s.IndexOf("Mobile"u8) >= 0;

        // Browser.
        var browser = tree.ChildrenOf(tree.Member(obj, "browser"u8));
        var found = false;
        foreach (var (token, family) in Browsers)
        {
            var at = s.IndexOf(token);
            if (at < 0) continue;
            ReadOnlySpan<byte> name = family;
            if (mobile && name.SequenceEqual("Chrome"u8)) name = "Chrome Mobile"u8;
            if (mobile && name.SequenceEqual("Firefox"u8) && s.IndexOf("Android"u8) >= 0) name = "Firefox Mobile"u8;
            Family(tree, browser, name, workspace);
            Version(text, tree, browser, at + token.Length, '.', BrowserVersionParts);
            found = true;
            break;
        }
        if (!found && s.IndexOf("Trident/"u8) >= 0 && s.IndexOf("rv:"u8) is var rv and >= 0)
        {
            Family(tree, browser, "IE"u8, workspace);
            Version(text, tree, browser, rv + 3, '.');
            found = true;
        }
        if (!found && s.IndexOf("Safari/"u8) >= 0 && s.IndexOf("Version/"u8) is var version and >= 0)
        {
            Family(tree, browser, mobile ? "Mobile Safari"u8 : "Safari"u8, workspace);
            Version(text, tree, browser, version + 8, '.');
            found = true;
        }
        if (!found) Family(tree, browser, "Other"u8, workspace);

        // Operating system.
        var os = tree.ChildrenOf(tree.Member(obj, "os"u8));
        var iPad = s.IndexOf("iPad"u8) >= 0;
        var iPhone = s.IndexOf("iPhone"u8) >= 0 || s.IndexOf("iPod"u8) >= 0;
        var android = s.IndexOf("Android"u8);
        if (s.IndexOf("Windows Phone"u8) is var windowsPhone and >= 0)
        {
            Family(tree, os, "Windows Phone"u8, workspace);
            Version(text, tree, os, windowsPhone + 14, '.');
        }
        else if (s.IndexOf("Windows NT "u8) is var nt and >= 0)
        {
            Family(tree, os, "Windows"u8, workspace);
            var ntVersion = s[(nt + 11)..];
            ReadOnlySpan<byte> major = ntVersion.StartsWith("10.0"u8) ? "10"u8 : ntVersion.StartsWith("6.3"u8) ? "8.1"u8 : ntVersion.StartsWith("6.2"u8) ? "8"u8
                : ntVersion.StartsWith("6.1"u8) ? "7"u8 : ntVersion.StartsWith("6.0"u8) ? "Vista"u8 : ntVersion.StartsWith("5.1"u8) || ntVersion.StartsWith("5.2"u8) ? "XP"u8 : default;
            if (major.Length > 0) Static(tree, os, "major"u8, major, workspace);
        }
        else if ((iPhone || iPad) && (s.IndexOf("OS "u8) is var iosAt and >= 0))
        {
            Family(tree, os, "iOS"u8, workspace);
            Version(text, tree, os, iosAt + 3, '_');
        }
        else if (s.IndexOf("Mac OS X"u8) is var mac and >= 0)
        {
            Family(tree, os, "Mac OS X"u8, workspace);
            if (mac + 9 < s.Length) Version(text, tree, os, mac + 9, s[(mac + 9)..].IndexOf((byte)'_') >= 0 ? '_' : '.');
        }
        else if (android >= 0)
        {
            Family(tree, os, "Android"u8, workspace);
            if (android + 8 < s.Length) Version(text, tree, os, android + 8, '.');
        }
        else if (s.IndexOf("CrOS"u8) >= 0) Family(tree, os, "Chrome OS"u8, workspace);
        else if (s.IndexOf("Ubuntu"u8) >= 0) Family(tree, os, "Ubuntu"u8, workspace);
        else if (s.IndexOf("Fedora"u8) >= 0) Family(tree, os, "Fedora"u8, workspace);
        else if (s.IndexOf("Linux"u8) >= 0) Family(tree, os, "Linux"u8, workspace);
        else Family(tree, os, "Other"u8, workspace);

        // Device.
        var device = tree.ChildrenOf(tree.Member(obj, "device"u8));
        ReadOnlySpan<byte> deviceFamily = "Other"u8, category = "Other"u8;
        ReadOnlySpan<byte> brand = default, model = default;
        if (isBot) { deviceFamily = "Spider"u8; category = "Bot"u8; brand = "Spider"u8; model = "Desktop"u8; }
        else if (iPad) { deviceFamily = "iPad"u8; category = "Tablet"u8; }
        else if (iPhone) { deviceFamily = "iPhone"u8; category = "Mobile"u8; }
        else if (android >= 0 && mobile) { deviceFamily = "Generic Smartphone"u8; category = "Mobile"u8; }
        else if (android >= 0) { deviceFamily = "Generic Tablet"u8; category = "Tablet"u8; }
        else if (s.IndexOf("Macintosh"u8) >= 0) { deviceFamily = "Mac"u8; category = "Desktop"u8; brand = "Apple"u8; model = "Mac"u8; }
        else if (s.IndexOf("Windows NT"u8) >= 0 || s.IndexOf("X11"u8) >= 0 || s.IndexOf("CrOS"u8) >= 0) category = "Desktop"u8;
        Family(tree, device, deviceFamily, workspace);
        Static(tree, device, "category"u8, category, workspace);
        if (brand.Length > 0) Static(tree, device, "brand"u8, brand, workspace);
        if (model.Length > 0) Static(tree, device, "model"u8, model, workspace);
        return obj;
    }

    private static void Family(ValueTree tree, int obj, ReadOnlySpan<byte> family, OutputWorkspace workspace) =>
        Static(tree, obj, "family"u8, family, workspace);

    private static void Static(ValueTree tree, int obj, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, OutputWorkspace workspace)
    {
        var room = workspace.ReserveText(value.Length);
        value.CopyTo(room);
        tree.AddValue(tree.Member(obj, key), tree.NewScalar(OutputValue.WorkspaceText(workspace.CommitText(value.Length), value.Length)));
    }

    /// <summary>Browser versions name a fourth part, <c>patch_minor</c> (<c>Chrome/81.0.4044.138</c>), as Datadog's do.</summary>
    private const int BrowserVersionParts = 4;

    /// <summary>
    /// Up to <paramref name="parts"/> numeric parts (major, minor, patch, patch_minor) at <paramref name="start"/>,
    /// split by <paramref name="separator"/>.
    /// </summary>
    private static void Version(FilterText text, ValueTree tree, int obj, int start, char separator, int parts = 3)
    {
        var s = text.Span;
        var position = start;
        for (var part = 0; part < parts && position < s.Length; part++)
        {
            var end = position;
            while (end < s.Length && s[end] is >= (byte)'0' and <= (byte)'9') end++;
            if (end == position) return;
            var key = part switch { 0 => "major"u8, 1 => "minor"u8, 2 => "patch"u8, _ => "patch_minor"u8 };
            tree.AddValue(tree.Member(obj, key), tree.NewScalar(text.Slice(position, end - position)));
            if (end >= s.Length || s[end] != separator) return;
            position = end + 1;
        }
    }
}
