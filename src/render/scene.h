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
#include <stdint.h>

#include "layout.h"
#include "text_cache.h"
#include "routine.h"
#include "timeline.h"

struct sk_sprite_sheet;   /* sprite_sheet.h */
struct sk_diag;           /* diag.h */

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
    bool canvas;             /* keep the picture in a texture between
                                frames and redraw only the areas that
                                changed (then copy it to the screen): for
                                software rasterisers (SDL's software
                                renderer, Mesa's llvmpipe), where every
                                pixel drawn costs CPU. Costs a texture of
                                the picture's size (w*h*4 bytes). */
    bool canvas_in_place;    /* with canvas: the render target itself keeps
                                its pixels between frames (SDL's software
                                renderer on the window's surface), so it is
                                the canvas: no texture, nothing copied; the
                                caller shows only sk_scene_dirty_rects.
                                Ignored when rotated (drawn through a
                                texture then). */
    int languages;           /* >= 2: the kiosk speaks several; the tag
                                names the one on screen and the start
                                offers a button for each (touch) */
    const char *language_names[SK_LANGUAGE_BUTTONS_MAX]; /* their labels,
                                each in its own language; borrowed */
    bool lazy_sprites;       /* load each sprite sheet when first drawn or
                                by sk_scene_preload, not at creation: the
                                program's first frame comes sooner */
    /* May be NULL. Asked first whenever a sheet is to be loaded: true =
     * it gave the sheet for this descriptor path in *out (NULL if it
     * failed, its problems added to the diag) as sk_sprite_sheet_load
     * would; false = load it here. The kiosk hands over the first sheet,
     * decoded while the renderer was made (sheet_prefetch.h). */
    bool (*take_sheet)(void *user, const char *path, struct sk_sprite_sheet **out, struct sk_diag *d);
    void *take_sheet_user;
} sk_scene_opts;

typedef struct sk_scene sk_scene;

/* Returns NULL only when out of memory; a missing font or sprite is drawn
 * around (logged once), never fatal. */
sk_scene *sk_scene_create(SDL_Renderer *r, const sk_routine *rt, const sk_scene_opts *o);
void sk_scene_destroy(sk_scene *sc);

/* Keeps resident the sprite sheets the screen wants soon: the exercise on
 * show (the first one before any frame) and the next one. Loads one of
 * them when missing (decode and upload, tens of ms for a large sheet) and,
 * with lazy_sprites, frees every other sheet (a cross-fade first ends;
 * a freed sheet loads again on first use). Call between frames, e.g.
 * while the picture stands still, and again from time to time: the
 * exercise on show changes (cheap when there is nothing to do). Returns
 * true while one of the two is still to be loaded. Without lazy_sprites
 * (every sheet loaded at creation) nothing is freed. The log line with
 * the sprites' texture total is written when every sheet has been loaded
 * at once (not with lazy_sprites and more than two exercises). */
bool sk_scene_preload(sk_scene *sc);

/* Sprite sheets freed so far by sk_scene_preload (benchmarks, tests). */
int sk_scene_sheets_dropped(const sk_scene *sc);

/* Draws the whole frame for the state v into the current render target of
 * size w x h (clears it first). With rotate 90/270 the picture is h x w and
 * turned onto the target. Phase changes cross-fade over ~0.4 s of the
 * view's clock (never a cut); a frame drawn after a jump in time shows the
 * new state at once. */
void sk_scene_draw(sk_scene *sc, const sk_tl_view *v, int w, int h);

/* The same into a layout the caller made for v and this target
 * (sk_view_layout, with the options this scene was made with): the app
 * computes it once a frame and hit-tests input against the same boxes.
 * sk_scene_draw is this with the layout made here. */
void sk_scene_draw_in(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h);

/* Frame pacing. sk_scene_prepare builds the frame for v (as sk_scene_draw
 * would, drawing nothing) and describes it:
 *   signature       a hash of every draw call the frame makes (items,
 *                   colours, places, alphas, the sprite frame and mirror,
 *                   the ring and progress bar rounded to half a pixel of
 *                   their length, the cross-fade's step, the target size
 *                   and rotation). Equal signatures draw equal pixels, so
 *                   a frame whose signature equals the one on screen need
 *                   not be drawn or presented.
 *   next_change_ms  timeline milliseconds until the picture (or a voice
 *                   cue) may next change while nobody touches anything:
 *                   0 = animating (look again next frame), -1 = nothing
 *                   scheduled (paused, a frozen start screen). It never
 *                   comes late; it may come early (then the frame is the
 *                   same and one looks again). Changes the timeline does
 *                   not show in the view (walk-away, a pending stop
 *                   running out) are not foreseen: look at least every
 *                   SK_SCENE_MAX_LOOK_MS. That also dates a change the
 *                   view cannot date (pause, resume): it cross-fades
 *                   only when the previous look is under 0.4 s old, else
 *                   it is taken for a jump in time and shown at once.
 * sk_scene_draw right after, for the same view and size, reuses the frame
 * prepared. Preparing without drawing keeps the cross-fade's bookkeeping,
 * so a phase change after a long still screen still fades. */
