/* The choice of means (display_power.h) on a machine with neither CEC nor
 * DPMS (no /dev/cecN at SK_CEC_DEVICE, no KMSDRM window): auto and a means
 * asked for but missing fall back to black; black and none are taken as
 * asked; the state report follows sk_display_power_set. The CEC and DPMS
 * paths themselves run against a real kernel in boot check 10. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "display_power.h"

static void expect_means(sk_power_means want, sk_power_means got)
{
    sk_display_power *p = sk_display_power_open(want, "Stretches", NULL);
    CHECK(p != NULL, "opened");
    if (!p) return;
    CHECK(sk_display_power_means(p) == got, "%s: got %s, want %s", sk_power_means_name(want),
          sk_power_means_name(sk_display_power_means(p)), sk_power_means_name(got));
    sk_display_power_close(p);
}

static void test_state(void)
{
    sk_display_power *p = sk_display_power_open(SK_POWER_AUTO, "Stretches", NULL);
    if (!p) return;
    sk_display_power_state s = sk_display_power_get(p);
    CHECK(s.on, "starts on");
    CHECK_STR(s.means, "black");
    CHECK_STR(s.tv, "");
    sk_display_power_set(p, false, "screen-off hours", 1000);
    s = sk_display_power_get(p);
    CHECK(!s.on, "off");
    CHECK_STR(s.why, "screen-off hours");
    CHECK(!sk_display_power_asleep(p), "a black picture still takes frames");
    CHECK(!sk_display_power_poll(p, 2000).redraw, "no news from a black picture");
    sk_display_power_set(p, true, "outside the screen-off hours", 3000);
    CHECK(sk_display_power_get(p).on, "on again");
    sk_display_power_close(p);
    sk_display_power_close(NULL);
}

int main(void)
{
    setenv("SK_CEC_DEVICE", "/nonexistent/cec0", 1);
    expect_means(SK_POWER_AUTO, SK_POWER_BLACK);
    expect_means(SK_POWER_CEC, SK_POWER_BLACK);
    expect_means(SK_POWER_DPMS, SK_POWER_BLACK);
    expect_means(SK_POWER_BLACK, SK_POWER_BLACK);
    expect_means(SK_POWER_NONE, SK_POWER_NONE);
    test_state();
    return CHECK_DONE();
}
