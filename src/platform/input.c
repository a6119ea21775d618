/* SDL events -> intents. See input.h for the rules and why. */
#include "input.h"

#include <string.h>

/* Tap targets, for the double-tap rule: a control index, or one of these. */
enum { TARGET_ANYWHERE = SK_CTL_COUNT + 1, TARGET_ELSEWHERE, TARGET_WAKE, TARGET_LANGUAGE };

static int fold_rotate(int rotate)
{
    int r = rotate % 360;
    if (r < 0) r += 360;
    return (r == 90 || r == 180 || r == 270) ? r : 0;
}

static int to_pixel(double f, int n)
{
    if (n < 1) n = 1;
    if (!(f > 0.0)) return 0;          /* also NaN */
    if (f >= 1.0) return n - 1;
    int v = (int)(f * n);
    return v < n ? v : n - 1;
}

/* u, v: fractions of the display, left to right and top to bottom. */
static void map_uv(int rotate, double u, double v, int pic_w, int pic_h, int *x, int *y)
{
    double fx, fy;   /* fractions of the picture */
    switch (fold_rotate(rotate)) {
    case 90:  fx = v;       fy = 1.0 - u; break;  /* picture's top runs down the right edge */
    case 180: fx = 1.0 - u; fy = 1.0 - v; break;
    case 270: fx = 1.0 - v; fy = u;       break;  /* picture's top runs up the left edge */
    default:  fx = u;       fy = v;       break;
    }
    *x = to_pixel(fx, pic_w);
    *y = to_pixel(fy, pic_h);
}

void sk_input_map_norm(int rotate, float nx, float ny, int pic_w, int pic_h, int *x, int *y)
{
    map_uv(rotate, nx, ny, pic_w, pic_h, x, y);
}

void sk_input_map_pixel(int rotate, int px, int py, int win_w, int win_h, int pic_w, int pic_h,
                        int *x, int *y)
{
    if (win_w < 1) win_w = 1;
    if (win_h < 1) win_h = 1;
    map_uv(rotate, (px + 0.5) / win_w, (py + 0.5) / win_h, pic_w, pic_h, x, y);
}

int sk_input_mods(Uint16 m)
{
    return ((m & KMOD_CTRL) ? SK_MOD_CTRL : 0) | ((m & KMOD_ALT) ? SK_MOD_ALT : 0) |
           ((m & KMOD_SHIFT) ? SK_MOD_SHIFT : 0) | ((m & KMOD_GUI) ? SK_MOD_GUI : 0);
}

bool sk_input_init(sk_input *in, const sk_config *cfg)
{
    memset(in, 0, sizeof *in);
    in->mode = cfg->mode;
    in->rotate = fold_rotate(cfg->rotate);
    in->quit_mods = cfg->quit_mods;
    in->quit_key = SDLK_UNKNOWN;
    if (!cfg->quit_key[0]) return true;
    /* SDL_GetKeyFromName reads SDL's built-in tables: no SDL_Init needed. */
    in->quit_key = SDL_GetKeyFromName(cfg->quit_key);
    /* A combination without a modifier could be hit by a visitor: config.c
     * refuses it, and so do we if one slips through. */
    if (in->quit_key == SDLK_UNKNOWN || cfg->quit_mods == 0) {
        in->quit_key = SDLK_UNKNOWN;
        return false;
    }
    return true;
}

void sk_input_reset(sk_input *in)
{
    in->finger_down = false;
}

static bool screen_asleep(const sk_input_view *v)
{
    return v->screen == SK_SCREEN_DIM || v->screen == SK_SCREEN_OFF;
}

static sk_intent key_event(sk_input *in, const SDL_KeyboardEvent *k, const sk_input_view *v)
{
    if (k->repeat) {
        in->stats.key_repeats++;
        return SK_INTENT_NONE;
    }
    int mods = sk_input_mods(k->keysym.mod);
    if (in->quit_key != SDLK_UNKNOWN && k->keysym.sym == in->quit_key && mods == in->quit_mods)
        return SK_INTENT_QUIT;
    if (in->mode == SK_MODE_LOOP) return SK_INTENT_NONE;
    if (screen_asleep(v)) return SK_INTENT_WAKE;
    bool plain = !(mods & (SK_MOD_CTRL | SK_MOD_ALT | SK_MOD_GUI));
    if (!v->session)
        return plain && k->keysym.sym == SDLK_SPACE ? SK_INTENT_START : SK_INTENT_NONE;
    if (plain) {
        switch (k->keysym.sym) {
        case SDLK_SPACE: return SK_INTENT_TOGGLE_PAUSE;
        case SDLK_RIGHT: return SK_INTENT_SKIP;
        case SDLK_LEFT: return SK_INTENT_BACK;
        case SDLK_ESCAPE: return SK_INTENT_STOP;
        default: break;
        }
    }
    return SK_INTENT_ACTIVITY;
}

static void picture_size(const sk_input_view *v, int *w, int *h)
{
    *w = v->layout ? v->layout->w : 1;
    *h = v->layout ? v->layout->h : 1;
}

