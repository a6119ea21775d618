/* The kiosk in a window (or fullscreen on the display): start-up, the frame
 * loop and shut-down. The only place that reads the clock. */
#ifndef SK_APP_H
#define SK_APP_H
#include "cli.h"
#include "config.h"
#include "replay.h"

/* Runs until quit (window closed, SIGINT/SIGTERM, the quit combination, a
 * replay's quit, or --exit-after). 'cfg' is the merged configuration (file
 * + command line); config_path is re-read on SIGHUP (may be NULL); replay:
 * intents to apply at their times (may be NULL). Returns the process exit
 * status: 0 after a normal quit, 1 when the display could not be opened.
 * Quits SDL (sk_app_sdl_quit) before it returns. */
int sk_app_run(const sk_config *cfg, const char *config_path, const sk_cli *cli,
               const char *assets_dir, const sk_replay *replay);

/* The one way out of SDL: SDL_ttf, then SDL (its audio subsystem, which the
 * sound module opened, with it). Safe to call when nothing was started. */
void sk_app_sdl_quit(void);
#endif
