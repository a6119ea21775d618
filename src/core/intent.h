/* What a person (or a replay script) asks the kiosk to do. Touch, mouse and
 * keys become these before anything acts on them; the timeline receives
 * intents, never SDL events. No SDL. */
#ifndef SK_INTENT_H
#define SK_INTENT_H

typedef enum {
    SK_INTENT_NONE = 0,
    SK_INTENT_START,        /* start a guided session (from the loop) */
    SK_INTENT_PAUSE,
    SK_INTENT_RESUME,
    SK_INTENT_TOGGLE_PAUSE, /* space bar: start, pause or resume as fits */
    SK_INTENT_SKIP,         /* to the next phase */
    SK_INTENT_BACK,         /* to the start of this phase, or the one before */
    SK_INTENT_STOP,         /* end the session; needs a second STOP to confirm */
    SK_INTENT_WAKE,         /* a touch that only wakes a dark or dim screen */
    SK_INTENT_QUIT,         /* leave the program (the quit combination only) */
    SK_INTENT_ACTIVITY,     /* any touch that is no button: resets walk-away */
    SK_INTENT_LANGUAGE_1,   /* start (or restart) the session in the first
                               configured language; ..._1 + i for the
                               (i+1)-th; "language1" .. "language6" */
    SK_INTENT_LANGUAGE_LAST = SK_INTENT_LANGUAGE_1 + 5,
    SK_INTENT_COUNT
} sk_intent;

/* Which language (0-based) a language intent chooses, or -1 for any
 * other intent. (Inline: input uses it without the timeline's library.) */
static inline int sk_intent_language(sk_intent i)
{
    return i >= SK_INTENT_LANGUAGE_1 && i <= SK_INTENT_LANGUAGE_LAST ? (int)(i - SK_INTENT_LANGUAGE_1) : -1;
}
/* The intent that chooses language i (0-based); SK_INTENT_NONE out of range. */
static inline sk_intent sk_intent_for_language(int i)
{
    return i >= 0 && i <= SK_INTENT_LANGUAGE_LAST - SK_INTENT_LANGUAGE_1 ? (sk_intent)(SK_INTENT_LANGUAGE_1 + i)
                                                                         : SK_INTENT_NONE;
}

/* "start", "pause", ... ; "none" for out-of-range values. */
const char *sk_intent_name(sk_intent i);
/* The reverse; SK_INTENT_NONE when unknown. */
sk_intent sk_intent_from_name(const char *name);
#endif
