#include "app.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "audio.h"
#include "content.h"
#include "bench_report.h"
#include "display_power.h"
#include "display_schedule.h"
#include "languages.h"
#include "input.h"
#include "layout.h"
#include "frame_stats.h"
#include "notify.h"
#include "kiosk_step.h"
#include "kiosk_state.h"
#include "pacing.h"
#include "replay.h"
#include "scene.h"
#include "sheet_prefetch.h"
#include "text_util.h"
#include "view_layout.h"
#include "window.h"

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
    const char *config_path; /* re-read on SIGHUP (may be NULL) */
    const sk_cli *cli;
    const char *assets;      /* assets_given through its links, as pinned at
                                the last good (re)load: one of pinned[] */
    const char *assets_given;
    char pinned[2][PATH_MAX];
    sk_window wnd;
    sk_languages langs;      /* one content per language; the kiosk says
                                which one runs (kiosk.cur) */
    sk_scene *scene;
    sk_view_layout_opts layout_opts;  /* the scene's, for the layout rule */
    sk_layout layout;        /* this frame's: the scene draws in it, and the
                                next events are hit-tested against it */
    bool have_layout;
    sk_timeline_opts tl_opts;
    sk_kiosk kiosk;          /* moves the timeline's time, applies the replay */
    sk_kiosk_hooks hooks;
    sk_frame_stats *stats;   /* SK_BENCH=1 only */
    sk_input input;
    Uint64 woken_until;      /* a touch in screen-off hours lights it until then */
    sk_display_power *power; /* how the display sleeps in screen-off hours */
    sk_audio *audio;
    Uint64 quiet_checked;    /* when quiet hours were last looked at */
    /* the loop */
    sk_pacer pacer;          /* what is on screen */
    sk_pace_opts pace_opts;
    Uint64 start, last;      /* when the loop began; the last step */
    bool first_frame, sprites_pending;
    Uint64 preload_at;     /* the last sk_scene_preload */
    Uint64 first_present;
    sk_kiosk_state *state;   /* usage counts and status.json */
    sk_sheet_prefetch *prefetch; /* the first sheet, until the first frame */
} app;

/* Minute of the day on the wall clock, or -1 while it is not to be
 * trusted (hours.h: one rule for quiet and screen-off hours); *ms_into:
 * how far into that minute. */
static int wall_minute_ms(int *ms_into)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    bool local = localtime_r(&ts.tv_sec, &tm) != NULL;
    if (ms_into) *ms_into = local ? tm.tm_sec * 1000 + (int)(ts.tv_nsec / 1000000) : 0;
    return sk_hours_trusted_minute(sk_notify_wall_clock_synced(), ts.tv_sec, local ? &tm : NULL);
}

static int wall_minute(void) { return wall_minute_ms(NULL); }

/* Whether the display sleeps now: the screen-off hours on a trusted clock,
 * unless a guided session runs or someone touched it in the last walk-away
 * period (display_schedule.h); display_power = none ignores the hours. */
static sk_display_plan display_plan(const app *a, Uint64 now)
{
    sk_tl_view tv;
    sk_timeline_view(a->kiosk.tl ? a->kiosk.tl : a->langs.c[0].timeline, &tv);
    bool ignore = a->power && sk_display_power_means(a->power) == SK_POWER_NONE;
    sk_display_when w = {.off_hours = ignore ? NULL : &a->cfg->screen_off,
                         .session = tv.mode == SK_TL_SESSION, .now_ms = (int64_t)now,
                         .woken_until_ms = (int64_t)a->woken_until};
    w.trusted_minute = w.off_hours && w.off_hours->count ? wall_minute_ms(&w.ms_into_minute) : -1;
    return sk_display_schedule(&w);
}

static sk_screen_state screen_state(const app *a, Uint64 now)
{
    return display_plan(a, now).on ? SK_SCREEN_ON : SK_SCREEN_OFF;
}

/* The display's power follows the plan; what the display says (a TV
 * switched on by hand, a cable put back) redraws, and a TV switched on by
 * hand in the hours wakes the kiosk as a touch would. */
