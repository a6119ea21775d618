/* Input: every key and tap path, synthetic events, double taps, multi-touch,
 * the wake-only first touch, rotation mapping, and the controls' hit areas
 * at every layout size. Hand-made SDL_Events; no SDL_Init. */
#include <string.h>

#include "check.h"
#include "input.h"

static sk_config cfg;

static sk_input make(sk_mode mode, int rotate)
{
    sk_config_defaults(&cfg);
    cfg.mode = mode;
    cfg.rotate = rotate;
    sk_input in;
    CHECK(sk_input_init(&in, &cfg), "init with the default quit combination");
    return in;
}

static SDL_Event key(SDL_Keycode sym, Uint16 mod, int repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = (Uint8)repeat;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    return e;
}

static SDL_Event finger(Uint32 type, SDL_TouchID t, SDL_FingerID f, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = t;
    e.tfinger.fingerId = f;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1.0f;
    return e;
}

static SDL_Event mouse(Uint32 type, Uint32 which, Uint8 button, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.which = which;
    e.button.button = button;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    return e;
}

static sk_layout layout_for(int w, int h, bool session)
{
    sk_layout_in li = {.w = w, .h = h, .session = session, .controls = session,
                       .invitation = !session};
    sk_layout L;
    sk_layout_compute(&li, &L);
    return L;
}

/* Where on the display (fractions) the picture point (x, y) is drawn: the
 * forward rotation, written independently of input.c's inverse. */
static void to_display(int rotate, double x, double y, int pw, int ph, double *u, double *v)
{
    switch (rotate) {
    case 90:  *u = (ph - y) / ph; *v = x / pw; break;
    case 180: *u = (pw - x) / pw; *v = (ph - y) / ph; break;
    case 270: *u = y / ph;        *v = (pw - x) / pw; break;
    default:  *u = x / pw;        *v = y / ph; break;
    }
}

static sk_intent ev(sk_input *in, SDL_Event e, const sk_input_view *v, int64_t t)
{
    return sk_input_event(in, &e, v, t);
}

/* A full tap of finger f at display fraction (x, y): down, up. Returns what
 * the down gave; the up must give nothing. */
static sk_intent tap(sk_input *in, const sk_input_view *v, int64_t t, SDL_FingerID f, float x,
                     float y)
{
    sk_intent a = ev(in, finger(SDL_FINGERDOWN, 7, f, x, y), v, t);
    CHECK_INT(ev(in, finger(SDL_FINGERUP, 7, f, x, y), v, t + 80), SK_INTENT_NONE);
    return a;
}

/* Display fractions of the centre of a control, for this rotation. */
static void control_centre(const sk_layout *L, sk_control c, int rotate, float *x, float *y)
{
    sk_rect r = L->controls[c];
    double u, v;
    to_display(rotate, r.x + r.w / 2.0, r.y + r.h / 2.0, L->w, L->h, &u, &v);
    *x = (float)u;
    *y = (float)v;
}

