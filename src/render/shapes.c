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
static int g_opaque[MAX_I], g_soft[MAX_I];

/* Whether r is SDL's software renderer, which blends a triangle by
 * rasterising it into a temporary surface of its bounding box and blitting
 * that (SDL_triangle.c): for an opaque triangle that is all cost and no
 * difference, so those are drawn without blending, straight onto the
 * target; the result is the same pixels (an opaque source replaces what
 * is under it either way; test_pacing and the goldens hold to it). On a
 * GPU one batch is cheaper than two: there it stays one call. */
static bool draws_opaque_apart(SDL_Renderer *r)
{
    static SDL_Renderer *known;
    static bool software;
    if (r != known) {
        SDL_RendererInfo info;
        software = SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
        known = r;
    }
    return software;
}

/* Whether a triangle's box, with 2 px to spare for SDL's rounding, misses
 * the clip rect. */
static bool outside(const SDL_Vertex *a, const SDL_Vertex *b, const SDL_Vertex *c,
                    const SDL_Rect *clip)
{
    float x0 = fminf(a->position.x, fminf(b->position.x, c->position.x)) - 2;
    float x1 = fmaxf(a->position.x, fmaxf(b->position.x, c->position.x)) + 2;
    float y0 = fminf(a->position.y, fminf(b->position.y, c->position.y)) - 2;
    float y1 = fmaxf(a->position.y, fmaxf(b->position.y, c->position.y)) + 2;
    return x1 < clip->x || y1 < clip->y || x0 > clip->x + clip->w || y0 > clip->y + clip->h;
}

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
    if (!draws_opaque_apart(r)) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(r, NULL, g_sv, nv, idx, ni);
        return;
    }
    /* A shape's triangles never overlap one another, so its opaque ones
     * and its soft-edged ones may go in either order. One wholly outside
     * the clip (a canvas redrawing a small area) is left out: SDL would
     * still set it up, and for a blended one fail to make an empty
     * surface, with an error message formatted each time. */
    SDL_Rect clip = {0, 0, 0, 0};
    bool clipped = SDL_RenderIsClipEnabled(r);
    if (clipped) SDL_RenderGetClipRect(r, &clip);
    int no = 0, ns = 0;
    for (int i = 0; i + 2 < ni; i += 3) {
        if (clipped && outside(&g_sv[idx[i]], &g_sv[idx[i + 1]], &g_sv[idx[i + 2]], &clip))
            continue;
        bool opaque = g_sv[idx[i]].color.a == 255 && g_sv[idx[i + 1]].color.a == 255 &&
                      g_sv[idx[i + 2]].color.a == 255;
        int *to = opaque ? g_opaque + no : g_soft + ns;
        to[0] = idx[i];
        to[1] = idx[i + 1];
        to[2] = idx[i + 2];
        if (opaque) no += 3;
        else ns += 3;
    }
    if (no) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_RenderGeometry(r, NULL, g_sv, nv, g_opaque, no);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    if (ns) SDL_RenderGeometry(r, NULL, g_sv, nv, g_soft, ns);
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
    sk_arc a = {cx, cy, radius, thick, 0, TWO_PI_F, SK_RING_FEATHER, false, 0, 0};
    sk_shape_arc(r, &a, track, alpha);
    if (remaining <= 0) return;
    a.start = sk_hold_start(remaining);
    a.end = TWO_PI_F;
    a.round_caps = remaining < 1;
    /* On the track's grid: as it drains, only its start moves
     * (sk_hold_grid, the canvas's sector records). */
    sk_hold_grid g;
    sk_hold_grid_for(radius, thick, SK_RING_FEATHER, &g);
    a.grid = g.grid;
    sk_shape_arc(r, &a, fill, alpha);
}

float sk_hold_start(double remaining)
{
    if (remaining < 0) remaining = 0;
    if (remaining > 1) remaining = 1;
    return (float)((1 - remaining) * TWO_PI_F);
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
        sk_arc a = {cx, cy, radius, thick, s, e, SK_RING_FEATHER, true, 0, 0};
        sk_shape_arc(r, &a, track, alpha);
        double part = gone - i;                /* of this dash, emptied */
        if (part >= 1) continue;
        if (part > 0) a.start = s + (float)part * (e - s);
        if (a.end - a.start > 1e-3f) sk_shape_arc(r, &a, fill, alpha);
    }
}

