/* Frame pacing, headless (SDL's software renderer on surfaces, no video
 * driver). Two scenes look at the same timeline:
 *   - the paced one is paced as the program paces its window (pacing.h):
 *     it looks at a frame only when the previous look said something may
 *     change by then (next_change_ms), and draws only when the frame's
 *     signature differs from the one on screen;
 *   - the reference draws every tick, all of it.
 * Both are run three times: drawn straight onto the surface; through a
 * canvas (the paced one then redraws only the areas that changed); and
 * with the surface itself as the canvas, the paced screen taking only the
 * areas the scene says changed (as the program's software path sends
 * them to X with SDL_UpdateWindowSurfaceRects).
 * At every tick the paced screen must be pixel-identical to the reference
 * (a skipped frame is the same picture as the one on screen), while far
 * fewer frames are drawn than ticks pass: a 30 s hold at 60 Hz, a paused
 * minute, a static card. Also: the signature changes with the phase, the
 * seconds shown and the sprite frame. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "pacing.h"
#include "scene.h"

#define W 480
#define H 270

static char assets[4096];

typedef struct screen {
    SDL_Surface *surf;
    SDL_Renderer *r;
    sk_scene *sc;
} screen;

typedef struct rig {
    sk_content c;
    screen paced, ref;
    Uint8 *shown;             /* the paced screen's last presented pixels */
    sk_pacer pacer;           /* what the paced screen shows */
    int64_t look_at;          /* timeline clock of the paced loop's next look */
    /* counts */
    int ticks, looks, draws, ref_changes, mismatches;
    int all_draws;            /* never reset */
    int64_t first_mismatch;
    bool in_place;
    uint64_t sent_px;         /* in place: pixels sent to the "screen" */
} rig;

static bool screen_open(screen *s, const sk_routine *rt, bool canvas, bool in_place)
{
    memset(s, 0, sizeof *s);
    s->surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGBA32);
    s->r = s->surf ? SDL_CreateSoftwareRenderer(s->surf) : NULL;
    sk_scene_opts o = {.assets_dir = assets, .canvas = canvas, .canvas_in_place = in_place};
    s->sc = s->r ? sk_scene_create(s->r, rt, &o) : NULL;
    return s->sc != NULL;
}

static void screen_close(screen *s)
{
    sk_scene_destroy(s->sc);
    if (s->r) SDL_DestroyRenderer(s->r);
    if (s->surf) SDL_FreeSurface(s->surf);
}

static size_t frame_bytes(void) { return (size_t)W * H * 4; }

/* in_place: the canvas is the surface itself (SDL's software renderer on
 * the window's surface), and the paced screen takes only the areas
 * sk_scene_dirty_rects names, as SDL_UpdateWindowSurfaceRects would. */
static bool rig_open(rig *g, bool canvas, bool in_place)
{
    memset(g, 0, sizeof *g);
    sk_timeline_opts opts = {.walkaway_ms = 3600 * 1000};   /* no "still there?" in a paused minute */
    if (!sk_content_load(&g->c, NULL, assets, &opts, stderr)) return false;
    g->shown = calloc(1, frame_bytes());
    g->in_place = in_place;
    return g->shown && screen_open(&g->paced, g->c.routine, canvas, in_place) &&
           screen_open(&g->ref, g->c.routine, canvas, in_place);
}

static void rig_close(rig *g)
{
    screen_close(&g->paced);
    screen_close(&g->ref);
    free(g->shown);
    sk_content_free(&g->c);
}

static void drain(rig *g)
{
    sk_event ev;
    while (sk_timeline_poll(g->c.timeline, &ev)) {}
}

static void step(rig *g, int64_t ms)
{
    sk_timeline_step(g->c.timeline, ms);
    drain(g);
}

static void copy_pixels(Uint8 *dst, const SDL_Surface *s)
{
    for (int y = 0; y < H; y++) memcpy(dst + (size_t)y * W * 4, (const Uint8 *)s->pixels + y * s->pitch, (size_t)W * 4);
}

static bool same_pixels(const Uint8 *a, const SDL_Surface *s)
{
    for (int y = 0; y < H; y++)
        if (memcmp(a + (size_t)y * W * 4, (const Uint8 *)s->pixels + y * s->pitch, (size_t)W * 4)) return false;
    return true;
}

