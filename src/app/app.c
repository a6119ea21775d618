#include "app.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audio.h"
#include "content.h"
#include "display_wait.h"
#include "input.h"
#include "layout.h"
#include "frame_stats.h"
#include "notify.h"
#include "kiosk_step.h"
#include "replay.h"
#include "render_guard.h"
#include "scene.h"
#include "text_util.h"

static volatile sig_atomic_t g_quit, g_reload;

static void on_signal(int sig)
{
    if (sig == SIGHUP) g_reload = 1;
    else g_quit = 1;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

typedef struct app {
    const sk_config *cfg;    /* = &cfg_own */
    sk_config cfg_own;       /* replaced whole by a good SIGHUP reload */
    const sk_cli *cli;
    const char *assets;
    SDL_Window *win;
    SDL_Renderer *r;
    sk_content content;
    sk_scene *scene;
    sk_timeline_opts tl_opts;
    sk_replay replay;
    sk_kiosk kiosk;          /* moves the timeline's time, applies the replay */
    sk_frame_stats *stats;   /* SK_BENCH=1 only */
    sk_input input;
    Uint64 woken_until;      /* a touch in screen-off hours lights it until then */
    sk_audio *audio;
    float dpi;               /* diagonal DPI of the display, 0 = unknown */
    bool canvas;             /* software rasteriser: redraw only what changed */
    Uint64 quiet_checked;    /* when quiet hours were last looked at */
    sk_render_guard guard;   /* a renderer that presents nothing is replaced */
} app;

/* Minute of the day on the wall clock, or -1 while the clock is not yet
 * synchronised (a Pi has no battery clock: until NTP, the date may be 1970
 * or the last shut-down). Screen-off hours wait for a trusted clock. */
static int wall_minute(void)
{
    if (!sk_notify_wall_clock_synced()) return -1;
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) return -1;
    return tm.tm_hour * 60 + tm.tm_min;
}

/* The screen is dark in screen-off hours, unless someone touched it in the
 * last walk-away period (then it stays lit for them). */
static sk_screen_state screen_state(const app *a, Uint64 now)
{
    if (a->cfg->screen_off.count == 0) return SK_SCREEN_ON;
    if (a->woken_until > now) return SK_SCREEN_ON;
    int minute = wall_minute();
    if (minute < 0 || !sk_hours_contains(&a->cfg->screen_off, minute)) return SK_SCREEN_ON;
    return SK_SCREEN_OFF;
}

/* Longest sleep while nothing is scheduled to change (scene.h): short
 * enough for walk-away and a pending stop. */
#define SK_IDLE_LOOK_MS SK_SCENE_MAX_LOOK_MS

/* The most time one frame moves the timeline: after a stall (a hung page
 * flip, a suspended process) the kiosk goes on where it was instead of
 * jumping ahead through what nobody saw. */
#define SK_MAX_FRAME_STEP_MS 250

static void on_replay_intent(void *user, int64_t at_ms, sk_intent in, bool changed)
{
    (void)user, (void)at_ms, (void)changed;
    if (in == SK_INTENT_QUIT) g_quit = 1;
}

static void on_event(void *user, const sk_event *ev)
{
    app *a = user;
    sk_audio_handle_event(a->audio, a->content.voice, ev);
}

/* Whether SDL can sleep in SDL_WaitEventTimeout on this video driver. X11
 * and Wayland wait on their socket; elsewhere (KMSDRM on a Pi, SDL 2.26)
 * SDL_WaitEventTimeout polls every millisecond, which is spinning in
 * disguise, so we sleep in slices instead. */
static bool driver_waits(void)
{
    const char *d = SDL_GetCurrentVideoDriver();
    return d && (!strcmp(d, "x11") || !strcmp(d, "wayland"));
}

/* Sleeps until the monotonic time 'wake' or until an event arrives (a tap
 * wakes the loop at once; the event stays queued for the loop). */
static void wait_until(Uint64 wake, bool native_wait)
{
    for (;;) {
        Uint64 now = SDL_GetTicks64();
        if (now >= wake || g_quit || g_reload) return;
        Uint64 left = wake - now;
        if (native_wait) {
            if (SDL_WaitEventTimeout(NULL, (int)left)) return;
        } else {
            SDL_PumpEvents();
            if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0) return;
            /* 10 ms slices: a touch is answered within a frame at 60 Hz. */
            SDL_Delay((Uint32)(left < 10 ? left : 10));
        }
    }
}

