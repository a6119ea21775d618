/* The window and its renderer: waiting for a display on KMSDRM, SDL's
 * video set-up, the window (fullscreen, or windowed for a developer), the
 * renderer the guard picks (render_guard.h), and sleeping until the next
 * frame or an event. The program's window only (tests draw on surfaces). */
#include "window.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "display_wait.h"
#include "notify.h"
#include "palette.h"
#include "render_choice.h"

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

/* SDL 2's KMSDRM backend makes its GBM and EGL surfaces again at the first
 * swap after SDL_CreateWindow has made the window fullscreen
 * (KMSDRM_SetWindowFullscreen marks them dirty; KMSDRM_GLES_SwapWindow
 * re-creates them before eglSwapBuffers), so the first frame presented is
 * the new surface's empty buffer: a black screen until the next present,
 * which the pacing may hold back 2 s, and "first frame on screen" (READY)
 * before any picture. Seen in the boot test: black for 0.5-1.2 s after
 * READY, after every start. One present of the background colour takes
 * that swap; the first real frame then goes to the surface that stays. */
static void settle_kmsdrm_surfaces(SDL_Renderer *r)
{
    const char *d = SDL_GetCurrentVideoDriver();
    if (!d || SDL_strcasecmp(d, "KMSDRM")) return;
    sk_rgb bg = sk_palette(SK_COL_BG);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(r);
    SDL_RenderPresent(r);
}

/* After a renderer is made: the canvas pays on a software rasteriser. On
 * SDL's software renderer the window's surface is what it draws on, and
 * it keeps its pixels between frames: that is the canvas, and a present
 * sends only the changed areas to the screen. */
void sk_window_renderer_made(sk_window *w)
{
    settle_kmsdrm_surfaces(w->r);
    w->canvas = software_raster(w->r);
    w->in_place = w->canvas;
    const char *canvas_env = getenv("SK_CANVAS");
    if (canvas_env && (!strcmp(canvas_env, "0") || !strcmp(canvas_env, "1")))
        w->canvas = canvas_env[0] == '1';
    w->in_place = w->in_place && w->canvas;
    if (w->canvas)
        fprintf(stderr, "stretch-kiosk: software renderer: redrawing only what changes (%s)\n",
                w->in_place ? "on the window's surface, sending only that to the screen"
                            : "a canvas of the screen's size");
}

void sk_window_present(sk_window *w, const SDL_Rect *rects, int n)
{
    if (!w->in_place || n < 0) {
        SDL_RenderPresent(w->r);
        return;
    }
    SDL_RenderFlush(w->r);   /* the batched draws onto the surface */
    SDL_Rect keep[SK_WINDOW_PRESENT_MAX];
    int k = 0;
    for (int i = 0; i < n && k < SK_WINDOW_PRESENT_MAX; i++)
        if (rects[i].w > 0 && rects[i].h > 0) keep[k++] = rects[i];
    /* Nothing changed (a forced present, pacing.h): one pixel still goes
     * through the display, which is what the watchdog's ping vouches for. */
    if (k == 0) keep[k++] = (SDL_Rect){0, 0, 1, 1};
    if (SDL_UpdateWindowSurfaceRects(w->win, keep, k) != 0)
        SDL_RenderPresent(w->r);   /* all of it, then */
}

/* Whether the machine has a DRM render node (a GPU's driver, or a virtual
 * GPU): without one, Mesa's GL could only be a software rasteriser.
 * SK_TEST_DRM_DEV points tests at another folder. */
static bool have_render_node(void)
{
    const char *dev = getenv("SK_TEST_DRM_DEV");
    if (!dev || !*dev) dev = "/dev/dri";
    DIR *d = opendir(dev);
    if (!d) return false;
    bool found = false;
    for (struct dirent *e; !found && (e = readdir(d)) != NULL;)
        found = !strncmp(e->d_name, "renderD", 7);
    closedir(d);
    return found;
}

/* GL_RENDERER of a GL renderer just made (its context is current), NULL
 * for a software renderer or when it cannot be read. */
static const char *gl_renderer_string(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || (info.flags & SDL_RENDERER_SOFTWARE)) return NULL;
    typedef const unsigned char *(*get_string_fn)(unsigned int);
    get_string_fn get = (get_string_fn)SDL_GL_GetProcAddress("glGetString");
    const unsigned char *s = get ? get(0x1F01 /* GL_RENDERER */) : NULL;
    return s ? (const char *)s : NULL;
}

/* SDL's software renderer shows its frames through X's shared memory
 * when told not to use a GL texture for the window's surface (SDL's
 * default would load GL to do it). Elsewhere (KMSDRM, Wayland) SDL 2 has
 * no other way to the screen: its default stays. */
