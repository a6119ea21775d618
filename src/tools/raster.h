/* A tiny anti-aliased rasteriser for the sprite baker: coverage masks built
 * from signed distances (round cones = capsules with two radii, convex
 * polygons), composited in premultiplied linear-in-value float RGBA and
 * turned into straight RGBA8 at the end. Pure C, deterministic: the same
 * calls give the same bytes. Build-time only.
 *
 * Coverage is clamp(0.5 - d, 0, 1) for a signed distance d in pixels: for
 * shapes whose curvature radius is well above a pixel this is the area of
 * the pixel inside the edge to within a few percent, i.e. analytic
 * anti-aliasing without supersampling. */
#ifndef SK_TOOLS_RASTER_H
#define SK_TOOLS_RASTER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sk_mask { int w, h; float *a; } sk_mask;
typedef struct sk_canvas { int w, h; float *px; } sk_canvas; /* premultiplied RGBA */
typedef struct sk_rgb { float r, g, b; } sk_rgb;            /* 0..1 */

/* Both return false when out of memory; free functions accept zeroed structs. */
bool sk_mask_init(sk_mask *m, int w, int h);
void sk_mask_free(sk_mask *m);
void sk_mask_clear(sk_mask *m);
bool sk_canvas_init(sk_canvas *c, int w, int h);
void sk_canvas_free(sk_canvas *c);

/* Signed distance from (px,py) to a round cone: discs (ax,ay,ra) and
 * (bx,by,rb) and the tangent lines between them. Negative inside. */
double sk_sd_round_cone(double px, double py, double ax, double ay, double ra,
                        double bx, double by, double rb);

/* Adds (max) a round cone to the mask. feather > 0 widens the edge into a
 * soft ramp of that many pixels (for shadows); strength scales it. */
void sk_mask_round_cone(sk_mask *m, double ax, double ay, double ra, double bx, double by, double rb,
                        double feather, double strength);
/* Adds (max) a convex polygon (points in either winding). */
void sk_mask_convex(sk_mask *m, const double *xy, int n);
/* m *= other (clip one mask by another). */
void sk_mask_multiply(sk_mask *m, const sk_mask *other);

/* Composites 'colour' at 'opacity' through the mask over the canvas. */
void sk_canvas_fill(sk_canvas *c, const sk_mask *m, sk_rgb colour, double opacity);
/* Composites another canvas over this one, offset by (dx,dy) pixels. */
void sk_canvas_over(sk_canvas *dst, const sk_canvas *src, int dx, int dy);
/* Fills the whole canvas with an opaque colour. */
void sk_canvas_clear(sk_canvas *c, sk_rgb colour, double alpha);

/* Straight RGBA8 into out (stride bytes a row), rounding to nearest. A
 * transparent pixel beside a visible one gets its neighbours' colour (alpha
 * stays 0), so linear filtering of straight alpha draws no dark fringe. */
void sk_canvas_to_rgba8(const sk_canvas *c, uint8_t *out, size_t stride);

/* Compares two straight-RGBA8 pictures of n pixels as they would look
 * composited: channels premultiplied by alpha, so a pixel that is fully
 * transparent in one and nearly so in the other counts as nearly equal.
 * Returns the largest difference (0..255); *over gets the number of pixels
 * whose largest difference exceeds 'tolerance', *differ (may be NULL) the
 * number that differ at all. */
int sk_rgba_compare(const uint8_t *a, const uint8_t *b, size_t n, int tolerance, size_t *over,
                    size_t *differ);

sk_rgb sk_rgb_hex(uint32_t hex);
sk_rgb sk_rgb_mix(sk_rgb a, sk_rgb b, double t);
#endif
