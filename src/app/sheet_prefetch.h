/* The first sprite sheet, decoded on a thread of its own while the display
 * and the renderer are being made, so that the first frame does not wait
 * for its PNG (a 1920x1008 sheet: ~35 ms on a desktop, a few hundred on a
 * Pi, about a second under emulation; making a GL renderer takes longer
 * still, so the decode is hidden behind it).
 *
 * One sheet, one thread, handed over once: the scene asks for a sheet by
 * its descriptor's path (sk_scene_opts.take_sheet), and gets this one only
 * when the paths are equal; any other sheet it loads itself as before. The
 * result is exactly what sk_sprite_sheet_load gives, errors included. */
#ifndef SK_SHEET_PREFETCH_H
#define SK_SHEET_PREFETCH_H
#include <stdbool.h>

#include "diag.h"
#include "sprite_sheet.h"

typedef struct sk_sheet_prefetch sk_sheet_prefetch;

/* Starts decoding the sheet PATH describes (copied). NULL when PATH is
 * NULL or no thread could be made: then nothing is prefetched and the
 * scene loads the sheet when it first draws it, as without this. */
sk_sheet_prefetch *sk_sheet_prefetch_start(const char *path);

/* If P is decoding PATH and has not handed it over yet: waits for the
 * thread, gives the sheet (NULL if it failed) in *out and its problems
 * appended to D, and returns true. Otherwise returns false and touches
 * nothing. P may be NULL. Call from one thread only. */
bool sk_sheet_prefetch_take(sk_sheet_prefetch *p, const char *path, sk_sprite_sheet **out, sk_diag *d);

/* Done with it: waits for the thread and frees a sheet nobody took; from
 * now on sk_sheet_prefetch_take returns false. P stays valid (a scene made
 * later may still ask) until sk_sheet_prefetch_free. NULL is fine. */
void sk_sheet_prefetch_done(sk_sheet_prefetch *p);

/* Waits for the thread and frees P and a sheet nobody took. NULL is fine. */
void sk_sheet_prefetch_free(sk_sheet_prefetch *p);

/* The sk_scene_opts.take_sheet hook: USER is an sk_sheet_prefetch. */
bool sk_sheet_prefetch_hook(void *user, const char *path, sk_sprite_sheet **out, sk_diag *d);

#endif
