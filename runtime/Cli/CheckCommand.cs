using System.CommandLine;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow check</c>: compiles .rules files and prints problems in compiler format.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The .rules files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check .rules files: prints 'path(line,col): error GF0001: ...' for each problem; exit code 1 when there are errors.")
        {
            files,
        };
        command.SetAction(result => Run(result.GetValue(files)!));
        return command;
    }

    private static int Run(FileInfo[] files)
    {
        var errors = 0;
        var warnings = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: error: file not found");
                errors++;
                continue;
            }
            foreach (var diagnostic in RulesCompiler.Compile(File.ReadAllText(file.FullName)).Diagnostics)
            {
                Console.Out.WriteLine(diagnostic.Format(file.ToString()));
                if (diagnostic.Severity == DiagnosticSeverity.Error) errors++;
                else warnings++;
            }
        }
        Console.Error.WriteLine($"grokflow check: {files.Length} file(s), {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? 1 : 0;
    }
}
