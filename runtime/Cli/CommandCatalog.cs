using System.CommandLine;

namespace GrokFlow.Runtime.Cli;

/// <summary>The grokflow subcommands. Each command lives in its own file and is listed here once.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ParseCommand.Create();
        yield return CheckCommand.Create();
        yield return VersionCommand.Create();
        yield return RunCommand.Create();
        yield return DecodeCommand.Create();
        yield return BenchCommand.Create();
        yield return BenchTcpCommand.Create();
        yield return ImportCommand.Create();
        yield return ExportCommand.Create();
    }
}
