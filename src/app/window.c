/* The window and its renderer: waiting for a display on KMSDRM, SDL's
 * video set-up, the window (fullscreen, or windowed for a developer), the
 * renderer the guard picks (render_guard.h), and sleeping until the next
 * frame or an event. The program's window only (tests draw on surfaces). */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "display_wait.h"
#include "notify.h"

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
void sk_window_sleep_until(const sk_window *w, uint64_t wake, const volatile sig_atomic_t *quit,
                           const volatile sig_atomic_t *reload)
{
    for (;;) {
        Uint64 now = SDL_GetTicks64();
        if (now >= wake || *quit || *reload) return;
        Uint64 left = wake - now;
        if (w->native_wait) {
            if (SDL_WaitEventTimeout(NULL, (int)left)) return;
        } else {
            SDL_PumpEvents();
            if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0) return;
            /* 10 ms slices: a touch is answered within a frame at 60 Hz. */
            SDL_Delay((Uint32)(left < 10 ? left : 10));
        }
    }
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
void sk_window_renderer_made(sk_window *w)
{
    w->canvas = software_raster(w->r);
    const char *canvas_env = getenv("SK_CANVAS");
    if (canvas_env && (!strcmp(canvas_env, "0") || !strcmp(canvas_env, "1")))
        w->canvas = canvas_env[0] == '1';
    if (w->canvas)
        fprintf(stderr, "stretch-kiosk: software renderer: redrawing only what changes "
                        "(a canvas of the screen's size)\n");
}

/* Where the display is looked for, and for how long: the real sysfs and
 * /dev/dri, unless a test points elsewhere (SK_TEST_DRM_SYSFS,
 * SK_TEST_DRM_DEV); SK_DISPLAY_WAIT_MS bounds it (default 30 s, half of
 * the unit's TimeoutStartSec=60, so systemd never kills a waiting start). */
#define SK_DISPLAY_WAIT_DEFAULT_MS 30000

/* On KMSDRM only: waits for the first connected output on a card this
 * process can open (display_wait.h says why here and not in udev). True
 * when there is one; false after the bound, with the message. */
static bool wait_for_display(const volatile sig_atomic_t *quit)
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
        if (now >= deadline || *quit) break;
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

bool sk_window_open(sk_window *wnd, const sk_config *cfg, const volatile sig_atomic_t *quit)
{
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    /* SDL_RENDER_DRIVER in the environment (a bench, a clinic's override)
     * would turn SDL's draw batching off unless asked for (SDL 8584). */
    SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
    if (!wait_for_display(quit)) return false;
    sk_notify_start_step("a display is connected");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        SK_LOG_SDL_FAILED("cannot open the display", "SDL_Init");
        return false;
    }
    sk_notify_start_step("video opened");
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
    int display = cfg->display < displays ? cfg->display : 0;
    fprintf(stderr, "stretch-kiosk: video driver %s, display %d of %d\n", driver ? driver : "?",
            display, displays);
    bool windowed = cfg->windowed_w > 0;
    int w = windowed ? cfg->windowed_w : 1280, h = windowed ? cfg->windowed_h : 720;
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
    wnd->win = SDL_CreateWindow("Stretches for sciatica", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                              SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags | SDL_WINDOW_OPENGL);
    if (!wnd->win)
        wnd->win = SDL_CreateWindow("Stretches for sciatica", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                  SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags);
    if (!wnd->win) {
        SK_LOG_SDL_FAILED("cannot open a window", "SDL_CreateWindow");
        return false;
    }
    sk_notify_start_step("window made");
    wnd->r = sk_render_guard_first(&wnd->guard, wnd->win, driver);
    if (!wnd->r) return false;
    sk_notify_start_step("renderer made");
    sk_window_renderer_made(wnd);
    float ddpi;
    if (SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) == 0 && ddpi > 20 && ddpi < 1000)
        wnd->dpi = ddpi;   /* KMSDRM reports the panel's real size; X may invent 96 */
    wnd->native_wait = driver_waits();
    if (!windowed) SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return true;
}

void sk_window_close(sk_window *w)
{
    if (w->r) SDL_DestroyRenderer(w->r);
    if (w->win) SDL_DestroyWindow(w->win);
    w->r = NULL;
    w->win = NULL;
}
