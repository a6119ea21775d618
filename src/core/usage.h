/* Usage counts: how the kiosk was used, one record a day. Nothing
 * personal: counts only (issue 15, README "Usage counts").
 *
 * Pure: no SDL, no clock, no file opened. The caller hands in the day
 * (from the wall clock, when it is trusted), the timeline's events, taps
 * that woke a dark screen, the time spent in quiet and screen-off hours,
 * and each start of the program with what went wrong at it. The file's
 * text is made and read here; writing it to disk is platform/state_file.
 *
 * The file (usage.csv): CSV a person can read, one line a day, oldest
 * first, at most SK_USAGE_MAX_DAYS lines (older days are dropped):
 *
 *   # stretch-kiosk usage counts, one line a day (README "Usage counts")
 *   date,loop_cycles,wake_taps,sessions_started,...   (SK_USAGE_HEADER)
 *   2026-12-01,143,2,5,3,1,1,basic:18 seated:9,seated/hold:1,basic/rest:1,0,480,1,fallback:1
 *
 * A list field holds "key:count" items separated by spaces; a key is an
 * exercise id, or "exercise/phase" (phase names as sk_phase_name), or a
 * phase name alone outside an exercise (welcome, finish). */
#ifndef SK_USAGE_H
#define SK_USAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "routine.h"
#include "timeline.h"

#define SK_USAGE_MAX_DAYS 400     /* the rolling window, in days with a line */
#define SK_USAGE_LIST_MAX 12      /* distinct keys per list; more go to "other" */
#define SK_USAGE_KEY_MAX 48
#define SK_USAGE_FILE "usage.csv"
#define SK_USAGE_HEADER                                                                       \
    "date,loop_cycles,wake_taps,sessions_started,sessions_completed,sessions_stopped,"        \
    "walkaways,holds_completed,stopped_in,walked_away_in,quiet_minutes,screen_off_minutes,"   \
    "starts,start_problems"

typedef struct sk_usage_item {
    char key[SK_USAGE_KEY_MAX];
    long count;
} sk_usage_item;

typedef struct sk_usage_list {
    sk_usage_item items[SK_USAGE_LIST_MAX];
    int count;
} sk_usage_list;

typedef struct sk_usage_day {
    int date;                  /* yyyymmdd; 0 = not known yet (see below) */
    long loop_cycles;          /* the loop began a new cycle */
    long wake_taps;            /* a tap that lit a dark (screen-off) screen */
    long sessions_started, sessions_completed;
    long sessions_stopped;     /* STOP confirmed by the person */
    long walkaways;            /* nobody answered "still there?" */
    sk_usage_list holds;       /* holds run to their end in a session, per exercise */
    sk_usage_list stopped_in;  /* where sessions were stopped: exercise/phase */
    sk_usage_list walked_away_in; /* the phase before "still there?" */
    int64_t quiet_ms, screen_off_ms;  /* written as whole minutes */
    long starts;               /* starts of the program */
    sk_usage_list start_problems;  /* SK_USAGE_START_* names, per start */
} sk_usage_day;

typedef struct sk_usage {
    sk_usage_day *days;        /* oldest first; malloc'd, SK_USAGE_MAX_DAYS */
    int count;
    int session_phase;         /* the session phase on screen, -1 = none */
    bool dirty;                /* changed since sk_usage_format */
} sk_usage;

/* Problems a start can have, as bits for sk_usage_started. */
enum {
    SK_USAGE_START_FALLBACK = 1,    /* "fallback": the routine had errors */
    SK_USAGE_START_NO_AUDIO = 2,    /* "no-audio": no sound device */
    SK_USAGE_START_NO_DISPLAY = 4,  /* "no-display": no display at start (exit) */
    SK_USAGE_START_UNCLEAN = 8      /* "after-crash": the last run did not shut
                                       down (killed, crashed, watchdog) */
};

/* False when out of memory (u is then empty and every call a no-op). */
bool sk_usage_init(sk_usage *u);
void sk_usage_free(sk_usage *u);

/* The day counts go to from now on: yyyymmdd, or 0 while the wall clock is
 * not trusted (hours.h). Until the first real day, counts gather in a day
 * with date 0, merged into the first day handed in; after that a 0 keeps
 * the last day. A day older than the newest is ignored (a clock set back
 * goes on counting into the newest). Days past SK_USAGE_MAX_DAYS drop the
 * oldest. */
void sk_usage_set_day(sk_usage *u, int yyyymmdd);

/* Counts one timeline event; tl and r are the ones the event came from
 * (for the session's phases and the exercises' ids). */
void sk_usage_event(sk_usage *u, const sk_timeline *tl, const sk_routine *r, const sk_event *ev);
void sk_usage_wake_tap(sk_usage *u);
/* Time that passed in quiet hours and/or screen-off hours. */
void sk_usage_hours(sk_usage *u, int64_t dt_ms, bool quiet, bool screen_off);
/* One start of the program; problems = SK_USAGE_START_* bits. */
void sk_usage_started(sk_usage *u, unsigned problems);

/* Today's record (the newest day), or NULL when none. */
const sk_usage_day *sk_usage_today(const sk_usage *u);

/* The whole file's text (header and every day with a date), malloc'd and
 * NUL-terminated; the caller frees it. NULL when out of memory. Clears
 * dirty. */
char *sk_usage_format(sk_usage *u, size_t *len);

/* Reads a usage file's text into u (emptied first). Each bad or foreign
 * line is a "name:line: message" warning in d and is skipped; a date seen
 * twice is added up. Never fails as a whole; false only when out of
 * memory. */
bool sk_usage_parse(const char *text, size_t len, const char *name, sk_usage *u, sk_diag *d);

/* One day's line (no newline) into buf; false when it does not fit. */
bool sk_usage_format_day(const sk_usage_day *day, char *buf, size_t size);
/* Adds b's counts into a (lists merged by key). */
void sk_usage_day_add(sk_usage_day *a, const sk_usage_day *b);
/* "2026-12-01" for 20261201 (buf of 11 or more). */
void sk_usage_date_text(int yyyymmdd, char *buf, size_t size);
#endif
