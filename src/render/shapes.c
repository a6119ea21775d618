#include "shapes.h"

#include <math.h>

#define PI_F 3.14159265358979f
#define TWO_PI_F 6.28318530717959f

/* Scratch for one shape: the biggest is a full-resolution arc with caps. */
#define MAX_V (4 * (SK_ARC_MAX_SEGMENTS + 1) + 2 * (1 + 2 * (SK_ARC_MAX_CAP_SEGMENTS + 1)))
#define MAX_I (18 * SK_ARC_MAX_SEGMENTS + 18 * SK_ARC_MAX_CAP_SEGMENTS)
static sk_ring_vertex g_rv[MAX_V];
static SDL_Vertex g_sv[MAX_V];
static int g_idx[MAX_I];

static void submit(SDL_Renderer *r, const sk_ring_vertex *v, int nv, const int *idx, int ni,
                   SDL_Color c, Uint8 alpha)
{
    if (nv <= 0 || ni <= 0) return;
    float a = (float)c.a * (float)alpha / 255.0f;
    for (int i = 0; i < nv; i++) {
        g_sv[i].position.x = v[i].x;
        g_sv[i].position.y = v[i].y;
        g_sv[i].color.r = c.r;
        g_sv[i].color.g = c.g;
        g_sv[i].color.b = c.b;
        float va = a * v[i].a;
        g_sv[i].color.a = (Uint8)(va < 0 ? 0 : va > 255 ? 255 : va + 0.5f);
        g_sv[i].tex_coord.x = g_sv[i].tex_coord.y = 0;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, g_sv, nv, idx, ni);
}

void sk_shape_arc(SDL_Renderer *r, const sk_arc *arc, SDL_Color c, Uint8 alpha)
{
    int nv, ni;
    if (!sk_arc_build(arc, g_rv, MAX_V, g_idx, MAX_I, &nv, &ni)) return;
    submit(r, g_rv, nv, g_idx, ni, c, alpha);
}

void sk_shape_hold(SDL_Renderer *r, float cx, float cy, float radius, float thick,
                       double remaining, SDL_Color track, SDL_Color fill, Uint8 alpha)
{
    if (remaining < 0) remaining = 0;
    if (remaining > 1) remaining = 1;
    sk_arc a = {cx, cy, radius, thick, 0, TWO_PI_F, SK_RING_FEATHER, false, 0};
    sk_shape_arc(r, &a, track, alpha);
    if (remaining <= 0) return;
    a.start = (float)((1 - remaining) * TWO_PI_F);
    a.end = TWO_PI_F;
    a.round_caps = remaining < 1;
    sk_shape_arc(r, &a, fill, alpha);
}

void sk_shape_count(SDL_Renderer *r, float cx, float cy, float radius, float thick,
                        int seconds, double remaining, SDL_Color track, SDL_Color fill,
                        Uint8 alpha)
{
    if (seconds < 1) seconds = 1;
    if (seconds > 60) seconds = 60;
    if (remaining < 0) remaining = 0;
    if (remaining > 1) remaining = 1;
    float step = TWO_PI_F / (float)seconds;
    /* The gap between dashes is a fixed length on the circle (plus the
     * caps), so short counts have long dashes and long ones still read. */
    float gap = (thick * 1.1f + 6.0f) / radius;
    if (gap > step * 0.5f) gap = step * 0.5f;
    double gone = (1 - remaining) * seconds;   /* dashes emptied so far */
    for (int i = 0; i < seconds; i++) {
        float s = i * step + gap / 2, e = (i + 1) * step - gap / 2;
        sk_arc a = {cx, cy, radius, thick, s, e, SK_RING_FEATHER, true, 0};
        sk_shape_arc(r, &a, track, alpha);
        double part = gone - i;                /* of this dash, emptied */
        if (part >= 1) continue;
        if (part > 0) a.start = s + (float)part * (e - s);
        if (a.end - a.start > 1e-3f) sk_shape_arc(r, &a, fill, alpha);
    }
}

/* A rounded rectangle as four corner arcs: a fan from the centre to the
 * core outline plus a feather strip (fill), or strips between an outer and
 * an inner outline (stroke). */
