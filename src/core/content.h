/* The content the kiosk shows: the routine (or the built-in one when the
 * configured file is bad) and the timeline built from it. Shared by the
 * window, --render-frames and --list-cues, so all three time things alike.
 * No SDL. */
#ifndef SK_CONTENT_H
#define SK_CONTENT_H
#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "routine.h"
#include "timeline.h"
#include "voice_catalog.h"

typedef struct sk_content {
    sk_routine *routine;
    sk_timeline *timeline;
    sk_voice_catalog *voice; /* clips of the routine's language, under
                                <assets>/voice/<language>; their lengths
                                stretch narrated phases so no line is cut */
    bool fell_back;        /* the configured routine had errors */
} sk_content;

/* Loads the routine at 'routine_path' (NULL: the built-in routine) and
 * builds its timeline with 'opts' (may be NULL; clip lengths are always
 * taken from the voice catalog). Problems with the file go
 * to 'log' as file:line: message and the built-in routine is used instead.
 * The built-in routine's relative paths (sprites) resolve against
 * '<assets_dir>/routines', where its file ships. Returns false only when
 * out of memory. */
bool sk_content_load(sk_content *c, const char *routine_path, const char *assets_dir,
                     const sk_timeline_opts *opts, FILE *log);

/* Validates 'routine_path' without touching c: true when it loads cleanly.
 * Then swaps it in (the old content is freed). On false, c is unchanged and
 * the reasons went to log. For SIGHUP reloads. */
bool sk_content_reload(sk_content *c, const char *routine_path, const char *assets_dir,
                       const sk_timeline_opts *opts, FILE *log);

void sk_content_free(sk_content *c);

/* The timeline options the config asks for (walk-away time, start screen
 * in mode=session). Clip lengths are left to the caller. */
void sk_content_timeline_opts(const sk_config *cfg, sk_timeline_opts *out);
#endif
