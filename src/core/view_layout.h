/* Which layout a view of the timeline is drawn in: the one rule for the
 * layout's flags and the picture's size on a (possibly rotated) target.
 *
 * The app computes the layout once a frame with this and hands the same
 * layout to the scene (which draws into it) and to input (which hit-tests
 * its controls), so a tap is judged against the boxes on screen. Drivers
 * without input (--render-frames, the soak, tests) let sk_scene_draw call
 * it. Pure: no SDL, no clock. */
#ifndef SK_VIEW_LAYOUT_H
#define SK_VIEW_LAYOUT_H
#include <stdbool.h>

#include "layout.h"
#include "timeline.h"

typedef struct sk_view_layout_opts {
    bool touch;       /* the loop invites a tap ("Tap to start") */
    bool fell_back;   /* the built-in routine stands in: the small note */
    float dpi;        /* the display's DPI, 0 = unknown (touch minimum) */
    int rotate;       /* 90 or 270: the picture is the target turned on its
                         side; anything else: upright */
    int languages;    /* >= 2: the kiosk speaks several: the tag always,
                         and a button for each with the invitation (the
                         loop in touch mode, the start screen) */
} sk_view_layout_opts;

/* The layout's input for view v on a target_w x target_h render target:
 * the picture's size (w and h swapped at 90/270); session = the view is
 * not the loop; controls = a session runs; invitation = the start screen,
 * or the loop with touch on; note = fell_back. Unused bytes are zero, so
 * two inputs compare and hash by their bytes. */
void sk_view_layout_in(const sk_tl_view *v, const sk_view_layout_opts *o, int target_w,
                       int target_h, sk_layout_in *out);

/* sk_layout_compute of that input. */
void sk_view_layout(const sk_tl_view *v, const sk_view_layout_opts *o, int target_w, int target_h,
                    sk_layout *out);
#endif
