/* Arc geometry: counts, bounds, feather alphas, caps where they belong. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ring_geom.h"

#define PI 3.14159265358979323846

static sk_ring_vertex *vbuf;
static int *ibuf;

static int build(const sk_arc *a, int *nv, int *ni)
{
    int want_v, want_i;
    sk_arc_sizes(a, &want_v, &want_i);
    free(vbuf);
    free(ibuf);
    vbuf = malloc(sizeof *vbuf * (size_t)(want_v + 1));
    ibuf = malloc(sizeof *ibuf * (size_t)(want_i + 1));
    bool ok = sk_arc_build(a, vbuf, want_v, ibuf, want_i, nv, ni);
    CHECK(ok, "build");
    CHECK_INT(*nv, want_v);
    CHECK_INT(*ni, want_i);
    return ok;
}

static double dist(double x, double y, double cx, double cy) { return hypot(x - cx, y - cy); }

static void test_counts(void)
{
    sk_arc a = {.cx = 100, .cy = 100, .radius = 50, .thickness = 10, .start = 0, .end = PI,
                .feather = 1, .round_caps = false, .segments = 16};
    int nv, ni;
    build(&a, &nv, &ni);
    CHECK_INT(nv, 4 * 17);
    CHECK_INT(ni, 18 * 16);
    a.round_caps = true;
    int m = sk_arc_cap_segments(&a);
    CHECK(m >= 4, "cap segments %d", m);
    build(&a, &nv, &ni);
    CHECK_INT(nv, 4 * 17 + 2 * 2 * (m + 1));
    CHECK_INT(ni, 18 * 16 + 2 * (3 * (m - 1) + 6 * m));
    for (int i = 0; i < ni; i++) CHECK(ibuf[i] >= 0 && ibuf[i] < nv, "index %d out of range", i);

    /* Empty arcs write nothing. */
    sk_arc e = a;
    e.end = e.start;
    sk_arc_sizes(&e, &nv, &ni);
    CHECK(nv == 0 && ni == 0, "empty sweep");
    e = a;
    e.radius = 0;
    sk_arc_sizes(&e, &nv, &ni);
    CHECK(nv == 0 && ni == 0, "zero radius");

    /* Too small arrays: refused, nothing written. */
    sk_ring_vertex v[4];
    int idx[4];
    CHECK(!sk_arc_build(&a, v, 4, idx, 4, &nv, &ni), "small arrays refused");
    CHECK_INT(nv, 0);
}

static void test_auto_segments(void)
{
    /* Chord error under 0.2 px: more segments on a big ring, capped. */
    sk_arc small = {.radius = 20, .thickness = 4, .start = 0, .end = 2 * PI, .feather = 1};
    sk_arc big = small;
    big.radius = 900;
    int ns = sk_arc_segments(&small), nb = sk_arc_segments(&big);
    CHECK(ns >= 12 && nb > ns && nb <= SK_ARC_MAX_SEGMENTS, "segments %d %d", ns, nb);
    double r = big.radius + big.thickness / 2 + 0.5;
    double err = r * (1 - cos(PI / nb));
    CHECK(err <= 0.2 + 1e-6, "chord error %g", err);
}

static void test_bounds_and_alpha(void)
{
    float r = 120, t = 18, f = 1.5f;
    sk_arc a = {.cx = 300, .cy = 200, .radius = r, .thickness = t, .start = 0.3f,
                .end = 4.0f, .feather = f, .round_caps = true};
    int nv, ni;
    build(&a, &nv, &ni);
    int core = 0, edge = 0;
    for (int i = 0; i < nv; i++) {
        double d = dist(vbuf[i].x, vbuf[i].y, a.cx, a.cy);
        CHECK(d >= r - t / 2 - f - 1e-3 && d <= r + t / 2 + f + 1e-3, "vertex %d at %g", i, d);
        CHECK(vbuf[i].a == 0.0f || vbuf[i].a == 1.0f, "alpha %g", vbuf[i].a);
        if (vbuf[i].a == 1.0f) core++;
        else edge++;
    }
    /* The band rows: outer/inner feather edges carry 0, the core rows 1,
     * at the right radii. */
    for (int i = 0; i <= sk_arc_segments(&a); i++) {
        const sk_ring_vertex *row = &vbuf[4 * i];
        CHECK(row[0].a == 0 && row[1].a == 1 && row[2].a == 1 && row[3].a == 0, "row %d alphas", i);
        CHECK(fabs(dist(row[0].x, row[0].y, a.cx, a.cy) - (r + t / 2 + f / 2)) < 1e-3, "outer edge");
        CHECK(fabs(dist(row[1].x, row[1].y, a.cx, a.cy) - (r + t / 2 - f / 2)) < 1e-3, "outer core");
        CHECK(fabs(dist(row[2].x, row[2].y, a.cx, a.cy) - (r - t / 2 + f / 2)) < 1e-3, "inner core");
        CHECK(fabs(dist(row[3].x, row[3].y, a.cx, a.cy) - (r - t / 2 - f / 2)) < 1e-3, "inner edge");
    }
    CHECK(core > 0 && edge > 0, "both kinds");
    /* First row at the start angle, clockwise from 12 o'clock. */
    double ang = atan2(vbuf[1].x - a.cx, -(vbuf[1].y - a.cy));
    CHECK(fabs(ang - 0.3) < 1e-4, "start angle %g", ang);
    int n = sk_arc_segments(&a);
    const sk_ring_vertex *last = &vbuf[4 * n + 1];
    ang = atan2(last->x - a.cx, -(last->y - a.cy));
    if (ang < 0) ang += 2 * PI;
    CHECK(fabs(ang - 4.0) < 1e-4, "end angle %g", ang);
}

