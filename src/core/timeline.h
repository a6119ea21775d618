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
 * Cue keys (stable names a voice clip file can carry, e.g. en/hold.ogg):
 *   "welcome", "safety"                 welcome phase (phrases)
 *   "<exid>.name"                       intro: the exercise name (loop, and
 *                                       the first exercise of a session)
 *   "next.<exid>"                       session intro of later exercises:
 *                                       phrases.next_stretch with {name}
 *   "<exid>.summary"                    loop intro: the one-line summary
 *   "<exid>.equipment"                  intro, when the exercise has one
 *   "<exid>.step1" .. "<exid>.stepN"    intro: one cue per step
 *   "<exid>.caution"                    intro, when the exercise has one
 *   "leg.painful", "leg.other"          get-ready of a leg's first rep
 *   "rep.N.T"                           get-ready: phrases.rep_of, "N of T"
 *                                       (only when T > 1)
 *   "get_ready"                         get-ready
 *   "count.3", "count.2", "count.1"     the last three seconds of a get-ready
 *                                       and the count after resume (also
 *                                       SK_EV_TICK 3, 2, 1)
 *   "hold"                              hold (SK_EV_TICK 0 when it ends)
 *   "relax"                             rest
 *   "switch"                            switch legs
 *   "finish", "finish.line"             finish (title, closing line)
 *   "card.<cardid>.title", "card.<cardid>.N"   loop info card, N = 1..lines
 *   "still_there"                       the walk-away question
 * Ids are cut so a key fits SK_CUE_KEY_MAX-1 bytes (ids up to 32 bytes fit).
 *
 * Durations: get-ready, hold and rest come from the routine's numbers; an
 * intro lasts intro_seconds, a card its seconds, welcome/switch/finish the
 * SK_TL_*_MS below, each stretched when the clips (plus SK_TL_CUE_GAP_MS
 * after each) need longer. Without clip lengths the cues of such a phase
 * are spread evenly over it. A get-ready grows only when its leading clips
 * (leg, rep, "get ready") do not fit before the count; the count always
 * ends it on whole seconds. Every phase lasts at least 1 ms; a phase of
 * 0 s in the routine (rest_seconds = 0, get_ready_seconds = 0) is left out.
 *
 * Ownership: the timeline borrows the routine; the routine must outlive it.
 */
#ifndef SK_TIMELINE_H
#define SK_TIMELINE_H
#include <stdbool.h>
#include <stdint.h>
#include "intent.h"
#include "routine.h"

typedef enum {
    SK_TL_LOOP,      /* the unattended loop */
    SK_TL_SESSION,   /* a guided session */
    SK_TL_START      /* return_to_start: the start screen (the session's
                        welcome phase, frozen) waiting for START */
} sk_tl_mode;

#define SK_TL_WELCOME_MS 12000   /* minimum length of the welcome phase */
#define SK_TL_SWITCH_MS 5000     /* minimum length of "switch legs" */
#define SK_TL_FINISH_MS 10000    /* minimum length of the finish phase */
#define SK_TL_CUE_GAP_MS 600     /* silence after each clip in a narrated phase */
#define SK_TL_COUNT_GAP_MS 250   /* ... and after each clip before a count */
#define SK_TL_BACK_RESTART_MS 2000 /* BACK later than this into a phase
                                      restarts it; earlier goes one back */
#define SK_TL_MAX_LOOP_PHASES 4096 /* cap on the loop's cycle (see below) */

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

/* What a cue reads out, so a screen can show which words are being spoken
 * without parsing its key. */
typedef enum {
    SK_CUE_OTHER,        /* a name, a count, a phrase, a card line... */
    SK_CUE_STEP,         /* one of the exercise's steps (sk_cue.step) */
    SK_CUE_EQUIPMENT,    /* the exercise's equipment line */
    SK_CUE_CAUTION       /* the exercise's caution */
} sk_cue_says;
#define SK_CUE_KEY_MAX 48

typedef struct sk_cue {
    int64_t at_ms;                 /* offset into the phase */
    char key[SK_CUE_KEY_MAX];      /* clip name, e.g. "basic.step2", "count.3" */
    const char *text;              /* caption; points into the routine or the
                                      timeline's own storage */
    int tick;                      /* >0: a count cue; SK_EV_TICK with this
                                      many seconds comes just before it */
    sk_cue_says says;              /* what part of the exercise it reads */
    int step;                      /* SK_CUE_STEP: which step, 1-based */
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
    SK_EV_SESSION_STOPPED,   /* stopped by the person or by walk-away
                                (then phase = the still-there index) */
    SK_EV_LOOP_WRAPPED       /* the loop began a new cycle */
} sk_event_kind;

typedef struct sk_event {
    sk_event_kind kind;
    sk_tl_mode mode;         /* the mode the phase index refers to */
    int64_t time_ms;         /* timeline clock when it happened */
    int phase;               /* in the session's phase list, the index
                                phase_count is the still-there phase */
    int seconds;
    const sk_cue *cue;       /* valid until the timeline is rebuilt */
} sk_event;