/* One line about texture memory (the sprites are also logged by the scene
 * when they load): for benchmarks and for a Pi's small GPU memory. */
static void log_textures(const app *a, const char *when)
{
    sk_scene_tex_stats t;
    sk_scene_texture_stats(a->scene, &t);
    fprintf(stderr, "bench: textures %s: sprites %.1f MB in %d, text %.1f MB in %d, other %.1f MB; "
                    "total %.1f MB, largest %dx%d\n",
            when, t.sprite_bytes / 1048576.0, t.sprite_textures, t.text_bytes / 1048576.0,
            t.text_textures, t.own_bytes / 1048576.0,
            (t.sprite_bytes + t.text_bytes + t.own_bytes) / 1048576.0, t.largest_w, t.largest_h);
}

/* The canvas (redraw only what changed, then copy the kept picture to the
 * screen) pays on SDL's software renderer, where every pixel drawn is CPU
 * (1080p under Xvfb: 1.6 ms a drawn frame instead of 14). Not on GL: on a
 * GPU fill is cheap, and on Mesa's llvmpipe drawing into a texture and
 * copying it costs more than drawing the whole picture (21 ms vs 13). */
static bool software_raster(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
}

/* After a renderer is made: the canvas pays on a software rasteriser. */
static void renderer_made(app *a)
{
    a->canvas = software_raster(a->r);
    const char *canvas_env = getenv("SK_CANVAS");
    if (canvas_env && (!strcmp(canvas_env, "0") || !strcmp(canvas_env, "1")))
        a->canvas = canvas_env[0] == '1';
    if (a->canvas)
        fprintf(stderr, "stretch-kiosk: software renderer: redrawing only what changes "
                        "(a canvas of the screen's size)\n");
}

static bool make_scene(app *a);

/* The renderer guard's verdict on the frame just drawn (render_guard.h):
 * true when the renderer presented nothing and was replaced (scene made
 * again); a->r or a->scene NULL when that failed. */
static bool replaced_blank_renderer(app *a)
{
    if (!sk_render_guard_check(&a->guard, a->r, a->scene)) return false;
    char because[96];
    snprintf(because, sizeof because, "%s drew nothing", a->guard.order.names[a->guard.at]);
    sk_scene_destroy(a->scene);
    a->scene = NULL;
    SDL_DestroyRenderer(a->r);
    a->r = sk_render_guard_next(&a->guard, a->win, because);
    if (!a->r) return true;
    renderer_made(a);
    if (!make_scene(a)) fprintf(stderr, "stretch-kiosk: out of memory while making the scene again\n");
    return true;
}

/* Where the display is looked for, and for how long: the real sysfs and
 * /dev/dri, unless a test points elsewhere (SK_TEST_DRM_SYSFS,
 * SK_TEST_DRM_DEV); SK_DISPLAY_WAIT_MS bounds it (default 30 s, half of
 * the unit's TimeoutStartSec=60, so systemd never kills a waiting start). */
#define SK_DISPLAY_WAIT_DEFAULT_MS 30000

/* On KMSDRM only: waits for the first connected output on a card this
 * process can open (display_wait.h says why here and not in udev). True
 * when there is one; false after the bound, with the message. */
