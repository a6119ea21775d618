/* Anti-aliased shapes on an SDL_Renderer, from the pure geometry in
 * ring_geom.h: countdown rings, rep dots, the leg figure, the progress bar
 * and rounded boxes. Everything goes through SDL_RenderGeometry with a
 * per-vertex alpha for the soft edge, so it looks the same on the GL, GLES
 * and software renderers (no MSAA needed, none on a Pi's KMS path).
 *
 * Each call sets the renderer's draw blend mode to BLEND, and may change
 * its draw colour. On SDL's software renderer the same pixels are drawn
 * more cheaply: no triangle outside the clip, opaque ones unblended, an
 * opaque box's inside as a filled rectangle (shapes.c says why each).
 * 'alpha' (0..255) scales the colours' own alpha (for cross-fades).
 * Vertices are built in a static scratch buffer: call from the rendering
 * thread only. No call allocates. Returns nothing: an SDL failure draws
 * nothing and is ignored (a frame missing a ring is better than a frame
 * missing).
 */
#ifndef SK_SHAPES_H
#define SK_SHAPES_H
#include <SDL.h>
#include <stdbool.h>

#include "ring_geom.h"

#define SK_RING_FEATHER 1.25f   /* px: a one-pixel soft edge, like coverage AA */

void sk_shape_arc(SDL_Renderer *r, const sk_arc *arc, SDL_Color c, Uint8 alpha);

/* The hold ring: a full track and, over it, the part still to go. The
 * emptied part grows clockwise from 12 o'clock like a clock hand sweeping
 * (remaining = 1 at the start, 0 at the end). */
void sk_shape_hold(SDL_Renderer *r, float cx, float cy, float radius, float thick,
                       double remaining, SDL_Color track, SDL_Color fill, Uint8 alpha);
/* The angle where the hold ring's fill starts for 'remaining' (clamped
 * to 0..1), as sk_shape_hold draws it. */
float sk_hold_start(double remaining);

/* The get-ready ring: a different style, one dash per second (a count of
 * 'seconds' dashes with gaps), each emptying in turn in the same clockwise
 * sweep. remaining is the fraction of the whole count still to go. */
void sk_shape_count(SDL_Renderer *r, float cx, float cy, float radius, float thick,
                        int seconds, double remaining, SDL_Color track, SDL_Color fill,
                        Uint8 alpha);

/* A rounded rectangle, filled (stroke <= 0) or outlined with a stroke of
 * that width; radius is clamped to half the short side. */
void sk_shape_rrect(SDL_Renderer *r, SDL_FRect box, float radius, float stroke,
                        SDL_Color c, Uint8 alpha);

/* A disc (filled) or a circle (stroke > 0). */
void sk_shape_dot(SDL_Renderer *r, float cx, float cy, float radius, float stroke,
                      SDL_Color c, Uint8 alpha);

/* Rep markers "● ● ○ ○": 'total' dots in a row, vertically centred in box,
 * starting at its left; the first 'filled' are solid, the rest hollow (shape
 * tells them apart, not colour). Returns the width used. */
int sk_shape_reps(SDL_Renderer *r, SDL_Rect box, int filled, int total, SDL_Color on,
                      SDL_Color off, Uint8 alpha);

/* The leg figure: a small pair of legs from a pelvis, one solid (the leg
 * being stretched) and one hollow; 'right_solid' mirrors it. The pair
 * fills the box: each leg 40 % of its width, 20 % apart, 90 % of its
 * height. */
void sk_shape_legs(SDL_Renderer *r, SDL_FRect box, bool right_solid,
                       SDL_Color solid, SDL_Color hollow, Uint8 alpha);

/* The progress bar: a rounded track and the part done. */
void sk_shape_bar(SDL_Renderer *r, SDL_Rect box, double done, SDL_Color track,
                      SDL_Color fill, Uint8 alpha);
#endif
