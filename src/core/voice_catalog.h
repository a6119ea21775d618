/* The voice clips on disk: assets/voice/<language>/<key>.ogg, one per cue
 * key of the timeline, each with a sidecar <key>.txt holding the exact text
 * the clip was made from (kiosk/make-voice writes both; a clinic may put a
 * recording of a real person under the same name and the same sidecar).
 *
 * No SDL: a clip's length comes from its Ogg Vorbis headers (the sample
 * rate in the identification header, the sample count in the granule
 * position of the last page), so the timeline knows it at load time, and
 * --check can use it without an audio device.
 *
 * Ownership: the catalog owns its strings; clips found are cached, so each
 * file is opened at most once per catalog. Not thread-safe. */
#ifndef SK_VOICE_CATALOG_H
#define SK_VOICE_CATALOG_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "diag.h"
#include "routine.h"

#define SK_VOICE_TEXT_MAX 2048   /* bytes of a sidecar we read */

typedef struct sk_voice_clip {
    char *key;
    char *path;          /* <dir>/<key>.ogg */
    bool exists;         /* the .ogg is there and is readable Ogg Vorbis */
    int64_t ms;          /* its length, -1 when unknown */
    char *text;          /* the sidecar's text (trailing blanks cut); NULL
                            when there is no sidecar */
} sk_voice_clip;

typedef struct sk_voice_catalog sk_voice_catalog;

/* A catalog of the clips under 'dir' (e.g. "<assets>/voice/en"). The
 * folder may be missing: every clip is then missing, which is not an
 * error (captions still show). Returns NULL only when out of memory. */
sk_voice_catalog *sk_voice_catalog_create(const char *dir);
void sk_voice_catalog_free(sk_voice_catalog *c);
const char *sk_voice_catalog_dir(const sk_voice_catalog *c);

/* The clip for a cue key, looked up (and cached) on first use. Returns
 * NULL for a key that cannot name a file (only [A-Za-z0-9._-], no leading
 * dot, no "..", shorter than SK_CUE_KEY_MAX) or when out of memory;
 * otherwise a clip whose 'exists' says whether it is there. The pointer
 * stays valid until the catalog is freed. */
const sk_voice_clip *sk_voice_catalog_find(sk_voice_catalog *c, const char *key);

/* For sk_timeline_opts.clip_ms: user is the catalog. The clip's length in
 * ms, or -1 when there is no clip. */
int64_t sk_voice_catalog_clip_ms(void *user, const char *key);

/* Length in ms of an Ogg Vorbis file, from its headers and last page;
 * -1 when it is not a readable Ogg Vorbis file. Reads at most the first
 * and the last 64 KiB. */
int64_t sk_voice_ogg_ms(const char *path);

/* Whether a key may name a clip file (see sk_voice_catalog_find). */
bool sk_voice_key_valid(const char *key);

/* "<assets>/voice/<language>" into out. False when it does not fit. */
bool sk_voice_dir(char *out, size_t size, const char *assets_dir, const char *language);

/* Every distinct cue the kiosk can speak for this routine (the loop's
 * cycle, a whole guided session, and the walk-away question), one a line
 * as "key<TAB>text\n", in the order they are first spoken. Texts with a
 * newline or tab have them written as spaces. This is what
 * `stretch-kiosk --list-cues` prints and what kiosk/make-voice reads.
 * Returns the number of cues written, or -1 when out of memory. Two cues
 * with one key and different texts would be a timeline bug: the first
 * wins and the conflict is counted in *conflicts (may be NULL). */
int sk_voice_list_cues(const sk_routine *r, FILE *out, int *conflicts);

/* --check for voice: for every cue of the routine, warns (file:line:
 * warning: ... via d) when its clip is missing, when it has no sidecar, when
 * the sidecar's text differs from the caption (the clip says other words),
 * and when a clip is longer than the time its phase gives it (the line
 * would be cut or overlap the next). 'voice_dir' is the folder of the
 * routine's language. Returns the number of warnings added. Never errors:
 * a kiosk without voice still works with captions. */
int sk_voice_check(const sk_routine *r, const char *voice_dir, sk_diag *d);
#endif
