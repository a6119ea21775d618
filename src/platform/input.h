/* Touch, mouse and keys -> intents (intent.h). The SDL edge of the kiosk's
 * input: it reads SDL_Events and the state the caller describes, and returns
 * what the person asked for. It calls nothing in the timeline, reads no
 * clock (time is handed in, in ms) and needs no SDL_Init, so tests feed it
 * hand-made SDL_Event structs.
 *
 * Modes (config.h):
 *   loop     everything is ignored except the quit combination;
 *   touch,   outside a session (the loop, or session mode's start screen) a
 *   session  tap anywhere is START; in a session a tap on a control is that
 *            control's intent (BACK, PAUSE or RESUME as the view says, SKIP,
 *            STOP) and a tap elsewhere is ACTIVITY. A tap on a language
 *            button (layout.h: the start and the welcome screen of a kiosk
 *            of several languages) is that language's intent, anywhere.
 * Screen dark (screen-off hours) or dimmed: the first touch, click or key
 * only gives WAKE; it never presses a control.
 *
 * Keys (touch and session modes; no Ctrl/Alt/GUI held, Shift and the lock
 * keys do not matter; key repeats ignored):
 *   space  START outside a session, TOGGLE_PAUSE in one
 *   right  SKIP, left BACK, Esc STOP (in a session; never quits)
 *   any other key in a session: ACTIVITY
 * The quit combination of the config (default Ctrl+Alt+Q; left and right
 * modifiers alike, exactly the modifiers named) is QUIT, in every mode and
 * screen state; nothing else ever gives QUIT (not SDL_QUIT, not Esc).
 *
 * One physical tap never fires twice:
 *   - A tap acts on the finger-down of the first finger; its finger-up and
 *     motion do nothing. Why down, not up-inside-the-control: a press then
 *     answers at once (older hands press and hold, waiting for a reaction);
 *     the first touch on a dark screen is used up at once; and cheap panels
 *     that lose a finger-up (evdev) lose no taps. The slide-off-to-cancel
 *     that up would give matters little here: pause is undone by a tap and
 *     stop asks for a second tap.
 *   - While that finger is down, other fingers are ignored (a palm, a
 *     second hand). A finger that has sent nothing for
 *     SK_INPUT_STUCK_FINGER_MS counts as lifted, so a lost finger-up cannot
 *     lock the screen; losing the window focus forgets it too.
 *   - A tap within SK_INPUT_DOUBLE_TAP_MS of the last tap that fired is
 *     dropped when it hits the same target (the same control; "elsewhere";
 *     "anywhere" outside a session), or when the last tap was START or
 *     WAKE: the screen changed under the finger, so the second tap of a
 *     fast double tap would press something the person never saw.
 *   - Mouse events SDL makes from touch (which == SDL_TOUCH_MOUSEID) and
 *     touch events SDL makes from the mouse (touchId == SDL_MOUSE_TOUCHID)
 *     are ignored; the real event of each is used. Only the left mouse
 *     button acts (an absolute-pointer touch panel reports as that).
 *
 * Coordinates: touch arrives as 0..1 fractions of the display, mouse as
 * window pixels; both are mapped to the logical picture (the one the
 * layout describes) through the `rotate` setting: the picture is drawn
 * turned `rotate` degrees clockwise on the display, so for 90 and 270 the
 * display is the picture's height wide. */
#ifndef SK_INPUT_H
#define SK_INPUT_H
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "intent.h"
#include "layout.h"

#define SK_INPUT_DOUBLE_TAP_MS 300
#define SK_INPUT_STUCK_FINGER_MS 10000

typedef enum {
    SK_SCREEN_ON,
    SK_SCREEN_DIM,    /* dimmed: the first touch only wakes */
    SK_SCREEN_OFF     /* dark (screen-off hours): the first touch only wakes */
} sk_screen_state;

/* What the caller shows now; handed in with every event. */
typedef struct sk_input_view {
    sk_screen_state screen;
    bool session;             /* a guided session runs (else the loop or the
                                 start screen: a tap is START) */
    bool paused;              /* the pause control reads "Resume" */
    const sk_layout *layout;  /* the layout drawn now, for the logical
                                 (rotated) picture; its controls[] are the
                                 hit areas. NULL: no controls (every tap in
                                 a session is ACTIVITY) */
    int window_w, window_h;   /* the window in mouse-event units
                                 (SDL_GetWindowSize); <= 0: the display size
                                 that the layout and `rotate` imply */
} sk_input_view;

/* Counters, for the log and the tests. */
typedef struct sk_input_stats {
    long taps;            /* taps that fired an intent */
    long double_taps;     /* taps dropped by the double-tap rule */
    long extra_fingers;   /* finger-downs ignored while another was down */
    long synthetic;       /* SDL's touch<->mouse copies ignored */
    long stuck_fingers;   /* fingers taken as lifted after silence */
    long key_repeats;
} sk_input_stats;

/* All fields are private to input.c; the struct is public so a caller can
 * keep it by value. */
typedef struct sk_input {
    sk_mode mode;
    int rotate;                 /* 0, 90, 180, 270 */
    int quit_mods;              /* SK_MOD_* bits */
    SDL_Keycode quit_key;       /* SDLK_UNKNOWN: no quit combination */

    bool finger_down;           /* the first finger is on the glass */
    SDL_TouchID touch_id;
    SDL_FingerID finger_id;
    int64_t finger_seen_ms;     /* its last event */

    bool tapped;                /* a tap has fired */
    int64_t tap_ms;
    int tap_target;
    sk_intent tap_intent;

    sk_input_stats stats;
} sk_input;

/* Sets up *in from the config (mode, rotate, quit_mods, quit_key; other
 * fields are not read and not kept). Returns false when the config names a
 * quit key SDL does not know: *in is then still complete, with no quit
 * combination, and the caller should say so in the log. An empty quit_key
 * means no combination on purpose and returns true. Needs no SDL_Init. */
bool sk_input_init(sk_input *in, const sk_config *cfg);

/* The intent for one event, or SK_INTENT_NONE. now_ms is the caller's
 * monotonic time (SDL_GetTicks64); it must not go backwards. view may not
 * be NULL. Never blocks, never fails. */
sk_intent sk_input_event(sk_input *in, const SDL_Event *e, const sk_input_view *view,
                         int64_t now_ms);

/* Forgets the finger on the glass (e.g. after a long stall); keeps the
 * double-tap memory and the counters. */
void sk_input_reset(sk_input *in);

/* SDL_Keymod -> SK_MOD_* bits (left and right alike; lock keys and AltGr
 * dropped). */
int sk_input_mods(Uint16 sdl_mod);

/* Pure mappings to a pixel of the logical picture pic_w x pic_h (the
 * layout's w, h), always inside it (clamped). rotate is degrees clockwise;
 * values other than 90, 180, 270 (after folding into 0..359) count as 0.
 *   norm:  nx, ny fractions 0..1 of the display, as touch events give them
 *          (values outside are clamped);
 *   pixel: px, py a pixel of a win_w x win_h window (mouse events); its
 *          centre is what is mapped. win_w/h <= 0 are taken as 1. */
void sk_input_map_norm(int rotate, float nx, float ny, int pic_w, int pic_h, int *x, int *y);
void sk_input_map_pixel(int rotate, int px, int py, int win_w, int win_h, int pic_w, int pic_h,
                        int *x, int *y);
#endif
