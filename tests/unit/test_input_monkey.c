/* Monkey test at the input level: 1,000,000 random SDL events over a
 * simulated day (fingers landing, moving, lifting, sometimes losing their
 * lift; SDL's mouse copies of touch and touch copies of the mouse; real
 * clicks; keys with random modifiers and repeats; window and quit events;
 * the screen dimming, going dark, a session starting and pausing, the
 * layout changing size) fed through sk_input_event. Invariants:
 *   - QUIT comes exactly from the quit combination (Ctrl+Alt+Q) and always
 *     does; in mode loop nothing but QUIT ever fires;
 *   - no physical tap fires twice: a finger's down, motions, up and SDL's
 *     mouse copies together give at most one intent; a click at most one;
 *   - no two taps on one target within SK_INPUT_DOUBLE_TAP_MS, and nothing
 *     within it after a START or a WAKE;
 *   - while a finger that fired is still on the glass, other fingers fire
 *     nothing;
 *   - every tap that fires says what the view and the point mean (WAKE when
 *     dark or dim, START outside a session, else the control under the
 *     finger or ACTIVITY);
 *   - and taps are not lost: a first finger (or a left click) after a quiet
 *     300 ms always fires in touch and session mode.
 * The generator is seeded: a failure repeats. SK_MONKEY_SEED overrides. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "input.h"

#define EVENTS 1000000L
#define DAY_MS (24LL * 3600 * 1000)
#define MAX_FINGERS 64

static uint64_t rng_state = 0x5EEDF00DCAFEull;

static uint32_t rnd(void)
{
    /* xorshift64*: deterministic on every platform. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}
static int rn(int n) { return (int)(rnd() % (uint32_t)n); }
static float rf(void) { return (float)(rnd() >> 8) / (float)(1u << 24); }
static bool chance(int percent) { return rn(100) < percent; }

/* A finger on the glass, as the generator knows it. */
typedef struct finger {
    bool used;
    SDL_TouchID touch;
    SDL_FingerID id;
    float x, y;
    long gesture;        /* physical tap id */
    int64_t seen_ms;     /* its last event */
    bool lost_up;        /* its up will never come */
    bool fired;          /* its down gave an intent */
    int moves_left;
    int64_t due;         /* its next motion or up */
    int64_t up_at;
} finger;

static finger fingers[MAX_FINGERS];

static const int sizes[][2] = {{800, 480},   {1024, 600},  {1280, 720}, {1366, 768},
                               {1280, 1024}, {1920, 1080}, {3840, 2160}, {1080, 1920},
                               {480, 800}};
#define NSIZES ((int)(sizeof sizes / sizeof sizes[0]))
static sk_layout layouts[NSIZES][2];   /* [size][session] */

/* What the run has seen. */
static long per_gesture_fired_max;
static long gestures, quits, quit_combos, taps_fired, liveness_checked, loop_violations;
static long double_fires, bad_targets, lost_taps, multi_violations, bad_quits, missed_quits;
static long other_event_fired, near_doubles;

/* The last tap that fired: for the double-tap check. */
static bool last_tap_valid;
static int64_t last_tap_ms;
static int last_tap_target;
static sk_intent last_tap_intent;

static sk_intent want_for_point(const sk_input *in, const sk_input_view *v, float nx, float ny,
                                int *target)
{
    if (v->screen != SK_SCREEN_ON) {
        *target = 100;
        return SK_INTENT_WAKE;
    }
    if (!v->session) {
        *target = 101;
        return SK_INTENT_START;
    }
    int x, y;
    sk_input_map_norm(in->rotate, nx, ny, v->layout->w, v->layout->h, &x, &y);
    sk_control c = sk_layout_hit(v->layout, x, y);
    *target = (int)c;
    switch (c) {
    case SK_CTL_BACK: return SK_INTENT_BACK;
    case SK_CTL_PAUSE: return v->paused ? SK_INTENT_RESUME : SK_INTENT_PAUSE;
    case SK_CTL_SKIP: return SK_INTENT_SKIP;
    case SK_CTL_STOP: return SK_INTENT_STOP;
    default: return SK_INTENT_ACTIVITY;
    }
}

