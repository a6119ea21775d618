/* The countdown's beeps, made in code: which kinds there are, how long
 * each lasts, and its samples. Pure (no SDL, no clock): the sound module
 * turns them into mixer chunks, tests measure them. */
#ifndef SK_BEEP_H
#define SK_BEEP_H
#include <stdint.h>

typedef enum {
    SK_BEEP_COUNT,   /* the last three seconds of a get-ready: short, high */
    SK_BEEP_END,     /* a hold ends: a little longer, lower */
    SK_BEEP_KINDS
} sk_beep;

/* Generates a beep as signed 16-bit samples, interleaved for 'channels',
 * at 'rate' Hz: a sine with a raised-cosine fade in and out. Peak well
 * below full scale (SK_BEEP_PEAK). Returns the number of frames written
 * (at most max_frames). Used by the mixer backend and the tests. */
#define SK_BEEP_PEAK 0.1    /* -20 dBFS (RMS -23): speech clips sit at RMS
                               -20 dBFS with peaks near -7 dBFS */
int sk_beep_render(sk_beep kind, int rate, int channels, int16_t *out, int max_frames);
/* Length of a beep in ms. */
int sk_beep_ms(sk_beep kind);
#endif
