using GrokFlow.Language.NetFlow;

namespace GrokFlow.Engine.NetFlow;

/// <summary>Creates the reader-and-writer for an element definition (generated layouts and tests use it).</summary>
public static class NetFlowElementFactory
{
    public static NetFlowElement Create(uint enterpriseNumber, ushort id, string name, NetFlowDataType type, bool fluent) => type switch
    {
        NetFlowDataType.Unsigned => new UnsignedElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.Signed => new SignedElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.Float => new FloatElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.Boolean => new BooleanElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.MacAddress => new MacAddressElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.Ipv4Address => new Ipv4AddressElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.Ipv6Address => new Ipv6AddressElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.String => new StringElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.SysUpTime => new SysUpTimeElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.MplsLabel => new MplsLabelElement(enterpriseNumber, id, name, fluent),
        NetFlowDataType.DateTimeSeconds or NetFlowDataType.DateTimeMilliseconds or NetFlowDataType.DateTimeMicroseconds
            or NetFlowDataType.DateTimeNanoseconds => new DateTimeElement(enterpriseNumber, id, name, fluent, type),
        _ => new OctetArrayElement(enterpriseNumber, id, name, fluent, type),
    };
}
