/* --render-frames: pictures of the kiosk at chosen times, without a display
 * or a sound card. Draws through SDL's software renderer on a surface (no
 * video driver at all), so the same input gives the same bytes. */
#ifndef SK_FRAMES_H
#define SK_FRAMES_H
#include "content.h"
#include "languages.h"
#include "replay.h"
#include "scene.h"

typedef struct sk_frames_job {
    const char *out_dir;
    const long long *at_ms;   /* times from the start, any order */
    int at_count;
    int width, height;
    bool session;             /* start a guided session at time 0 */
    int rotate;               /* 0/90/180/270 */
    const sk_replay *replay;  /* intents at their times; may be NULL */
    bool trace;               /* print phases, intents and session events */
} sk_frames_job;

/* Renders each frame to out_dir/frame-<ms>ms.png (e.g. frame-012500ms.png)
 * and prints each path on stdout. With a replay, its intents are applied
 * at their times; with trace, every phase start, intent and session event
 * is printed as it happens ("t=12.500 phase=hold mode=session ..."); with
 * several languages each phase line ends in its language ("lang=es") and
 * every voice cue is a line too ("t=1.000 voice=welcome lang=es
 * clip=yes|no": whether that language has its clip). Returns 0, or 1 with
 * the reason on stderr. The languages' timelines are advanced (the kiosk
 * moves between them as the window's does). */
int sk_render_frames(sk_languages *langs, const sk_scene_opts *scene_opts,
                     const sk_frames_job *job);
#endif
