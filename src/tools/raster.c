/* Anti-aliased masks and compositing for the sprite baker. See raster.h. */
#include "raster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool sk_mask_init(sk_mask *m, int w, int h)
{
    m->w = w;
    m->h = h;
    m->a = calloc((size_t)w * (size_t)h, sizeof *m->a);
    return m->a != NULL;
}

void sk_mask_free(sk_mask *m)
{
    free(m->a);
    m->a = NULL;
    m->w = m->h = 0;
}

void sk_mask_clear(sk_mask *m)
{
    memset(m->a, 0, (size_t)m->w * (size_t)m->h * sizeof *m->a);
}

bool sk_canvas_init(sk_canvas *c, int w, int h)
{
    c->w = w;
    c->h = h;
    c->px = calloc((size_t)w * (size_t)h * 4, sizeof *c->px);
    return c->px != NULL;
}

void sk_canvas_free(sk_canvas *c)
{
    free(c->px);
    c->px = NULL;
    c->w = c->h = 0;
}

/* Inigo Quilez's exact round-cone distance, reduced to 2-D. */
double sk_sd_round_cone(double px, double py, double ax, double ay, double ra,
                        double bx, double by, double rb)
{
    double bax = bx - ax, bay = by - ay;
    double l2 = bax * bax + bay * bay;
    double rr = ra - rb;
    double a2 = l2 - rr * rr;
    if (l2 < 1e-12 || a2 <= 1e-12) {
        /* one disc holds the other: the bigger disc is the shape */
        double da = hypot(px - ax, py - ay) - ra, db = hypot(px - bx, py - by) - rb;
        return da < db ? da : db;
    }
    double il2 = 1.0 / l2;
    double pax = px - ax, pay = py - ay;
    double y = pax * bax + pay * bay;
    double z = y - l2;
    double qx = pax * l2 - bax * y, qy = pay * l2 - bay * y;
    double x2 = qx * qx + qy * qy;
    double y2 = y * y * l2;
    double z2 = z * z * l2;
    double k = (rr > 0 ? 1 : rr < 0 ? -1 : 0) * rr * rr * x2;
    if ((z > 0 ? 1 : z < 0 ? -1 : 0) * a2 * z2 > k)
        return sqrt(x2 + z2) * il2 - rb;
    if ((y > 0 ? 1 : y < 0 ? -1 : 0) * a2 * y2 < k)
        return sqrt(x2 + y2) * il2 - ra;
    return (sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

static float coverage(double d, double feather)
{
    if (feather > 0) {
        /* smoothstep across [-feather/2, +feather/2] */
        double t = 0.5 - d / feather;
        if (t <= 0) return 0.0f;
        if (t >= 1) return 1.0f;
        return (float)(t * t * (3 - 2 * t));
    }
    double c = 0.5 - d;
    return c <= 0 ? 0.0f : c >= 1 ? 1.0f : (float)c;
}

static void bounds(const sk_mask *m, double x0, double y0, double x1, double y1, int *ix0, int *iy0,
                   int *ix1, int *iy1)
{
    *ix0 = (int)floor(x0);
    *iy0 = (int)floor(y0);
    *ix1 = (int)ceil(x1);
    *iy1 = (int)ceil(y1);
    if (*ix0 < 0) *ix0 = 0;
    if (*iy0 < 0) *iy0 = 0;
    if (*ix1 > m->w) *ix1 = m->w;
    if (*iy1 > m->h) *iy1 = m->h;
}

void sk_mask_round_cone(sk_mask *m, double ax, double ay, double ra, double bx, double by, double rb,
                        double feather, double strength)
{
    double pad = (ra > rb ? ra : rb) + 1.0 + feather;
    int x0, y0, x1, y1;
    bounds(m, fmin(ax, bx) - pad, fmin(ay, by) - pad, fmax(ax, bx) + pad, fmax(ay, by) + pad,
           &x0, &y0, &x1, &y1);
    for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
            /* pixel centres at +0.5 */
            double d = sk_sd_round_cone(x + 0.5, y + 0.5, ax, ay, ra, bx, by, rb);
            float c = (float)(coverage(d, feather) * strength);
            float *dst = &m->a[(size_t)y * (size_t)m->w + (size_t)x];
            if (c > *dst)
                *dst = c;
        }
    }
}

void sk_mask_convex(sk_mask *m, const double *xy, int n)
{
    if (n < 3)
        return;
    double minx = xy[0], maxx = xy[0], miny = xy[1], maxy = xy[1];
    double area = 0;
    for (int i = 0; i < n; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1];
        minx = fmin(minx, x); maxx = fmax(maxx, x);
        miny = fmin(miny, y); maxy = fmax(maxy, y);
        int j = (i + 1) % n;
        area += x * xy[2 * j + 1] - xy[2 * j] * y;
    }
    double sgn = area >= 0 ? 1.0 : -1.0;
    int x0, y0, x1, y1;
    bounds(m, minx - 1, miny - 1, maxx + 1, maxy + 1, &x0, &y0, &x1, &y1);
    for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
            double px = x + 0.5, py = y + 0.5;
            /* the largest distance outside any edge line: exact inside and
             * along the edges, a slight under-estimate beyond a corner */
            double d = -1e9;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double ex = xy[2 * j] - xy[2 * i], ey = xy[2 * j + 1] - xy[2 * i + 1];
                double len = hypot(ex, ey);
                if (len < 1e-9)
                    continue;
                /* outward normal for this winding */
                double nx = sgn * ey / len, ny = -sgn * ex / len;
                double di = (px - xy[2 * i]) * nx + (py - xy[2 * i + 1]) * ny;
                if (di > d)
                    d = di;
            }
            float c = coverage(d, 0);
            float *dst = &m->a[(size_t)y * (size_t)m->w + (size_t)x];
            if (c > *dst)
                *dst = c;
        }
    }
}