/* On the software renderer, an opaque rounded box's inside (the core
 * outline, at g_rv[per..2 per), m points a corner, corner centres ccx/ccy)
 * as a rectangle between the corners' centres, rounded inwards to whole
 * pixels and filled as such (SDL_FillRect: no triangle set-up, no edge
 * tests), and its frame as triangles: a fan from each inner corner to its
 * corner's arc, and a quad along each side. The frame's inner edges are on
 * whole pixels, where no pixel centre lies, so the rectangle and the frame
 * cover exactly the pixels the outline's own triangles would. Appends the
 * inner corners to g_rv (*k) and the frame to g_idx (*q); false (nothing
 * done) for a box too small, rounded too tightly, or not opaque. */
static bool opaque_inside(SDL_Renderer *r, const float *ccx, const float *ccy,
                          float core, SDL_Color c, Uint8 alpha, int per, int m, int *k, int *q)
{
    if (!draws_opaque_apart(r) || c.a != 255 || alpha != 255 || core < 2) return false;
    /* inner corners: bottom-right, bottom-left, top-left, top-right */
    float ix[4] = {floorf(ccx[0]), ceilf(ccx[1]), ceilf(ccx[2]), floorf(ccx[3])};
    float iy[4] = {floorf(ccy[0]), floorf(ccy[1]), ceilf(ccy[2]), ceilf(ccy[3])};
    if (ix[0] - ix[1] < 16 || iy[0] - iy[2] < 16) return false;
    int base = *k;
    for (int i = 0; i < 4; i++) {
        g_rv[*k].x = ix[i];
        g_rv[*k].y = iy[i];
        g_rv[*k].a = 1;
        (*k)++;
    }
    for (int corner = 0; corner < 4; corner++) {
        int first = per + corner * m, next = per + ((corner + 1) % 4) * m;
        for (int s = 0; s + 1 < m; s++) {
            g_idx[(*q)++] = base + corner;
            g_idx[(*q)++] = first + s;
            g_idx[(*q)++] = first + s + 1;
        }
        g_idx[(*q)++] = base + corner;
        g_idx[(*q)++] = first + m - 1;
        g_idx[(*q)++] = next;
        g_idx[(*q)++] = base + corner;
        g_idx[(*q)++] = next;
        g_idx[(*q)++] = base + (corner + 1) % 4;
    }
    SDL_Rect in = {(int)ix[1], (int)iy[2], (int)(ix[0] - ix[1]), (int)(iy[0] - iy[2])};
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
    SDL_RenderFillRect(r, &in);
    return true;
}

/* The core outline (convex, at g_rv[per..2 per)) swept from right to left
 * as a zig-zag between its lower and upper halves: each triangle is as
 * narrow as the step between two outline points. A rasteriser walks a
 * triangle's bounding box, and a fan from the centre made every one of
 * them a quarter of the box (nine times the box in all for a big panel);
 * this is about twice it. The same outline, so the same pixels. */
static void zigzag_inside(int per, int *q)
{
    int lo = 0, hi = per - 1;   /* outline points: 0 is at 3 o'clock, then clockwise */
    while (lo + 1 < hi) {
        g_idx[(*q)++] = per + lo;
        g_idx[(*q)++] = per + hi;
        if (g_rv[per + lo + 1].x >= g_rv[per + hi - 1].x) g_idx[(*q)++] = per + ++lo;
        else g_idx[(*q)++] = per + --hi;
    }
}

/* A rounded rectangle as four corner arcs: the core outline filled
 * (opaque_inside, or zigzag_inside) plus a feather strip (fill), or strips
 * between an outer and an inner outline (stroke). */
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
    /* The inside: a rectangle and its frame, or a zig-zag of triangles. */
    if (fill && !opaque_inside(r, ccx, ccy, offs[1], c, alpha, per, m, &k, &q)) zigzag_inside(per, &q);
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
