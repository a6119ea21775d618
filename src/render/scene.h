/* The scene: turns the timeline's state into a picture. It only reads the
 * state (sk_tl_view) and the routine; drawing never changes what happens
 * next, so a skipped frame changes nothing.
 *
 * Owns its text cache and sprite textures; create it after the renderer
 * and destroy it before. Recreate it when the routine changes. */
#ifndef SK_SCENE_H
#define SK_SCENE_H
#include <SDL.h>
#include <stdbool.h>

#include "layout.h"
#include "render/text_cache.h"
#include "routine.h"
#include "timeline.h"

typedef struct sk_scene_opts {
    const char *assets_dir;  /* fonts, sprites */
    bool touch;              /* show the "tap to start" invitation and controls */
    bool fell_back;          /* the routine is the built-in one because the
                                configured file had errors: show a small note */
    int rotate;              /* 0, 90, 180, 270: the picture is drawn turned
                                this far clockwise (a screen on its side);
                                drawn through a render target */
    float dpi;               /* the display's DPI (SDL_GetDisplayDPI), 0 =
                                unknown: sizes the touch targets (9 mm) */
} sk_scene_opts;

typedef struct sk_scene sk_scene;

/* Returns NULL only when out of memory; a missing font or sprite is drawn
 * around (logged once), never fatal. */
sk_scene *sk_scene_create(SDL_Renderer *r, const sk_routine *rt, const sk_scene_opts *o);
void sk_scene_destroy(sk_scene *sc);

/* Draws the whole frame for the state v into the current render target of
 * size w x h (clears it first). With rotate 90/270 the picture is h x w and
 * turned onto the target. Phase changes cross-fade over ~0.4 s of the
 * view's clock (never a cut); a frame drawn after a jump in time shows the
 * new state at once. */
void sk_scene_draw(sk_scene *sc, const sk_tl_view *v, int w, int h);

/* The layout of the last frame drawn, in the picture's (rotated) logical
 * coordinates: its controls[] are the touch targets (input.h). NULL before
 * the first frame. Flags it was made with: session = the view's mode is not
 * the loop, controls = a session runs (SK_TL_SESSION), invitation = the
 * start screen (SK_TL_START), or the loop with touch on; note = fell_back. */
const sk_layout *sk_scene_layout(const sk_scene *sc);

/* Checks the text of the last frame drawn, for tests: every visible line
 * lies inside the picture, is set at least at the layout's floor (3 % of
 * the height), and overlaps no other line (lines under the veil of a
 * dialog are not counted: they are meant to be covered; a frame in the
 * middle of a cross-fade is skipped). Returns the number of problems and
 * describes the first in why (may be NULL). May create textures for text
 * not yet drawn. */
int sk_scene_check_text(sk_scene *sc, char *why, size_t why_size);

/* Text rendering counters (for the steady-state test and benchmarks).
 * textures_created also counts the scene's own textures (the rotation
 * target); sprite sheets are uploaded at creation and not counted. */
void sk_scene_text_stats(const sk_scene *sc, sk_text_stats *out);
#endif
