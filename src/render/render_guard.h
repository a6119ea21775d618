/* The renderer guard: a renderer that presents nothing but the background
 * is the black screen the kiosk must never show. On the trial boot SDL's
 * "opengl" renderer on KMSDRM (Mesa llvmpipe) drew only its clear colour
 * and said nothing: no error from SDL, "first frame on screen" in the log.
 * So the kiosk looks at what it drew: after the first frame with text,
 * before presenting it, it reads back the title's and a numeral's pixels,
 * and when they are all the background it moves on to the next render
 * driver (render_order.h). app.c drives it; this file does the SDL part. */
#ifndef SK_RENDER_GUARD_H
#define SK_RENDER_GUARD_H
#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "palette.h"
#include "render_order.h"

/* The render drivers this SDL has, in SDL's order (names are SDL's static
 * strings). Returns how many, at most max. */
int sk_render_available(const char **names, int max);

/* Creates a renderer of the named driver for the window, vsync on (a
 * software renderer: no vsync flag, SDL's software renderer has none).
 * NULL on failure, SDL_GetError() says why. */
SDL_Renderer *sk_render_create(SDL_Window *win, const char *driver);

/* The guard's state for one window. */
typedef struct sk_render_guard {
    sk_render_order order;
    int at;                  /* order.names[at] is in use; -1 none yet */
    bool pending;            /* its first frame with text is still to be looked at */
    const char *blank_test;  /* SK_TEST_BLANK_RENDERER, tests only (below) */
} sk_render_guard;

/* Orders the drivers for this video driver (and SDL_RENDER_DRIVER from
 * the environment) and makes the first one that can be made; logs which
 * and why. 'preferred' (may be NULL: the usual order) goes first unless
 * SDL_RENDER_DRIVER names a driver; 'why' (may be NULL) says why in the
 * log. NULL when none can be made (logged).
 *
 * Test hook: SK_TEST_BLANK_RENDERER makes renderers draw only the clear
 * (as "opengl" did on KMSDRM): "first" = the first of this run, "all" =
 * every one, else a driver's name. */
SDL_Renderer *sk_render_guard_first(sk_render_guard *g, SDL_Window *win, const char *video_driver,
                                    const char *preferred, const char *why);

/* The next driver after a blank one (the caller destroyed the old renderer
 * and everything made with it); 'why' goes in the log line. NULL when no
 * driver is left that can be made (logged). */
SDL_Renderer *sk_render_guard_next(sk_render_guard *g, SDL_Window *win, const char *why);

/* Call after drawing a frame with sk_scene_draw, before presenting it.
 * Until a frame with text was looked at, reads back the scene's title and
 * numeral (sk_scene_probe_rects) and decides, logging once: true = this
 * renderer presents only the background and another driver is left: do not
 * present; destroy the scene and the renderer, call sk_render_guard_next,
 * make the scene again. False = go on (it draws; or it could not be read
 * back; or it is the last driver left). Cheap once decided. */
struct sk_scene;
bool sk_render_guard_check(sk_render_guard *g, SDL_Renderer *r, struct sk_scene *scene);

typedef enum {
    SK_PROBE_DRAWN,     /* some pixel in the boxes is not the background */
    SK_PROBE_BLANK,     /* every pixel read is the background */
    SK_PROBE_UNKNOWN,   /* could not read back (SDL_RenderReadPixels failed) */
} sk_probe_result;

/* Reads back the boxes (target pixels, e.g. sk_scene_probe_rects) from the
 * current render target and compares them with 'bg'. Call after drawing,
 * before SDL_RenderPresent (after a present the back buffer's contents are
 * undefined). A pixel counts as drawn when it is neither bg nor black (the
 * clear around a rotated picture) by more than a few levels per channel (dithering, sRGB rounding), and the boxes as drawn
 * when at least a handful of pixels are (text strokes are hundreds). Boxes
 * are read in slices of at most 64 KB of pixels each; 'why' (may be NULL)
 * gets the SDL error for UNKNOWN. */
sk_probe_result sk_render_probe(SDL_Renderer *r, const SDL_Rect *boxes, int n, sk_rgb bg,
                                char *why, size_t why_size);
#endif
