/* The pacing function's forced present (pacing.h refresh_ms) and a
 * display that is asleep (asleep: DPMS off), with fake time. */
#include "check.h"
#include "pacing.h"

static void test_refresh(void)
{
    const sk_pace_opts o = {.frame_ms = 33, .idle_look_ms = 200, .refresh_ms = SK_PACE_REFRESH_MS};
    sk_pacer p = {0};
    sk_pace_frame f = {.now_ms = 10000, .signature = 7, .next_change_ms = -1};
    CHECK(sk_pace_decide(&p, &o, &f).draw, "the first frame is drawn");
    sk_pace_presented(&p, &f, 10000);
    int presents = 0;
    uint64_t longest_gap = 0, last = 10000;
    /* A still screen for a minute, looked at as the loop looks (idle_look_ms). */
    while (f.now_ms < 70000) {
        sk_pace pc = sk_pace_decide(&p, &o, &f);
        CHECK(pc.wake_ms <= f.now_ms + o.idle_look_ms, "looks again within idle_look_ms");
        if (pc.draw) {
            presents++;
            if (f.now_ms - last > longest_gap) longest_gap = f.now_ms - last;
            last = f.now_ms;
            sk_pace_presented(&p, &f, f.now_ms);
        }
        f.now_ms = pc.wake_ms;
    }
    CHECK(presents >= 29 && presents <= 31, "a still minute: %d forced presents", presents);
    CHECK(longest_gap <= SK_PACE_REFRESH_MS + o.idle_look_ms, "longest gap %llu ms",
          (unsigned long long)longest_gap);
    /* Without it (0), and no watchdog: a still screen is not presented again. */
    const sk_pace_opts none = {.frame_ms = 33, .idle_look_ms = 200};
    f.now_ms = last + 60000;
    CHECK(!sk_pace_decide(&p, &none, &f).draw, "refresh 0: not forced");
    /* The shorter of ping and refresh wins. */
    const sk_pace_opts both = {.frame_ms = 33, .idle_look_ms = 200, .ping_ms = 5000,
                               .refresh_ms = 3000};
    f.now_ms = last + 2999;
    CHECK(!sk_pace_decide(&p, &both, &f).draw, "inside both intervals");
    f.now_ms = last + 3000;
    CHECK(sk_pace_decide(&p, &both, &f).draw, "refresh before ping");
}

static void test_asleep(void)
{
    const sk_pace_opts o = {.frame_ms = 33, .idle_look_ms = 200, .ping_ms = 5000,
                            .refresh_ms = SK_PACE_REFRESH_MS};
    sk_pacer p = {0};
    sk_pace_frame f = {.now_ms = 1000, .signature = 7, .next_change_ms = 0};
    sk_pace_presented(&p, &f, 1000);
    f.off = f.asleep = true;
    f.now_ms = 1000 + 60000;
    p.dirty = true;
    sk_pace pc = sk_pace_decide(&p, &o, &f);
    CHECK(!pc.draw, "asleep: nothing presented, dirty or forced");
    CHECK_INT(pc.wake_ms, f.now_ms + 200);
    /* Awake again, dirty (the app marks it on waking): drawn at once. */
    f.off = f.asleep = false;
    CHECK(sk_pace_decide(&p, &o, &f).draw, "woken: drawn");
}

int main(void)
{
    test_refresh();
    test_asleep();
    return CHECK_DONE();
}