#define SK_SCENE_MAX_LOOK_MS 200
typedef struct sk_scene_frame {
    uint64_t signature;
    int64_t next_change_ms;
} sk_scene_frame;
void sk_scene_prepare(sk_scene *sc, const sk_tl_view *v, int w, int h, sk_scene_frame *out);
/* The same into a layout the caller made (see sk_scene_draw_in). */
void sk_scene_prepare_in(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h,
                         sk_scene_frame *out);

/* With a canvas: forget it (redraw all of it next frame), e.g. after
 * SDL_RENDER_TARGETS_RESET or a window event. */
void sk_scene_invalidate(sk_scene *sc);

/* The areas the last sk_scene_draw(_in) changed on the render target, at
 * most max (SK_SCENE_DIRTY_MAX is enough): returns their number (0 =
 * nothing changed), or -1 = assume all of it (no canvas in place, rotated,
 * a whole redraw, or more than max). The pixels outside them are those
 * of the frame drawn before, so showing only these updates the screen
 * exactly (canvas_in_place). */
#define SK_SCENE_DIRTY_MAX 8
int sk_scene_dirty_rects(const sk_scene *sc, SDL_Rect *out, int max);

/* Pixels drawn into the canvas so far (dirty areas; whole pictures when
 * everything was drawn), for benchmarks. 0 without a canvas. */
uint64_t sk_scene_pixels_drawn(const sk_scene *sc);

/* Texture memory the scene holds now (for start-up logs and benchmarks):
 * sprite sheets, the text cache, the rotation target; the largest single
 * texture. */
typedef struct sk_scene_texture_stats {
    size_t sprite_bytes, text_bytes, own_bytes;
    int sprite_textures, text_textures;
    int largest_w, largest_h;
} sk_scene_tex_stats;
void sk_scene_texture_stats(const sk_scene *sc, sk_scene_tex_stats *out);

/* The layout of the last frame prepared, in the picture's (rotated)
 * logical coordinates (view_layout.h says which). NULL before the first
 * frame. For tests; the app keeps the layout it hands in. */
const sk_layout *sk_scene_layout(const sk_scene *sc);

/* Checks the text of the last frame drawn, for tests: every visible line
 * lies inside the picture, is set at least at the layout's floor (3 % of
 * the height), and overlaps no other line (lines under the veil of a
 * dialog are not counted: they are meant to be covered; a frame in the
 * middle of a cross-fade is skipped). Returns the number of problems and
 * describes the first in why (may be NULL). May create textures for text
 * not yet drawn. */
int sk_scene_check_text(sk_scene *sc, char *why, size_t why_size);

/* For tests: how many lines of the last frame drawn were cut short with
 * an ellipsis ("…") because the text did not fit, counting only lines
 * taken from the text within (NULL: every line); the first is copied into
 * first (may be NULL). */
int sk_scene_cut_lines(const sk_scene *sc, const char *within, char *first, size_t first_size);

/* For tests: the text of the lines of the last frame drawn whose top left
 * corner lies in BOX (the layout's logical pixels), drawn ones only, top
 * to bottom as listed, joined with single spaces into out. Returns how
 * many lines. */
int sk_scene_lines_in(const sk_scene *sc, SDL_Rect box, char *out, size_t out_size);

/* Where the renderer guard (render/render_guard.h) looks: the boxes, in
 * the render target's pixels (rotation applied), of the title of the last
 * frame drawn (call right after sk_scene_draw, before presenting) (its largest text that is not a numeral) and of its
 * largest numeral (the ring's count, when there is one). Only solid text
 * counts: none during a cross-fade, under a veil, or fading in. Returns
 * how many boxes were written (0: this frame has no text to look at, look
 * at a later one), at most max. */
int sk_scene_probe_rects(sk_scene *sc, SDL_Rect *out, int max);

/* Text rendering counters (for the steady-state test and benchmarks).
 * textures_created also counts the scene's own textures (the rotation
 * target); sprite sheets are uploaded at creation and not counted. */
void sk_scene_text_stats(const sk_scene *sc, sk_text_stats *out);
#endif
