/* Finding the assets folder (routines, sprites, voice, fonts). No SDL. */
#ifndef SK_ASSETS_H
#define SK_ASSETS_H
#include <stdbool.h>
#include <stddef.h>

/* Picks the assets folder, first that holds a "fonts" folder of:
 *   1. 'explicit_dir' (--assets or the config's assets key), when given:
 *      then it is the only candidate;
 *   2. the source tree's assets/, when the program runs from its build tree;
 *   3. <exe dir>/../share/stretch-kiosk (a relocated install);
 *   4. the install prefix's share/stretch-kiosk.
 * Writes it to out and returns true; false (with out holding the best
 * guess) when none qualifies. */
bool sk_assets_find(const char *explicit_dir, char *out, size_t size);
#endif
