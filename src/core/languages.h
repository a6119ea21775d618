/* The kiosk's languages: kiosk.ini's 'languages = en, es, de' as one
 * content (routine, timeline, voice) each, all loaded and validated at
 * start-up and on SIGHUP; kiosk_step (sk_kiosk_set_languages) moves the
 * loop and the sessions between them. Without 'languages' it holds the
 * one content 'routine' / 'language' ask for, exactly as content.h loads
 * it. No SDL.
 *
 * Which file each language is: without 'routine', "en" is the built-in
 * routine and any other code its translation
 * <assets>/routines/sciatica-<code>.ini; with 'routine = x.ini', the
 * translation x-<code>.ini beside it, or x.ini itself for its own
 * language. A language whose file is missing, has errors (what --check
 * reports) or whose exercises differ from the first language's (the
 * stretches, their order and their sprites must be the same, so one
 * animation serves all) is left out with its reasons on the log; the
 * others go on. When none is left, the built-in routine shows (fell_back). */
#ifndef SK_LANGUAGES_H
#define SK_LANGUAGES_H
#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "content.h"

#define SK_LANGUAGES_MAX SK_CONFIG_LANGUAGES_MAX

typedef struct sk_languages {
    sk_content c[SK_LANGUAGES_MAX];   /* c[0] first; each owns its parts */
    int count;                        /* >= 1 once loaded */
    bool per_stretch;                 /* language_switch = stretch */
} sk_languages;

/* Loads what cfg asks for. Returns false only when out of memory (set is
 * then empty). */
bool sk_languages_load(sk_languages *set, const sk_config *cfg, const char *assets_dir,
                       const sk_timeline_opts *opts, FILE *log);

/* SIGHUP: loads anew into a fresh set and swaps it in when something
 * configured loaded (a single broken 'routine' keeps what runs, as
 * sk_content_reload does). Returns true when swapped. */
bool sk_languages_reload(sk_languages *set, const sk_config *cfg, const char *assets_dir,
                         const sk_timeline_opts *opts, FILE *log);

void sk_languages_free(sk_languages *set);

#endif
