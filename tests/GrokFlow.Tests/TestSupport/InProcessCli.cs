using System.CommandLine;
using GrokFlow.Runtime.Cli;

namespace GrokFlow.Tests.TestSupport;

/// <summary>The grokflow command line run in process, as the executable parses its arguments, with files in a temporary folder.</summary>
public sealed class InProcessCli(string folderPrefix) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory(folderPrefix);

    public string Folder => _folder.FullName;

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="text"/> to a file of that name in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
