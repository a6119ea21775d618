#include "ring_geom.h"

#include <math.h>

#define TWO_PI 6.28318530717958647692

static bool arc_empty(const sk_arc *a)
{
    return !(a->radius > 0) || !(a->thickness > 0) || a->start == a->end ||
           !isfinite(a->start) || !isfinite(a->end) || !isfinite(a->radius);
}

static void arc_span(const sk_arc *a, double *s, double *sweep, bool *closed)
{
    double st = a->start, en = a->end;
    if (en < st) {
        double t = st;
        st = en;
        en = t;
    }
    *s = st;
    *sweep = en - st;
    *closed = *sweep >= TWO_PI - 1e-6;
    if (*closed) *sweep = TWO_PI;
}

/* Core and feather half-widths: the feather straddles the edge. A band
 * thinner than its feather keeps a zero-width core at reduced alpha. */
static void arc_widths(const sk_arc *a, double *core, double *outer, double *core_alpha)
{
    double f = a->feather > 0 ? a->feather : 0;
    double half = a->thickness / 2.0;
    *core = half - f / 2;
    *outer = half + f / 2;
    *core_alpha = 1.0;
    if (*core < 0) {
        *core_alpha = f > 0 ? a->thickness / f : 1.0;
        *core = 0;
    }
}

/* Segment count for a circle of radius r so the chord error stays under
 * 0.2 px, as a share of the sweep. */
static int segs_for(double r, double sweep, int lo, int hi)
{
    if (r < 1) r = 1;
    double e = 0.2;
    double c = 1 - e / r;
    double step = c > -1 ? 2 * acos(c) : TWO_PI;
    if (step < 1e-4) step = 1e-4;
    int n = (int)ceil(sweep / step);
    if (n < lo) n = lo;
    if (n > hi) n = hi;
    return n;
}

/* The grid lines strictly inside an open arc (more than a micro-radian
 * from either end): the first k with k * grid inside, and how many. False
 * when the arc does not follow a grid (none, closed, or too fine). */
static bool grid_lines(const sk_arc *a, double s, double sw, bool closed, long *first, int *count)
{
    if (!(a->grid > 0) || closed || a->segments > 0) return false;
    double g = a->grid, e = fmax(a->start, a->end), eps = 1e-6;   /* the end: the caller's own */
    if (sw / g > SK_ARC_MAX_SEGMENTS - 1) return false;
    /* The first line past the start, however close (a sliver of a first
     * segment draws nothing): the start's grid cell is floor(s / g), as
     * sk_hold_sector_of counts it. */
    long k0 = (long)floor(s / g) + 1, k1 = (long)ceil(e / g) - 1;
    if (e - k1 * g < eps) k1--;
    *first = k0;
    *count = k1 >= k0 ? (int)(k1 - k0 + 1) : 0;
    return true;
}

int sk_arc_segments(const sk_arc *a)
{
    if (arc_empty(a)) return 0;
    double s, sw;
    bool closed;
    arc_span(a, &s, &sw, &closed);
    long first;
    int lines;
    if (grid_lines(a, s, sw, closed, &first, &lines)) return lines + 1;
    if (a->segments > 0) return a->segments > SK_ARC_MAX_SEGMENTS ? SK_ARC_MAX_SEGMENTS : a->segments;
    double core, outer, ca;
    arc_widths(a, &core, &outer, &ca);
    return segs_for(a->radius + outer, sw, closed ? 12 : 2, SK_ARC_MAX_SEGMENTS);
}

int sk_arc_cap_segments(const sk_arc *a)
{
    if (arc_empty(a) || !a->round_caps) return 0;
    double s, sw;
    bool closed;
    arc_span(a, &s, &sw, &closed);
    if (closed) return 0;
    double core, outer, ca;
    arc_widths(a, &core, &outer, &ca);
    /* Even, so one rim vertex sits exactly on the tangent: the cap's tip. */
    int m = segs_for(outer, TWO_PI / 2, 4, SK_ARC_MAX_CAP_SEGMENTS);
    return m + (m & 1);
}