static void test_mapping(void)
{
    int x, y;
    /* Corners of the display at each rotation, picture 800x480. */
    sk_input_map_norm(0, 0, 0, 800, 480, &x, &y);
    CHECK(x == 0 && y == 0, "0: %d,%d", x, y);
    sk_input_map_norm(0, 1, 1, 800, 480, &x, &y);
    CHECK(x == 799 && y == 479, "0: %d,%d", x, y);
    sk_input_map_norm(0, 0.5f, 0.25f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 120, "0: %d,%d", x, y);
    /* 90 clockwise: the display is 480 wide; its top-right corner shows the
     * picture's top-left, its top-left the picture's bottom-left. */
    sk_input_map_norm(90, 1, 0, 800, 480, &x, &y);
    CHECK(x == 0 && y == 0, "90 top-right: %d,%d", x, y);
    sk_input_map_norm(90, 0, 0, 800, 480, &x, &y);
    CHECK(x == 0 && y == 479, "90 top-left: %d,%d", x, y);
    sk_input_map_norm(90, 0, 1, 800, 480, &x, &y);
    CHECK(x == 799 && y == 479, "90 bottom-left: %d,%d", x, y);
    sk_input_map_norm(90, 0.25f, 0.5f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 360, "90: %d,%d", x, y);
    sk_input_map_norm(180, 0, 0, 800, 480, &x, &y);
    CHECK(x == 799 && y == 479, "180: %d,%d", x, y);
    sk_input_map_norm(180, 0.25f, 0.25f, 800, 480, &x, &y);
    CHECK(x == 600 && y == 360, "180: %d,%d", x, y);
    /* 270 clockwise: the display's bottom-left shows the picture's top-left. */
    sk_input_map_norm(270, 0, 1, 800, 480, &x, &y);
    CHECK(x == 0 && y == 0, "270 bottom-left: %d,%d", x, y);
    sk_input_map_norm(270, 1, 1, 800, 480, &x, &y);
    CHECK(x == 0 && y == 479, "270 bottom-right: %d,%d", x, y);
    sk_input_map_norm(270, 0.25f, 0.5f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 120, "270: %d,%d", x, y);
    /* Out of range, NaN and odd rotations stay inside the picture. */
    sk_input_map_norm(0, -3.0f, 7.0f, 800, 480, &x, &y);
    CHECK(x == 0 && y == 479, "clamp: %d,%d", x, y);
    sk_input_map_norm(90, 0.0f / 0.0f, 0.5f, 800, 480, &x, &y);
    CHECK(x >= 0 && x < 800 && y >= 0 && y < 480, "nan: %d,%d", x, y);
    sk_input_map_norm(45, 0.5f, 0.25f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 120, "45 counts as 0: %d,%d", x, y);
    sk_input_map_norm(-90, 0.25f, 0.5f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 120, "-90 is 270: %d,%d", x, y);
    sk_input_map_norm(450, 0.25f, 0.5f, 800, 480, &x, &y);
    CHECK(x == 400 && y == 360, "450 is 90: %d,%d", x, y);

    /* Mouse pixels: with a window exactly the display's size every pixel
     * maps to exactly one picture pixel (the forward rotation of pixel
     * centres), at every rotation and a few sizes. */
    static const int sizes[][2] = {{800, 480}, {1080, 1920}, {37, 11}};
    for (int s = 0; s < 3; s++) {
        int pw = sizes[s][0], ph = sizes[s][1];
        for (int rot = 0; rot < 360; rot += 90) {
            bool side = rot == 90 || rot == 270;
            int ww = side ? ph : pw, wh = side ? pw : ph;
            int bad = 0;
            for (int py = 0; py < ph; py += (ph > 100 ? 7 : 1))
                for (int px = 0; px < pw; px += (pw > 100 ? 5 : 1)) {
                    double u, v;
                    to_display(rot, px + 0.5, py + 0.5, pw, ph, &u, &v);
                    int mx = (int)(u * ww), my = (int)(v * wh);
                    sk_input_map_pixel(rot, mx, my, ww, wh, pw, ph, &x, &y);
                    if (x != px || y != py) bad++;
                    /* The same point as a touch fraction. */
                    sk_input_map_norm(rot, (float)u, (float)v, pw, ph, &x, &y);
                    if (x != px || y != py) bad++;
                }
            CHECK(bad == 0, "%dx%d rotate %d: %d points map elsewhere", pw, ph, rot, bad);
        }
    }
    /* A window twice the display's size (HiDPI points vs pixels differ the
     * other way round, but the scale is what is tested). */
    sk_input_map_pixel(90, 959, 0, 960, 1600, 800, 480, &x, &y);
    CHECK(x == 0 && y == 0, "scaled 90: %d,%d", x, y);
    sk_input_map_pixel(0, 5, 5, 0, -1, 800, 480, &x, &y);
    CHECK(x == 799 && y == 479, "no window size: %d,%d", x, y);
}

