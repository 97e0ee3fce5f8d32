using GrokFlow.Language.Model;

namespace GrokFlow.Generator;

/// <summary>A problem to report at a position of a .rules file (0-based offset into the file, 1-based line and column).</summary>
internal sealed record DiagnosticInfo(string Code, string Message, bool IsError, string Path, int Offset, int Length, int Line, int Column);

/// <summary>
/// What one .rules file turns into: sources to add, diagnostics, the pipeline classes it defines (with whether a
/// class has the constructor taking <c>ProcessingServices</c>: pipelines with processors do), and its NetFlow layouts.
/// </summary>
internal sealed record GeneratedFile(
    string Path,
    EquatableArray<(string HintName, string Source)> Sources,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<(string Name, bool TakesServices)> PipelineClasses,
    EquatableArray<GeneratedLayout> Layouts);

/// <summary>One NetFlow layout class, and where its block starts (for a GF0112 when another file defines the class).</summary>
internal sealed record GeneratedLayout(string Id, string ClassName, string Source, DiagnosticInfo At);
