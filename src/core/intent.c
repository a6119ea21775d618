/* Intent names, as replay scripts and logs spell them. */
#include "intent.h"

#include <stddef.h>

static const char *const names[SK_INTENT_COUNT] = {
    [SK_INTENT_NONE] = "none",
    [SK_INTENT_START] = "start",
    [SK_INTENT_PAUSE] = "pause",
    [SK_INTENT_RESUME] = "resume",
    [SK_INTENT_TOGGLE_PAUSE] = "toggle_pause",
    [SK_INTENT_SKIP] = "skip",
    [SK_INTENT_BACK] = "back",
    [SK_INTENT_STOP] = "stop",
    [SK_INTENT_WAKE] = "wake",
    [SK_INTENT_QUIT] = "quit",
    [SK_INTENT_ACTIVITY] = "activity",
    [SK_INTENT_LANGUAGE_1] = "language1",
    [SK_INTENT_LANGUAGE_1 + 1] = "language2",
    [SK_INTENT_LANGUAGE_1 + 2] = "language3",
    [SK_INTENT_LANGUAGE_1 + 3] = "language4",
    [SK_INTENT_LANGUAGE_1 + 4] = "language5",
    [SK_INTENT_LANGUAGE_1 + 5] = "language6",
};

const char *sk_intent_name(sk_intent i)
{
    if ((unsigned)i >= SK_INTENT_COUNT || !names[i])
        return "none";
    return names[i];
}

/* ASCII case-insensitive; '-' matches '_' ("toggle-pause"). */
static int same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x == '-')
            x = '_';
        if (x != y)
            return 0;
        if (!x)
            return 1;
    }
}

sk_intent sk_intent_from_name(const char *name)
{
    if (!name)
        return SK_INTENT_NONE;
    for (int i = 1; i < SK_INTENT_COUNT; i++)
        if (names[i] && same_name(name, names[i]))
            return (sk_intent)i;
    return SK_INTENT_NONE;
}