static void follow_display(app *a, Uint64 now)
{
    /* Not before the first frame is on screen: READY comes with it, and a
     * display asleep from the start would take none (pacing.h). */
    if (!a->power || a->first_frame) return;
    sk_display_power_news n = sk_display_power_poll(a->power, now);
    sk_display_plan plan = display_plan(a, now);
    if (n.tv_woke && !plan.on) {
        a->woken_until = now + (Uint64)a->cfg->walkaway_seconds * 1000;
        plan = display_plan(a, now);   /* now inside the wake window */
    }
    bool was_on = sk_display_power_get(a->power).on;
    sk_display_power_set(a->power, plan.on, sk_display_why_name(plan.why), now);
    if (n.redraw || (plan.on && !was_on)) {
        a->pacer.dirty = true;   /* present at once what the display lost */
        sk_scene_invalidate(a->scene);
    }
}

/* Longest sleep while nothing is scheduled to change (scene.h): short
 * enough for walk-away and a pending stop. */
#define SK_IDLE_LOOK_MS SK_SCENE_MAX_LOOK_MS

/* The most time one frame moves the timeline: after a stall (a hung page
 * flip, a suspended process) the kiosk goes on where it was instead of
 * jumping ahead through what nobody saw. */
#define SK_MAX_FRAME_STEP_MS 250

/* Between long steps outside a frame (a sheet's preload, a reload's
 * rebuild, a renderer replaced): each gets a whole watchdog period, so a
 * loaded machine is not killed in the middle of one (notify.h; nothing
 * before the first frame). */
static void step_done(void)
{
    sk_notify_watchdog_step(SDL_GetTicks64());
}

static void on_replay_intent(void *user, int64_t at_ms, sk_intent in, bool changed)
{
    (void)user, (void)at_ms, (void)changed;
    if (in == SK_INTENT_QUIT) g_quit = 1;
}

static void on_event(void *user, const sk_event *ev)
{
    app *a = user;
    /* The event's timeline is the kiosk's current one (kiosk_step.h). */
    const sk_content *c = &a->langs.c[sk_kiosk_language(&a->kiosk)];
    sk_audio_handle_event(a->audio, c->voice, ev);
    sk_kiosk_state_event(a->state, c->timeline, c->routine, ev);
}

/* Once a second: what status.json says, the hours for the counts. */
static void tick_state(app *a, Uint64 now, sk_screen_state screen)
{
    const sk_routine *rt = a->langs.c[sk_kiosk_language(&a->kiosk)].routine;
    bool quiet = sk_hours_now(&a->cfg->quiet_hours, wall_minute()), off = screen == SK_SCREEN_OFF;
    SDL_RendererInfo ri = {0};
    if (!a->wnd.r || SDL_GetRendererInfo(a->wnd.r, &ri) != 0) ri.name = NULL;
    int w = 0, h = 0;
    if (a->wnd.r) SDL_GetRendererOutputSize(a->wnd.r, &w, &h);
    sk_status_facts f = {
        .now_ms = now, .last_present_ms = a->pacer.shown ? a->pacer.last_present_ms : 0,
        .present_every_ms = a->pace_opts.ping_ms, .routine = rt,
        .configured = a->cfg->routine ? a->cfg->routine : rt->is_builtin ? NULL : rt->path,
        .fell_back = a->langs.c[0].fell_back, .mode = sk_mode_name(a->cfg->mode),
        .timeline = a->kiosk.tl, .screen_off = off, .quiet = quiet,
        .audio = !sk_audio_is_open(a->audio) ? "absent" : a->cfg->mute ? "muted"
                 : quiet || off ? "quiet" : "on",
        .video_driver = SDL_GetCurrentVideoDriver(), .renderer = ri.name, .width = w, .height = h,
    };
    sk_kiosk_state_tick(a->state, &f);
}


static bool make_scene(app *a)
{
    sk_scene_opts so = {
        .assets_dir = a->assets,
        .touch = a->cfg->mode == SK_MODE_TOUCH,
        .rotate = a->cfg->rotate,
        .dpi = a->wnd.dpi,
        .fell_back = a->langs.c[0].fell_back,
        .lazy_sprites = true,   /* the first frame sooner; the rest in idle moments */
        .canvas = a->wnd.canvas,
        .canvas_in_place = a->wnd.in_place,
        .take_sheet = sk_sheet_prefetch_hook,
        .take_sheet_user = a->prefetch,
    };
    for (int i = 0; i < a->langs.count; i++)
        so.language_names[i] = sk_language_name(a->langs.c[i].routine->language);
    so.languages = a->langs.count;
    sk_scene *s = sk_scene_create(a->wnd.r, a->langs.c[0].routine, &so);
    if (!s) return false;
    sk_scene_destroy(a->scene);
    a->scene = s;
    a->layout_opts = (sk_view_layout_opts){.touch = so.touch, .fell_back = so.fell_back,
                                           .dpi = so.dpi, .rotate = so.rotate,
                                           .languages = so.languages};
    return true;
}

