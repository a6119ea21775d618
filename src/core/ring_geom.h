/* Geometry of an anti-aliased arc (the countdown rings), as triangles. No
 * SDL: the renderer turns {x, y, alpha} into SDL_Vertex with the colour's
 * alpha scaled by 'a'.
 *
 * Angles are in radians, clockwise from 12 o'clock (screen coordinates,
 * y down): a point at angle t lies at (cx + r sin t, cy - r cos t).
 *
 * The band is four rows of vertices along the arc: outer feather edge
 * (a = 0), outer core edge (a = 1), inner core edge (a = 1), inner feather
 * edge (a = 0). The feather straddles the nominal edge, half inside and
 * half outside, so a 1 px feather looks like coverage-based anti-aliasing.
 * Round caps are half discs at each end (centre, core rim, feather rim).
 * An arc of 2 pi or more is a closed ring without caps.
 */
#ifndef SK_RING_GEOM_H
#define SK_RING_GEOM_H
#include <stdbool.h>

#define SK_ARC_MAX_SEGMENTS 720
#define SK_ARC_MAX_CAP_SEGMENTS 48

typedef struct sk_ring_vertex {
    float x, y;
    float a;             /* coverage 0..1 */
} sk_ring_vertex;

typedef struct sk_arc {
    float cx, cy;
    float radius;        /* of the band's centre line, px (> 0) */
    float thickness;     /* band width, px (> 0) */
    float start, end;    /* radians, clockwise from 12 o'clock; end >= start
                            (swapped when not) */
    float feather;       /* width of the soft edge, px; 0 = hard edge */
    bool round_caps;
    int segments;        /* along the arc; 0 = enough for a 0.2 px chord error */
    float grid;          /* > 0 (an open arc, 'segments' 0): the vertices between
                            its ends at the multiples of grid radians, not spread
                            evenly, so that an arc whose start moves keeps every
                            triangle past its first segment bit for bit (the
                            hold ring drains without changing the rest); 0 = even */
} sk_arc;

/* Segments along the arc and on each cap that sk_arc_build will use. */
int sk_arc_segments(const sk_arc *a);
int sk_arc_cap_segments(const sk_arc *a);

/* Exact numbers of vertices and indices sk_arc_build writes for a. Zero for
 * an empty arc (no sweep, or radius/thickness <= 0). */
void sk_arc_sizes(const sk_arc *a, int *vertex_count, int *index_count);

/* Writes the arc into v (capacity vcap) and idx (capacity icap), triangles
 * as index triples. Returns false, writing nothing, when the arrays are too
 * small; *nv and *ni get the counts written (0 for an empty arc). */
bool sk_arc_build(const sk_arc *a, sk_ring_vertex *v, int vcap, int *idx, int icap,
                  int *nv, int *ni);

/* The hold ring's fill (sk_shape_hold): remaining r of a turn, from
 * start = (1 - r) 2 pi to 2 pi, on a grid of the track's own segments, in
 * sectors of a few segments. As it drains only the sector holding its
 * start changes (its first segment and round cap), so a canvas redraws
 * that sector's box, not the ring. */
typedef struct sk_hold_grid {
    float grid;          /* radians between the fill's vertices (sk_arc.grid) */
    int per_sector;      /* grid segments in a sector */
    int sectors;         /* sectors in the turn (the last may be shorter) */
} sk_hold_grid;
void sk_hold_grid_for(float radius, float thickness, float feather, sk_hold_grid *g);
/* The sector holding angle 'start' (0..sectors-1). */
int sk_hold_sector_of(const sk_hold_grid *g, float start);
/* Where sector j of a ring at cx, cy can put pixels, with its band, soft
 * edge and a round cap at either end: x0, y0, x1, y1. */
void sk_hold_sector_bounds(const sk_hold_grid *g, int j, float cx, float cy, float radius,
                           float thickness, float feather, float out[4]);

/* Rep markers "● ● ○ ○" in a row: 'total' dots (at most SK_REP_DOTS_MAX)
 * in a box of box_w x box_h, vertically centred, from the left. The dots
 * are 62 % of the height at 1.55 diameters' pitch (natural_*), shrunk to
 * fit box_w when that is too narrow (d, pitch). width: px the row covers
 * from the box's left (rounded up, with the 1 px inset and edge). */
#define SK_REP_DOTS_MAX 20
typedef struct sk_rep_row {
    int total;               /* clamped to 0..SK_REP_DOTS_MAX */
    float natural_d, natural_pitch;
    float d, pitch;
    int width;
} sk_rep_row;
void sk_rep_row_fit(float box_w, float box_h, int total, sk_rep_row *out);
#endif
