using System.Text.Json;

namespace GrokFlow.Engine.Output;

/// <summary>A member name for <see cref="JsonMemberRun"/>: encoded once, and as the <c>,"name":</c> that goes before a later member's value.</summary>
public sealed class JsonMemberName
{
    public JsonMemberName(JsonEncodedText name)
    {
        Name = name;
        var encoded = name.EncodedUtf8Bytes;
        Separated = new byte[encoded.Length + 4];
        Separated[0] = (byte)',';
        Separated[1] = (byte)'"';
        encoded.CopyTo(Separated.AsSpan(2));
        Separated[^2] = (byte)'"';
        Separated[^1] = (byte)':';
    }

    public JsonMemberName(string name) : this(JsonEncodedText.Encode(name)) { }

    public JsonEncodedText Name { get; }

    /// <summary><c>,"name":</c>, escaped as the writer escapes names.</summary>
    public byte[] Separated { get; }
}