static bool wait_for_display(void)
{
    const char *vd = SDL_getenv("SDL_VIDEODRIVER");
    if (!vd || strncmp(vd, "kmsdrm", 6) != 0) return true;   /* X, Wayland, tests */
    const char *drm = getenv("SK_TEST_DRM_SYSFS");
    const char *dev = getenv("SK_TEST_DRM_DEV");
    if (!drm || !*drm) drm = "/sys/class/drm";
    if (!dev || !*dev) dev = "/dev/dri";
    long bound = SK_DISPLAY_WAIT_DEFAULT_MS;
    const char *b = getenv("SK_DISPLAY_WAIT_MS");
    if (b && *b) {
        char *end;
        long v = strtol(b, &end, 10);
        if (*end == 0 && v >= 0 && v <= 600000) bound = v;
        else fprintf(stderr, "stretch-kiosk: SK_DISPLAY_WAIT_MS=%s is not 0..600000; waiting "
                             "%ld ms\n", b, bound);
    }
    Uint64 start = SDL_GetTicks64(), deadline = start + (Uint64)bound;
    sk_display_found f;
    bool said = false;
    for (;;) {
        if (sk_display_find(drm, dev, &f)) {
            fprintf(stderr, "stretch-kiosk: display %s is connected (%s/%s), after %llu ms\n",
                    f.connector, dev, f.card, (unsigned long long)(SDL_GetTicks64() - start));
            return true;
        }
        Uint64 now = SDL_GetTicks64();
        /* No WATCHDOG=1 here: a ping arms systemd's watchdog while the unit
         * still starts, and SDL, fonts and content after the wait may take
         * longer than WatchdogSec on a slow (emulated) machine. The start
         * is bounded by TimeoutStartSec instead. */
        if (!said) {
            fprintf(stderr, "stretch-kiosk: waiting up to %ld ms for a connected display (%s/card*-*/status)\n",
                    bound, drm);
            sk_notify_status("waiting for a display");
            said = true;
        }
        if (now >= deadline || g_quit) break;
        /* sysfs has no change notification for a connector's status: look
         * ten times a second, a few file reads each. */
        Uint64 left = deadline - now;
        SDL_Delay((Uint32)(left < 100 ? left : 100));
    }
    if (f.connected > 0)
        fprintf(stderr, "stretch-kiosk: no display to draw on after %ld ms: %d output(s) connected "
                        "but %s/card* cannot be opened by this user (is it in the video group?)\n",
                bound, f.connected, dev);
    else
        fprintf(stderr, "stretch-kiosk: no display connected after %ld ms (no %s/card*-*/status "
                        "says connected): connect a screen and switch it on; systemd will try "
                        "again\n", bound, drm);
    return false;
}

static bool open_display(app *a)
{
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    /* SDL_RENDER_DRIVER in the environment (a bench, a clinic's override)
     * would turn SDL's draw batching off unless asked for (SDL 8584). */
    SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
    if (!wait_for_display()) return false;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "stretch-kiosk: cannot open the display: SDL_Init: %s\n", SDL_GetError());
        return false;
    }
    /* SDL falls back to its invisible "offscreen" (or "dummy") driver when
     * it finds no X, Wayland or KMS display: a kiosk that runs there shows
     * nothing to anyone. Only a caller who asked for it (tests) gets it. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")) &&
        !(asked && strstr(asked, driver))) {
        fprintf(stderr, "stretch-kiosk: no display found (no X, Wayland or KMS/DRM output; SDL "
                        "fell back to its invisible \"%s\" driver). Connect a screen, or set "
                        "SDL_VIDEODRIVER (e.g. kmsdrm) and run again.\n", driver);
        return false;
    }
    int displays = SDL_GetNumVideoDisplays();
    if (displays < 1) {
        fprintf(stderr, "stretch-kiosk: no display is connected (%s)\n", SDL_GetError());
        return false;
    }
    int display = a->cfg->display < displays ? a->cfg->display : 0;
    fprintf(stderr, "stretch-kiosk: video driver %s, display %d of %d\n", driver ? driver : "?",
            display, displays);
    bool windowed = a->cfg->windowed_w > 0;
    int w = windowed ? a->cfg->windowed_w : 1280, h = windowed ? a->cfg->windowed_h : 720;
    SDL_DisplayMode mode;
    /* Fullscreen at the desktop's own size: without a window manager (X
     * with no desktop) the window would otherwise keep its created size. */
    if (!windowed && SDL_GetDesktopDisplayMode(display, &mode) == 0) {
        w = mode.w;
        h = mode.h;
    }
    Uint32 flags = windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
    /* Made for GL from the start: otherwise SDL re-creates the window when
     * the GL renderer comes (on X, ~250 ms of a fullscreen window's start);
     * without GL at all, a plain window. */
    a->win = SDL_CreateWindow("Stretches for sciatica", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                              SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags | SDL_WINDOW_OPENGL);
    if (!a->win)
        a->win = SDL_CreateWindow("Stretches for sciatica", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                  SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags);
    if (!a->win) {
        fprintf(stderr, "stretch-kiosk: cannot open a window: SDL_CreateWindow: %s\n", SDL_GetError());
        return false;
    }
    a->r = sk_render_guard_first(&a->guard, a->win, driver);
    if (!a->r) return false;
    renderer_made(a);
    float ddpi;
    if (SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) == 0 && ddpi > 20 && ddpi < 1000)
        a->dpi = ddpi;   /* KMSDRM reports the panel's real size; X may invent 96 */
    if (!windowed) SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return true;
}

