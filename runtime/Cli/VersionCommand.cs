using System.CommandLine;
using System.Reflection;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow version</c>: prints the version and the built-in rules compiled in.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print grokflow's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"grokflow {version}");
            return 0;
        });
        return command;
    }
}
