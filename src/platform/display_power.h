/* The display's power in screen-off hours, by the best means the machine
 * has (config.h sk_power_means): HDMI-CEC (cec.h) for a TV, else DPMS
 * (dpms.h) for a monitor, else a black picture; or as display_power says.
 * The choice is made once, at start-up, and named in the log. Whether the
 * display should be on is the schedule's (core/display_schedule.h); this
 * only carries it out and reports what the display did. */
#ifndef SK_DISPLAY_POWER_H
#define SK_DISPLAY_POWER_H
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"

typedef struct sk_display_power sk_display_power;

/* Chooses and opens the means (auto: cec, then dpms, then black; a means
 * asked for but missing falls back the same way, logged). win: the
 * kiosk's window (DPMS uses SDL's DRM device). Never NULL except out of
 * memory; the display starts on. */
sk_display_power *sk_display_power_open(sk_power_means want, const char *osd_name,
                                        SDL_Window *win);

/* The means in use: SK_POWER_CEC, _DPMS, _BLACK or _NONE (never AUTO). */
sk_power_means sk_display_power_means(const sk_display_power *p);

/* Turns the display on or off (call on a change only; 'why' goes to the
 * log, display_schedule.h's sk_display_why_name). With BLACK the picture
 * is made black by the caller; with NONE nothing happens. */
void sk_display_power_set(sk_display_power *p, bool on, const char *why, uint64_t now_ms);

/* True while the display is powered down so that nothing may be presented
 * (DPMS Off). A TV in CEC standby still takes frames (black ones). */
bool sk_display_power_asleep(const sk_display_power *p);

typedef struct sk_display_power_news {
    bool redraw;     /* the picture may have been lost: present it again */
    bool tv_woke;    /* the TV was switched on by hand (CEC) */
} sk_display_power_news;

/* Reads what the display said since the last call (CEC messages, a
 * hotplug); never blocks. Call once a frame. */
sk_display_power_news sk_display_power_poll(sk_display_power *p, uint64_t now_ms);

/* For a status report (usage): the means, whether the display is on as
 * far as the kiosk made it, and the last reason. Strings are static or
 * owned by p. */
typedef struct sk_display_power_state {
    const char *means;   /* "cec", "dpms", "black", "none" */
    bool on;             /* false in screen-off hours (the display sleeps) */
    const char *why;     /* the schedule's reason for the last change */
    const char *tv;      /* CEC: the TV's last report, "on", "standby",
                            "unknown"; otherwise "" */
} sk_display_power_state;

sk_display_power_state sk_display_power_get(const sk_display_power *p);

/* Leaves the display on (DPMS) and frees. NULL is fine. */
void sk_display_power_close(sk_display_power *p);
#endif