static void test_keys(void)
{
    sk_layout L = layout_for(800, 480, true);
    sk_input_view loop = {.screen = SK_SCREEN_ON, .layout = &L};
    sk_input_view sess = {.screen = SK_SCREEN_ON, .session = true, .layout = &L};
    sk_input_view dark = {.screen = SK_SCREEN_OFF, .session = true, .layout = &L};
    const Uint16 ca = KMOD_LCTRL | KMOD_LALT;

    for (int m = SK_MODE_TOUCH; m <= SK_MODE_SESSION; m++) {
        sk_input in = make((sk_mode)m, 0);
        CHECK_INT(ev(&in, key(SDLK_SPACE, 0, 0), &loop, 0), SK_INTENT_START);
        CHECK_INT(ev(&in, key(SDLK_SPACE, KMOD_LSHIFT | KMOD_CAPS | KMOD_NUM, 0), &loop, 0),
                  SK_INTENT_START);
        CHECK_INT(ev(&in, key(SDLK_SPACE, 0, 0), &sess, 0), SK_INTENT_TOGGLE_PAUSE);
        CHECK_INT(ev(&in, key(SDLK_RIGHT, 0, 0), &sess, 0), SK_INTENT_SKIP);
        CHECK_INT(ev(&in, key(SDLK_LEFT, 0, 0), &sess, 0), SK_INTENT_BACK);
        CHECK_INT(ev(&in, key(SDLK_ESCAPE, 0, 0), &sess, 0), SK_INTENT_STOP);
        CHECK_INT(ev(&in, key(SDLK_a, 0, 0), &sess, 0), SK_INTENT_ACTIVITY);
        /* Outside a session only space does anything (and Esc never quits). */
        CHECK_INT(ev(&in, key(SDLK_RIGHT, 0, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_LEFT, 0, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_ESCAPE, 0, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_ESCAPE, KMOD_LSHIFT, 0), &loop, 0), SK_INTENT_NONE);
        /* Repeats: nothing, not even the quit key. */
        CHECK_INT(ev(&in, key(SDLK_SPACE, 0, 1), &sess, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_RIGHT, 0, 1), &sess, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_q, ca, 1), &sess, 0), SK_INTENT_NONE);
        /* Ctrl/Alt/GUI with a control key is no press. */
        CHECK_INT(ev(&in, key(SDLK_RIGHT, KMOD_LCTRL | KMOD_LALT, 0), &sess, 0), SK_INTENT_ACTIVITY);
        CHECK_INT(ev(&in, key(SDLK_SPACE, KMOD_LGUI, 0), &loop, 0), SK_INTENT_NONE);
        /* A dark or dim screen: any key only wakes. */
        CHECK_INT(ev(&in, key(SDLK_SPACE, 0, 0), &dark, 0), SK_INTENT_WAKE);
        CHECK_INT(ev(&in, key(SDLK_ESCAPE, 0, 0), &dark, 0), SK_INTENT_WAKE);
        sk_input_view dim = sess;
        dim.screen = SK_SCREEN_DIM;
        CHECK_INT(ev(&in, key(SDLK_RIGHT, 0, 0), &dim, 0), SK_INTENT_WAKE);
        /* The quit combination, however the modifiers are held. */
        CHECK_INT(ev(&in, key(SDLK_q, ca, 0), &sess, 0), SK_INTENT_QUIT);
        CHECK_INT(ev(&in, key(SDLK_q, KMOD_RCTRL | KMOD_RALT, 0), &loop, 0), SK_INTENT_QUIT);
        CHECK_INT(ev(&in, key(SDLK_q, KMOD_CTRL | KMOD_ALT | KMOD_CAPS | KMOD_NUM, 0), &dark, 0),
                  SK_INTENT_QUIT);
        /* ... and nothing near it. */
        CHECK_INT(ev(&in, key(SDLK_q, KMOD_LCTRL, 0), &sess, 0), SK_INTENT_ACTIVITY);
        CHECK_INT(ev(&in, key(SDLK_q, KMOD_LALT, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_q, ca | KMOD_LSHIFT, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_q, ca | KMOD_LGUI, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_q, 0, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_w, ca, 0), &loop, 0), SK_INTENT_NONE);
        CHECK_INT(ev(&in, key(SDLK_F4, KMOD_LALT, 0), &sess, 0), SK_INTENT_ACTIVITY);
        SDL_Event q;
        memset(&q, 0, sizeof q);
        q.type = SDL_QUIT;
        CHECK_INT(ev(&in, q, &sess, 0), SK_INTENT_NONE);
        SDL_Event up = key(SDLK_q, ca, 0);
        up.type = SDL_KEYUP;
        CHECK_INT(ev(&in, up, &sess, 0), SK_INTENT_NONE);
    }

    /* Loop mode: only the quit combination. */
    sk_input in = make(SK_MODE_LOOP, 0);
    static const SDL_Keycode keys[] = {SDLK_SPACE, SDLK_RIGHT, SDLK_LEFT, SDLK_ESCAPE, SDLK_a,
                                       SDLK_RETURN, SDLK_q};
    const sk_input_view *views[3];
    views[0] = &loop;
    views[1] = &sess;
    views[2] = &dark;
    for (int v = 0; v < 3; v++)
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            CHECK_INT(ev(&in, key(keys[k], 0, 0), views[v], 0), SK_INTENT_NONE);
            CHECK_INT(ev(&in, key(keys[k], KMOD_LSHIFT, 0), views[v], 0), SK_INTENT_NONE);
        }
    CHECK_INT(ev(&in, key(SDLK_q, ca, 0), &loop, 0), SK_INTENT_QUIT);

    /* Another combination from the config. */
    sk_config_defaults(&cfg);
    cfg.mode = SK_MODE_TOUCH;
    cfg.quit_mods = SK_MOD_CTRL | SK_MOD_SHIFT;
    snprintf(cfg.quit_key, sizeof cfg.quit_key, "%s", "Escape");
    CHECK(sk_input_init(&in, &cfg), "ctrl+shift+Escape");
    CHECK_INT(ev(&in, key(SDLK_ESCAPE, 0, 0), &sess, 0), SK_INTENT_STOP);
    CHECK_INT(ev(&in, key(SDLK_ESCAPE, KMOD_LCTRL | KMOD_RSHIFT, 0), &sess, 0), SK_INTENT_QUIT);
    CHECK_INT(ev(&in, key(SDLK_q, ca, 0), &loop, 0), SK_INTENT_NONE);
    snprintf(cfg.quit_key, sizeof cfg.quit_key, "%s", "F4");
    cfg.quit_mods = SK_MOD_ALT;
    CHECK(sk_input_init(&in, &cfg), "alt+F4");
    CHECK_INT(ev(&in, key(SDLK_F4, KMOD_RALT, 0), &loop, 0), SK_INTENT_QUIT);
    /* No combination at all: nothing quits. */
    cfg.quit_key[0] = '\0';
    CHECK(sk_input_init(&in, &cfg), "empty quit key is fine");
    CHECK_INT(ev(&in, key(SDLK_UNKNOWN, KMOD_LALT, 0), &loop, 0), SK_INTENT_NONE);
    CHECK_INT(ev(&in, key(SDLK_F4, KMOD_LALT, 0), &loop, 0), SK_INTENT_NONE);
    /* A key SDL does not know, or no modifier: refused, nothing quits. */
    snprintf(cfg.quit_key, sizeof cfg.quit_key, "%s", "NoSuchKey");
    cfg.quit_mods = SK_MOD_CTRL | SK_MOD_ALT;
    CHECK(!sk_input_init(&in, &cfg), "unknown key name");
    CHECK_INT(ev(&in, key(SDLK_UNKNOWN, ca, 0), &loop, 0), SK_INTENT_NONE);
    snprintf(cfg.quit_key, sizeof cfg.quit_key, "%s", "Q");
    cfg.quit_mods = 0;
    CHECK(!sk_input_init(&in, &cfg), "no modifier");
    CHECK_INT(ev(&in, key(SDLK_q, 0, 0), &loop, 0), SK_INTENT_NONE);

    CHECK_INT(sk_input_mods(KMOD_RCTRL | KMOD_LALT | KMOD_CAPS | KMOD_MODE),
              SK_MOD_CTRL | SK_MOD_ALT);
    CHECK_INT(sk_input_mods(KMOD_RSHIFT | KMOD_RGUI), SK_MOD_SHIFT | SK_MOD_GUI);
}

