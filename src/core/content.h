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

/* Which routine file kiosk.ini asks for: its 'routine' when set (that
 * file's own language then stands: its captions are in it), through its
 * symbolic links into buf when buf holds PATH_MAX (so the sprites it
 * names are read from the folder it was in when loaded); else, for a
 * 'language' other than the built-in routine's ("en"), the built-in
 * routine's translation <assets>/routines/sciatica-<language>.ini (its
 * captions, phrases and voice), written into buf; NULL for the built-in
 * routine itself. A language without a translation is one line in log and
 * the built-in routine. */
const char *sk_content_routine_path(const sk_config *cfg, const char *assets_dir, char *buf,
                                    size_t size, FILE *log);

/* The timeline options the config asks for (walk-away time, start screen
 * in mode=session). Clip lengths are left to the caller. */
void sk_content_timeline_opts(const sk_config *cfg, sk_timeline_opts *out);
#endif
