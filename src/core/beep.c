#include "beep.h"

#include <math.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

typedef struct beep_shape {
    double hz;
    int ms, fade_in_ms, fade_out_ms;
} beep_shape;

/* A soft tick for 3, 2, 1 and a longer, lower tone when a hold ends: easy
 * to tell apart without looking, neither sharp (fades avoid the click a
 * cut sine makes). */
static const beep_shape beep_shapes[SK_BEEP_KINDS] = {
    [SK_BEEP_COUNT] = {880.0, 120, 10, 60},
    [SK_BEEP_END] = {587.33, 420, 15, 300},
};

int sk_beep_ms(sk_beep kind)
{
    return kind >= 0 && kind < SK_BEEP_KINDS ? beep_shapes[kind].ms : 0;
}

int sk_beep_render(sk_beep kind, int rate, int channels, int16_t *out, int max_frames)
{
    if (kind < 0 || kind >= SK_BEEP_KINDS || rate <= 0 || channels <= 0 || !out) return 0;
    const beep_shape *b = &beep_shapes[kind];
    int frames = (int)((int64_t)rate * b->ms / 1000);
    if (frames > max_frames) frames = max_frames;
    int fin = rate * b->fade_in_ms / 1000, fout = rate * b->fade_out_ms / 1000;
    for (int i = 0; i < frames; i++) {
        double env = 1.0;
        if (i < fin) env = 0.5 - 0.5 * cos(M_PI * i / fin);
        int left = frames - 1 - i;
        if (left < fout) env *= 0.5 - 0.5 * cos(M_PI * left / fout);
        double v = SK_BEEP_PEAK * env * sin(2.0 * M_PI * b->hz * i / rate);
        int16_t s = (int16_t)lrint(v * 32767.0);
        for (int c = 0; c < channels; c++) out[i * channels + c] = s;
    }
    return frames;
}