/* The renderer guard's verdict on the frame just drawn (render_guard.h):
 * true when the renderer presented nothing and was replaced (scene made
 * again); a->wnd.r or a->scene NULL when that failed. */
static bool replaced_blank_renderer(app *a)
{
    sk_window *w = &a->wnd;
    if (!sk_render_guard_check(&w->guard, w->r, a->scene)) return false;
    char because[96];
    snprintf(because, sizeof because, "%s drew nothing", w->guard.order.names[w->guard.at]);
    sk_scene_destroy(a->scene);
    a->scene = NULL;
    SDL_DestroyRenderer(w->r);
    w->r = sk_render_guard_next(&w->guard, w->win, because);
    step_done();
    sk_notify_start_step("a renderer replaced");   /* before READY only */
    if (!w->r) return true;
    sk_window_renderer_made(w);
    if (!make_scene(a)) fprintf(stderr, "stretch-kiosk: out of memory while making the scene again\n");
    step_done();
    return true;
}

/* What the config sets that applies while running (start-up and SIGHUP
 * alike): the timeline's options, the sound, the keys. */
static void apply_settings(app *a)
{
    sk_content_timeline_opts(a->cfg, &a->tl_opts);
    sk_audio_set_volume(a->audio, a->cfg->volume);
    sk_audio_set_mute(a->audio, a->cfg->mute);
    if (!sk_input_init(&a->input, a->cfg))
        fprintf(stderr, "stretch-kiosk: quit_combo names a key SDL does not know: no quit combination\n");
}

/* The assets folder through its links, into the buffer not in use: a
 * fleet's content/current moved on leaves the content that runs reading
 * the folder it came from until the reload that follows. */
static const char *pin_assets(app *a)
{
    char *buf = a->assets == a->pinned[0] ? a->pinned[1] : a->pinned[0];
    return realpath(a->assets_given, buf) ? buf : a->assets_given;
}

/* The kiosk moves through the loaded languages' timelines, from the first. */
static void use_languages(app *a)
{
    sk_timeline *tls[SK_LANGUAGES_MAX];
    for (int i = 0; i < a->langs.count; i++) tls[i] = a->langs.c[i].timeline;
    a->kiosk.tl = tls[0];
    sk_kiosk_set_languages(&a->kiosk, tls, a->langs.count, a->langs.per_stretch);
}

/* SIGHUP: re-read the config and the routine; validate first and keep what
 * runs now when the new content is broken. The loop goes on where it was:
 * in the language it was showing, at the phase it was in, from its start. */
