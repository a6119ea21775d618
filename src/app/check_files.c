/* --check and --check-config: a routine file, the sprite sheets and voice
 * clips it names, or a kiosk.ini, read as the kiosk would and every
 * problem reported as file:line: message on stdout. */
#include "check_files.h"

#include <stdio.h>
#include <unistd.h>

#include "config.h"
#include "routine.h"
#include "sprite_sheet.h"
#include "voice_catalog.h"

int sk_check_routines(const sk_cli *cli, const char *assets)
{
    int bad = 0;
    for (int i = 0; i < cli->file_count; i++) {
        sk_diag d;
        sk_diag_init(&d);
        sk_routine *r = sk_routine_load(cli->files[i], &d);
        /* The sprite sheets it names: descriptor and pictures. */
        for (int e = 0; r && e < r->exercise_count; e++) {
            const sk_exercise *ex = &r->exercises[e];
            if (!ex->sprite || access(ex->sprite, F_OK) != 0) continue;  /* reported above */
            sk_sprite_sheet *sheet = sk_sprite_sheet_load(ex->sprite, &d);
            sk_sprite_sheet_free(sheet);
        }
        /* Voice clips: missing ones, or made from other words, are warnings
         * (captions still show). */
        char voice_dir[4096];
        if (r && sk_voice_dir(voice_dir, sizeof voice_dir, assets, r->language))
            sk_voice_check(r, voice_dir, &d);
        sk_diag_print(&d, stdout);
        if (!r || d.errors) bad++;
        else printf("%s: no problems found%s\n", cli->files[i], d.warnings ? " (but see the warnings)" : "");
        sk_routine_free(r);
        sk_diag_free(&d);
    }
    return bad ? 1 : 0;
}

int sk_check_configs(const sk_cli *cli)
{
    int bad = 0;
    for (int i = 0; i < cli->file_count; i++) {
        sk_diag d;
        sk_diag_init(&d);
        sk_config cfg;
        bool ok = sk_config_load(cli->files[i], &cfg, &d);
        sk_diag_print(&d, stdout);
        if (!ok || d.errors) bad++;
        else printf("%s: no problems found\n", cli->files[i]);
        sk_config_free(&cfg);
        sk_diag_free(&d);
    }
    return bad ? 1 : 0;
}
