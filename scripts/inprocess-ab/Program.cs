// In-process A/B of IntegrationPipelineBenchmarks from several builds of GrokFlow.Benchmarks.dll, each in its own
// AssemblyLoadContext, taking turns in one process: per round, each variant runs `invokes` invocations (1,000 lines
// each; the order reverses every other round); CPU time (process user+sys) per line is recorded, and the per-round
// ratios of every pair. Usage: InProcessAb <rounds> <invokes> <pipeline> label=path/GrokFlow.Benchmarks.dll:Method ...
// The benchmark finds the repository by a Rules.sln above the running binary: run it from bin/ beside one.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

var rounds = int.Parse(args[0]);
var invokes = int.Parse(args[1]);
var pipeline = args[2];
var variants = new List<(string Label, Func<int> Run)>();
foreach (var spec in args.Skip(3))
{
    var label = spec[..spec.IndexOf('=')];
    var rest = spec[(spec.IndexOf('=') + 1)..];
    var dll = rest[..rest.LastIndexOf(':')];
    var method = rest[(rest.LastIndexOf(':') + 1)..];
    var alc = new Loader(Path.GetFullPath(dll));
    var asm = alc.LoadFromAssemblyPath(Path.GetFullPath(dll));
    var type = asm.GetType("GrokFlow.Benchmarks.Integrations.IntegrationPipelineBenchmarks")!;
    var bench = Activator.CreateInstance(type)!;
    type.GetProperty("Pipeline")!.SetValue(bench, pipeline);
        type.GetMethod("Setup")!.Invoke(bench, null);
    var run = type.GetMethod(method)!.CreateDelegate<Func<int>>(bench);
    variants.Add((label, run));
}
// warm-up: tiering and PGO
for (var w = 0; w < 3; w++) foreach (var v in variants) for (var i = 0; i < Math.Max(invokes, 200); i++) v.Run();
var results = variants.Select(_ => new List<double>()).ToList();
var me = Process.GetCurrentProcess();
for (var r = 0; r < rounds; r++)
{
    var order = r % 2 == 0 ? Enumerable.Range(0, variants.Count) : Enumerable.Range(0, variants.Count).Reverse();
    foreach (var k in order)
    {
        me.Refresh();
        var t0 = me.TotalProcessorTime;
        for (var i = 0; i < invokes; i++) variants[k].Run();
        me.Refresh();
        results[k].Add((me.TotalProcessorTime - t0).TotalMicroseconds / (invokes * 1000.0));
    }
}
for (var k = 0; k < variants.Count; k++)
    Console.WriteLine($"{pipeline} {variants[k].Label,-28} µs/line CPU: {string.Join(" ", results[k].Select(x => x.ToString("F2")))}  median {Median(results[k]):F2}");
for (var j = 0; j < variants.Count; j++)
for (var k = j + 1; k < variants.Count; k++)
{
    var ratios = results[j].Zip(results[k], (a, b) => a / b).ToList();
    Console.WriteLine($"{pipeline} {variants[j].Label}/{variants[k].Label}: per-round {string.Join(" ", ratios.Select(x => x.ToString("F2")))}  median {Median(ratios):F2}");
}
static double Median(List<double> xs) { var s = xs.OrderBy(x => x).ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }

sealed class Loader(string mainAssembly) : AssemblyLoadContext(isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);
    protected override Assembly? Load(AssemblyName name)
    {
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }
    protected override IntPtr LoadUnmanagedDll(string name)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(name);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