/* Options; zero-initialise then set what you need. */
typedef struct sk_timeline_opts {
    /* Clip length in ms for a cue key, or <0 when unknown. May be NULL. */
    int64_t (*clip_ms)(void *user, const char *key);
    void *clip_user;
    int64_t walkaway_ms;     /* paused (or on the finish screen) and no
                                intent this long -> "still there?";
                                0 = default 60 s */
    int64_t still_there_ms;  /* how long that question shows before the
                                session ends (SK_EV_SESSION_STOPPED);
                                0 = 10 s */
    int64_t resume_count_ms; /* count after resume before a hold goes on;
                                0 = 3 s, <0 = none */
    int64_t stop_confirm_ms; /* a second STOP within this confirms; 0 = 5 s */
    bool return_to_start;    /* mode=session: after a session show the
                                welcome again instead of the loop */
} sk_timeline_opts;

typedef struct sk_timeline sk_timeline;

/* Builds the loop and the session for the routine and starts the loop at
 * its first phase (its PHASE_STARTED and first cues are already queued).
 * The loop's cycle is as many rounds of the exercises as it takes for every
 * info card to show once (cards rotate independently of the exercises);
 * no further round starts once the cycle holds SK_TL_MAX_LOOP_PHASES
 * phases (only a routine at every limit gets there). Returns NULL only when out of
 * memory or when r has no exercise. */
sk_timeline *sk_timeline_create(const sk_routine *r, const sk_timeline_opts *opts);
void sk_timeline_free(sk_timeline *tl);

/* Advances by dt_ms (>= 0; negative is treated as 0). Any dt works: a
 * 10 s step passes through the same phases, with the same events, as ten
 * thousand 1 ms steps. */
void sk_timeline_step(sk_timeline *tl, int64_t dt_ms);

/* Applies an intent. Returns true when it changed something.
 *  - Loop / start screen: START (and TOGGLE_PAUSE) begin a session at its
 *    welcome; every other intent does nothing.
 *  - Session: PAUSE/RESUME/TOGGLE_PAUSE; resuming inside a hold first counts
 *    resume_count_ms (ticks 3, 2, 1) while the hold's time stands still.
 *    SKIP goes to the next phase's start (past the finish: the session has
 *    finished); BACK restarts the phase when more than
 *    SK_TL_BACK_RESTART_MS into it, else goes to the previous phase. Both
 *    keep the pause as it is and cancel a resume count. STOP once sets
 *    stop_pending for stop_confirm_ms; STOP again within it ends the session
 *    (SK_EV_SESSION_STOPPED, back to the loop); any other button intent
 *    cancels a pending stop. ACTIVITY and WAKE only reset walk-away.
 *  - While "still there?" shows, any intent (but QUIT) answers it: the
 *    session goes on as it was (still paused if it was).
 *  - QUIT is never handled here (returns false): it is the program's.
 *  - A language intent (intent.h) is START outside a session and ACTIVITY
 *    in one: which timeline it goes to is kiosk_step's choice. */
bool sk_timeline_intent(sk_timeline *tl, sk_intent intent);

/* For a kiosk of several languages (kiosk_step.h): drops every pending
 * event, ends any session without an event, sets the clock to clock_ms and
 * enters the loop's phase loop_index (0 when out of range; the start
 * screen with return_to_start), queueing its PHASE_STARTED and first cues
 * as any phase start does. */
void sk_timeline_rejoin(sk_timeline *tl, int loop_index, int64_t clock_ms);

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
    double progress_per_ms;  /* how fast it grows while the phase's time
                                runs: 1 / the list's total (0 on the start
                                screen); the progress bar's next step */
    bool paused;
    bool stop_pending;       /* STOP pressed once; waiting for confirmation */
    int64_t resume_count_ms; /* >0: counting down after resume, time not moving */
    int64_t resume_total_ms; /* how long that count is (the option) */
    bool still_there;        /* the walk-away question is showing */
    const sk_cue *caption;   /* the latest cue of this phase, or NULL */
    int64_t clock_ms;        /* total time fed in */
    int sessions_started, sessions_ended;
    int64_t loop_cycles;     /* SK_EV_LOOP_WRAPPED so far */
    const sk_routine *routine; /* whose words these are (the timeline's
                                  routine: one language of several) */
} sk_tl_view;
void sk_timeline_view(const sk_timeline *tl, sk_tl_view *v);

/* The phases of a guided session for this routine, as the session would run
 * them (for tests, --check and the progress bar). *count gets the number.
 * The array belongs to the timeline. */
const sk_phase *sk_timeline_session_phases(const sk_timeline *tl, int *count);
int64_t sk_timeline_session_total_ms(const sk_timeline *tl);
int64_t sk_timeline_loop_cycle_ms(const sk_timeline *tl);
/* The walk-away question's phase (kind SK_PH_STILL_THERE, with its
 * "still_there" cue); it is not in the session's list. */
const sk_phase *sk_timeline_still_there_phase(const sk_timeline *tl);
/* The same for one cycle of the loop. */
const sk_phase *sk_timeline_loop_phases(const sk_timeline *tl, int *count);
/* Events dropped because the queue was full (poll more often). */
long sk_timeline_dropped_events(const sk_timeline *tl);

const char *sk_phase_name(sk_phase_kind k);   /* "hold", "get-ready", ... */
#endif