static void reload(app *a)
{
    const char *config_path = a->config_path;
    sk_tl_view was;
    sk_timeline_view(a->kiosk.tl, &was);
    int loop_index = was.mode == SK_TL_LOOP ? was.phase_index : 0;
    char lang[SK_CONFIG_LANGUAGE_MAX];
    sk_strlcpy(lang, a->langs.c[sk_kiosk_language(&a->kiosk)].routine->language, sizeof lang);
    sk_notify_reloading();
    step_done();
    fprintf(stderr, "stretch-kiosk: SIGHUP: reloading%s%s\n", config_path ? " " : "",
            config_path ? config_path : " the routine");
    if (config_path) {
        sk_config fresh;
        sk_diag d;
        sk_diag_init(&d);
        bool ok = sk_config_load(config_path, &fresh, &d);
        step_done();
        sk_diag_print(&d, stderr);
        sk_diag_free(&d);
        if (!ok) {
            fprintf(stderr, "stretch-kiosk: %s has errors: keeping the settings in use\n", config_path);
            sk_config_free(&fresh);
        } else {
            sk_cli_apply(a->cli, &fresh);
            sk_config_keep_restart_settings(&fresh, &a->cfg_own, stderr);
            bool power = fresh.display_power != a->cfg->display_power ||
                         strcmp(fresh.cec_osd_name, a->cfg->cec_osd_name) != 0;
            sk_config_free(&a->cfg_own);
            a->cfg_own = fresh;   /* the struct owns its strings: moving it is fine */
            apply_settings(a);
            if (power) {
                /* Chosen again, as at start-up (the display on first; the
                 * next frame puts it where the hours say). */
                sk_display_power_close(a->power);
                a->power = sk_display_power_open(a->cfg->display_power, a->cfg->cec_osd_name, a->wnd.win);
                a->pacer.dirty = true;
            }
            sk_kiosk_state_set_usage(a->state, a->cfg->usage, stderr);
            char desc[512];
            fprintf(stderr, "stretch-kiosk: settings: %s\n",
                    sk_config_describe(a->cfg, desc, sizeof desc));
        }
    }
    const char *assets_was = a->assets;
    a->assets = pin_assets(a);
    bool reloaded = sk_languages_reload(&a->langs, a->cfg, a->assets, &a->tl_opts, stderr);
    if (!reloaded) a->assets = assets_was;   /* what runs keeps reading its own */
    if (reloaded)
        fprintf(stderr, "stretch-kiosk: reloaded \"%s\" (%s)%s\n", a->langs.c[0].routine->title,
                a->langs.c[0].routine->path, a->langs.count > 1 ? " and its translations" : "");
    step_done();
    make_scene(a);
    step_done();
    if (reloaded) {
        use_languages(a);   /* new timelines */
        int i = 0;
        while (i < a->langs.count && strcmp(a->langs.c[i].routine->language, lang) != 0) i++;
        sk_kiosk_rejoin(&a->kiosk, i < a->langs.count ? i : 0, loop_index);
        sk_tl_view v;
        sk_timeline_view(a->kiosk.tl, &v);
        fprintf(stderr, "stretch-kiosk: the loop goes on in %s at its phase %d (%s)\n",
                v.routine ? v.routine->language : "?", v.phase_index,
                v.phase ? sk_phase_name(v.phase->kind) : "none");
    }
    sk_notify_ready("reloaded");
}

/* Events from SDL: taps, keys, the window. Returns the screen state after
 * them (a tap lights a dark screen). */
static sk_screen_state handle_events(app *a)
{
    Uint64 t_in = SDL_GetTicks64();
    sk_screen_state screen = screen_state(a, t_in);
    int ww, wh;
    SDL_GetWindowSize(a->wnd.win, &ww, &wh);
    sk_tl_view tv;
    sk_timeline_view(a->kiosk.tl, &tv);
    sk_input_view iv = {
        .screen = screen, .session = tv.mode == SK_TL_SESSION, .paused = tv.paused,
        .layout = a->have_layout ? &a->layout : NULL, .window_w = ww, .window_h = wh,
    };
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        /* Closing the window is for a developer's desktop; fullscreen on
         * the kiosk, only the quit combination leaves. */
        if (e.type == SDL_QUIT && a->cfg->windowed_w > 0) g_quit = 1;
        /* The picture on screen may be gone (exposed, resized, a lost
         * GPU context, a display plugged back in): draw again even if
         * nothing changed. */
        if (e.type == SDL_WINDOWEVENT || e.type == SDL_DISPLAYEVENT ||
            e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
            a->pacer.dirty = true;
            sk_scene_invalidate(a->scene);
        }
        sk_intent in = sk_input_event(&a->input, &e, &iv, (int64_t)t_in);
        if (in == SK_INTENT_QUIT) {
            g_quit = 1;
        } else if (in != SK_INTENT_NONE) {
            if (screen == SK_SCREEN_OFF) sk_kiosk_state_wake_tap(a->state);
            if (screen == SK_SCREEN_OFF || in == SK_INTENT_WAKE)
                a->woken_until = t_in + (Uint64)a->cfg->walkaway_seconds * 1000;
            sk_kiosk_intent(&a->kiosk, in, &a->hooks);
            sk_timeline_view(a->kiosk.tl, &tv);
            if (tv.paused) sk_audio_stop(a->audio);  /* a paused screen is silent */
            iv.session = tv.mode == SK_TL_SESSION;
            iv.paused = tv.paused;
            iv.screen = screen = screen_state(a, t_in);
        }
    }
    return screen;
}

/* Time moves: sound, quiet hours, then the timeline (with the replay's
 * intents at their times and the events to the sound). */