/* Checks one tap-producing event (real finger down or real left click). */
static void check_tap(const sk_input *in, const sk_input_view *v, float nx, float ny,
                      sk_intent got, int64_t now, bool quiet_pointer, long *fired_count)
{
    int target;
    sk_intent want = want_for_point(in, v, nx, ny, &target);
    if (in->mode == SK_MODE_LOOP) {
        if (got != SK_INTENT_NONE) loop_violations++;
        return;
    }
    bool quiet_time = !last_tap_valid || now - last_tap_ms >= SK_INPUT_DOUBLE_TAP_MS;
    if (got == SK_INTENT_NONE) {
        if (quiet_pointer && quiet_time) {
            lost_taps++;
            if (lost_taps < 5)
                fprintf(stderr, "lost tap at %lld ms (%.3f, %.3f)\n", (long long)now, nx, ny);
        }
        if (quiet_pointer) liveness_checked++;
        return;
    }
    if (quiet_pointer) liveness_checked++;
    taps_fired++;
    (*fired_count)++;
    if (got != want) {
        bad_targets++;
        if (bad_targets < 5)
            fprintf(stderr, "tap at (%.3f, %.3f) gave %d, want %d\n", nx, ny, got, want);
    }
    if (!quiet_time) {
        if (target == last_tap_target || last_tap_intent == SK_INTENT_START ||
            last_tap_intent == SK_INTENT_WAKE)
            double_fires++;
        else
            near_doubles++;   /* two different controls in quick succession: allowed */
    }
    last_tap_valid = true;
    last_tap_ms = now;
    last_tap_target = target;
    last_tap_intent = got;
}

static bool fired_finger_down(int64_t now)
{
    for (int i = 0; i < MAX_FINGERS; i++)
        if (fingers[i].used && fingers[i].fired &&
            now - fingers[i].seen_ms < SK_INPUT_STUCK_FINGER_MS)
            return true;
    return false;
}

static void forget_lost(int64_t now)
{
    for (int i = 0; i < MAX_FINGERS; i++)
        if (fingers[i].used && fingers[i].lost_up &&
            now - fingers[i].seen_ms >= SK_INPUT_STUCK_FINGER_MS)
            fingers[i].used = false;
}

static SDL_Event blank(Uint32 type)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    return e;
}

