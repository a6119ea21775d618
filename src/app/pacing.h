/* Frame pacing, as a pure function: given what is on screen, the frame the
 * scene prepared (its signature and when it next changes, scene.h) and
 * now, whether to draw and present it, and when to look again. No clock is
 * read and nothing is drawn here: times are the caller's monotonic ms. */
#ifndef SK_PACING_H
#define SK_PACING_H
#include <stdbool.h>
#include <stdint.h>

typedef struct sk_pace_opts {
    uint64_t frame_ms;      /* the fps cap: never look sooner while things move */
    uint64_t idle_look_ms;  /* look at least this often (SK_SCENE_MAX_LOOK_MS):
                               what the scene cannot foresee */
    uint64_t ping_ms;       /* watchdog ping interval: present at least this
                               often even on a still screen; 0 = no watchdog */
    uint64_t refresh_ms;    /* present at least this often on a still screen,
                               watchdog or not (SK_PACE_REFRESH_MS): a display
                               that lost the picture without telling (a TV
                               switched off and on, a cable put back) has it
                               again within this; 0 = never forced */
} sk_pace_opts;

/* The forced present's default: the picture is back within 2 s whatever
 * took it, for the price of one present of a still frame every 2 s. */
#define SK_PACE_REFRESH_MS 2000

/* What is on screen. Zero-initialised: nothing yet (the first look draws). */
typedef struct sk_pacer {
    bool shown;             /* something was presented */
    bool shown_off;         /* ... and it was the black of screen-off hours */
    uint64_t shown_sig;     /* ... else the signature of the frame shown */
    uint64_t last_present_ms;
    bool dirty;             /* the picture on screen may be gone (a window
                               event, a lost GPU context): draw again */
} sk_pacer;

/* The frame at hand. */
typedef struct sk_pace_frame {
    uint64_t now_ms;
    bool off;                /* screen-off hours: the picture is black and
                                the scene is not asked */
    bool asleep;             /* the display itself is powered down (DPMS
                                off): nothing is presented, not even the
                                forced present; implies off */
    uint64_t signature;      /* sk_scene_frame's, when not off */
    int64_t next_change_ms;  /* sk_scene_frame's: 0 = animating, -1 = nothing
                                scheduled, else ms until it may change */
} sk_pace_frame;

typedef struct sk_pace {
    bool draw;               /* draw and present this frame */
    uint64_t wake_ms;        /* when to look again (a caller may bring it
                                forward: a replay's next intent, --exit-after) */
} sk_pace;

sk_pace sk_pace_decide(const sk_pacer *p, const sk_pace_opts *o, const sk_pace_frame *f);

/* After the frame f was presented; presented_ms: when the present returned. */
void sk_pace_presented(sk_pacer *p, const sk_pace_frame *f, uint64_t presented_ms);
#endif
