#include "view_layout.h"

#include <string.h>

void sk_view_layout_in(const sk_tl_view *v, const sk_view_layout_opts *o, int target_w,
                       int target_h, sk_layout_in *out)
{
    bool side = o->rotate == 90 || o->rotate == 270;
    memset(out, 0, sizeof *out);
    out->w = side ? target_h : target_w;
    out->h = side ? target_w : target_h;
    out->session = v->mode != SK_TL_LOOP;
    out->controls = v->mode == SK_TL_SESSION;
    /* The start screen of mode=session always asks for a tap; the loop
     * only when touch is on. */
    out->invitation = v->mode == SK_TL_START || (o->touch && v->mode == SK_TL_LOOP);
    out->note = o->fell_back;
    /* Several languages: the tag always; a button for each wherever the
     * kiosk invites a tap (the loop in touch mode, mode=session's start
     * screen) and on a running session's welcome, above its controls: one
     * who tapped the screen in the language on show can still choose
     * theirs before the first stretch (the session starts again in it). */
    bool welcome = v->mode == SK_TL_SESSION && v->phase && v->phase->kind == SK_PH_WELCOME;
    if (o->languages >= 2) {
        out->tag = true;
        if (out->invitation || welcome)
            out->languages = o->languages < SK_LANGUAGE_BUTTONS_MAX ? o->languages : SK_LANGUAGE_BUTTONS_MAX;
    }
    out->dpi = o->dpi;
}

void sk_view_layout(const sk_tl_view *v, const sk_view_layout_opts *o, int target_w, int target_h,
                    sk_layout *out)
{
    sk_layout_in in;
    sk_view_layout_in(v, o, target_w, target_h, &in);
    sk_layout_compute(&in, out);
}