void sk_shape_rrect(SDL_Renderer *r, SDL_FRect b, float radius, float stroke, SDL_Color c,
                        Uint8 alpha)
{
    if (b.w <= 0 || b.h <= 0) return;
    float half_short = (b.w < b.h ? b.w : b.h) / 2;
    if (radius > half_short) radius = half_short;
    if (radius < 0) radius = 0;
    float f = SK_RING_FEATHER;
    int m = radius < 1 ? 1 : (int)ceilf(sqrtf(radius) * 1.6f) + 1;
    if (m > 24) m = 24;
    /* m points a corner, the corner's far end left to the next corner's
     * first point: no two outline points coincide (a zero-length edge left
     * pin-holes in SDL's software rasteriser at fractional positions). */
    const int per = 4 * m;          /* vertices in one outline */
    /* corner centres: bottom-right, bottom-left, top-left, top-right */
    float ccx[4] = {b.x + b.w - radius, b.x + radius, b.x + radius, b.x + b.w - radius};
    float ccy[4] = {b.y + b.h - radius, b.y + b.h - radius, b.y + radius, b.y + radius};
    bool fill = stroke <= 0 || stroke * 2 >= half_short * 2;
    /* Offsets from the corner-arc radius for each outline row: outer
     * feather, outer core, [inner core, inner feather]. */
    float offs[4], alph[4];
    int rows;
    offs[0] = radius + f / 2;
    alph[0] = 0;
    offs[1] = radius - f / 2;
    alph[1] = 1;
    rows = 2;
    if (!fill) {
        offs[2] = radius - stroke + f / 2;
        alph[2] = 1;
        offs[3] = radius - stroke - f / 2;
        alph[3] = 0;
        rows = 4;
    }
    int k = 0;
    for (int row = 0; row < rows; row++) {
        for (int q = 0; q < 4; q++)
            for (int s = 0; s < m; s++) {
                float ang = (q + (float)s / m) * PI_F / 2;
                /* An inner outline with a negative radius collapses onto the
                 * corner centre (square inner corners). */
                float o = offs[row] < 0 ? 0 : offs[row];
                float px = ccx[q] + o * cosf(ang), py = ccy[q] + o * sinf(ang);
                g_rv[k].x = px;
                g_rv[k].y = py;
                g_rv[k].a = alph[row];
                k++;
            }
    }
    int q = 0;
    for (int row = 0; row + 1 < rows; row++) {
        int a0 = row * per, b0 = (row + 1) * per;
        for (int i = 0; i < per; i++) {
            int i1 = (i + 1) % per;
            g_idx[q++] = a0 + i;
            g_idx[q++] = b0 + i;
            g_idx[q++] = a0 + i1;
            g_idx[q++] = a0 + i1;
            g_idx[q++] = b0 + i;
            g_idx[q++] = b0 + i1;
        }
    }
    if (fill) {
        int centre = k;
        g_rv[k].x = b.x + b.w / 2;
        g_rv[k].y = b.y + b.h / 2;
        g_rv[k].a = 1;
        k++;
        for (int i = 0; i < per; i++) {
            g_idx[q++] = centre;
            g_idx[q++] = per + i;
            g_idx[q++] = per + (i + 1) % per;
        }
    }
    submit(r, g_rv, k, g_idx, q, c, alpha);
}

void sk_shape_dot(SDL_Renderer *r, float cx, float cy, float radius, float stroke,
                      SDL_Color c, Uint8 alpha)
{
    SDL_FRect b = {cx - radius, cy - radius, 2 * radius, 2 * radius};
    sk_shape_rrect(r, b, radius, stroke, c, alpha);
}

int sk_shape_reps(SDL_Renderer *r, SDL_Rect box, int filled, int total, SDL_Color on,
                      SDL_Color off, Uint8 alpha)
{
    if (total <= 0) return 0;
    sk_rep_row row;
    sk_rep_row_fit((float)box.w, (float)box.h, total, &row);
    total = row.total;
    float d = row.d, pitch = row.pitch;
    float rad = d / 2, cy = box.y + box.h / 2.0f;
    float stroke = rad * 0.3f < 2 ? 2 : rad * 0.3f;
    for (int i = 0; i < total; i++) {
        float cx = box.x + rad + i * pitch + 1;
        if (i < filled) sk_shape_dot(r, cx, cy, rad, 0, on, alpha);
        else sk_shape_dot(r, cx, cy, rad, stroke, off, alpha);
    }
    return row.width;
}

void sk_shape_legs(SDL_Renderer *r, SDL_FRect box, bool right_solid,
                       SDL_Color solid, SDL_Color hollow, Uint8 alpha)
{
    /* Two legs side by side, as seen lying on the back from the feet: the
     * one to stretch solid, the other an outline. Mirroring swaps them. */
    float lw = box.w * 0.40f, gap = box.w * 0.20f;
    float stroke = lw * 0.2f < 1.5f ? 1.5f : lw * 0.2f;
    for (int i = 0; i < 2; i++) {
        SDL_FRect leg = {box.x + i * (lw + gap), box.y + box.h * 0.05f, lw, box.h * 0.9f};
        bool is_solid = (i == 1) == right_solid;
        sk_shape_rrect(r, leg, lw / 2, is_solid ? 0 : stroke, is_solid ? solid : hollow, alpha);
    }
}

void sk_shape_bar(SDL_Renderer *r, SDL_Rect box, double done, SDL_Color track,
                      SDL_Color fill, Uint8 alpha)
{
    if (done < 0) done = 0;
    if (done > 1) done = 1;
    SDL_FRect t = {(float)box.x, (float)box.y, (float)box.w, (float)box.h};
    sk_shape_rrect(r, t, box.h / 2.0f, 0, track, alpha);
    float fw = (float)(box.w * done);
    if (fw < box.h) {
        /* Shorter than its own height: a dot growing in, never a sliver. */
        if (fw <= 0.5f) return;
        float rad = box.h / 2.0f * (fw / box.h);
        sk_shape_dot(r, box.x + box.h / 2.0f, box.y + box.h / 2.0f, rad, 0, fill, alpha);
        return;
    }
    SDL_FRect f = {(float)box.x, (float)box.y, fw, (float)box.h};
    sk_shape_rrect(r, f, box.h / 2.0f, 0, fill, alpha);
}