void sk_mask_multiply(sk_mask *m, const sk_mask *other)
{
    size_t n = (size_t)m->w * (size_t)m->h;
    for (size_t i = 0; i < n; i++)
        m->a[i] *= other->a[i];
}

void sk_canvas_fill(sk_canvas *c, const sk_mask *m, sk_rgb col, double opacity)
{
    size_t n = (size_t)c->w * (size_t)c->h;
    for (size_t i = 0; i < n; i++) {
        float a = (float)(m->a[i] * opacity);
        if (a <= 0)
            continue;
        float *p = &c->px[i * 4];
        float k = 1.0f - a;
        p[0] = col.r * a + p[0] * k;
        p[1] = col.g * a + p[1] * k;
        p[2] = col.b * a + p[2] * k;
        p[3] = a + p[3] * k;
    }
}

void sk_canvas_over(sk_canvas *dst, const sk_canvas *src, int dx, int dy)
{
    for (int y = 0; y < src->h; y++) {
        int ty = y + dy;
        if (ty < 0 || ty >= dst->h)
            continue;
        for (int x = 0; x < src->w; x++) {
            int tx = x + dx;
            if (tx < 0 || tx >= dst->w)
                continue;
            const float *s = &src->px[((size_t)y * (size_t)src->w + (size_t)x) * 4];
            float *d = &dst->px[((size_t)ty * (size_t)dst->w + (size_t)tx) * 4];
            float k = 1.0f - s[3];
            for (int i = 0; i < 4; i++)
                d[i] = s[i] + d[i] * k;
        }
    }
}

void sk_canvas_clear(sk_canvas *c, sk_rgb col, double alpha)
{
    size_t n = (size_t)c->w * (size_t)c->h;
    for (size_t i = 0; i < n; i++) {
        c->px[i * 4 + 0] = (float)(col.r * alpha);
        c->px[i * 4 + 1] = (float)(col.g * alpha);
        c->px[i * 4 + 2] = (float)(col.b * alpha);
        c->px[i * 4 + 3] = (float)alpha;
    }
}

static uint8_t to8(double v)
{
    if (v <= 0) return 0;
    if (v >= 1) return 255;
    return (uint8_t)(v * 255.0 + 0.5);
}

void sk_canvas_to_rgba8(const sk_canvas *c, uint8_t *out, size_t stride)
{
    for (int y = 0; y < c->h; y++) {
        uint8_t *row = out + (size_t)y * stride;
        for (int x = 0; x < c->w; x++) {
            const float *p = &c->px[((size_t)y * (size_t)c->w + (size_t)x) * 4];
            uint8_t a = to8(p[3]);
            if (a == 0) {
                /* fully transparent: black for now (the bleed below may
                 * colour it), never float noise in colours nobody sees */
                memset(row + x * 4, 0, 4);
                continue;
            }
            row[x * 4 + 0] = to8(p[0] / p[3]);
            row[x * 4 + 1] = to8(p[1] / p[3]);
            row[x * 4 + 2] = to8(p[2] / p[3]);
            row[x * 4 + 3] = a;
        }
    }
    /* Colour bleed: a transparent pixel next to a visible one takes the
     * average colour of its visible neighbours. The kiosk scales sheets up
     * with linear filtering on straight (not premultiplied) alpha, which
     * mixes the colour of a transparent texel into the edge: black there
     * would draw a dark fringe round every shape. Alpha stays 0, so the
     * picture itself does not change. */
    for (int y = 0; y < c->h; y++) {
        uint8_t *row = out + (size_t)y * stride;
        for (int x = 0; x < c->w; x++) {
            if (row[x * 4 + 3] != 0)
                continue;
            unsigned sum[3] = {0, 0, 0}, n = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx, ny = y + dy;
                    if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= c->w || ny >= c->h)
                        continue;
                    const float *q = &c->px[((size_t)ny * (size_t)c->w + (size_t)nx) * 4];
                    if (to8(q[3]) == 0)
                        continue;
                    for (int k = 0; k < 3; k++)
                        sum[k] += to8(q[k] / q[3]);
                    n++;
                }
            }
            for (int k = 0; n && k < 3; k++)
                row[x * 4 + k] = (uint8_t)((sum[k] + n / 2) / n);
        }
    }
}

sk_rgb sk_rgb_hex(uint32_t hex)
{
    sk_rgb c = {(float)((hex >> 16) & 255) / 255.0f, (float)((hex >> 8) & 255) / 255.0f,
                (float)(hex & 255) / 255.0f};
    return c;
}

sk_rgb sk_rgb_mix(sk_rgb a, sk_rgb b, double t)
{
    sk_rgb c = {(float)(a.r + (b.r - a.r) * t), (float)(a.g + (b.g - a.g) * t),
                (float)(a.b + (b.b - a.b) * t)};
    return c;
}

int sk_rgba_compare(const uint8_t *a, const uint8_t *b, size_t n, int tolerance, size_t *over,
                    size_t *differ)
{
    int worst = 0;
    size_t o = 0, d = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = a + i * 4, *q = b + i * 4;
        int w = abs((int)p[3] - (int)q[3]);
        for (int k = 0; k < 3; k++) {
            /* premultiplied, rounded: (c * alpha) / 255 */
            int pc = ((int)p[k] * (int)p[3] + 127) / 255, qc = ((int)q[k] * (int)q[3] + 127) / 255;
            int e = abs(pc - qc);
            if (e > w)
                w = e;
        }
        if (w > 0)
            d++;
        if (w > tolerance)
            o++;
        if (w > worst)
            worst = w;
    }
    if (over)
        *over = o;
    if (differ)
        *differ = d;
    return worst;
}