static void test_caps(void)
{
    float r = 100, t = 20, f = 1;
    sk_arc a = {.cx = 0, .cy = 0, .radius = r, .thickness = t, .start = 0, .end = PI / 2,
                .feather = f, .round_caps = true};
    int nv, ni;
    build(&a, &nv, &ni);
    int n = sk_arc_segments(&a), m = sk_arc_cap_segments(&a);
    int base0 = 4 * (n + 1), base1 = base0 + 2 * (m + 1);
    /* Start cap around 12 o'clock (0, -100): its tip reaches backwards (to
     * -x) by t/2 + f/2; end cap around 3 o'clock (100, 0), tip down (+y). */
    float minx = 1e9f, maxy = -1e9f;
    for (int i = base0; i < base1; i++) minx = vbuf[i].x < minx ? vbuf[i].x : minx;
    for (int i = base1; i < nv; i++) maxy = vbuf[i].y > maxy ? vbuf[i].y : maxy;
    CHECK(fabs(minx - -(t / 2 + f / 2)) < 1e-3, "start cap tip at x=%g", minx);
    CHECK(fabs(maxy - (t / 2 + f / 2)) < 1e-3, "end cap tip at y=%g", maxy);
    /* The tip vertex sits on the tangent through the arc's end point. */
    const sk_ring_vertex *tip = &vbuf[base1 + 2 * (m / 2) + 1];
    CHECK(fabs(tip->x - r) < 1e-3 && fabs(tip->y - (t / 2 + f / 2)) < 1e-3, "end tip (%g,%g)", tip->x,
          tip->y);
    /* Rim alphas alternate core (1) and feather (0). */
    for (int i = 0; i <= m; i++)
        CHECK(vbuf[base1 + 2 * i].a == 1 && vbuf[base1 + 2 * i + 1].a == 0, "cap rim alpha");
    /* The cap's ends are the band's end row, bit for bit (no crack). */
    const sk_ring_vertex *endrow = &vbuf[4 * n];
    CHECK(!memcmp(&vbuf[base1], &endrow[1], sizeof *endrow), "end cap starts at the outer core");
    CHECK(!memcmp(&vbuf[base1 + 1], &endrow[0], sizeof *endrow), "... and its feather");
    CHECK(!memcmp(&vbuf[base1 + 2 * m], &endrow[2], sizeof *endrow), "end cap ends at the inner core");
    CHECK(!memcmp(&vbuf[base1 + 2 * m + 1], &endrow[3], sizeof *endrow), "... and its feather");
    CHECK(!memcmp(&vbuf[base0], &vbuf[1], sizeof *endrow), "start cap shares the first row");
    /* Every cap triangle uses vertices of its own cap or the shared row. */
    for (int i = 18 * n; i < ni; i++) CHECK(ibuf[i] >= base0, "cap index %d", ibuf[i]);
}

static void test_full_ring_and_thin(void)
{
    sk_arc a = {.cx = 0, .cy = 0, .radius = 50, .thickness = 6, .start = 0, .end = 7.0f,
                .feather = 1, .round_caps = true};
    int nv, ni;
    build(&a, &nv, &ni);
    CHECK_INT(sk_arc_cap_segments(&a), 0);     /* closed: no caps */
    int n = sk_arc_segments(&a);
    CHECK(fabs(vbuf[0].x - vbuf[4 * n].x) < 1e-4 && fabs(vbuf[0].y - vbuf[4 * n].y) < 1e-4,
          "closed ring has no seam");
    /* Thinner than the feather: the core keeps a reduced alpha. */
    sk_arc thin = {.radius = 50, .thickness = 0.5f, .start = 0, .end = 1, .feather = 2};
    build(&thin, &nv, &ni);
    CHECK(vbuf[1].a > 0 && vbuf[1].a < 1, "thin core alpha %g", vbuf[1].a);
    /* Start and end swapped: the same arc. */
    sk_arc s1 = {.radius = 50, .thickness = 6, .start = 1, .end = 2, .feather = 1, .segments = 8};
    sk_arc s2 = s1;
    s2.start = 2;
    s2.end = 1;
    int a1, b1, a2, b2;
    sk_arc_sizes(&s1, &a1, &b1);
    sk_arc_sizes(&s2, &a2, &b2);
    CHECK(a1 == a2 && b1 == b2, "swapped sizes");
}

