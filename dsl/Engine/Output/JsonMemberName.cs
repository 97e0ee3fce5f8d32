using System.Text.Json;

namespace GrokFlow.Engine.Output;

/// <summary>A member name for <see cref="JsonMemberRun"/>: encoded once, and as the <c>,"name":</c> that goes before a later member's value.</summary>
public sealed class JsonMemberName
{
    public JsonMemberName(JsonEncodedText name)
    {
        Name = name;
        var encoded = name.EncodedUtf8Bytes;
        SeparatedLength = encoded.Length + 4;
        SeparatedPadded = new byte[Math.Max(PaddedRoom + 1, SeparatedLength)];
        SeparatedPadded[0] = (byte)',';
        SeparatedPadded[1] = (byte)'"';
        encoded.CopyTo(SeparatedPadded.AsSpan(2));
        SeparatedPadded[SeparatedLength - 2] = (byte)'"';
        SeparatedPadded[SeparatedLength - 1] = (byte)':';
    }

    /// <summary>Names up to this long (most) are copied as two 16-byte vectors from <see cref="SeparatedPadded"/>.</summary>
    internal const int PaddedRoom = 32;

    /// <summary>
    /// <see cref="Separated"/> followed by zeros up to <see cref="PaddedRoom"/> + 1 bytes: a short name is copied as two
    /// vectors from its start (<c>,"name":</c>) or from its second byte (<c>"name":</c>, first in an object).
    /// </summary>
    internal byte[] SeparatedPadded { get; }

    internal int SeparatedLength { get; }

    public JsonMemberName(string name) : this(JsonEncodedText.Encode(name)) { }

    public JsonEncodedText Name { get; }

    /// <summary><c>,"name":</c>, escaped as the writer escapes names.</summary>
    public ReadOnlySpan<byte> Separated => SeparatedPadded.AsSpan(0, SeparatedLength);
}
