/* The timeline: what is happening now. A pure state machine (no SDL, no
 * clock reads) advanced by whole milliseconds that the caller hands in, so
 * tests can run a week of looping in well under a second.
 *
 * At creation the routine is turned into a flat list of phases (the loop's
 * cycle, or a whole guided session); the state is an index into that list,
 * the time spent in the phase, and a few flags (paused, stop pending, ...).
 * Durations are fixed at build time, so progress and totals are exact.
 *
 * Voice: each phase carries cues (a key naming the voice clip, the caption
 * text, and the offset into the phase). When the caller gives clip lengths,
 * intro and card phases are stretched so their lines are never cut short.
 *
 * Ownership: the timeline borrows the routine; the routine must outlive it.
 */
#ifndef SK_TIMELINE_H
#define SK_TIMELINE_H
#include <stdbool.h>
#include <stdint.h>
#include "intent.h"
#include "routine.h"

typedef enum { SK_TL_LOOP, SK_TL_SESSION } sk_tl_mode;

typedef enum {
    SK_PH_WELCOME,      /* session: welcome + safety note */
    SK_PH_INTRO,        /* exercise name, equipment, steps (loop and session) */
    SK_PH_GET_READY,    /* the count before a hold */
    SK_PH_HOLD,         /* the 30 s hold */
    SK_PH_REST,         /* between reps */
    SK_PH_SWITCH,       /* "switch to your other leg" */
    SK_PH_CARD,         /* loop: an info card */
    SK_PH_FINISH,       /* session: "well done" */
    SK_PH_STILL_THERE,  /* session: "are you still there?" after walk-away */
    SK_PH_COUNT
} sk_phase_kind;

#define SK_MAX_CUES 12
#define SK_CUE_KEY_MAX 48

typedef struct sk_cue {
    int64_t at_ms;                 /* offset into the phase */
    char key[SK_CUE_KEY_MAX];      /* clip name, e.g. "basic.step2", "count.3" */
    const char *text;              /* caption; points into the routine or the
                                      timeline's own storage */
} sk_cue;

typedef struct sk_phase {
    sk_phase_kind kind;
    int exercise;        /* index into routine->exercises, -1 if none */
    int card;            /* index into routine->cards, -1 if none */
    sk_leg leg;
    int rep, reps;       /* 1-based rep of this leg; 0 when not a rep phase */
    int64_t duration_ms;
    sk_cue cues[SK_MAX_CUES];
    int cue_count;
} sk_phase;

typedef enum {
    SK_EV_PHASE_STARTED,     /* phase = the new phase index */
    SK_EV_VOICE,             /* cue = the cue to play now */
    SK_EV_TICK,              /* seconds = whole seconds left (3, 2, 1) in a
                                get-ready, or 0 when a hold ends: for beeps */
    SK_EV_SESSION_STARTED,
    SK_EV_SESSION_FINISHED,  /* ran to its end (not stopped) */
    SK_EV_SESSION_STOPPED,   /* stopped by the person or by walk-away */
    SK_EV_LOOP_WRAPPED       /* the loop began a new cycle */
} sk_event_kind;

typedef struct sk_event {
    sk_event_kind kind;
    int64_t time_ms;         /* timeline clock when it happened */
    int phase;
    int seconds;
    const sk_cue *cue;       /* valid until the timeline is rebuilt */
} sk_event;

/* Options; zero-initialise then set what you need. */
typedef struct sk_timeline_opts {
    /* Clip length in ms for a cue key, or <0 when unknown. May be NULL. */
    int64_t (*clip_ms)(void *user, const char *key);
    void *clip_user;
    int64_t walkaway_ms;     /* paused / finished and untouched this long ->
                                "still there?"; 0 = default 60 s */
    int64_t still_there_ms;  /* how long that question shows; 0 = 10 s */
    int64_t resume_count_ms; /* count after resume before a hold goes on; 0 = 3 s */
    int64_t stop_confirm_ms; /* a second STOP within this confirms; 0 = 5 s */
    bool return_to_start;    /* mode=session: after a session show the
                                welcome again instead of the loop */
} sk_timeline_opts;

typedef struct sk_timeline sk_timeline;

/* Builds the loop for the routine. Returns NULL only when out of memory. */
sk_timeline *sk_timeline_create(const sk_routine *r, const sk_timeline_opts *opts);
void sk_timeline_free(sk_timeline *tl);

/* Advances by dt_ms (>= 0; negative is treated as 0). Any dt works: a
 * 10 s step passes through the same phases, with the same events, as ten
 * thousand 1 ms steps. */
void sk_timeline_step(sk_timeline *tl, int64_t dt_ms);

/* Applies an intent. Returns true when it changed something. START in the
 * loop begins a session at its welcome; PAUSE/RESUME/SKIP/BACK/STOP act on a
 * session (STOP needs confirming); ACTIVITY and WAKE only reset walk-away. */
bool sk_timeline_intent(sk_timeline *tl, sk_intent intent);

/* Takes the oldest pending event; false when none. Events are kept in a
 * bounded queue (oldest dropped past SK_TL_MAX_EVENTS). */
#define SK_TL_MAX_EVENTS 256
bool sk_timeline_poll(sk_timeline *tl, sk_event *ev);

/* A snapshot of the state, for drawing and tests. */
typedef struct sk_tl_view {
    sk_tl_mode mode;
    const sk_phase *phase;   /* the current phase */
    int phase_index, phase_count;
    int64_t elapsed_ms, remaining_ms;
    double progress;         /* through the session (or loop cycle), 0..1 */
    bool paused;
    bool stop_pending;       /* STOP pressed once; waiting for confirmation */
    int64_t resume_count_ms; /* >0: counting down after resume, time not moving */
    bool still_there;        /* the walk-away question is showing */
    const sk_cue *caption;   /* the latest cue of this phase, or NULL */
    int64_t clock_ms;        /* total time fed in */
    int sessions_started, sessions_ended;
} sk_tl_view;
void sk_timeline_view(const sk_timeline *tl, sk_tl_view *v);

/* The phases of a guided session for this routine, as the session would run
 * them (for tests, --check and the progress bar). *count gets the number.
 * The array belongs to the timeline. */
const sk_phase *sk_timeline_session_phases(const sk_timeline *tl, int *count);
int64_t sk_timeline_session_total_ms(const sk_timeline *tl);
int64_t sk_timeline_loop_cycle_ms(const sk_timeline *tl);

const char *sk_phase_name(sk_phase_kind k);   /* "hold", "get-ready", ... */
#endif
