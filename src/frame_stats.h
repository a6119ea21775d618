/* Figures about the frame loop for benchmarks (printed at exit when the
 * environment has SK_BENCH=1): CPU time per frame, first-frame time, peak
 * memory. No SDL; reads the process's own CPU clock and /proc. */
#ifndef SK_FRAME_STATS_H
#define SK_FRAME_STATS_H
#include <stdint.h>
#include <stdio.h>

#define SK_FRAME_STATS_MAX 20000   /* frames kept for median/p99 (ring) */

typedef struct sk_frame_stats {
    double cpu_ms[SK_FRAME_STATS_MAX];
    int count;          /* frames recorded, may exceed the array (ring) */
    int drawn;          /* frames actually drawn (not skipped as unchanged) */
    double frame_start_cpu;
} sk_frame_stats;

/* Milliseconds since this process started (from /proc/self/stat), or -1. */
double sk_ms_since_process_start(void);

/* CPU time this process has used, in ms. */
double sk_process_cpu_ms(void);

void sk_frame_stats_begin(sk_frame_stats *s);  /* at the top of a frame */
void sk_frame_stats_end(sk_frame_stats *s);    /* after present */

/* Prints "frames N, cpu/frame median X ms p99 Y ms, peak RSS Z MB,
 * PSS ..., Pss_Anon ..." to out. */
void sk_frame_stats_print(const sk_frame_stats *s, FILE *out);
#endif