static bool make_scene(app *a)
{
    sk_scene_opts so = {
        .assets_dir = a->assets,
        .touch = a->cfg->mode == SK_MODE_TOUCH,
        .rotate = a->cfg->rotate,
        .dpi = a->dpi,
        .fell_back = a->content.fell_back,
        .lazy_sprites = true,   /* the first frame sooner; the rest in idle moments */
        .canvas = a->canvas,
    };
    sk_scene *s = sk_scene_create(a->r, a->content.routine, &so);
    if (!s) return false;
    sk_scene_destroy(a->scene);
    a->scene = s;
    return true;
}

/* SIGHUP: re-read the config and the routine; validate first and keep what
 * runs now when the new content is broken. Display, rotation, fps and the
 * window need a restart (logged); everything else applies at once. */
static void reload(app *a, const char *config_path)
{
    sk_notify_reloading();
    fprintf(stderr, "stretch-kiosk: SIGHUP: reloading%s%s\n", config_path ? " " : "",
            config_path ? config_path : " the routine");
    if (config_path) {
        sk_config fresh;
        sk_diag d;
        sk_diag_init(&d);
        bool ok = sk_config_load(config_path, &fresh, &d);
        sk_diag_print(&d, stderr);
        sk_diag_free(&d);
        if (!ok) {
            fprintf(stderr, "stretch-kiosk: %s has errors: keeping the settings in use\n", config_path);
            sk_config_free(&fresh);
        } else {
            sk_cli_apply(a->cli, &fresh);
            const sk_config *old = &a->cfg_own;
            if (fresh.display != old->display || fresh.rotate != old->rotate ||
                fresh.fps != old->fps || fresh.windowed_w != old->windowed_w ||
                fresh.windowed_h != old->windowed_h)
                fprintf(stderr, "stretch-kiosk: display, rotate, fps and window size take "
                                "effect at the next start\n");
            fresh.display = old->display;
            fresh.rotate = old->rotate;
            fresh.fps = old->fps;
            fresh.windowed_w = old->windowed_w;
            fresh.windowed_h = old->windowed_h;
            sk_config_free(&a->cfg_own);
            a->cfg_own = fresh;   /* the struct owns its strings: moving it is fine */
            sk_content_timeline_opts(a->cfg, &a->tl_opts);
            sk_audio_set_volume(a->audio, a->cfg->volume);
            sk_audio_set_mute(a->audio, a->cfg->mute);
            if (!sk_input_init(&a->input, a->cfg))
                fprintf(stderr, "stretch-kiosk: quit_combo names a key SDL does not know\n");
            char desc[512];
            fprintf(stderr, "stretch-kiosk: settings: %s\n",
                    sk_config_describe(a->cfg, desc, sizeof desc));
        }
    }
    if (sk_content_reload(&a->content, a->cfg->routine, a->assets, &a->tl_opts, stderr))
        fprintf(stderr, "stretch-kiosk: reloaded \"%s\" (%s)\n", a->content.routine->title,
                a->content.routine->path);
    make_scene(a);
    sk_notify_ready("reloaded");
}

