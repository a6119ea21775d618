/* The kiosk in a window (or fullscreen on the display): start-up, the frame
 * loop and shut-down. The only place that reads the clock. */
#ifndef SK_APP_H
#define SK_APP_H
#include "cli.h"
#include "config.h"

/* Runs until quit (window closed, SIGINT/SIGTERM, the quit combination, or
 * --exit-after). 'cfg' is the merged configuration (file + command line);
 * config_path is re-read on SIGHUP (may be NULL). Returns the process exit
 * status: 0 after a normal quit, 1 when the display could not be opened. */
int sk_app_run(const sk_config *cfg, const char *config_path, const sk_cli *cli,
               const char *assets_dir);
#endif
