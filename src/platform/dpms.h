/* A monitor's power through the DRM connector's DPMS property (libdrm).
 *
 * SDL 2 has no call for it, so this uses SDL's own DRM file descriptor
 * (SDL_GetWindowWMInfo, SDL_SYSWM_KMSDRM, SDL >= 2.0.22): SDL opened the
 * card first and is its DRM master, and only the master may change a
 * connector's properties. Setting DPMS Off on the connectors SDL scans out
 * to stops the CRTC (the kernel's atomic helpers turn "DPMS Off" into
 * "CRTC inactive"): the monitor sees no signal and sleeps, backlight and
 * all. SDL keeps its window, renderer and input the whole time, so a touch
 * still wakes the kiosk; nothing may be presented while off (a page flip
 * on a stopped CRTC fails), which pacing.h's 'asleep' ensures. DPMS On
 * starts the CRTC again with the same mode, and the next present shows.
 * Rejected: closing SDL's video for the night (touch input goes with it,
 * and every texture would be made again), and the console's blanking
 * (it needs the VT, which the kiosk's unit does not have). */
#ifndef SK_DPMS_H
#define SK_DPMS_H
#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sk_dpms sk_dpms;

/* The connectors the window's DRM device scans out to, with a DPMS
 * property. NULL (with the reason in why) when the video driver is not
 * KMSDRM, or no lit connector has DPMS. */
sk_dpms *sk_dpms_open(SDL_Window *win, char *why, size_t why_size);

/* DPMS On or Off on each connector. False when the kernel refused
 * (logged with the connector and errno). */
bool sk_dpms_set(sk_dpms *d, bool on);

/* The first connector's name for the log, e.g. "Virtual-1", "HDMI-A-1". */
const char *sk_dpms_connector(const sk_dpms *d);

/* Leaves the connectors On, then frees. */
void sk_dpms_close(sk_dpms *d);
#endif
