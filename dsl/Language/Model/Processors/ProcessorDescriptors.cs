using System.Collections.Immutable;

namespace GrokFlow.Language.Model.Processors;

/// <summary>The registry of processor types: adding a processor is adding its file (model and descriptor) and a line here.</summary>
public static class ProcessorDescriptors
{
    /// <summary>Every processor type grokflow knows, in the order error messages list them.</summary>
    public static readonly ImmutableArray<ProcessorDescriptor> All =
    [
        AttributeRemapperModel.Descriptor,
        ReservedRemapperModel.DateRemapper, ReservedRemapperModel.StatusRemapper, ReservedRemapperModel.ServiceRemapper,
        ReservedRemapperModel.MessageRemapper, ReservedRemapperModel.TraceIdRemapper,
        CategoryProcessorModel.Descriptor,
        ArithmeticProcessorModel.Descriptor,
        StringBuilderModel.Descriptor,
        LookupProcessorModel.Descriptor,
        UrlParserModel.Descriptor,
        UserAgentParserModel.Descriptor,
        GeoIpParserModel.Descriptor,
        ArrayProcessorModel.Descriptor,
    ];

    /// <summary>The descriptor of <paramref name="type"/>, or null for a type grokflow does not know.</summary>
    public static ProcessorDescriptor? Find(string type) => All.FirstOrDefault(d => d.Type == type);
}