/* On a grid, an arc whose start moves keeps every vertex past its first
 * segment bit for bit (the end row and end cap too), and the hold ring's
 * sectors put the start's first segment in the sector said. */
static void test_grid(void)
{
    sk_hold_grid g;
    sk_hold_grid_for(150, 24, 1.25f, &g);
    CHECK(g.grid > 0 && g.per_sector >= 1 && g.sectors >= 8, "grid %g, %d a sector, %d sectors",
          g.grid, g.per_sector, g.sectors);
    CHECK(g.sectors * g.per_sector * g.grid >= 2 * PI - 1e-4, "the sectors cover the turn");
    float end = 6.28318530717959f;
    sk_ring_vertex keep[4 * (SK_ARC_MAX_SEGMENTS + 1)];
    int kept = 0, first_kept_angle = -1;
    /* (A start of 0 is a whole ring: closed, evenly spread, no grid.) */
    for (int step = 1; step < 400; step++) {
        float start = (float)(step * 0.0137);
        sk_arc a = {300, 200, 150, 24, start, end, 1.25f, true, 0, g.grid};
        int nv, ni;
        if (!build(&a, &nv, &ni)) return;
        int n = sk_arc_segments(&a);
        /* The band's rows 1..n: row i at angle (first line + i - 1) * grid. */
        long k0 = (long)floor(start / g.grid) + 1;
        for (int i = 1; i < n; i++) {
            long line = k0 + i - 1;
            for (int j = 0; j < 4; j++) {
                const sk_ring_vertex *v = &vbuf[4 * i + j];
                double ang = atan2(v->x - 300, -(v->y - 200));
                if (ang < 0) ang += 2 * PI;
                CHECK(fabs(ang - line * g.grid) < 1e-4, "start %g row %d at %g, not line %ld", start,
                      i, ang, line);
            }
        }
        /* Against the first arc: its rows for the same lines, bit for bit. */
        if (step == 1) {
            kept = n;
            first_kept_angle = (int)k0;
            memcpy(keep, vbuf, sizeof(sk_ring_vertex) * 4 * (size_t)(n + 1));
        } else {
            long off = k0 - first_kept_angle;   /* rows the first arc had before these */
            for (int i = 1; i <= n && off + i < kept + 1; i++)
                CHECK(!memcmp(&vbuf[4 * i], &keep[4 * (off + i)], sizeof(sk_ring_vertex) * 4),
                      "start %g: row %d moved", start, i);
        }
        int sec = sk_hold_sector_of(&g, start);
        double a0 = sec * g.per_sector * (double)g.grid, a1 = a0 + g.per_sector * (double)g.grid;
        CHECK(start >= a0 - 1e-6 && k0 * (double)g.grid <= a1 + 1e-6,
              "start %g: its first segment (to %g) leaves sector %d (%g..%g)", start,
              k0 * (double)g.grid, sec, a0, a1);
        float b[4];
        sk_hold_sector_bounds(&g, sec, 300, 200, 150, 24, 1.25f, b);
        /* The start's cap and first segment lie within the sector's box. */
        for (int i = 0; i < nv; i++) {
            double ang = atan2(vbuf[i].x - 300, -(vbuf[i].y - 200));
            if (ang < 0) ang += 2 * PI;
            bool near_start = i < 8 || (i >= 4 * (n + 1) && i < 4 * (n + 1) + 2 * (sk_arc_cap_segments(&a) + 1));
            if (!near_start) continue;
            CHECK(vbuf[i].x >= b[0] && vbuf[i].x <= b[2] && vbuf[i].y >= b[1] && vbuf[i].y <= b[3],
                  "start %g: vertex %d (%g,%g) outside sector %d's box", start, i, vbuf[i].x,
                  vbuf[i].y, sec);
        }
    }
}

int main(void)
{
    test_counts();
    test_auto_segments();
    test_bounds_and_alpha();
    test_caps();
    test_full_ring_and_thin();
    test_grid();
    free(vbuf);
    free(ibuf);
    return CHECK_DONE();
}