/* The screen takes only what the scene says changed. */
static void send_dirty(rig *g)
{
    SDL_Rect dr[SK_SCENE_DIRTY_MAX];
    int n = sk_scene_dirty_rects(g->paced.sc, dr, SK_SCENE_DIRTY_MAX);
    if (n < 0) {
        copy_pixels(g->shown, g->paced.surf);
        g->sent_px += (uint64_t)W * H;
        return;
    }
    const SDL_Surface *s = g->paced.surf;
    SDL_Rect all = {0, 0, W, H};
    for (int i = 0; i < n; i++) {
        SDL_Rect r;
        if (!SDL_IntersectRect(&dr[i], &all, &r)) continue;
        for (int y = r.y; y < r.y + r.h; y++)
            memcpy(g->shown + ((size_t)y * W + (size_t)r.x) * 4,
                   (const Uint8 *)s->pixels + y * s->pitch + r.x * 4, (size_t)r.w * 4);
        g->sent_px += (uint64_t)r.w * (uint64_t)r.h;
    }
}

/* Forgets the counts and makes the paced loop look at the next tick (as
 * after a tap). */
static void reset_counts(rig *g)
{
    g->ticks = g->looks = g->draws = g->ref_changes = g->mismatches = 0;
    g->first_mismatch = -1;
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    g->look_at = v.clock_ms;
}

/* One tick of the display: the paced loop (maybe) looks and (maybe) draws;
 * the reference draws; both pictures are compared. */
static void tick(rig *g, Uint8 *ref_prev)
{
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    g->ticks++;
    if (v.clock_ms >= g->look_at) {
        g->looks++;
        sk_scene_frame f;
        sk_scene_prepare(g->paced.sc, &v, W, H, &f);
        /* The ticks are the frames (no fps cap of its own); no watchdog. */
        const sk_pace_opts po = {.frame_ms = 0, .idle_look_ms = SK_SCENE_MAX_LOOK_MS};
        sk_pace_frame pf = {.now_ms = (uint64_t)v.clock_ms, .signature = f.signature,
                            .next_change_ms = f.next_change_ms};
        sk_pace pace = sk_pace_decide(&g->pacer, &po, &pf);
        if (pace.draw) {
            sk_scene_draw(g->paced.sc, &v, W, H);
            SDL_RenderFlush(g->paced.r);
            if (g->in_place) send_dirty(g);
            else copy_pixels(g->shown, g->paced.surf);
            sk_pace_presented(&g->pacer, &pf, (uint64_t)v.clock_ms);
            g->draws++;
            g->all_draws++;
        }
        /* 0: the next tick; -1: nothing foreseen: at least every
         * SK_SCENE_MAX_LOOK_MS. */
        g->look_at = (int64_t)pace.wake_ms;
    }
    /* The reference draws the whole picture every tick (a canvas drawn
     * whole: blending into the canvas's texture rounds a little unlike
     * blending straight onto the surface). */
    sk_scene_invalidate(g->ref.sc);
    sk_scene_draw(g->ref.sc, &v, W, H);
    SDL_RenderFlush(g->ref.r);
    if (!same_pixels(ref_prev, g->ref.surf)) g->ref_changes++;
    copy_pixels(ref_prev, g->ref.surf);
    if (!same_pixels(g->shown, g->ref.surf)) {
        if (!g->mismatches++) {
            g->first_mismatch = v.clock_ms;
            if (getenv("SK_PACING_DEBUG")) {
                SDL_Surface *t = SDL_CreateRGBSurfaceWithFormatFrom(g->shown, W, H, 32, W * 4,
                                                                    SDL_PIXELFORMAT_RGBA32);
                SDL_SaveBMP(t, "/tmp/pacing-shown.bmp");
                SDL_FreeSurface(t);
                SDL_SaveBMP(g->ref.surf, "/tmp/pacing-ref.bmp");
            }
        }
        if (getenv("SK_PACING_DEBUG"))
            fprintf(stderr, "differs at clock %lld: phase %d elapsed %lld remaining %lld resume %lld "
                    "paused %d; the paced loop looks next at %lld\n", (long long)v.clock_ms,
                    v.phase_index, (long long)v.elapsed_ms, (long long)v.remaining_ms,
                    (long long)v.resume_count_ms, v.paused, (long long)g->look_at);
    }
}

/* Runs 'ms' of timeline time at 'hz' ticks a second. */
static void run(rig *g, Uint8 *ref_prev, int64_t ms, int hz)
{
    int n = (int)(ms * hz / 1000);
    int64_t done = 0;
    for (int k = 1; k <= n; k++) {
        tick(g, ref_prev);
        int64_t t = (int64_t)k * 1000 / hz;   /* 16, 17, 17, 16, ... at 60 Hz */
        step(g, t - done);
        done = t;
    }
}

