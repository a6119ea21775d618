/* What the running kiosk keeps about itself on disk (issue 15):
 *  - usage counts (core/usage.h) in <state dir>/usage.csv, loaded at start,
 *    written at most once a minute when changed and at shut-down;
 *  - its health in <runtime dir>/status.json, rewritten every
 *    SK_STATUS_EVERY_MS, removed at a clean shut-down.
 * Both atomically (platform/state_file.h). A folder that cannot be written
 * is one log line each: the counts then live in memory until the program
 * ends, and the kiosk goes on. Folders: sk_state_dir (state_file.h).
 *
 * The readers for `--usage` and `--status` are here too (state_report.c). */
#ifndef SK_KIOSK_STATE_H
#define SK_KIOSK_STATE_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "routine.h"
#include "timeline.h"
#include "usage.h"

#define SK_STATUS_FILE "status.json"
#define SK_STATUS_EVERY_MS 5000
#define SK_USAGE_EVERY_MS 60000
/* --status calls the kiosk stale when status.json was not rewritten for
 * this long (the loop is stuck: a hung page flip, a stopped process), or,
 * when the kiosk presents a frame at least every few seconds (the
 * watchdog is on), when its last frame is this old. Six status periods,
 * and three times the unit's WatchdogSec=10, after which systemd has
 * already restarted a wedged kiosk. */
#define SK_STATUS_STALE_S 30

typedef struct sk_kiosk_state sk_kiosk_state;

/* What the app knows at a status tick. Strings are borrowed. */
typedef struct sk_status_facts {
    uint64_t now_ms;              /* the monotonic clock (SDL ticks) */
    uint64_t last_present_ms;     /* when the last frame was presented, 0 = none */
    uint64_t present_every_ms;    /* a frame at least this often, 0 = only on change */
    const sk_routine *routine;    /* the routine in use */
    const char *configured;       /* the routine file asked for; NULL = the built-in */
    bool fell_back;               /* configured, but had errors: built-in shown */
    const char *mode;             /* loop, touch, session (kiosk.ini) */
    const sk_timeline *timeline;
    bool screen_off, quiet;
    const char *audio;            /* "on", "muted", "quiet", "absent" */
    const char *video_driver, *renderer;
    int width, height;
} sk_status_facts;

/* usage_on: kiosk.ini's usage key (off: no counts kept or written, the
 * status still is). dir_override: --state-dir (both files there), or NULL.
 * Loads usage.csv (its bad lines logged, file:line: message) and looks at
 * a status.json left by a run that did not shut down. Never NULL unless
 * out of memory; logs to log. */
sk_kiosk_state *sk_kiosk_state_open(bool usage_on, const char *dir_override, FILE *log);
/* kiosk.ini's usage key changed on SIGHUP: off writes the counts a last
 * time and stops counting (usage.csv stays as it is); on loads usage.csv
 * again and counts on from it. Logged; the same value does nothing. */
void sk_kiosk_state_set_usage(sk_kiosk_state *ks, bool usage_on, FILE *log);
/* One start of the program, with SK_USAGE_START_* problems (an unclean
 * end of the last run is added here); written at once. */
void sk_kiosk_state_started(sk_kiosk_state *ks, unsigned problems);
void sk_kiosk_state_event(sk_kiosk_state *ks, const sk_timeline *tl, const sk_routine *r,
                          const sk_event *ev);
void sk_kiosk_state_wake_tap(sk_kiosk_state *ks);
/* True once a second: then the app fills the facts and calls tick. */
bool sk_kiosk_state_due(const sk_kiosk_state *ks, uint64_t now_ms);
/* Counts the hours, moves to a new day, writes what is due. Blocks for
 * the writes' fsyncs (at most once a minute for usage). */
void sk_kiosk_state_tick(sk_kiosk_state *ks, const sk_status_facts *f);
/* Writes the counts a last time, removes status.json, frees. NULL is fine. */
void sk_kiosk_state_close(sk_kiosk_state *ks);

/* --usage [--days N] [--json] and --status [--json]: exit status 0, or
 * 1 (no file / not running / stale). dir_override as above. */
int sk_usage_report(const char *dir_override, int days, bool json, FILE *out, FILE *err);
int sk_status_report(const char *dir_override, bool json, FILE *out, FILE *err);

/* A day's counts as JSON text (for status.json and --usage --json):
 * json-c's object, returned as void * so this header needs no json-c. */
void *sk_usage_day_json(const sk_usage_day *d);
#endif