/* A tap at picture pixel (x, y) (valid only when a layout is given). */
static sk_intent tap(sk_input *in, const sk_input_view *v, int x, int y, int64_t now_ms)
{
    int target;
    sk_intent out;
    int lang = v->layout ? sk_layout_hit_language(v->layout, x, y) : -1;
    if (screen_asleep(v)) {
        target = TARGET_WAKE;
        out = SK_INTENT_WAKE;
    } else if (lang >= 0) {   /* a language button: a session in that language */
        target = TARGET_LANGUAGE + lang;
        out = sk_intent_for_language(lang);
    } else if (!v->session) {
        target = TARGET_ANYWHERE;
        out = SK_INTENT_START;
    } else {
        sk_control c = v->layout ? sk_layout_hit(v->layout, x, y) : SK_CTL_COUNT;
        target = c == SK_CTL_COUNT ? TARGET_ELSEWHERE : (int)c;
        switch (c) {
        case SK_CTL_BACK: out = SK_INTENT_BACK; break;
        case SK_CTL_PAUSE: out = v->paused ? SK_INTENT_RESUME : SK_INTENT_PAUSE; break;
        case SK_CTL_SKIP: out = SK_INTENT_SKIP; break;
        case SK_CTL_STOP: out = SK_INTENT_STOP; break;
        default: out = SK_INTENT_ACTIVITY; break;
        }
    }
    if (in->tapped && now_ms - in->tap_ms < SK_INPUT_DOUBLE_TAP_MS &&
        (target == in->tap_target || in->tap_intent == SK_INTENT_START ||
         in->tap_intent == SK_INTENT_WAKE || sk_intent_language(in->tap_intent) >= 0)) {
        in->stats.double_taps++;
        return SK_INTENT_NONE;
    }
    in->tapped = true;
    in->tap_ms = now_ms;
    in->tap_target = target;
    in->tap_intent = out;
    in->stats.taps++;
    return out;
}

static bool same_finger(const sk_input *in, const SDL_TouchFingerEvent *f)
{
    return in->finger_down && f->touchId == in->touch_id && f->fingerId == in->finger_id;
}

static sk_intent finger_event(sk_input *in, const SDL_TouchFingerEvent *f, Uint32 type,
                              const sk_input_view *v, int64_t now_ms)
{
    /* The mouse copied into touch: the real mouse event does the work. */
    if (f->touchId == SDL_MOUSE_TOUCHID) {
        in->stats.synthetic++;
        return SK_INTENT_NONE;
    }
    if (type == SDL_FINGERUP) {
        if (same_finger(in, f)) in->finger_down = false;
        return SK_INTENT_NONE;
    }
    if (type == SDL_FINGERMOTION) {
        if (same_finger(in, f)) in->finger_seen_ms = now_ms;
        return SK_INTENT_NONE;
    }
    /* SDL_FINGERDOWN */
    if (same_finger(in, f)) {      /* a driver repeating itself */
        in->finger_seen_ms = now_ms;
        return SK_INTENT_NONE;
    }
    if (in->finger_down) {
        if (now_ms - in->finger_seen_ms < SK_INPUT_STUCK_FINGER_MS) {
            in->stats.extra_fingers++;
            return SK_INTENT_NONE;
        }
        in->stats.stuck_fingers++;
    }
    in->finger_down = true;
    in->touch_id = f->touchId;
    in->finger_id = f->fingerId;
    in->finger_seen_ms = now_ms;
    if (in->mode == SK_MODE_LOOP) return SK_INTENT_NONE;
    int pw, ph, x, y;
    picture_size(v, &pw, &ph);
    sk_input_map_norm(in->rotate, f->x, f->y, pw, ph, &x, &y);
    return tap(in, v, x, y, now_ms);
}

static sk_intent mouse_down(sk_input *in, const SDL_MouseButtonEvent *b, const sk_input_view *v,
                            int64_t now_ms)
{
    /* Touch copied into the mouse: the finger event does the work. */
    if (b->which == SDL_TOUCH_MOUSEID) {
        in->stats.synthetic++;
        return SK_INTENT_NONE;
    }
    if (b->button != SDL_BUTTON_LEFT || in->mode == SK_MODE_LOOP) return SK_INTENT_NONE;
    int pw, ph, ww = v->window_w, wh = v->window_h, x, y;
    picture_size(v, &pw, &ph);
    if (ww <= 0 || wh <= 0) {
        bool sideways = in->rotate == 90 || in->rotate == 270;
        ww = sideways ? ph : pw;
        wh = sideways ? pw : ph;
    }
    sk_input_map_pixel(in->rotate, b->x, b->y, ww, wh, pw, ph, &x, &y);
    return tap(in, v, x, y, now_ms);
}

sk_intent sk_input_event(sk_input *in, const SDL_Event *e, const sk_input_view *v, int64_t now_ms)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        return key_event(in, &e->key, v);
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return finger_event(in, &e->tfinger, e->type, v, now_ms);
    case SDL_MOUSEBUTTONDOWN:
        return mouse_down(in, &e->button, v, now_ms);
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID) in->stats.synthetic++;
        return SK_INTENT_NONE;
    case SDL_WINDOWEVENT:
        /* The finger-up may go to whoever has the focus now. */
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST) sk_input_reset(in);
        return SK_INTENT_NONE;
    default:
        return SK_INTENT_NONE;
    }
}