int sk_app_run(const sk_config *cfg_in, const char *config_path, const sk_cli *cli,
               const char *assets_dir)
{
    app a = {.cli = cli, .assets = assets_dir};
    if (!sk_config_copy(&a.cfg_own, cfg_in)) return 1;
    a.cfg = &a.cfg_own;
    const sk_config *cfg = a.cfg;   /* same address after a reload */
    char desc[512];
    fprintf(stderr, "stretch-kiosk: settings: %s\n", sk_config_describe(cfg, desc, sizeof desc));
    sk_content_timeline_opts(cfg, &a.tl_opts);
    install_signals();
    int rc = 1;
    if (cli->replay_path) {
        sk_diag d;
        sk_diag_init(&d);
        bool ok = sk_replay_load(cli->replay_path, &a.replay, &d);
        sk_diag_print(&d, stderr);
        sk_diag_free(&d);
        if (!ok) goto out;
    }
    const char *bench_env = getenv("SK_BENCH");
    const bool timing = bench_env && !strcmp(bench_env, "1");
    double t0 = timing ? sk_ms_since_process_start() : 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
    if (!open_display(&a)) goto out;
    if (timing) t1 = sk_ms_since_process_start();
    if (TTF_Init() != 0) fprintf(stderr, "stretch-kiosk: TTF_Init: %s\n", TTF_GetError());
    if (!sk_content_load(&a.content, cfg->routine, a.assets, &a.tl_opts, stderr)) {
        fprintf(stderr, "stretch-kiosk: out of memory while loading content\n");
        goto out;
    }
    if (timing) t2 = sk_ms_since_process_start();
    if (!make_scene(&a)) {
        fprintf(stderr, "stretch-kiosk: out of memory while loading content\n");
        goto out;
    }
    if (timing) t3 = sk_ms_since_process_start();
    fprintf(stderr, "stretch-kiosk: showing \"%s\" (%s), %d exercises, %d cards\n",
            a.content.routine->title, a.content.routine->path, a.content.routine->exercise_count,
            a.content.routine->card_count);
    if (cfg->mode == SK_MODE_SESSION) sk_timeline_intent(a.content.timeline, SK_INTENT_START);
    sk_kiosk_init(&a.kiosk, a.content.timeline, &a.replay, 0);
    const sk_kiosk_hooks hooks = {on_replay_intent, on_event, &a};
    sk_audio_opts ao;
    sk_audio_opts_defaults(&ao);
    ao.volume = cfg->volume;
    ao.mute = cfg->mute;
    a.audio = sk_audio_create(&ao, (int64_t)SDL_GetTicks64());
    if (timing) {
        t4 = sk_ms_since_process_start();
        fprintf(stderr, "bench: start-up: %.0f ms to sk_app_run, display %.0f ms, routine and "
                        "timeline %.0f ms, scene (sprites) %.0f ms, audio %.0f ms\n",
                t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
    }
    if (!sk_input_init(&a.input, cfg))
        fprintf(stderr, "stretch-kiosk: quit_combo names a key SDL does not know: no quit combination\n");

    const Uint64 frame_ms = (Uint64)(1000 / (cfg->fps > 0 ? cfg->fps : 30));
    Uint64 start = SDL_GetTicks64(), last = start;
    bool first_frame = true;
    if (timing) a.stats = calloc(1, sizeof *a.stats);
    if (a.stats) log_textures(&a, "at start-up");
    /* Pacing: what is on screen now, so an identical frame is not drawn
     * again (see sk_scene_prepare). */
    bool shown = false, shown_off = false, dirty = true, sprites_pending = true;
    Uint64 first_present = 0;
    uint64_t shown_sig = 0;
    Uint64 last_present = 0;
    const Uint64 ping_ms = sk_notify_ping_interval_ms();
    const bool native_wait = driver_waits();
    rc = 0;
    while (!g_quit) {
        if (a.stats) sk_frame_stats_begin(a.stats);
        if (g_reload) {
            g_reload = 0;
            reload(&a, config_path);
            dirty = true;   /* a new scene: draw it */
            sprites_pending = true;
        }
        Uint64 t_in = SDL_GetTicks64();
        sk_screen_state screen = screen_state(&a, t_in);
        int ww, wh;
        SDL_GetWindowSize(a.win, &ww, &wh);
        sk_tl_view tv;
        sk_timeline_view(a.content.timeline, &tv);
        sk_input_view iv = {
            .screen = screen, .session = tv.mode == SK_TL_SESSION, .paused = tv.paused,
            .layout = sk_scene_layout(a.scene), .window_w = ww, .window_h = wh,
        };
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            /* Closing the window is for a developer's desktop; fullscreen on
             * the kiosk, only the quit combination leaves. */
            if (e.type == SDL_QUIT && cfg->windowed_w > 0) g_quit = 1;
            /* The picture on screen may be gone (exposed, resized, a lost
             * GPU context): draw again even if nothing changed. */
            if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET ||
                e.type == SDL_RENDER_DEVICE_RESET) {
                dirty = true;
                sk_scene_invalidate(a.scene);
            }
            sk_intent in = sk_input_event(&a.input, &e, &iv, (int64_t)t_in);
            if (in == SK_INTENT_QUIT) {
                g_quit = 1;
            } else if (in != SK_INTENT_NONE) {
                if (screen == SK_SCREEN_OFF || in == SK_INTENT_WAKE)
                    a.woken_until = t_in + (Uint64)cfg->walkaway_seconds * 1000;
                sk_timeline_intent(a.content.timeline, in);
                sk_timeline_view(a.content.timeline, &tv);
                if (tv.paused) sk_audio_stop(a.audio);  /* a paused screen is silent */
                iv.session = tv.mode == SK_TL_SESSION;
                iv.paused = tv.paused;
                iv.screen = screen = screen_state(&a, t_in);
            }
        }
        /* SDL_GetTicks64: monotonic, does not wrap after 49 days. A long
         * stall (e.g. a hung page flip) is not replayed in one jump. */
        Uint64 now = SDL_GetTicks64();
        Uint64 dt = now - last;
        last = now;
        sk_audio_update(a.audio, (int64_t)now);
        if (now - a.quiet_checked >= 1000 || a.quiet_checked == 0) {
            /* Quiet hours and screen-off hours: no sound. A wrong wall
             * clock never touches the timeline, only this. */
            a.quiet_checked = now;
            time_t wall = time(NULL);
            struct tm tm;
            bool quiet = localtime_r(&wall, &tm) && sk_audio_quiet_now(&cfg->quiet_hours, wall, &tm);
            sk_audio_set_quiet(a.audio, quiet || screen == SK_SCREEN_OFF);
        }
        /* The timeline's time, the replay's intents at their times, and
         * the events (voice, beeps) to the sound. */
        a.kiosk.tl = a.content.timeline;   /* a reload makes a new one */
        sk_kiosk_step(&a.kiosk, (int64_t)(dt > SK_MAX_FRAME_STEP_MS ? SK_MAX_FRAME_STEP_MS : dt),
                      &hooks);

        int w, h;
        SDL_GetRendererOutputSize(a.r, &w, &h);
        sk_tl_view v;
        sk_timeline_view(a.content.timeline, &v);
        /* Draw only what differs from the picture on screen; else sleep
         * until the scene says it changes (or a touch comes). */
        sk_scene_frame f = {0, -1};
        if (screen != SK_SCREEN_OFF) sk_scene_prepare(a.scene, &v, w, h, &f);
        bool off = screen == SK_SCREEN_OFF;
        bool draw = dirty || !shown || off != shown_off || (!off && f.signature != shown_sig);
        /* With the watchdog on, present at least once per ping interval
         * even on a still screen: a display path that wedged while nothing
         * was drawn is then caught by the next present hanging. */
        if (ping_ms && now - last_present >= ping_ms) draw = true;
        if (draw) {
            if (off) {
                /* Screen-off hours: black, nothing drawn but the clear. */
                SDL_SetRenderDrawColor(a.r, 0, 0, 0, 255);
                SDL_RenderClear(a.r);
            } else {
                sk_scene_draw(a.scene, &v, w, h);
                if (replaced_blank_renderer(&a)) {
                    /* A new renderer and scene: draw this frame again with
                     * them at once. */
                    if (!a.r || !a.scene) {
                        rc = 1;
                        break;
                    }
                    shown = false;
                    dirty = true;
                    sprites_pending = true;
                    continue;
                }
            }
            SDL_RenderPresent(a.r);
            last_present = SDL_GetTicks64();
            shown = true;
            shown_off = off;
            shown_sig = f.signature;
            dirty = false;
        }
        /* The watchdog ping says "the loop runs and the display took its
         * last frame". After a present: only once it returned, so a wedged
         * page flip stops the pings and systemd restarts the kiosk. When
         * skipping: this single thread only gets here after the last
         * present returned, so the ping is as true as one after a present;
         * and the forced present above keeps "the last present" no older
         * than a ping interval, so a wedge on a still screen is found
         * within about 1.5 watchdog timeouts. */
        sk_notify_watchdog_tick(SDL_GetTicks64());
        /* Sprite sheets not needed yet load after the first frame, in a
         * moment with nothing to draw (or 2 s on, whatever shows). */
        if (sprites_pending && !first_frame && (!draw || now - first_present > 2000))
            sprites_pending = sk_scene_preload(a.scene);
        if (first_frame && draw) {
            first_frame = false;
            first_present = last_present;
            fprintf(stderr, "stretch-kiosk: first frame on screen %.0f ms after start\n",
                    sk_ms_since_process_start());
            sk_notify_ready("showing the loop");
            if (a.stats) {
                log_textures(&a, "after the first frame");
                sk_frame_stats_mark_loop(a.stats);
            }
        }
        if (a.stats) {
            if (draw) {
                sk_text_stats ts;
                sk_scene_text_stats(a.scene, &ts);
                sk_frame_stats_drawn(a.stats, v.mode * 100000 + v.phase_index, ts.ttf_renders,
                                     ts.textures_created);
            } else {
                sk_frame_stats_skipped(a.stats);
            }
        }

        Uint64 now2 = SDL_GetTicks64();
        if (cli->exit_after_s > 0 && now2 - start >= (Uint64)cli->exit_after_s * 1000) break;
        /* When to look again: the next frame at the fps cap while things
         * move; else when the scene says the picture changes (at the cap's
         * pace at most), and at least every SK_IDLE_LOOK_MS for what the
         * scene cannot foresee (walk-away, a pending stop running out,
         * screen-off hours, a SIGHUP). A replay's next intent and
         * --exit-after are on time. */
        Uint64 wake = now + frame_ms;
        if (f.next_change_ms != 0 || off) {
            Uint64 later = now + SK_IDLE_LOOK_MS;
            if (!off && f.next_change_ms > 0 && (Uint64)f.next_change_ms < SK_IDLE_LOOK_MS)
                later = now + (Uint64)f.next_change_ms;
            if (later > wake) wake = later;
        }
        int64_t next_intent = sk_kiosk_next_intent_ms(&a.kiosk);
        if (next_intent >= 0 && now + (Uint64)next_intent < wake) wake = now + (Uint64)next_intent;
        if (cli->exit_after_s > 0 && start + (Uint64)cli->exit_after_s * 1000 < wake)
            wake = start + (Uint64)cli->exit_after_s * 1000;
        wait_until(wake, native_wait);
    }
    fprintf(stderr, "stretch-kiosk: quitting\n");
    sk_notify_stopping();
    if (a.stats) {
        sk_text_stats ts;
        sk_scene_text_stats(a.scene, &ts);
        sk_frame_stats_print(a.stats, (double)cfg->fps, stderr);
        fprintf(stderr, "bench: text: %llu TTF renders, %llu textures created in all; %d held, %.1f MB\n",
                (unsigned long long)ts.ttf_renders, (unsigned long long)ts.textures_created,
                ts.entries, ts.texture_bytes / 1048576.0);
        log_textures(&a, "at exit");
        if (a.canvas && a.stats->drawn > 0) {
            int w = 0, h = 0;
            SDL_GetRendererOutputSize(a.r, &w, &h);
            fprintf(stderr, "bench: canvas: %.0f %% of the picture redrawn per drawn frame\n",
                    100.0 * (double)sk_scene_pixels_drawn(a.scene) / ((double)w * h) / a.stats->drawn);
        }
    }
out:
    free(a.stats);
    sk_config_free(&a.cfg_own);
    sk_audio_free(a.audio);
    sk_scene_destroy(a.scene);
    sk_content_free(&a.content);
    sk_replay_free(&a.replay);
    if (a.r) SDL_DestroyRenderer(a.r);
    if (a.win) SDL_DestroyWindow(a.win);
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
    return rc;
}
