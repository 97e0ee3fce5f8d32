using System.Text;
using System.Text.Json;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Tests.Host;

public sealed class BatchBuilderTests
{

    private static void Write(BatchBuilder builder, string message)
    {
        builder.BeginEvent();
        builder.Writer.WriteStartObject();
        builder.Writer.WriteString("message", message);
        builder.Writer.WriteEndObject();
        Assert.True(builder.EndEvent(out _));
    }

    private static List<string> Messages(EventBatch batch) =>
        JsonDocument.Parse(batch.Json.ToArray()).RootElement.EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();

    [Fact]
    public void BatchesCloseAtTheEventLimit()
    {
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions { MaxEvents = 3 }, target);
        for (var i = 0; i < 7; i++) Write(builder, $"m{i}");
        builder.Seal();
        Assert.Equal([3, 3, 1], target.Batches.Select(b => b.Count));
        Assert.Equal(["m3", "m4", "m5"], Messages(target.Batches[1]));
    }

    [Fact]
    public void BatchesNeverExceedTheByteLimitBracketsAndCommasIncluded()
    {
        var target = new CollectedBatches();
        var options = new BatchingOptions { MaxBytes = 1024, MaxEventBytes = 512 };
        using var builder = new BatchBuilder(options, target);
        var messages = Enumerable.Range(0, 40).Select(i => new string('x', 50 + i * 7)).ToList();
        foreach (var m in messages) Write(builder, m);
        builder.Seal();
        Assert.All(target.Batches, b => Assert.InRange(b.Length, 2, 1024));
        Assert.Equal(messages, target.Batches.SelectMany(Messages));
        // Each batch but the last was closed because the next event would not fit.
        Assert.All(target.Batches.SkipLast(1).Zip(target.Batches.Skip(1)), pair => Assert.True(pair.First.Length + pair.Second.Event(0).Length + 1 > 1024));
    }

    [Fact]
    public void GrowingTheBufferNeverLosesRoomForTheSeparatorsOrTheClosingBracket()
    {
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        var random = new Random(3);
        var messages = Enumerable.Range(0, 30_000).Select(i => new string((char)('a' + i % 26), random.Next(1, 600))).ToList();
        foreach (var m in messages)
        {
            // Small writes (numbers) let the writer fill the buffer to its very last byte.
            builder.BeginEvent();
            builder.Writer.WriteStartObject();
            builder.Writer.WriteString("message", m);
            for (var n = random.Next(0, 12); n > 0; n--) builder.Writer.WriteNumber("n", random.Next());
            builder.Writer.WriteEndObject();
            Assert.True(builder.EndEvent(out _));
        }
        builder.Seal();
        Assert.Equal(messages, target.Batches.SelectMany(Messages));
        Assert.All(target.Batches, b => Assert.InRange(b.Length, 2, 5_000_000));
    }

    [Fact]
    public void AWriterThatUsesAllTheMemoryItIsGivenStillLeavesRoomForTheNextEventAndTheBracket()
    {
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        builder.BeginEvent();
        var span = builder.GetSpan(10);
        span.Fill((byte)' ');
        span[0] = (byte)'{';
        span[^1] = (byte)'}';
        builder.Advance(span.Length);
        Assert.True(builder.EndEvent(out _));
        Write(builder, "second");
        builder.Seal();
        var events = JsonDocument.Parse(target.Batches.Single().Json.ToArray()).RootElement.GetArrayLength();
        Assert.Equal(2, events);
    }

    [Fact]
    public void AnEventOverTheLimitIsTakenBackWhole()
    {
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions { MaxBytes = 4096, MaxEventBytes = 300 }, target);
        Write(builder, "before");
        builder.BeginEvent();
        builder.Writer.WriteStartObject();
        builder.Writer.WriteString("message", new string('y', 400));
        builder.Writer.WriteEndObject();
        Assert.False(builder.EndEvent(out var size));
        Assert.True(size > 300);
        Write(builder, "after");
        builder.Seal();
        Assert.Equal(["before", "after"], Messages(target.Batches.Single()));
    }

    [Fact]
    public void SplittingKeepsEveryEventOnceAndValidJson()
    {
        var target = new CollectedBatches();
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        for (var i = 0; i < 5; i++) Write(builder, $"e{i} \"quoted\"");
        builder.Seal();
        var (first, second) = target.Batches.Single().Split();
        Assert.Equal(["e0 \"quoted\"", "e1 \"quoted\""], Messages(first));
        Assert.Equal(["e2 \"quoted\"", "e3 \"quoted\"", "e4 \"quoted\""], Messages(second));
        Assert.Equal("{\"message\":\"e3 \\\"quoted\\\"\"}", Encoding.UTF8.GetString(second.Event(1)));
    }

    [Fact]
    public void ABatchReadBackFromJsonKnowsItsEvents()
    {
        var json = Encoding.UTF8.GetBytes("[{\"a\":[1,{\"b\":\"]\"}]},{\"c\":2}]");
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(buffer, 0);
        var body = GzipCodec.Compress(json, 1);
        var batch = EventBatch.FromJsonArray(buffer, json.Length, 7, body)!;
        Assert.Equal(2, batch.Count);
        Assert.Equal("{\"c\":2}", Encoding.UTF8.GetString(batch.Event(1)));
        Assert.Same(body, batch.Compressed(new GzipCompressor(6, null)));   // the stored gzip body is sent as it is, not compressed again
        Assert.Null(EventBatch.FromJsonArray(Encoding.UTF8.GetBytes("[{\"a\":1},"), 9, 8, GzipCodec.Compress([], 1)));
    }
}