static void test_taps(void)
{
    static const sk_intent want[SK_CTL_COUNT] = {
        [SK_CTL_BACK] = SK_INTENT_BACK, [SK_CTL_PAUSE] = SK_INTENT_PAUSE,
        [SK_CTL_SKIP] = SK_INTENT_SKIP, [SK_CTL_STOP] = SK_INTENT_STOP};
    sk_layout L = layout_for(1280, 720, true);
    sk_layout Lloop = layout_for(1280, 720, false);
    for (int m = SK_MODE_TOUCH; m <= SK_MODE_SESSION; m++) {
        sk_input in = make((sk_mode)m, 0);
        sk_input_view loop = {.layout = &Lloop};
        sk_input_view sess = {.session = true, .layout = &L};
        int64_t t = 1000;
        /* Outside a session: anywhere starts, finger or click. */
        CHECK_INT(tap(&in, &loop, t, 1, 0.9f, 0.1f), SK_INTENT_START);
        t += 1000;
        CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, 3, 3), &loop, t),
                  SK_INTENT_START);
        CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONUP, 0, SDL_BUTTON_LEFT, 3, 3), &loop, t + 50),
                  SK_INTENT_NONE);
        t += 1000;
        CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_RIGHT, 3, 3), &loop, t),
                  SK_INTENT_NONE);
        /* In a session: each control, then elsewhere. */
        for (int c = 0; c < SK_CTL_COUNT; c++) {
            float x, y;
            control_centre(&L, (sk_control)c, 0, &x, &y);
            t += 1000;
            CHECK_INT(tap(&in, &sess, t, 1, x, y), want[c]);
            sk_rect r = L.controls[c];
            t += 1000;
            CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 3, SDL_BUTTON_LEFT, r.x, r.y), &sess, t),
                      want[c]);
            t += 1000;
            CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 3, SDL_BUTTON_LEFT, r.x + r.w - 1,
                                    r.y + r.h - 1), &sess, t), want[c]);
            /* Just outside the corner: not this control. */
            t += 1000;
            sk_intent o = ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 3, SDL_BUTTON_LEFT, r.x + r.w,
                                        r.y + r.h), &sess, t);
            CHECK(o != want[c], "control %d reached outside its rect", c);
        }
        sk_input_view paused = sess;
        paused.paused = true;
        float px, py;
        control_centre(&L, SK_CTL_PAUSE, 0, &px, &py);
        t += 1000;
        CHECK_INT(tap(&in, &paused, t, 1, px, py), SK_INTENT_RESUME);
        t += 1000;
        CHECK_INT(tap(&in, &sess, t, 1, 0.5f, 0.1f), SK_INTENT_ACTIVITY);
        t += 1000;
        CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 3, SDL_BUTTON_LEFT, 640, 50), &sess, t),
                  SK_INTENT_ACTIVITY);
        /* No layout: every session tap is activity. */
        sk_input_view bare = {.session = true};
        t += 1000;
        CHECK_INT(tap(&in, &bare, t, 1, px, py), SK_INTENT_ACTIVITY);

        /* Dark or dim: the first touch only wakes, even on a control. */
        float sx, sy;
        control_centre(&L, SK_CTL_STOP, 0, &sx, &sy);
        for (int s = SK_SCREEN_DIM; s <= SK_SCREEN_OFF; s++) {
            sk_input_view dark = sess;
            dark.screen = (sk_screen_state)s;
            t += 1000;
            CHECK_INT(tap(&in, &dark, t, 1, sx, sy), SK_INTENT_WAKE);
            /* The caller lights the screen; a quick second tap still does
             * nothing (it was meant for a screen the person had not seen). */
            CHECK_INT(tap(&in, &sess, t + 200, 1, sx, sy), SK_INTENT_NONE);
            CHECK_INT(tap(&in, &sess, t + 400, 1, sx, sy), SK_INTENT_STOP);
            t += 1000;
            CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 3, SDL_BUTTON_LEFT, 5, 5), &dark, t),
                      SK_INTENT_WAKE);
            sk_input_view dark_loop = loop;
            dark_loop.screen = (sk_screen_state)s;
            t += 1000;
            CHECK_INT(tap(&in, &dark_loop, t, 1, 0.5f, 0.5f), SK_INTENT_WAKE);
        }
        CHECK(in.stats.taps > 0, "taps counted");
    }

    /* Loop mode: no tap does anything, on any screen. */
    sk_input in = make(SK_MODE_LOOP, 0);
    sk_input_view views[] = {{.layout = &Lloop}, {.session = true, .layout = &L},
                             {.screen = SK_SCREEN_OFF, .layout = &Lloop}};
    for (int v = 0; v < 3; v++)
        for (int c = 0; c < SK_CTL_COUNT; c++) {
            float x, y;
            control_centre(&L, (sk_control)c, 0, &x, &y);
            CHECK_INT(tap(&in, &views[v], 1000 * (v * 10 + c + 1), 1, x, y), SK_INTENT_NONE);
            CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT,
                                    L.controls[c].x + 1, L.controls[c].y + 1),
                         &views[v], 1000 * (v * 10 + c + 1) + 500), SK_INTENT_NONE);
        }
}