static void software_without_gl(const char *driver)
{
    if (driver && !strcmp(driver, "x11")) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

/* The path (render_choice.h) for this machine before the window is made:
 * true = SDL's software renderer. SDL_RENDER_DRIVER, when set, decides. */
static bool choose_software(const sk_config *cfg, const char *driver, sk_render_choice *ch)
{
    sk_render_facts facts = {.video_driver = driver, .pref = cfg->renderer,
                             .render_node = have_render_node()};
    *ch = sk_render_choose(&facts);
    const char *forced = SDL_getenv("SDL_RENDER_DRIVER");
    if (forced && *forced) {
        fprintf(stderr, "stretch-kiosk: SDL_RENDER_DRIVER=%s decides the renderer\n", forced);
        return !SDL_strcasecmp(forced, "software");
    }
    fprintf(stderr, "stretch-kiosk: renderer %s: %s: %s\n", sk_renderer_name(cfg->renderer),
            ch->path == SK_RC_SOFTWARE ? "software" : ch->path == SK_RC_GL ? "GL" : "GL, to look at",
            ch->why);
    return ch->path == SK_RC_SOFTWARE;
}

/* After a GL renderer was made for a probe: GL_RENDERER decides. Returns
 * the renderer to use (the same, or SDL's software one in its place). */
static SDL_Renderer *after_probe(sk_window *wnd, const sk_config *cfg, const char *driver)
{
    sk_render_facts facts = {.video_driver = driver, .pref = cfg->renderer, .render_node = true,
                             .gl_renderer = gl_renderer_string(wnd->r)};
    sk_render_choice ch = sk_render_choose(&facts);
    if (ch.path != SK_RC_SOFTWARE) {
        fprintf(stderr, "stretch-kiosk: GL_RENDERER \"%s\": keeping GL\n",
                facts.gl_renderer ? facts.gl_renderer : "(unreadable)");
        return wnd->r;
    }
    fprintf(stderr, "stretch-kiosk: GL_RENDERER \"%s\" is a software rasteriser: SDL's software "
                    "renderer instead\n", facts.gl_renderer);
    SDL_DestroyRenderer(wnd->r);
    software_without_gl(driver);
    return sk_render_guard_first(&wnd->guard, wnd->win, driver, "software", ch.why);
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

/* Where and how the window opens (flags, x, y, w, h: the caller's choice
 * coming in). On X, SDL 2 waits 100 ms after mapping a fullscreen window
 * for a window manager to resize it (X11_SetWindowFullscreenViaWM), and
 * without one (a bare X kiosk, Xvfb) it waits all of it: the first frame
 * comes that much later. A borderless window covering the display is the
 * same picture at once; it is made fullscreen in the window manager's eyes
 * after the first frame (sk_window_first_frame_shown). */
static void place_window(sk_window *wnd, const char *driver, int display, bool windowed,
                         Uint32 *flags, int *x, int *y, int *w, int *h)
{
    *x = *y = SDL_WINDOWPOS_CENTERED_DISPLAY(display);
    SDL_Rect bounds;
    wnd->fullscreen_later = !windowed && driver && !strcmp(driver, "x11") &&
                            SDL_GetDisplayBounds(display, &bounds) == 0;
    if (!wnd->fullscreen_later) return;
    *flags = SDL_WINDOW_BORDERLESS;
    *x = bounds.x;
    *y = bounds.y;
    *w = bounds.w;
    *h = bounds.h;
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
    int x, y;
    place_window(wnd, driver, display, windowed, &flags, &x, &y, &w, &h);
    sk_render_choice ch;
    bool soft = choose_software(cfg, driver, &ch);
    if (soft) software_without_gl(driver);
    /* Made for GL from the start when GL is to be tried: otherwise SDL
     * re-creates the window when the GL renderer comes (on X, ~250 ms of a
     * fullscreen window's start); for the software renderer a plain
     * window, so that no GL library is loaded at all. */
    wnd->win = SDL_CreateWindow("Stretches for sciatica", x, y, w, h,
                                flags | (soft ? 0 : SDL_WINDOW_OPENGL));
    if (!wnd->win) wnd->win = SDL_CreateWindow("Stretches for sciatica", x, y, w, h, flags);
    if (!wnd->win) {
        SK_LOG_SDL_FAILED("cannot open a window", "SDL_CreateWindow");
        return false;
    }
    sk_notify_start_step("window made");
    bool env = SDL_getenv("SDL_RENDER_DRIVER") && *SDL_getenv("SDL_RENDER_DRIVER");
    wnd->r = sk_render_guard_first(&wnd->guard, wnd->win, driver, soft ? "software" : NULL,
                                   env ? NULL : ch.why);
    if (wnd->r && !env && ch.path == SK_RC_PROBE) wnd->r = after_probe(wnd, cfg, driver);
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

void sk_window_first_frame_shown(sk_window *w)
{
    if (!w->fullscreen_later) return;
    w->fullscreen_later = false;
    /* SDL then sends SDL_WINDOWEVENT_SIZE_CHANGED (its window surface is
     * made again): the caller draws the whole picture once more. */
    if (SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        fprintf(stderr, "stretch-kiosk: the window stays borderless over the display, not "
                        "fullscreen (SDL_SetWindowFullscreen: %s)\n", SDL_GetError());
}

void sk_window_close(sk_window *w)
{
    if (w->r) SDL_DestroyRenderer(w->r);
    if (w->win) SDL_DestroyWindow(w->win);
    w->r = NULL;
    w->win = NULL;
}