static SDL_Event touch_ev(Uint32 type, SDL_TouchID t, SDL_FingerID f, float x, float y)
{
    SDL_Event e = blank(type);
    e.tfinger.touchId = t;
    e.tfinger.fingerId = f;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

static SDL_Event mouse_ev(Uint32 type, Uint32 which, Uint8 button, int x, int y, Uint8 clicks)
{
    SDL_Event e = blank(type);
    e.button.which = which;
    e.button.button = button;
    e.button.x = x;
    e.button.y = y;
    e.button.clicks = clicks;
    return e;
}

static const SDL_Keycode key_pool[] = {SDLK_SPACE, SDLK_RIGHT, SDLK_LEFT, SDLK_ESCAPE, SDLK_q,
                                       SDLK_a,     SDLK_RETURN, SDLK_F4, SDLK_w,     SDLK_LCTRL,
                                       SDLK_LALT,  SDLK_TAB};
static const Uint16 mod_pool[] = {KMOD_LCTRL, KMOD_RCTRL, KMOD_LALT, KMOD_RALT, KMOD_LSHIFT,
                                  KMOD_RSHIFT, KMOD_LGUI, KMOD_CAPS, KMOD_NUM,  KMOD_MODE};

typedef struct run {
    sk_mode mode;
    int rotate;
    long events;
} run;

int main(void)
{
    const char *seed = getenv("SK_MONKEY_SEED");
    if (seed && *seed) rng_state = strtoull(seed, NULL, 0) | 1;
    for (int s = 0; s < NSIZES; s++)
        for (int sess = 0; sess < 2; sess++) {
            sk_layout_in li = {.w = sizes[s][0], .h = sizes[s][1], .session = sess,
                               .controls = sess, .invitation = !sess};
            sk_layout_compute(&li, &layouts[s][sess]);
        }

    /* One simulated day, in runs as a kiosk might be reconfigured. */
    static const run runs[] = {
        {SK_MODE_TOUCH, 0, 250000},   {SK_MODE_TOUCH, 90, 150000},
        {SK_MODE_TOUCH, 180, 100000}, {SK_MODE_TOUCH, 270, 150000},
        {SK_MODE_SESSION, 90, 150000}, {SK_MODE_LOOP, 0, 200000},
    };
    int64_t now = 0;
    long total = 0;
    long next_gesture = 1;
    SDL_FingerID next_finger = 1;
    long *fired_by_gesture = calloc((size_t)EVENTS + 1, sizeof *fired_by_gesture);
    if (!fired_by_gesture) return EXIT_FAILURE;

    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        sk_config cfg;
        sk_config_defaults(&cfg);   /* quit: ctrl+alt+Q */
        cfg.mode = runs[r].mode;
        cfg.rotate = runs[r].rotate;
        sk_input in;
        CHECK(sk_input_init(&in, &cfg), "init");
        memset(fingers, 0, sizeof fingers);
        last_tap_valid = false;
        int size = 0;
        sk_input_view v = {.screen = SK_SCREEN_ON, .layout = &layouts[0][0]};

        for (long n = 0; n < runs[r].events; n++, total++) {
            /* Time: mostly bursts, sometimes a pause; mean about a day /
             * EVENTS (the total is printed). */
            int p = rn(100);
            now += p < 70 ? rn(40) : p < 95 ? 40 + rn(200) : 300 + rn(800);
            forget_lost(now);

            /* A finger on the glass whose next motion or lift is due. */
            int slot = -1;
            for (int i = 0; i < MAX_FINGERS; i++)
                if (fingers[i].used && !fingers[i].lost_up && fingers[i].due <= now &&
                    (slot < 0 || fingers[i].due < fingers[slot].due))
                    slot = i;
            int what = slot >= 0 ? -1 : rn(100);
            SDL_Event e;
            if (slot >= 0) {
                finger *f = &fingers[slot];
                bool up = f->moves_left-- <= 0;
                if (!up) {
                    f->x += (rf() - 0.5f) * 0.02f;
                    f->y += (rf() - 0.5f) * 0.02f;
                    f->due = now + (f->up_at - now) / 2;
                    if (f->moves_left <= 0) f->due = f->up_at;
                }
                e = touch_ev(up ? SDL_FINGERUP : SDL_FINGERMOTION, f->touch, f->id, f->x, f->y);
                sk_intent got = sk_input_event(&in, &e, &v, now);
                if (got != SK_INTENT_NONE) {
                    other_event_fired++;
                    fired_by_gesture[f->gesture]++;
                }
                f->seen_ms = now;
                if (up) {
                    f->used = false;
                    if (chance(80)) {
                        SDL_Event m = mouse_ev(SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID,
                                               SDL_BUTTON_LEFT, 10, 10, 1);
                        if (sk_input_event(&in, &m, &v, now) != SK_INTENT_NONE)
                            other_event_fired++;
                    }
                }
            } else if (what < 6) {
                /* The world changes: screen, session, pause, size. */
                int k = rn(4);
                if (k == 0) v.screen = (sk_screen_state)rn(3);
                else if (k == 1) v.session = !v.session;
                else if (k == 2) v.paused = !v.paused;
                else size = rn(NSIZES);
                if (chance(20)) v.screen = SK_SCREEN_ON;
                v.layout = &layouts[size][v.session];
                n--, total--;   /* not an event */
                continue;
            } else if (what < 36) {
                /* A new finger lands (sometimes beside one already down). */
                for (int i = 0; i < MAX_FINGERS; i++)
                    if (!fingers[i].used) { slot = i; break; }
                if (slot < 0) { n--, total--; continue; }
                finger *f = &fingers[slot];
                memset(f, 0, sizeof *f);
                f->used = true;
                f->touch = chance(90) ? 1 : 2;
                f->id = next_finger++;
                f->x = chance(3) ? -0.01f + rf() * 1.02f : rf();
                f->y = rf();
                f->gesture = next_gesture++;
                f->seen_ms = now;
                f->lost_up = chance(1);
                f->moves_left = rn(4);
                /* Most taps are short; some hands rest on the glass. */
                f->up_at = now + (chance(97) ? 30 + rn(300) : 1000 + rn(15000));
                f->due = f->moves_left > 0 ? now + (f->up_at - now) / 3 : f->up_at;
                gestures++;
                bool blocked = fired_finger_down(now);
                bool quiet = true;   /* no other finger within its window */
                for (int i = 0; i < MAX_FINGERS; i++)
                    if (i != slot && fingers[i].used &&
                        now - fingers[i].seen_ms < SK_INPUT_STUCK_FINGER_MS)
                        quiet = false;
                e = touch_ev(SDL_FINGERDOWN, f->touch, f->id, f->x, f->y);
                sk_intent got = sk_input_event(&in, &e, &v, now);
                if (blocked && got != SK_INTENT_NONE) {
                    multi_violations++;
                    if (multi_violations < 5)
                        fprintf(stderr, "second finger fired %d at %lld ms\n", got,
                                (long long)now);
                }
                if (got == SK_INTENT_QUIT) bad_quits++;
                long before = fired_by_gesture[f->gesture];
                check_tap(&in, &v, f->x, f->y, got, now, quiet, &fired_by_gesture[f->gesture]);
                f->fired = fired_by_gesture[f->gesture] > before;
                /* SDL's mouse copy follows at once. */
                if (chance(80)) {
                    SDL_Event m = mouse_ev(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID,
                                           SDL_BUTTON_LEFT, (int)(f->x * 800), (int)(f->y * 480), 1);
                    if (sk_input_event(&in, &m, &v, now) != SK_INTENT_NONE) other_event_fired++;
                }
            } else if (what < 50) {
                /* A real mouse click (sometimes a double click, another button). */
                Uint8 button = chance(80) ? SDL_BUTTON_LEFT : (Uint8)(2 + rn(2));
                int ww = v.layout->w, wh = v.layout->h;
                if (in.rotate == 90 || in.rotate == 270) { ww = v.layout->h; wh = v.layout->w; }
                int mx = rn(ww), my = rn(wh);
                e = mouse_ev(SDL_MOUSEBUTTONDOWN, (Uint32)rn(2), button, mx, my,
                             (Uint8)(1 + rn(2)));
                sk_intent got = sk_input_event(&in, &e, &v, now);
                long one = 0;
                gestures++;
                if (got == SK_INTENT_QUIT) bad_quits++;
                if (button != SDL_BUTTON_LEFT) {
                    if (got != SK_INTENT_NONE) other_event_fired++;
                } else {
                    check_tap(&in, &v, (mx + 0.5f) / ww, (my + 0.5f) / wh, got, now, true, &one);
                }
                e.type = SDL_MOUSEBUTTONUP;
                if (sk_input_event(&in, &e, &v, now + rn(120)) != SK_INTENT_NONE)
                    other_event_fired++;
            } else if (what < 85) {
                /* A key, with random modifiers, sometimes a repeat. */
                SDL_Keycode sym = key_pool[rn((int)(sizeof key_pool / sizeof key_pool[0]))];
                Uint16 mod = 0;
                for (size_t i = 0; i < sizeof mod_pool / sizeof mod_pool[0]; i++)
                    if (chance(30)) mod |= mod_pool[i];
                int repeat = chance(20);
                e = blank(chance(85) ? SDL_KEYDOWN : SDL_KEYUP);
                e.key.keysym.sym = sym;
                e.key.keysym.mod = mod;
                e.key.repeat = (Uint8)repeat;
                sk_intent got = sk_input_event(&in, &e, &v, now);
                bool combo = e.type == SDL_KEYDOWN && !repeat && sym == SDLK_q &&
                             (mod & KMOD_CTRL) && (mod & KMOD_ALT) && !(mod & KMOD_SHIFT) &&
                             !(mod & KMOD_GUI);
                if (combo) quit_combos++;
                if (got == SK_INTENT_QUIT) {
                    quits++;
                    if (!combo) bad_quits++;
                } else if (combo) {
                    missed_quits++;
                }
                if (in.mode == SK_MODE_LOOP && got != SK_INTENT_NONE && got != SK_INTENT_QUIT)
                    loop_violations++;
                if (repeat && got != SK_INTENT_NONE) other_event_fired++;
            } else {
                /* Everything else: motion, wheel, SDL's touch copy of the
                 * mouse, window events, SDL_QUIT, text input. */
                int k = rn(6);
                if (k == 0) {
                    e = blank(SDL_MOUSEMOTION);
                    e.motion.which = chance(50) ? SDL_TOUCH_MOUSEID : 0;
                    e.motion.x = rn(4000);
                    e.motion.y = rn(4000);
                } else if (k == 1) {
                    e = blank(SDL_MOUSEWHEEL);
                    e.wheel.y = rn(3) - 1;
                } else if (k == 2) {
                    e = touch_ev(chance(50) ? SDL_FINGERDOWN : SDL_FINGERUP, SDL_MOUSE_TOUCHID,
                                 0, rf(), rf());
                } else if (k == 3) {
                    e = blank(SDL_WINDOWEVENT);
                    e.window.event = chance(5) ? SDL_WINDOWEVENT_FOCUS_LOST
                                               : SDL_WINDOWEVENT_EXPOSED;
                    /* The module forgets its finger: so do we (the fingers
                     * stay on the glass, but none counts as having fired). */
                    if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
                        for (int i = 0; i < MAX_FINGERS; i++) fingers[i].fired = false;
                } else if (k == 4) {
                    e = blank(SDL_QUIT);
                } else {
                    e = blank(SDL_TEXTINPUT);
                    e.text.text[0] = 'q';
                }
                sk_intent got = sk_input_event(&in, &e, &v, now);
                if (got != SK_INTENT_NONE) {
                    other_event_fired++;
                    if (got == SK_INTENT_QUIT) bad_quits++;
                }
            }
        }
        fprintf(stderr, "run %zu: mode %s rotate %d: %ld taps fired, %ld double taps dropped, "
                        "%ld extra fingers, %ld synthetic, %ld stuck, %ld repeats\n",
                r, sk_mode_name(runs[r].mode), runs[r].rotate, in.stats.taps,
                in.stats.double_taps, in.stats.extra_fingers, in.stats.synthetic,
                in.stats.stuck_fingers, in.stats.key_repeats);
        if (runs[r].mode == SK_MODE_LOOP) CHECK_INT(in.stats.taps, 0);
    }
    for (long g = 1; g < next_gesture; g++)
        if (fired_by_gesture[g] > per_gesture_fired_max) per_gesture_fired_max = fired_by_gesture[g];
    free(fired_by_gesture);

    printf("%ld events over %.1f simulated hours: %ld physical taps/clicks, %ld taps fired, "
           "%ld quiet taps checked, %ld quits of %ld combinations, %ld quick taps on "
           "different targets\n",
           total, now / 3600000.0, gestures, taps_fired, liveness_checked, quits, quit_combos,
           near_doubles);
    CHECK_INT(total, EVENTS);
    CHECK(now >= DAY_MS * 9 / 10 && now <= DAY_MS * 11 / 10, "simulated %lld ms, not about a day",
          (long long)now);
    CHECK_INT(bad_quits, 0);
    CHECK_INT(missed_quits, 0);
    CHECK(quits > 100, "too few quit combinations tried: %ld", quits);
    CHECK_INT(loop_violations, 0);
    CHECK(per_gesture_fired_max <= 1, "a physical tap fired %ld times", per_gesture_fired_max);
    CHECK_INT(double_fires, 0);
    CHECK_INT(bad_targets, 0);
    CHECK_INT(lost_taps, 0);
    CHECK_INT(multi_violations, 0);
    CHECK_INT(other_event_fired, 0);
    /* The generator must have exercised what it claims to. */
    CHECK(taps_fired > 50000, "only %ld taps fired", taps_fired);
    CHECK(liveness_checked > 20000, "only %ld quiet taps", liveness_checked);
    return CHECK_DONE();
}