static void test_synthetic(void)
{
    sk_layout L = layout_for(800, 480, true);
    sk_input_view sess = {.session = true, .layout = &L};
    sk_input_view loop = {.layout = &L};
    sk_input in = make(SK_MODE_TOUCH, 0);
    float x, y;
    control_centre(&L, SK_CTL_SKIP, 0, &x, &y);
    sk_rect r = L.controls[SK_CTL_SKIP];
    /* A touch as SDL delivers it: the finger, then its mouse copy. */
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 1, x, y), &sess, 1000), SK_INTENT_SKIP);
    CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, SDL_BUTTON_LEFT, r.x + 5,
                            r.y + 5), &sess, 1000), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERMOTION, 7, 1, x, y), &sess, 1010), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 1, x, y), &sess, 1050), SK_INTENT_NONE);
    CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, SDL_BUTTON_LEFT, r.x + 5,
                            r.y + 5), &sess, 1050), SK_INTENT_NONE);
    /* The copy alone (the finger event lost or filtered) still does nothing,
     * even long after and outside a session. */
    CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, SDL_BUTTON_LEFT, 1, 1), &loop,
                 9000), SK_INTENT_NONE);
    /* A mouse copied into touch (SDL_HINT_MOUSE_TOUCH_EVENTS): the click
     * acts, its touch copy does not. */
    CHECK_INT(ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, r.x + 5, r.y + 5), &sess,
                 20000), SK_INTENT_SKIP);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, x, y), &sess, 20000),
              SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, x, y), &loop, 30000),
              SK_INTENT_NONE);
    CHECK(in.stats.synthetic == 5, "synthetic counted: %ld", in.stats.synthetic);
    /* The mouse copy of a touch left no finger on the glass. */
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 2, x, y), &sess, 40000), SK_INTENT_SKIP);
}

