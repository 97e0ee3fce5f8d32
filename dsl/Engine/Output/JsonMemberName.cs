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
        SeparatedPadded = new byte[Math.Max(PaddedRoom, Separated.Length)];
        Separated.CopyTo(SeparatedPadded, 0);
    }

    /// <summary>Names up to this long (most) are copied as two 16-byte vectors from <see cref="SeparatedPadded"/>.</summary>
    internal const int PaddedRoom = 32;

    /// <summary><see cref="Separated"/> followed by zeros up to <see cref="PaddedRoom"/> bytes.</summary>
    internal byte[] SeparatedPadded { get; }

    public JsonMemberName(string name) : this(JsonEncodedText.Encode(name)) { }

    public JsonEncodedText Name { get; }

    /// <summary><c>,"name":</c>, escaped as the writer escapes names.</summary>
    public byte[] Separated { get; }
}