void sk_arc_sizes(const sk_arc *a, int *nv, int *ni)
{
    int n = sk_arc_segments(a);
    int m = sk_arc_cap_segments(a);
    if (n == 0) {
        *nv = *ni = 0;
        return;
    }
    *nv = 4 * (n + 1) + 2 * (m ? 2 * (m + 1) : 0);
    *ni = 18 * n + 2 * (m ? 3 * (m - 1) + 6 * m : 0);
}

static void put(sk_ring_vertex *v, double cx, double cy, double r, double ang, double alpha)
{
    v->x = (float)(cx + r * sin(ang));
    v->y = (float)(cy - r * cos(ang));
    v->a = (float)alpha;
}

/* The round cap at one end (0: the start, 1: the end, at angle ang) as a
 * half disc of m segments after the band's vertices; 'row' is the band's
 * end row it joins. */
static void add_cap(const sk_arc *a, int end, double ang, double core, double outer, double ca,
                    int m, const sk_ring_vertex *row, sk_ring_vertex *v, int *k, int *idx, int *q)
{
    double r = a->radius;
    double ex = a->cx + r * sin(ang), ey = a->cy - r * cos(ang);
    /* The half disc sweeps from the outer edge (radially out) through
     * the tangent to the inner edge: backwards (anticlockwise) at the
     * start, forwards at the end. Its two ends are copies of the band's
     * end row, bit for bit, and its fan starts from one of them, so the
     * shared edge is the same edge in both: no crack a rasteriser could
     * leave open (a centre vertex would make a T-junction). */
    int base = *k;
    for (int i = 0; i <= m; i++) {
        if (i == 0) {
            v[(*k)++] = row[1];
            v[(*k)++] = row[0];
            continue;
        }
        if (i == m) {
            v[(*k)++] = row[2];
            v[(*k)++] = row[3];
            continue;
        }
        double t = (double)i / m;
        double dir = end == 0 ? ang - t * (TWO_PI / 2) : ang + t * (TWO_PI / 2);
        put(&v[(*k)++], ex, ey, core, dir, ca);
        put(&v[(*k)++], ex, ey, outer, dir, 0);
    }
    for (int i = 1; i < m; i++) {
        idx[(*q)++] = base;                 /* core rim, first point */
        idx[(*q)++] = base + 2 * i;
        idx[(*q)++] = base + 2 * (i + 1);
    }
    for (int i = 0; i < m; i++) {
        int c0 = base + 2 * i, c1 = base + 2 * (i + 1);
        idx[(*q)++] = c0;
        idx[(*q)++] = c0 + 1;
        idx[(*q)++] = c1;
        idx[(*q)++] = c1;
        idx[(*q)++] = c0 + 1;
        idx[(*q)++] = c1 + 1;
    }
}

bool sk_arc_build(const sk_arc *a, sk_ring_vertex *v, int vcap, int *idx, int icap, int *nv,
                  int *ni)
{
    int need_v, need_i;
    sk_arc_sizes(a, &need_v, &need_i);
    *nv = *ni = 0;
    if (need_v == 0) return true;
    if (!v || !idx || vcap < need_v || icap < need_i) return false;

    double s, sw;
    bool closed;
    arc_span(a, &s, &sw, &closed);
    double core, outer, ca;
    arc_widths(a, &core, &outer, &ca);
    int n = sk_arc_segments(a);
    double r = a->radius;
    double rows[4] = {r + outer, r + core, r - core, r - outer};
    double alphas[4] = {0, ca, ca, 0};
    if (rows[3] < 0) rows[3] = 0;
    if (rows[2] < 0) rows[2] = 0;

    long first;
    int lines;
    bool on_grid = grid_lines(a, s, sw, closed, &first, &lines);
    /* On a grid the end is the caller's own, not s + sw: bit for bit the
     * same whatever the start. */
    double end = on_grid ? fmax(a->start, a->end) : s + sw;
    int k = 0, q = 0;
    for (int i = 0; i <= n; i++) {
        /* A closed ring ends exactly where it starts, so there is no seam. */
        double ang = (closed && i == n) ? s : s + sw * i / n;
        if (on_grid) ang = i == 0 ? s : i == n ? end : (double)(first + i - 1) * a->grid;
        for (int j = 0; j < 4; j++) put(&v[k++], a->cx, a->cy, rows[j], ang, alphas[j]);
    }
    for (int i = 0; i < n; i++) {
        int b0 = 4 * i, b1 = 4 * (i + 1);
        for (int j = 0; j < 3; j++) {
            idx[q++] = b0 + j;
            idx[q++] = b1 + j;
            idx[q++] = b0 + j + 1;
            idx[q++] = b0 + j + 1;
            idx[q++] = b1 + j;
            idx[q++] = b1 + j + 1;
        }
    }

    int m = sk_arc_cap_segments(a);
    for (int side = 0; side < 2 && m > 0; side++)
        add_cap(a, side, side == 0 ? s : end, core, outer, ca, m, &v[side == 0 ? 0 : 4 * n], v, &k,
                idx, &q);
    *nv = k;
    *ni = q;
    return true;
}

