/* Replay scripts: intents at given times, for tests and demos
 * (`--replay FILE`). No SDL.
 *
 * Format, one event a line:
 *     # a comment (also after an event)
 *     0.0   start
 *     12.5  pause        # seconds from the start of the run
 *     75    resume
 * SECONDS is a decimal number of seconds, 0..SK_REPLAY_MAX_SECONDS, at most
 * three decimals (milliseconds); times never go backwards (equal times keep
 * their order). INTENT is an sk_intent name (intent.h: start, pause, resume,
 * toggle_pause, skip, back, stop, wake, quit, activity; case-insensitive,
 * '-' for '_' allowed). Blank lines are ignored.
 *
 * Problems go to an sk_diag as "file:line: message"; every bad line is
 * reported, not just the first. */
#ifndef SK_REPLAY_H
#define SK_REPLAY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "diag.h"
#include "intent.h"

#define SK_REPLAY_MAX_BYTES (4 * 1024 * 1024)
#define SK_REPLAY_MAX_LINE 200            /* bytes in one line, newline excluded */
#define SK_REPLAY_MAX_EVENTS 200000
#define SK_REPLAY_MAX_SECONDS 31622400    /* 366 days */

typedef struct sk_replay_event {
    int64_t at_ms;
    sk_intent intent;
    int line;
} sk_replay_event;

typedef struct sk_replay {
    sk_replay_event *events;   /* malloc'd, in time order */
    int count;
} sk_replay;

/* Parses a script in memory. 'name' is what messages call it. Returns true
 * when it has no errors; *out then owns the events (free with
 * sk_replay_free). On errors *out is left empty. */
bool sk_replay_parse(const char *text, size_t len, const char *name, sk_replay *out,
                     sk_diag *d);

/* Reads and parses a file (missing, unreadable, a directory or over
 * SK_REPLAY_MAX_BYTES: an error naming the file). */
bool sk_replay_load(const char *path, sk_replay *out, sk_diag *d);

void sk_replay_free(sk_replay *r);

/* Hands out the events due by now_ms, one per call, in order: *cursor
 * starts at 0 and is advanced. Returns false when none is due. */
bool sk_replay_next_due(const sk_replay *r, int *cursor, int64_t now_ms,
                        sk_replay_event *ev);

/* Time of the last event (0 for an empty script). */
int64_t sk_replay_end_ms(const sk_replay *r);
#endif