static void test_double_and_multi(void)
{
    sk_layout L = layout_for(1024, 600, true);
    sk_input_view sess = {.session = true, .layout = &L};
    sk_input_view loop = {.layout = &L};
    sk_input in = make(SK_MODE_TOUCH, 0);
    float kx, ky, bx, by, px, py;
    control_centre(&L, SK_CTL_SKIP, 0, &kx, &ky);
    control_centre(&L, SK_CTL_BACK, 0, &bx, &by);
    control_centre(&L, SK_CTL_PAUSE, 0, &px, &py);

    /* Fast double tap on one control: once. 299 ms is fast, 300 ms is not. */
    CHECK_INT(tap(&in, &sess, 1000, 1, kx, ky), SK_INTENT_SKIP);
    CHECK_INT(tap(&in, &sess, 1299, 2, kx, ky), SK_INTENT_NONE);
    CHECK_INT(tap(&in, &sess, 1600, 3, kx, ky), SK_INTENT_SKIP);  /* 301 after the last fired */
    CHECK_INT(tap(&in, &sess, 1900, 4, kx, ky), SK_INTENT_SKIP);  /* exactly 300 */
    /* The same by mouse, and mixed. */
    SDL_Event md = mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, L.controls[SK_CTL_SKIP].x + 2,
                         L.controls[SK_CTL_SKIP].y + 2);
    CHECK_INT(ev(&in, md, &sess, 2000), SK_INTENT_NONE);
    md.button.clicks = 2;
    CHECK_INT(ev(&in, md, &sess, 2400), SK_INTENT_SKIP);
    /* Two different controls in quick succession both act. */
    CHECK_INT(tap(&in, &sess, 5000, 1, kx, ky), SK_INTENT_SKIP);
    CHECK_INT(tap(&in, &sess, 5150, 1, bx, by), SK_INTENT_BACK);
    /* Pause double-tapped: the second lands on "Resume" and is dropped. */
    sk_input_view paused = sess;
    paused.paused = true;
    CHECK_INT(tap(&in, &sess, 8000, 1, px, py), SK_INTENT_PAUSE);
    CHECK_INT(tap(&in, &paused, 8120, 1, px, py), SK_INTENT_NONE);
    CHECK_INT(tap(&in, &paused, 9000, 1, px, py), SK_INTENT_RESUME);
    /* Double tap on stop does not confirm the stop by itself. */
    float sx, sy;
    control_centre(&L, SK_CTL_STOP, 0, &sx, &sy);
    CHECK_INT(tap(&in, &sess, 12000, 1, sx, sy), SK_INTENT_STOP);
    CHECK_INT(tap(&in, &sess, 12150, 1, sx, sy), SK_INTENT_NONE);
    CHECK_INT(tap(&in, &sess, 13000, 1, sx, sy), SK_INTENT_STOP);
    /* Start, and at once a tap where a control now is: dropped. */
    CHECK_INT(tap(&in, &loop, 20000, 1, kx, ky), SK_INTENT_START);
    CHECK_INT(tap(&in, &sess, 20200, 1, kx, ky), SK_INTENT_NONE);
    CHECK_INT(tap(&in, &sess, 20250, 1, bx, by), SK_INTENT_NONE);
    CHECK_INT(tap(&in, &sess, 20600, 1, bx, by), SK_INTENT_BACK);
    CHECK(in.stats.double_taps == 6, "double taps counted: %ld", in.stats.double_taps);

    /* Multi-touch: a second finger while the first is down does nothing;
     * two fingers landing together fire once. */
    in = make(SK_MODE_TOUCH, 0);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 10, kx, ky), &sess, 1000), SK_INTENT_SKIP);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 11, bx, by), &sess, 1001), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 8, 10, bx, by), &sess, 1500), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERMOTION, 7, 10, kx, ky), &sess, 5000), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 12, bx, by), &sess, 6000), SK_INTENT_NONE);
    /* The second finger lifts first: the first still holds. */
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 11, bx, by), &sess, 6100), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 11, bx, by), &sess, 6200), SK_INTENT_NONE);
    /* The first repeats its down (a driver glitch): no second press. */
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 10, kx, ky), &sess, 6300), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 10, kx, ky), &sess, 6400), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 11, bx, by), &sess, 6500), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 12, bx, by), &sess, 6500), SK_INTENT_NONE);
    CHECK(in.stats.extra_fingers == 4, "extra fingers: %ld", in.stats.extra_fingers);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 13, bx, by), &sess, 7000), SK_INTENT_BACK);
    CHECK_INT(ev(&in, finger(SDL_FINGERUP, 7, 13, bx, by), &sess, 7100), SK_INTENT_NONE);

    /* A lost finger-up: after SK_INPUT_STUCK_FINGER_MS of silence the
     * finger counts as lifted, so the screen never locks. */
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 20, kx, ky), &sess, 10000), SK_INTENT_SKIP);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 21, bx, by),
                 &sess, 10000 + SK_INPUT_STUCK_FINGER_MS - 1), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 22, bx, by),
                 &sess, 10000 + SK_INPUT_STUCK_FINGER_MS), SK_INTENT_BACK);
    CHECK(in.stats.stuck_fingers == 1, "stuck: %ld", in.stats.stuck_fingers);
    /* A finger that keeps moving is not stuck. */
    CHECK_INT(ev(&in, finger(SDL_FINGERMOTION, 7, 22, bx, by), &sess, 25000), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 23, kx, ky), &sess, 30000), SK_INTENT_NONE);
    /* Losing the window focus forgets the finger. */
    SDL_Event w;
    memset(&w, 0, sizeof w);
    w.type = SDL_WINDOWEVENT;
    w.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    CHECK_INT(ev(&in, w, &sess, 30001), SK_INTENT_NONE);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 24, kx, ky), &sess, 30002), SK_INTENT_SKIP);
    sk_input_reset(&in);
    CHECK_INT(ev(&in, finger(SDL_FINGERDOWN, 7, 25, bx, by), &sess, 30003), SK_INTENT_BACK);
}