void sk_hold_grid_for(float radius, float thickness, float feather, sk_hold_grid *g)
{
    sk_arc track = {0, 0, radius, thickness, 0, (float)TWO_PI, feather, false, 0, 0};
    int n = sk_arc_segments(&track);
    if (n < 1) n = 1;
    g->grid = (float)(TWO_PI / n);
    /* Sectors about 32 px along the band: a small box to redraw, and few
     * enough of them to keep count of. */
    double seg_px = (radius > 1 ? radius : 1) * g->grid;
    int per = (int)lround(32.0 / seg_px);
    g->per_sector = per < 1 ? 1 : per;
    g->sectors = (n + g->per_sector - 1) / g->per_sector;
}

int sk_hold_sector_of(const sk_hold_grid *g, float start)
{
    /* The start's grid cell, counted as grid_lines does, so that the
     * arc's first segment is in this sector. */
    long cell = g->grid > 0 ? (long)floor((double)start / (double)g->grid) : 0;
    long j = cell / g->per_sector;
    return j < 0 ? 0 : j >= g->sectors ? g->sectors - 1 : (int)j;
}

void sk_hold_sector_bounds(const sk_hold_grid *g, int j, float cx, float cy, float radius,
                           float thickness, float feather, float out[4])
{
    double span = (double)g->grid * g->per_sector;
    double a0 = j * span, a1 = (j + 1) * span;
    if (a1 > TWO_PI) a1 = TWO_PI;
    /* The centre line's box: its ends and any of 12, 3, 6, 9 o'clock
     * between them; then the band's half width, the feather and a cap
     * (which reaches no further from the centre line than the band). */
    double x0 = 1e30, y0 = 1e30, x1 = -1e30, y1 = -1e30;
    for (int i = 0; i < 6; i++) {
        double ang = i == 0 ? a0 : i == 5 ? a1 : (i - 1) * (TWO_PI / 4);
        if (i > 0 && i < 5 && (ang < a0 || ang > a1)) continue;
        double x = cx + radius * sin(ang), y = cy - radius * cos(ang);
        x0 = fmin(x0, x);
        y0 = fmin(y0, y);
        x1 = fmax(x1, x);
        y1 = fmax(y1, y);
    }
    double pad = thickness / 2.0 + (feather > 0 ? feather : 0);
    out[0] = (float)(x0 - pad);
    out[1] = (float)(y0 - pad);
    out[2] = (float)(x1 + pad);
    out[3] = (float)(y1 + pad);
}

void sk_rep_row_fit(float box_w, float box_h, int total, sk_rep_row *out)
{
    if (total < 0) total = 0;
    if (total > SK_REP_DOTS_MAX) total = SK_REP_DOTS_MAX;
    out->total = total;
    out->natural_d = box_h * 0.62f;
    out->natural_pitch = out->natural_d * 1.55f;
    out->d = out->natural_d;
    out->pitch = out->natural_pitch;
    if (total > 0 && out->pitch * total > box_w) {
        out->pitch = box_w / total;
        out->d = out->pitch / 1.55f;
    }
    out->width = total > 0 ? (int)ceilf((total - 1) * out->pitch + out->d + 2) : 0;
}