static void advance(app *a, Uint64 now, sk_screen_state screen)
{
    /* SDL_GetTicks64: monotonic, does not wrap after 49 days. */
    Uint64 dt = now - a->last;
    a->last = now;
    sk_audio_update(a->audio, (int64_t)now);
    if (now - a->quiet_checked >= 1000 || a->quiet_checked == 0) {
        /* Quiet hours and screen-off hours: no sound. A wrong wall
         * clock never touches the timeline, only this. */
        a->quiet_checked = now;
        bool quiet = sk_hours_now(&a->cfg->quiet_hours, wall_minute());
        sk_audio_set_quiet(a->audio, quiet || screen == SK_SCREEN_OFF);
    }
    sk_kiosk_step(&a->kiosk, (int64_t)(dt > SK_MAX_FRAME_STEP_MS ? SK_MAX_FRAME_STEP_MS : dt),
                  &a->hooks);
}

/* Draws and presents the frame. Returns false when the renderer guard
 * replaced a renderer that drew nothing (then this frame is drawn again
 * with the new one at once); *failed when no renderer is left. */
static bool draw_frame(app *a, const sk_tl_view *v, const sk_pace_frame *pf, int w, int h,
                       bool *failed)
{
    if (pf->off) {
        /* Screen-off hours: black, nothing drawn but the clear. */
        SDL_SetRenderDrawColor(a->wnd.r, 0, 0, 0, 255);
        SDL_RenderClear(a->wnd.r);
        sk_scene_invalidate(a->scene);   /* a canvas in place was just painted over */
    } else {
        sk_scene_draw_in(a->scene, v, &a->layout, w, h);
        if (replaced_blank_renderer(a)) {
            *failed = !a->wnd.r || !a->scene;
            a->pacer.shown = false;
            a->pacer.dirty = true;
            a->sprites_pending = true;
            return false;
        }
    }
    SDL_Rect dirty[SK_SCENE_DIRTY_MAX];
    int n = pf->off ? -1 : sk_scene_dirty_rects(a->scene, dirty, SK_SCENE_DIRTY_MAX);
    sk_window_present(&a->wnd, dirty, n);
    sk_pace_presented(&a->pacer, pf, SDL_GetTicks64());
    return true;
}

/* After a frame (drawn or not): the first frame's log and READY, sprite
 * sheets in idle moments, the benchmark's counts. */
static void after_frame(app *a, const sk_tl_view *v, bool drawn, Uint64 now)
{
    /* Sprite sheets not needed yet load after the first frame, in a
     * moment with nothing to draw (or 2 s on, whatever shows); later the
     * scene keeps only those on show and next (sk_scene_preload), looked
     * at in idle moments or once a second. */
    bool due = a->sprites_pending ? !drawn || now - a->first_present > 2000
                                  : now - a->preload_at >= (drawn ? 1000u : 250u);
    if (!a->first_frame && due) {
        a->preload_at = now;
        /* Watchdog steps around the start's loads only (later ones are a
         * sheet at a time, tens of ms, between pinged frames). */
        if (a->sprites_pending) step_done();
        bool more = sk_scene_preload(a->scene);
        if (a->sprites_pending) step_done();
        /* systemctl status says when the start's work is all done (and
         * test_notify_program waits for it). */
        if (a->sprites_pending && !more) sk_notify_status("every sprite sheet loaded");
        a->sprites_pending = more;
    }
    if (a->first_frame && drawn) {
        a->first_frame = false;
        a->first_present = a->pacer.last_present_ms;
        sk_sheet_prefetch_done(a->prefetch);   /* a sheet the first frame did not want goes */
        fprintf(stderr, "stretch-kiosk: first frame on screen %.0f ms after start\n",
                sk_ms_since_process_start());
        sk_notify_ready("showing the loop");
        sk_window_first_frame_shown(&a->wnd);
        if (a->stats) {
            sk_bench_log_textures(a->scene, "after the first frame");
            sk_frame_stats_mark_loop(a->stats);
        }
    }
    if (!a->stats) return;
    if (drawn) {
        sk_text_stats ts;
        sk_scene_text_stats(a->scene, &ts);
        sk_frame_stats_drawn(a->stats, v->mode * 100000 + v->phase_index, ts.ttf_renders,
                             ts.textures_created);
    } else {
        sk_frame_stats_skipped(a->stats);
    }
}

/* One turn of the loop. Returns 1 to go on, 0 to stop (--exit-after),
 * -1 when no renderer is left. */