/* Hit areas at every size the kiosk meets: at least the minimum, no
 * overlap, inside the screen; and through the input module, at every
 * rotation, each control's centre and corners press that control. */
static void test_hit_areas(void)
{
    static const int sizes[][2] = {{800, 480},   {1024, 600},  {1280, 720}, {1366, 768},
                                   {1280, 1024}, {1920, 1080}, {3840, 2160}, {1080, 1920},
                                   {480, 800}};
    static const float dpis[] = {0, 96, 160, 220};
    static const sk_intent want[SK_CTL_COUNT] = {
        [SK_CTL_BACK] = SK_INTENT_BACK, [SK_CTL_PAUSE] = SK_INTENT_PAUSE,
        [SK_CTL_SKIP] = SK_INTENT_SKIP, [SK_CTL_STOP] = SK_INTENT_STOP};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t d = 0; d < sizeof dpis / sizeof dpis[0]; d++) {
            int W = sizes[s][0], H = sizes[s][1];
            sk_layout_in li = {.w = W, .h = H, .session = true, .controls = true,
                               .dpi = dpis[d]};
            sk_layout L;
            sk_layout_compute(&li, &L);
            int short_side = W < H ? W : H;
            int floor10 = (short_side + 9) / 10;          /* ceil(10 %) */
            int mm9 = dpis[d] > 0 ? (int)(dpis[d] * 9.0f / 25.4f) : 0;  /* floor: slack */
            CHECK(L.hit_min >= floor10 && L.hit_min >= mm9,
                  "%dx%d dpi %.0f: hit_min %d < 10%% (%d) or 9 mm (%d)", W, H, dpis[d],
                  L.hit_min, floor10, mm9);
            sk_rect screen = {0, 0, W, H};
            for (int a = 0; a < SK_CTL_COUNT; a++) {
                sk_rect r = L.controls[a];
                CHECK(r.w >= L.hit_min && r.h >= L.hit_min,
                      "%dx%d dpi %.0f: control %d is %dx%d, minimum %d", W, H, dpis[d], a, r.w,
                      r.h, L.hit_min);
                CHECK(sk_rect_inside(r, screen), "%dx%d: control %d off screen", W, H, a);
                for (int b = a + 1; b < SK_CTL_COUNT; b++)
                    CHECK(!sk_rect_overlap(r, L.controls[b]), "%dx%d dpi %.0f: controls %d, %d overlap",
                          W, H, dpis[d], a, b);
            }
            if (d != 0) continue;
            for (int rot = 0; rot < 360; rot += 90) {
                sk_input in = make(SK_MODE_TOUCH, rot);
                sk_input_view v = {.session = true, .layout = &L};
                bool side = rot == 90 || rot == 270;
                int ww = side ? H : W, wh = side ? W : H;
                int64_t t = 0;
                int bad = 0;
                for (int c = 0; c < SK_CTL_COUNT; c++) {
                    sk_rect r = L.controls[c];
                    double pts[5][2] = {{r.x + r.w / 2.0, r.y + r.h / 2.0},
                                        {r.x + 0.5, r.y + 0.5},
                                        {r.x + r.w - 0.5, r.y + 0.5},
                                        {r.x + 0.5, r.y + r.h - 0.5},
                                        {r.x + r.w - 0.5, r.y + r.h - 0.5}};
                    for (int p = 0; p < 5; p++) {
                        double u, vv;
                        to_display(rot, pts[p][0], pts[p][1], W, H, &u, &vv);
                        t += 1000;
                        sk_intent a = ev(&in, finger(SDL_FINGERDOWN, 1, 1, (float)u, (float)vv),
                                         &v, t);
                        ev(&in, finger(SDL_FINGERUP, 1, 1, (float)u, (float)vv), &v, t + 50);
                        if (a != want[c]) bad++;
                        t += 1000;
                        sk_intent b = ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT,
                                                    (int)(u * ww), (int)(vv * wh)), &v, t);
                        if (b != want[c]) bad++;
                        /* Window size handed in explicitly (the same here). */
                        sk_input_view v2 = v;
                        v2.window_w = ww;
                        v2.window_h = wh;
                        t += 1000;
                        b = ev(&in, mouse(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT,
                                          (int)(u * ww), (int)(vv * wh)), &v2, t);
                        if (b != want[c]) bad++;
                    }
                }
                CHECK(bad == 0, "%dx%d rotate %d: %d presses missed their control", W, H, rot,
                      bad);
            }
        }
}

int main(void)
{
    test_mapping();
    test_keys();
    test_taps();
    test_synthetic();
    test_double_and_multi();
    test_hit_areas();
    return CHECK_DONE();
}
