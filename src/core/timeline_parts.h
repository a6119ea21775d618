/* The timeline's private parts (timeline.h is the contract): the state
 * and the phase lists. timeline_build.c builds both lists once at
 * creation (phases, their cues, their times); timeline.c moves through
 * them (events, intents, the view). */
#ifndef SK_TIMELINE_PARTS_H
#define SK_TIMELINE_PARTS_H
#include <stdbool.h>
#include <stdint.h>

#include "timeline.h"

typedef struct phase_list {
    sk_phase *v;
    int64_t *start;   /* offset of each phase from the list's start */
    int n, cap;
    int64_t total;
    bool oom;
} phase_list;

struct sk_timeline {
    const sk_routine *r;
    sk_timeline_opts o;
    phase_list loop;
    phase_list sess;      /* sess.v[sess.n] is the still-there phase */
    char **strs;          /* texts the timeline made (formatted phrases) */
    int nstrs, capstrs;
    bool oom;
    sk_cue resume_cues[4];

    sk_tl_mode mode;
    int idx;              /* phase index in the list of the mode */
    int64_t el;           /* ms into that phase */
    int next_cue;         /* first cue of the phase not yet emitted */
    bool paused;
    int64_t resume_left;
    bool stop_pending;
    int64_t stop_left;
    bool still;           /* "still there?" is showing */
    int64_t still_el;
    int64_t idle;         /* walk-away counter */
    int64_t clock;
    int64_t loop_cycles;
    int started, ended;

    sk_event q[SK_TL_MAX_EVENTS];
    int qhead, qlen;
    long dropped;
};

/* Fill tl->loop (one cycle) and tl->sess (a session, with the still-there
 * phase after its end); set the lists' (or tl's) oom when out of memory. */
void sk_tl_build_loop(sk_timeline *tl);
void sk_tl_build_session(sk_timeline *tl);
#endif