static bool goto_phase(rig *g, sk_phase_kind kind)
{
    sk_tl_view v;
    for (int i = 0; i < 200000; i++) {
        sk_timeline_view(g->c.timeline, &v);
        if (v.phase && v.phase->kind == kind && !v.still_there) return true;
        step(g, 10);
    }
    return false;
}

static void report(const rig *g, const char *what)
{
    printf("%s: %d ticks, %d looks, %d frames drawn; the reference changed %d times; %d ticks "
           "where the paced screen differed%s\n",
           what, g->ticks, g->looks, g->draws, g->ref_changes, g->mismatches,
           g->mismatches ? " (first at the clock below)" : "");
    if (g->mismatches) printf("  first mismatch at clock %lld ms\n", (long long)g->first_mismatch);
}

static void test_hold_paused_card(bool canvas, bool in_place)
{
    rig g;
    printf("-- the paced screen %s\n",
           in_place ? "with the surface as the canvas, taking only the dirty areas"
           : canvas ? "with a canvas (redraws only what changed)" : "drawn whole");
    CHECK(rig_open(&g, canvas, in_place), "rig: %s", SDL_GetError());
    if (!g.paced.sc || !g.ref.sc) return rig_close(&g);
    Uint8 *ref_prev = calloc(1, frame_bytes());

    /* A 30 s hold at 60 Hz, from a little before it starts (the fade in). */
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    CHECK(goto_phase(&g, SK_PH_HOLD), "no hold in the session");
    step(&g, 0);
    sk_tl_view v;
    sk_timeline_view(g.c.timeline, &v);
    int64_t hold_ms = v.remaining_ms;
    reset_counts(&g);
    run(&g, ref_prev, hold_ms < 30000 ? hold_ms : 30000, 60);
    report(&g, "30 s hold at 60 Hz");
    CHECK(g.mismatches == 0, "a frame that changed was not drawn (%d ticks, first at %lld ms)",
          g.mismatches, (long long)g.first_mismatch);
    CHECK(g.draws < g.ticks * 6 / 10, "%d frames drawn of %d ticks", g.draws, g.ticks);
    /* Every picture that changed was drawn; a few more may be drawn (a
     * signature may change while the pixels do not). */
    CHECK(g.draws >= g.ref_changes * 9 / 10, "drawn %d, changed %d", g.draws, g.ref_changes);
    CHECK(g.ref_changes > 30, "the hold moves (%d changes)", g.ref_changes);

    /* A paused minute: the dialog fades in, then nothing moves. */
    sk_timeline_intent(g.c.timeline, SK_INTENT_PAUSE);
    reset_counts(&g);
    run(&g, ref_prev, 60000, 30);
    report(&g, "paused minute at 30 Hz");
    CHECK(g.mismatches == 0, "paused: %d ticks differed", g.mismatches);
    CHECK(g.draws <= 20, "paused: %d frames drawn", g.draws);
    CHECK(g.looks <= 60000 / SK_SCENE_MAX_LOOK_MS + 10, "paused: looked %d times", g.looks);

    /* Resume (a 3-2-1 count), then on to the loop's info card. */
    sk_timeline_intent(g.c.timeline, SK_INTENT_RESUME);
    reset_counts(&g);
    run(&g, ref_prev, 5000, 60);
    report(&g, "resume count at 60 Hz");
    CHECK(g.mismatches == 0, "resume: %d ticks differed", g.mismatches);
    if (canvas) {
        uint64_t px = sk_scene_pixels_drawn(g.paced.sc);
        double pics = px / (double)(W * H);
        printf("canvas: %d frames drawn, %.1f pictures' worth of pixels (%.0f %%)\n", g.all_draws, pics,
               100.0 * pics / g.all_draws);
        /* The hold's ring, digits and sprite are a small part of the picture. */
        CHECK(pics < 0.4 * g.all_draws, "canvas: %.1f pictures drawn in %d frames", pics, g.all_draws);
    }
    if (in_place) {
        double sent = g.sent_px / (double)(W * H);
        printf("in place: %.1f pictures' worth of pixels sent in %d frames\n", sent, g.all_draws);
        /* Only the changed areas went to the screen, and still every
         * tick matched the whole redraw (the mismatch checks above). */
        CHECK(sent < 0.4 * g.all_draws, "in place: %.1f pictures sent in %d frames", sent, g.all_draws);
    }
    rig_close(&g);
    free(ref_prev);
}

