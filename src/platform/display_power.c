/* The means chosen, and the display's power carried out (display_power.h). */
#include "display_power.h"

#include <stdio.h>
#include <stdlib.h>

#include "cec.h"
#include "dpms.h"

struct sk_display_power {
    sk_power_means means;
    sk_cec *cec;
    sk_dpms *dpms;
    bool on;
    bool told;       /* the display was told once: the first set always goes out */
    const char *why;
};

/* auto (and a means that is missing) falls through cec, dpms, black. */
static void choose(sk_display_power *p, sk_power_means want, const char *osd_name,
                   SDL_Window *win)
{
    char cec_why[160] = "", dpms_why[160] = "";
    if (want == SK_POWER_NONE) {
        p->means = SK_POWER_NONE;
        fprintf(stderr, "stretch-kiosk: display power: none (display_power = none: the picture "
                        "stays on in screen-off hours)\n");
        return;
    }
    if (want == SK_POWER_AUTO || want == SK_POWER_CEC) {
        p->cec = sk_cec_open(NULL, osd_name, cec_why, sizeof cec_why);
        if (p->cec) {
            p->means = SK_POWER_CEC;
            fprintf(stderr, "stretch-kiosk: display power: HDMI-CEC through %s (the TV goes to "
                            "standby in screen-off hours)\n", sk_cec_path(p->cec));
            return;
        }
    }
    if (want != SK_POWER_BLACK) {
        p->dpms = sk_dpms_open(win, dpms_why, sizeof dpms_why);
        if (p->dpms) {
            p->means = SK_POWER_DPMS;
            fprintf(stderr, "stretch-kiosk: display power: DPMS on %s (the monitor powers down in "
                            "screen-off hours)%s%s\n", sk_dpms_connector(p->dpms),
                    cec_why[0] ? "; " : "", cec_why);
            return;
        }
    }
    p->means = SK_POWER_BLACK;
    fprintf(stderr, "stretch-kiosk: display power: a black picture in screen-off hours%s%s%s%s%s\n",
            want == SK_POWER_BLACK ? " (display_power = black)" : "",
            cec_why[0] ? "; " : "", cec_why, dpms_why[0] ? "; " : "", dpms_why);
    if (want == SK_POWER_CEC || want == SK_POWER_DPMS)
        fprintf(stderr, "stretch-kiosk: display power: display_power = %s, but this machine has "
                        "none: using black\n", sk_power_means_name(want));
}

sk_display_power *sk_display_power_open(sk_power_means want, const char *osd_name,
                                        SDL_Window *win)
{
    sk_display_power *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->on = true;
    p->why = "start";
    choose(p, want, osd_name, win);
    return p;
}

sk_power_means sk_display_power_means(const sk_display_power *p) { return p->means; }

void sk_display_power_set(sk_display_power *p, bool on, const char *why, uint64_t now_ms)
{
    /* The first time, whatever it says: a kiosk that starts (boot,
     * restart) in the day takes the TV (on, on our input); at night it
     * sends it to standby without waking it first. */
    if (on == p->on && p->told) return;
    p->told = true;
    p->on = on;
    p->why = why;
    fprintf(stderr, "stretch-kiosk: display power: %s (%s, %s)\n", on ? "on" : "off", why,
            sk_power_means_name(p->means));
    if (p->cec) sk_cec_set_display(p->cec, on, now_ms);
    if (p->dpms) sk_dpms_set(p->dpms, on);
}

bool sk_display_power_asleep(const sk_display_power *p)
{
    return p->dpms && !p->on;
}

sk_display_power_news sk_display_power_poll(sk_display_power *p, uint64_t now_ms)
{
    sk_display_power_news n = {0};
    if (!p->cec) return n;
    sk_cec_news c = sk_cec_poll(p->cec, now_ms);
    n.redraw = c.picture_maybe_lost;
    n.tv_woke = c.tv_came_on;
    return n;
}

sk_display_power_state sk_display_power_get(const sk_display_power *p)
{
    static const char *const tv[] = {"unknown", "on", "standby"};
    sk_display_power_state s = {sk_power_means_name(p->means), p->on, p->why, ""};
    if (p->cec) s.tv = tv[sk_cec_tv_state(p->cec)];
    return s;
}

void sk_display_power_close(sk_display_power *p)
{
    if (!p) return;
    sk_cec_close(p->cec);
    sk_dpms_close(p->dpms);
    free(p);
}
