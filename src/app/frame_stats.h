/* Figures about the frame loop for benchmarks (printed at exit when the
 * environment has SK_BENCH=1): CPU time per drawn frame, frames drawn and
 * skipped (unchanged), text renders and texture creations in steady-state
 * frames, first-frame time, memory. No SDL; reads the process's own CPU
 * clock and /proc. */
#ifndef SK_FRAME_STATS_H
#define SK_FRAME_STATS_H
#include <stdint.h>
#include <stdio.h>

#define SK_FRAME_STATS_MAX 20000   /* drawn frames kept for median/p99 (ring) */

typedef struct sk_frame_stats {
    double cpu_ms[SK_FRAME_STATS_MAX];   /* per drawn frame, from begin to drawn */
    int count;          /* drawn frames recorded, may exceed the array (ring) */
    int drawn;          /* frames drawn and presented */
    int skipped;        /* wake-ups that drew nothing (the picture had not changed) */
    double skipped_cpu_ms;
    double frame_start_cpu;
    /* Steady state: a drawn frame of the same phase as the drawn frame
     * before it (a new phase may render its text once, on its first frame). */
    int steady;
    uint64_t steady_renders, steady_textures;
    long long last_phase;
    uint64_t last_renders, last_textures;
    int have_last;
    double loop_cpu0, loop_wall0;   /* at sk_frame_stats_mark_loop */
} sk_frame_stats;

/* Milliseconds since this process started (from /proc/self/stat), or -1. */
double sk_ms_since_process_start(void);

/* CPU time this process has used, in ms. */
double sk_process_cpu_ms(void);

void sk_frame_stats_begin(sk_frame_stats *s);  /* when the loop wakes */

/* After a frame was drawn and presented: 'phase' names the phase shown
 * (any number that changes with it), 'ttf_renders' and 'textures' are the
 * text cache's running totals (sk_text_stats). */
void sk_frame_stats_drawn(sk_frame_stats *s, long long phase, uint64_t ttf_renders,
                          uint64_t textures);

/* Marks the start of the steady loop (after the first frame): the CPU %
 * while looping is counted from here. */
void sk_frame_stats_mark_loop(sk_frame_stats *s);

/* After a wake-up that drew nothing. */
void sk_frame_stats_skipped(sk_frame_stats *s);

/* Prints, as "bench: ..." lines: frames drawn and skipped against what
 * 'fps' would draw over the run, CPU per drawn frame (median, p99), text
 * renders and textures per steady-state frame, CPU % of one core over the
 * process's life, peak RSS, PSS and Pss_Anon. */
void sk_frame_stats_print(const sk_frame_stats *s, double fps, FILE *out);
#endif
