/* Talking to systemd: readiness, watchdog pings, status and stopping, over
 * sd_notify(3). Built with libsystemd when the build found it (SK_HAVE_SYSTEMD);
 * otherwise every call is a no-op that returns false, and the kiosk runs the
 * same minus the pings.
 *
 * The unit (kiosk/stretch-kiosk.service) is Type=notify with WatchdogSec=:
 * systemd waits for READY, and kills and restarts the kiosk when the pings
 * stop, which is the cure for a page flip that never completes (SDL's
 * RenderPresent blocks forever on a wedged vc4 flip). So:
 *   - READY only after the first frame was presented (not at start-up: a
 *     kiosk that never gets a picture on screen must not count as started);
 *   - ping from the frame loop, after SDL_RenderPresent returned, never from
 *     a timer thread (a thread would keep pinging while the loop hangs);
 *   - and between the long steps the main thread takes outside a frame once
 *     the watchdog is armed (a sprite sheet's preload, a reload's rebuild, a
 *     renderer replaced): each step then gets a whole WatchdogSec, which a
 *     loaded machine needed (sk_notify_watchdog_step).
 * systemd arms the watchdog at the first WATCHDOG=1 or at READY=1, not at
 * start: until then TimeoutStartSec bounds the start, and a ping between
 * start-up steps would only arm it early, so a single slow step (llvmpipe's
 * first frame under emulation) would be killed. Hence no ping before the
 * first frame.
 *
 * None of these blocks (sd_notify sends one datagram on a local socket) or
 * reads a clock: the caller hands in its monotonic milliseconds.
 * Not thread-safe; call from the main thread. */
#ifndef SK_NOTIFY_H
#define SK_NOTIFY_H
#include <stdbool.h>
#include <stdint.h>

/* True when built with libsystemd. */
bool sk_notify_available(void);

/* The watchdog ping interval in milliseconds for these environment values
 * (WATCHDOG_USEC and WATCHDOG_PID as systemd sets them; either may be
 * NULL): half the watchdog timeout, as sd_watchdog_enabled(3) advises, or 0
 * when the watchdog is off, the values are malformed, or WATCHDOG_PID names
 * another process than 'my_pid'. Pure: for tests. */
uint64_t sk_notify_ping_interval_for(const char *watchdog_usec, const char *watchdog_pid,
                                     long my_pid);

/* The same, read from this process's environment. 0 = no watchdog. */
uint64_t sk_notify_ping_interval_ms(void);

/* Sends READY=1 (and STATUS=text when status is not NULL). Call once, after
 * the first SDL_RenderPresent; again after a reload finished. Returns true
 * when systemd was told (false: no libsystemd, not run by systemd, or the
 * send failed; nothing to do about any of these). */
bool sk_notify_ready(const char *status);

/* During the start, before the first READY=1: one start-up step is done
 * ('done' names it: "display found", "renderer made", ...). Sends
 * EXTEND_TIMEOUT_USEC for SK_NOTIFY_START_STEP_MS and STATUS=starting:
 * 'done'. systemd then allows the start that much longer after each step
 * (never less than the unit's TimeoutStartSec), so a slow start that moves
 * on (llvmpipe under emulation: 5-25 s a step) is not killed half-way,
 * while a step that hangs still is. Not a watchdog ping (see above).
 * After READY=1: does nothing, returns false. */
#define SK_NOTIFY_START_STEP_MS 45000
bool sk_notify_start_step(const char *done);

/* Sends RELOADING=1 (at the start of a SIGHUP reload; follow with
 * sk_notify_ready when it is done, whether it succeeded or kept the old
 * content). */
bool sk_notify_reloading(void);

/* Sends STOPPING=1 (at the start of a clean shut-down). */
bool sk_notify_stopping(void);

/* Sends STATUS=text, shown by `systemctl status stretch-kiosk`. For events
 * (content loaded, audio lost), never per frame. */
bool sk_notify_status(const char *text);

/* Call once per frame with the monotonic time in ms. Sends WATCHDOG=1 when
 * the watchdog is on and at least the ping interval passed since the last
 * ping (the first call always pings). Returns true when it pinged. The
 * interval is read from the environment on the first call. */
bool sk_notify_watchdog_tick(uint64_t now_ms);

/* Between two long steps outside the frame loop: sends WATCHDOG=1 when the
 * watchdog is on and armed (a ping or READY=1 was sent), whatever the
 * interval, and counts as the last ping for sk_notify_watchdog_tick. Before
 * that, does nothing (see above: it would arm the watchdog during the start).
 * Returns true when it pinged. */
bool sk_notify_watchdog_step(uint64_t now_ms);

/* True when the wall clock is believed right: systemd-timesyncd has
 * synchronised it (/run/systemd/timesync/synchronized exists) or the kernel
 * says it is synchronised (adjtimex has no STA_UNSYNC). A Pi has no battery
 * clock and boots with the last shut-down time (fake-hwclock) or 1970, so
 * wall-clock features (quiet hours, screen-off hours) must wait for this
 * (core/hours.h). SK_TEST_WALL_CLOCK_SYNCED=1 or 0 in the environment
 * stands in for both (tests on a machine whose clock is not synced).
 * Reads a file status and a kernel flag; does not block. The unit allows
 * adjtimex (read-only use) for this; ProtectClock= would deny it. */
bool sk_notify_wall_clock_synced(void);
#endif