static int frame(app *a)
{
    if (a->stats) sk_frame_stats_begin(a->stats);
    if (g_reload) {
        g_reload = 0;
        reload(a);
        a->pacer.dirty = true;   /* a new scene: draw it */
        a->sprites_pending = true;
    }
    sk_screen_state screen = handle_events(a);
    Uint64 now = SDL_GetTicks64();
    follow_display(a, now);
    screen = screen_state(a, now);
    advance(a, now, screen);
    if (sk_kiosk_state_due(a->state, now)) tick_state(a, now, screen);
    int w, h;
    SDL_GetRendererOutputSize(a->wnd.r, &w, &h);
    sk_tl_view v;
    sk_timeline_view(a->kiosk.tl, &v);
    /* Draw only what differs from the picture on screen; else sleep
     * until the scene says it changes (or a touch comes). */
    sk_scene_frame f = {0, -1};
    bool off = screen == SK_SCREEN_OFF;
    if (!off) {
        /* Once a frame: the scene draws into it; the next events hit-test it. */
        sk_view_layout(&v, &a->layout_opts, w, h, &a->layout);
        a->have_layout = true;
        sk_scene_prepare_in(a->scene, &v, &a->layout, w, h, &f);
    }
    sk_pace_frame pf = {.now_ms = now, .off = off, .signature = f.signature,
                        .next_change_ms = f.next_change_ms,
                        .asleep = off && a->power && sk_display_power_asleep(a->power)};
    sk_pace pace = sk_pace_decide(&a->pacer, &a->pace_opts, &pf);
    if (pace.draw) {
        bool failed = false;
        if (!draw_frame(a, &v, &pf, w, h, &failed)) return failed ? -1 : 1;
    }
    /* The watchdog ping says "the loop runs and the display took its
     * last frame". After a present: only once it returned, so a wedged
     * page flip stops the pings and systemd restarts the kiosk. When
     * skipping: this single thread only gets here after the last
     * present returned, so the ping is as true as one after a present;
     * and the forced present (pacing.h) keeps "the last present" no older
     * than a ping interval, so a wedge on a still screen is found
     * within about 1.5 watchdog timeouts. */
    sk_notify_watchdog_tick(SDL_GetTicks64());
    after_frame(a, &v, pace.draw, now);

    const sk_cli *cli = a->cli;
    Uint64 exit_at = cli->exit_after_s > 0 ? a->start + (Uint64)cli->exit_after_s * 1000 : 0;
    if (exit_at && SDL_GetTicks64() >= exit_at) return 0;
    /* A replay's next intent and --exit-after are on time. */
    Uint64 wake = pace.wake_ms;
    int64_t next_intent = sk_kiosk_next_intent_ms(&a->kiosk);
    if (next_intent >= 0 && now + (Uint64)next_intent < wake) wake = now + (Uint64)next_intent;
    if (exit_at && exit_at < wake) wake = exit_at;
    sk_window_sleep_until(&a->wnd, wake, &g_quit, &g_reload);
    return 1;
}

/* The display, the content, the scene, the sound. False when the kiosk
 * cannot run (logged). */