static void test_card(bool canvas, bool in_place)
{
    rig g;
    CHECK(rig_open(&g, canvas, in_place), "rig: %s", SDL_GetError());
    if (!g.paced.sc || !g.ref.sc) return rig_close(&g);
    Uint8 *ref_prev = calloc(1, frame_bytes());
    CHECK(goto_phase(&g, SK_PH_CARD), "no card in the loop");
    sk_tl_view v;
    sk_timeline_view(g.c.timeline, &v);
    reset_counts(&g);
    /* From the card's start (the cross-fade) to its end, at 30 Hz. */
    run(&g, ref_prev, v.remaining_ms - 10, 30);
    report(&g, "info card at 30 Hz");
    CHECK(g.mismatches == 0, "card: %d ticks differed", g.mismatches);
    /* The cross-fade (0.4 s), a caption per line, the progress bar. */
    CHECK(g.draws < g.ticks / 4, "card: %d frames drawn of %d ticks", g.draws, g.ticks);
    rig_close(&g);
    free(ref_prev);
}

static uint64_t sig_now(rig *g)
{
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    sk_scene_frame f;
    sk_scene_prepare(g->paced.sc, &v, W, H, &f);
    return f.signature;
}

static void test_signature(void)
{
    rig g;
    CHECK(rig_open(&g, false, false), "rig: %s", SDL_GetError());
    if (!g.paced.sc) return rig_close(&g);
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    CHECK(goto_phase(&g, SK_PH_HOLD), "no hold");
    step(&g, 2000);   /* past the cross-fade */
    sk_tl_view v;
    sk_timeline_view(g.c.timeline, &v);
    /* The same view twice: the same signature. */
    uint64_t a = sig_now(&g), b = sig_now(&g);
    CHECK(a == b, "a frame's signature is stable");
    /* The seconds: just before and just after a whole second. */
    int64_t to_second = (v.remaining_ms - 1) % 1000 + 1;
    step(&g, to_second - 1);
    uint64_t before = sig_now(&g);
    step(&g, 1);
    uint64_t after = sig_now(&g);
    CHECK(before != after, "the signature changes with the second shown");
    /* The sprite frame: look tick by tick for a frame change; the
     * signature must change with it. */
    int changes = 0, frames = 0;
    uint64_t prev = sig_now(&g);
    sk_scene_frame f;
    for (int i = 0; i < 200; i++) {
        sk_timeline_view(g.c.timeline, &v);
        sk_scene_prepare(g.paced.sc, &v, W, H, &f);
        CHECK(f.next_change_ms >= 0 && f.next_change_ms <= 1000, "a hold always has a next change (%lld)",
              (long long)f.next_change_ms);
        step(&g, 5);
        uint64_t s = sig_now(&g);
        frames++;
        if (s != prev) changes++;
        prev = s;
    }
    CHECK(changes >= 5 && changes < frames, "hold: %d changes in %d steps of 5 ms", changes, frames);
    /* The phase: the next phase has another signature. */
    sk_timeline_view(g.c.timeline, &v);
    uint64_t in_hold = sig_now(&g);
    step(&g, v.remaining_ms + 1000);
    CHECK(sig_now(&g) != in_hold, "the signature changes with the phase");
    /* Pausing changes it; a paused screen after its fade stands still and
     * says nothing will change. */
    sk_timeline_intent(g.c.timeline, SK_INTENT_PAUSE);
    step(&g, 1000);
    uint64_t p1 = sig_now(&g);
    sk_timeline_view(g.c.timeline, &v);
    sk_scene_prepare(g.paced.sc, &v, W, H, &f);
    CHECK(f.next_change_ms == -1, "paused: no change foreseen (%lld)", (long long)f.next_change_ms);
    step(&g, 20000);
    CHECK(sig_now(&g) == p1, "paused: the same frame 20 s later");
    /* Another size: another signature. */
    sk_timeline_view(g.c.timeline, &v);
    sk_scene_prepare(g.paced.sc, &v, W - 2, H, &f);
    CHECK(f.signature != p1, "the size is in the signature");
    rig_close(&g);
}

int main(void)
{
    check_path(assets, sizeof assets, "assets");
    test_signature();
    test_hold_paused_card(false, false);
    test_card(false, false);
    test_hold_paused_card(true, false);
    test_card(true, false);
    test_hold_paused_card(true, true);
    test_card(true, true);
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
    return CHECK_DONE();
}
