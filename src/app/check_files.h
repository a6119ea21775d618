/* --check and --check-config (check_files.c). */
#ifndef SK_CHECK_FILES_H
#define SK_CHECK_FILES_H
#include "cli.h"

/* Checks each routine file in cli->files with its sprite sheets and voice
 * clips (under 'assets'). Returns the exit status: 0 when none has errors
 * (warnings allowed), 1 otherwise. */
int sk_check_routines(const sk_cli *cli, const char *assets);

/* Checks each kiosk.ini in cli->files. Returns 0 when none has errors. */
int sk_check_configs(const sk_cli *cli);
#endif
