/* The animation clock: which frame of a sprite sheet to show, from the
 * timeline's phase, the time spent in it and the leg. A pure function of
 * whole milliseconds (no SDL, no clock read, no floating point), so the
 * same instant gives the same frame at any display rate and after any
 * uptime: no drift.
 *
 *   intro, get-ready   'setup' plays once and holds its last frame
 *   hold               'hold' plays by its loop mode (yes / pingpong / no)
 *   rest, switch       'release' plays once if the sheet has it; else the
 *                      first frame of 'hold' (rest) or of 'setup' (switch)
 *   anything else      the first frame of 'setup' (the start position)
 * 'setup' and 'release' always play once; a clip's loop mode matters for
 * 'hold' only (no: play once and stay on the last frame).
 * The other leg: the ".other" clip when other_leg = frames, else the same
 * frame mirrored left-to-right.
 */
#ifndef SK_SPRITE_CLOCK_H
#define SK_SPRITE_CLOCK_H
#include <stdbool.h>
#include <stdint.h>
#include "routine.h"     /* sk_leg */
#include "sprite_sheet.h"
#include "timeline.h"    /* sk_phase_kind, for the enum only */

typedef struct sk_sprite_pick {
    int frame;             /* frame number in the sheet; -1 when the sheet
                              has no usable clip (draw the placeholder) */
    bool mirrored;         /* draw flipped left-to-right */
    const sk_clip *clip;   /* the clip playing (points into the sheet), or NULL */
} sk_sprite_pick;

/* Frame 'k' (0-based, in playing order) of 'clip' after elapsed_ms of play;
 * negative elapsed counts as 0. */
int sk_clip_frame_at(const sk_clip *clip, int64_t elapsed_ms);

/* The frame to show. 'sheet' may be NULL (then frame = -1). */
sk_sprite_pick sk_sprite_clock_pick(const sk_sprite_sheet *sheet, sk_phase_kind phase,
                                    int64_t elapsed_ms, sk_leg leg);
#endif
