// Compresses the events of a JSON-lines file as the host does (batches of 1,000 events as one JSON array, one gzip
// member each, isal_deflate_stateless) at one ISA-L level and level-buffer size, and prints the CPU time and gzip
// bytes per event (best of five passes). Built and run by scripts/gzip-levels.sh. Two optional arguments try other
// modes: MODE 1 compresses with the stateful isal_deflate, MODE 2 with Huffman tables built once from the first three
// batches (isal_create_hufftables; meant for level 0); HIST_BITS sets the window (log2 bytes; 0: ISA-L's 32 KiB).
#include <isa-l/igzip_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 6) { fprintf(stderr, "usage: %s EVENTS.jsonl LEVEL LEVEL_BUFFER_BYTES [MODE [HIST_BITS]]\n", argv[0]); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    int level = atoi(argv[2]), buffer_size = atoi(argv[3]);
    int mode = argc > 4 ? atoi(argv[4]) : 0, hist_bits = argc > 5 ? atoi(argv[5]) : 0;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *data = malloc(size);
    if (fread(data, 1, size, file) != (size_t)size) { perror("read"); return 2; }
    fclose(file);

    enum { MaxBatches = 4096, BatchEvents = 1000, BatchBytes = 6000000, OutBytes = 8000000 };
    char **batches = malloc(sizeof(char *) * MaxBatches);
    int *lengths = malloc(sizeof(int) * MaxBatches);
    int count = 0;
    long events = 0, at = 0;
    while (at < size && count < MaxBatches)
    {
        char *batch = malloc(BatchBytes);
        int length = 0, n = 0;
        batch[length++] = '[';
        while (at < size && n < BatchEvents)
        {
            char *end = memchr(data + at, '\n', size - at);
            long line = end ? end - (data + at) : size - at;
            if (length + line + 2 > BatchBytes) break;
            if (n > 0) batch[length++] = ',';
            memcpy(batch + length, data + at, line);
            length += line;
            at += line + 1;
            n++;
        }
        batch[length++] = ']';
        batches[count] = batch;
        lengths[count++] = length;
        events += n;
    }
    if (events == 0) { fprintf(stderr, "%s: no events\n", argv[1]); return 2; }

    unsigned char *out = malloc(OutBytes);
    unsigned char *level_buffer = buffer_size > 0 ? malloc(buffer_size) : NULL;
    struct isal_hufftables tables;
    if (mode == 2)
    {
        struct isal_huff_histogram histogram;
        memset(&histogram, 0, sizeof histogram);
        for (int i = 0; i < 3 && i < count; i++) isal_update_histogram((unsigned char *)batches[i], lengths[i], &histogram);
        isal_create_hufftables(&tables, &histogram);
    }
    long total = 0;
    double best = 1e9;
    for (int pass = 0; pass < 5; pass++)
    {
        total = 0;
        double start = cpu_seconds();
        for (int i = 0; i < count; i++)
        {
            struct isal_zstream stream;
            if (mode == 1) isal_deflate_init(&stream);
            else isal_deflate_stateless_init(&stream);
            stream.next_in = (unsigned char *)batches[i];
            stream.avail_in = lengths[i];
            stream.next_out = out;
            stream.avail_out = OutBytes;
            stream.level = level;
            stream.level_buf = level_buffer;
            stream.level_buf_size = buffer_size;
            stream.end_of_stream = 1;
            stream.gzip_flag = IGZIP_GZIP;
            stream.hist_bits = hist_bits;
            if (mode == 2) stream.hufftables = &tables;
            int result;
            if (mode == 1)
            {
                stream.flush = NO_FLUSH;
                result = isal_deflate(&stream);
                if (result == COMP_OK && stream.internal_state.state != ZSTATE_END) result = -100;   // output did not fit
            }
            else result = isal_deflate_stateless(&stream);
            if (result != COMP_OK) { fprintf(stderr, "isal_deflate: %d\n", result); return 1; }
            total += stream.total_out;
        }
        double seconds = cpu_seconds() - start;
        if (seconds < best) best = seconds;
    }
    printf("ISA-L level %d, level buffer %7d B, mode %d, window bits %d: %.3f us/event, %.1f gzip B/event (JSON %.1f B/event, %ld events)\n",
        level, buffer_size, mode, hist_bits, best * 1e6 / events, (double)total / events, (double)size / events, events);
    return 0;
}
