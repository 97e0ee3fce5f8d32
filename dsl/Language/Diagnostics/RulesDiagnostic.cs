namespace GrokFlow.Language.Diagnostics;

public enum DiagnosticSeverity { Error, Warning }

/// <summary>
/// A problem found in a .rules file: a stable code (<c>GF0001</c>...), a message saying what is wrong and what was
/// expected, and a 1-based line and column in the file.
/// </summary>
public sealed record RulesDiagnostic(string Code, string Message, int Line, int Column, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The compiler format: <c>path(line,col): error GF0001: message</c>.</summary>
    public string Format(string path) =>
        $"{path}({Line},{Column}): {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
