/* Is there a display to draw on yet? Read from sysfs, no SDL, no clock
 * (the caller waits; see app.c).
 *
 * Why the kiosk waits for this itself instead of a udev rule and unit
 * ordering (After= a /dev/dri/card* device tagged for systemd):
 *   - a Pi 4/5 has two DRM cards, v3d (render only, no connectors) and vc4
 *     (the connectors), and which one is card0 is not known in advance: a
 *     unit ordered after "a card" may still start before the one with the
 *     screen; a rule naming one would be wrong on the other models;
 *   - a card existing is not a screen connected: SDL 2.26's KMSDRM takes
 *     the first card with a connected output at SDL_Init and has no
 *     display hotplug, so what the kiosk needs is exactly "a connector
 *     whose status is connected", which only sysfs says;
 *   - the device node appears (devtmpfs) before udev gives it its group
 *     (video): the node must also be openable by this user.
 * So: wait, bounded well inside the unit's TimeoutStartSec, for the first
 * connected output on a card this process can open; then SDL_Init. A
 * display that never comes is a clean exit 1 after the bound, and systemd
 * retries (RestartSec) at the pace of the bound: no restart storm. */
#ifndef SK_DISPLAY_WAIT_H
#define SK_DISPLAY_WAIT_H
#include <stdbool.h>
#include <stddef.h>

typedef struct sk_display_found {
    char connector[64];   /* e.g. "card1-HDMI-A-1" */
    char card[32];        /* e.g. "card1" */
    int connected;        /* connectors whose status says connected */
    int unusable;         /* of those, on a card whose node in dev_dir
                             this process cannot open read-write (yet) */
} sk_display_found;

/* Looks at drm_dir (normally /sys/class/drm) for connectors
 * "cardN-<name>" whose "status" file reads "connected" (not
 * "disconnected", not "unknown": writeback connectors say unknown), and
 * for each, whether dev_dir/cardN (normally /dev/dri) is readable and
 * writable by this process (access(2)). Returns true when at least one
 * connected output is on an openable card; 'out' (may be NULL) then names
 * the first such in name order, and counts in any case. A missing drm_dir
 * is false (no GPU driver loaded yet). Does not block. */
bool sk_display_find(const char *drm_dir, const char *dev_dir, sk_display_found *out);
#endif
