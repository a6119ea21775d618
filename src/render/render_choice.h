/* GL or SDL's software renderer: chosen by what the machine has (no SDL:
 * pure, for tests; window.c gathers the facts and follows the answer).
 *
 * Why. Where GL is Mesa's software rasteriser (llvmpipe, softpipe, swrast:
 * an office PC without a GPU driver, a thin client, a virtual machine),
 * GL costs a core's worth of CPU per 1080p frame and ~50 MB of Mesa and
 * LLVM in the process, and redraws the whole picture every frame. SDL's
 * software renderer with the canvas (only what changed is redrawn and sent
 * to X) costs a tenth of that. Where GL is a GPU's (the Pi's v3d/vc4), GL
 * stays: the GPU rasterises, and the path is the one tested on the Pi.
 *
 * The facts, cheapest first: the video driver (KMSDRM keeps GL: its only
 * path to the screen is EGL, so SDL's software renderer there would go
 * through GL anyway); a render node (/dev/dri/renderD*: without one, Mesa
 * can only be llvmpipe, so software is chosen before any GL is loaded);
 * and, only when there is a render node, GL_RENDERER read once from the
 * GL renderer already made (a probe: it costs loading Mesa, which is what
 * would have been loaded anyway). */
#ifndef SK_RENDER_CHOICE_H
#define SK_RENDER_CHOICE_H
#include <stdbool.h>

#include "config.h"

typedef enum {
    SK_RC_GL,        /* SDL's GL order (render_order.h) */
    SK_RC_SOFTWARE,  /* SDL's software renderer (and the canvas) first */
    SK_RC_PROBE,     /* make the GL renderer, read GL_RENDERER, ask again */
} sk_render_path;

typedef struct sk_render_facts {
    const char *video_driver;  /* SDL_GetCurrentVideoDriver(), may be NULL */
    sk_renderer_pref pref;     /* kiosk.ini renderer / --renderer */
    bool render_node;          /* a /dev/dri/renderD* exists */
    const char *gl_renderer;   /* GL_RENDERER once probed; NULL = not yet */
} sk_render_facts;

typedef struct sk_render_choice {
    sk_render_path path;
    const char *why;           /* a static string for the log */
} sk_render_choice;

/* The decision (never fails):
 *   - pref gl / software: that, whatever the machine;
 *   - auto on a driver other than x11 (kmsdrm, wayland, tests' dummy):
 *     GL, as before (wayland and kmsdrm have no software path to the
 *     screen that avoids GL in SDL 2);
 *   - auto on x11: no render node -> software; a render node and
 *     gl_renderer NULL -> probe; gl_renderer naming llvmpipe, softpipe or
 *     swrast (any case) -> software; any other -> GL. */
sk_render_choice sk_render_choose(const sk_render_facts *f);

/* Whether a GL_RENDERER string is one of Mesa's software rasterisers. */
bool sk_render_is_software_gl(const char *gl_renderer);
#endif
