namespace GrokFlow.Tests.TestSupport;

/// <summary>Where the repository and the shared reference material are, seen from the test and benchmark binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Rules.sln, found by walking up from the running binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared reference folder: <c>&lt;root&gt;/../shared</c>, else <c>/work/shared</c>.</summary>
    public static string Shared { get; } = FindShared();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rules.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no Rules.sln above {AppContext.BaseDirectory}");
    }

    private static string FindShared()
    {
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        if (Directory.Exists(beside)) return beside;
        const string fallback = "/work/shared";
        if (Directory.Exists(fallback)) return fallback;
        throw new DirectoryNotFoundException($"no shared folder at {beside} or {fallback}");
    }
}
