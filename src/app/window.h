/* The program's window and renderer (see window.c for why each step). */
#ifndef SK_WINDOW_H
#define SK_WINDOW_H
#include <SDL.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "render_guard.h"

typedef struct sk_window {
    SDL_Window *win;
    SDL_Renderer *r;
    sk_render_guard guard;   /* a renderer that presents nothing is replaced */
    float dpi;               /* diagonal DPI of the display, 0 = unknown */
    bool canvas;             /* software rasteriser: redraw only what changed */
    bool in_place;           /* SDL's software renderer on the window's
                                surface: the surface is the canvas, and a
                                present sends only what changed to the screen */
    bool native_wait;        /* SDL_WaitEventTimeout sleeps on this driver */
    bool fullscreen_later;   /* X: borderless over the display until the
                                first frame is shown, then fullscreen */
} sk_window;

/* SDL_Init (video, events), then the display (on KMSDRM: waits, bounded,
 * for a connected one; *quit cuts the wait short), the window and the
 * renderer. False with the reason logged; sk_window_close undoes what was
 * made either way (SDL_Quit is the caller's). */
bool sk_window_open(sk_window *w, const sk_config *cfg, const volatile sig_atomic_t *quit);

/* After a renderer is made (again): whether to draw through a canvas; on
 * KMSDRM one present of the background first, so that the first real
 * frame is the one on screen (window.c says why). */
void sk_window_renderer_made(sk_window *w);

/* Shows the frame drawn: with in_place and n >= 0, only the n rects
 * (SDL_UpdateWindowSurfaceRects; n == 0: one pixel, so the display is still
 * written to); otherwise all of
 * it (SDL_RenderPresent). */
#define SK_WINDOW_PRESENT_MAX 16
void sk_window_present(sk_window *w, const SDL_Rect *rects, int n);

/* Sleeps until the monotonic time 'wake' (SDL_GetTicks64), an event
 * (left queued), or *quit / *reload. */
void sk_window_sleep_until(const sk_window *w, uint64_t wake, const volatile sig_atomic_t *quit,
                           const volatile sig_atomic_t *reload);

/* Once the first frame is on screen: on X, where the window opened
 * borderless over the display (sk_window_open), it is made fullscreen
 * (for a window manager; it may be resized, with a window event). */
void sk_window_first_frame_shown(sk_window *w);

void sk_window_close(sk_window *w);
#endif