static bool start_up(app *a, const sk_replay *replay)
{
    const char *bench_env = getenv("SK_BENCH");
    const bool timing = bench_env && !strcmp(bench_env, "1");
    double t0 = timing ? sk_ms_since_process_start() : 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
    /* No watchdog ping in here (notify.h): the unit's TimeoutStartSec bounds
     * the start, extended after each step that is done
     * (sk_notify_start_step); the first ping comes with the first frame. */
    /* The content first (plain C, no display needed), so that the first
     * exercise's sheet decodes on a thread while the display and the
     * renderer are made (sheet_prefetch.h). */
    if (!sk_languages_load(&a->langs, a->cfg, a->assets, &a->tl_opts, stderr)) {
        fprintf(stderr, "stretch-kiosk: out of memory while loading content\n");
        return false;
    }
    sk_notify_start_step("content loaded");
    const sk_routine *first = a->langs.c[0].routine;
    if (first->exercise_count > 0) a->prefetch = sk_sheet_prefetch_start(first->exercises[0].sprite);
    if (timing) t1 = sk_ms_since_process_start();
    if (!sk_window_open(&a->wnd, a->cfg, &g_quit)) return false;
    if (timing) t2 = sk_ms_since_process_start();
    if (TTF_Init() != 0) SK_LOG_TTF_FAILED(NULL, "TTF_Init");
    if (!make_scene(a)) {
        fprintf(stderr, "stretch-kiosk: out of memory while loading content\n");
        return false;
    }
    sk_notify_start_step("scene made");
    if (timing) t3 = sk_ms_since_process_start();
    for (int i = 0; i < a->langs.count; i++) {
        const sk_routine *rt = a->langs.c[i].routine;
        fprintf(stderr, "stretch-kiosk: showing \"%s\" (%s, %s), %d exercises, %d cards\n", rt->title,
                rt->path, rt->language, rt->exercise_count, rt->card_count);
    }
    if (a->cfg->mode == SK_MODE_SESSION) sk_timeline_intent(a->langs.c[0].timeline, SK_INTENT_START);
    sk_kiosk_init(&a->kiosk, a->langs.c[0].timeline, replay, 0);
    use_languages(a);
    a->hooks = (sk_kiosk_hooks){on_replay_intent, on_event, a};
    sk_audio_opts ao;
    sk_audio_opts_defaults(&ao);
    ao.volume = a->cfg->volume;
    ao.mute = a->cfg->mute;
    a->audio = sk_audio_create(&ao, (int64_t)SDL_GetTicks64());
    sk_notify_start_step("sound opened; drawing the first frame");
    if (timing) {
        t4 = sk_ms_since_process_start();
        fprintf(stderr, "bench: start-up: %.0f ms to sk_app_run, routine and timeline %.0f ms, "
                        "display %.0f ms, scene %.0f ms, audio %.0f ms\n",
                t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
        a->stats = calloc(1, sizeof *a->stats);
    }
    apply_settings(a);
    a->power = sk_display_power_open(a->cfg->display_power, a->cfg->cec_osd_name, a->wnd.win);
    a->pace_opts = (sk_pace_opts){
        .frame_ms = (uint64_t)(1000 / (a->cfg->fps > 0 ? a->cfg->fps : 30)),
        .idle_look_ms = SK_IDLE_LOOK_MS,
        .ping_ms = sk_notify_ping_interval_ms(),
        .refresh_ms = SK_PACE_REFRESH_MS,
    };
    a->pacer.dirty = true;
    a->first_frame = a->sprites_pending = true;
    if (a->stats) sk_bench_log_textures(a->scene, "at start-up");
    return true;
}

/* Everything start_up made, in reverse, whatever got made. */
static void shut_down(app *a)
{
    free(a->stats);
    sk_config_free(&a->cfg_own);
    sk_audio_free(a->audio);
    sk_scene_destroy(a->scene);
    sk_sheet_prefetch_free(a->prefetch);
    sk_languages_free(&a->langs);
    sk_display_power_close(a->power);   /* the display on again, before SDL's video goes */
    sk_window_close(&a->wnd);
    sk_app_sdl_quit();
}

void sk_app_sdl_quit(void)
{
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
}

int sk_app_run(const sk_config *cfg_in, const char *config_path, const sk_cli *cli,
               const char *assets_dir, const sk_replay *replay)
{
    app a = {.cli = cli, .assets_given = assets_dir, .config_path = config_path};
    a.assets = pin_assets(&a);
    if (!sk_config_copy(&a.cfg_own, cfg_in)) return 1;
    a.cfg = &a.cfg_own;
    char desc[512];
    fprintf(stderr, "stretch-kiosk: settings: %s\n", sk_config_describe(a.cfg, desc, sizeof desc));
    sk_content_timeline_opts(a.cfg, &a.tl_opts);
    install_signals();
    int rc = 1;
    a.state = sk_kiosk_state_open(a.cfg->usage, cli->state_dir, stderr);
    bool started = start_up(&a, replay);
    sk_kiosk_state_started(a.state, (!a.wnd.r ? SK_USAGE_START_NO_DISPLAY : 0u) |
                                    (a.langs.c[0].fell_back ? SK_USAGE_START_FALLBACK : 0u) |
                                    (started && !sk_audio_is_open(a.audio) ? SK_USAGE_START_NO_AUDIO : 0u));
    if (started) {
        a.start = a.last = SDL_GetTicks64();
        rc = 0;
        while (!g_quit) {
            int go = frame(&a);
            if (go < 0) rc = 1;
            if (go <= 0) break;
        }
        fprintf(stderr, "stretch-kiosk: quitting\n");
        sk_notify_stopping();
        if (a.stats) sk_bench_print(a.stats, a.scene, a.wnd.r, a.wnd.canvas, (double)a.cfg->fps);
    }
    sk_kiosk_state_close(a.state);
    shut_down(&a);
    return rc;
}
