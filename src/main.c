/* stretch-kiosk: arguments, configuration, then one of the actions. */
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "assets.h"
#include "build_info.h"
#include "check_files.h"
#include "cli.h"
#include "config.h"
#include "content.h"
#include "frames.h"
#include "kiosk_state.h"
#include "replay.h"
#include "routine.h"
#include "voice_catalog.h"
#include "text_util.h"

#define DEFAULT_CONFIG "/etc/stretch-kiosk/kiosk.ini"

static bool load_replay(const char *path, sk_replay *out)
{
    sk_diag d;
    sk_diag_init(&d);
    bool ok = sk_replay_load(path, out, &d);
    sk_diag_print(&d, stderr);
    sk_diag_free(&d);
    return ok;
}

/* The config file, then the command line on top. */
static void load_config(const sk_cli *cli, sk_config *cfg, const char **config_path)
{
    *config_path = cli->config_path;
    if (!*config_path && access(DEFAULT_CONFIG, F_OK) == 0) *config_path = DEFAULT_CONFIG;
    if (*config_path) {
        sk_diag d;
        sk_diag_init(&d);
        sk_config_load(*config_path, cfg, &d);
        sk_diag_print(&d, stderr);
        if (d.errors)
            fprintf(stderr, "stretch-kiosk: %s: using the defaults for the keys above\n", *config_path);
        sk_diag_free(&d);
    } else {
        sk_config_defaults(cfg);
    }
    sk_cli_apply(cli, cfg);
}

/* glibc raises its mmap threshold to the size of each large block freed
 * (a sprite sheet's decoded 7.7 MB), so the next big blocks (the next
 * sheet, text textures) come from the heap, and once freed stay in it,
 * held and counted: 9 MB of a 1080p hold's 41 MB of anonymous memory.
 * A fixed threshold keeps big blocks in their own mappings, returned
 * when freed (tests/bench/run: Pss_Anon 41 -> 32 MB). */
static void big_blocks_mapped(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

int main(int argc, char **argv)
{
    big_blocks_mapped();
    sk_cli cli;
    int rc = sk_cli_parse(argc, argv, &cli, stderr);
    if (rc) return rc;
    switch (cli.action) {
    case SK_ACTION_HELP: sk_cli_usage(stdout); return 0;
    case SK_ACTION_VERSION: printf("stretch-kiosk %s\n", SK_VERSION); return 0;
    case SK_ACTION_CHECK_CONFIG: return sk_check_configs(&cli);
    case SK_ACTION_USAGE: return sk_usage_report(cli.state_dir, cli.days, cli.json, stdout, stderr);
    case SK_ACTION_STATUS: return sk_status_report(cli.state_dir, cli.json, stdout, stderr);
    default: break;
    }

    sk_config cfg;
    const char *config_path;
    load_config(&cli, &cfg, &config_path);
    char assets[PATH_MAX];
    if (!sk_assets_find(cli.assets_dir ? cli.assets_dir : cfg.assets, assets, sizeof assets))
        fprintf(stderr, "stretch-kiosk: %s: no assets here (fonts/ missing); text may be missing\n",
                assets);
    if (cli.action == SK_ACTION_CHECK) {
        rc = sk_check_routines(&cli, assets);
        sk_config_free(&cfg);
        return rc;
    }

    sk_replay replay = {0};
    if (cli.replay_path && !load_replay(cli.replay_path, &replay)) {
        rc = 1;
    } else if (cli.action == SK_ACTION_RUN) {
        rc = sk_app_run(&cfg, config_path, &cli, assets, cli.replay_path ? &replay : NULL);
    } else {
        sk_languages langs = {0};
        sk_timeline_opts tl_opts;
        sk_content_timeline_opts(&cfg, &tl_opts);
        if (!sk_languages_load(&langs, &cfg, assets, &tl_opts, stderr)) {
            fprintf(stderr, "stretch-kiosk: out of memory\n");
            rc = 1;
        } else if (cli.action == SK_ACTION_RENDER_FRAMES) {
            sk_scene_opts so = {.assets_dir = assets, .touch = cfg.mode == SK_MODE_TOUCH,
                                .fell_back = langs.c[0].fell_back, .rotate = cfg.rotate,
                                .languages = langs.count};
            for (int i = 0; i < langs.count; i++)
                so.language_names[i] = sk_language_name(langs.c[i].routine->language);
            sk_frames_job job = {
                .out_dir = cli.frames_dir, .at_ms = cli.at_ms, .at_count = cli.at_count,
                .width = cli.width ? cli.width : 1920, .height = cli.height ? cli.height : 1080,
                .session = cfg.mode == SK_MODE_SESSION, .rotate = cfg.rotate,
                .replay = cli.replay_path ? &replay : NULL, .trace = cli.trace,
            };
            rc = sk_render_frames(&langs, &so, &job);
            sk_app_sdl_quit();
        } else {  /* --list-cues */
            int conflicts = 0;
            rc = sk_voice_list_cues(langs.c[0].routine, stdout, &conflicts) < 0 || conflicts ? 1 : 0;
            if (conflicts)
                fprintf(stderr, "stretch-kiosk: %d cue keys with two different texts\n", conflicts);
        }
        sk_languages_free(&langs);
    }
    sk_replay_free(&replay);
    sk_config_free(&cfg);
    return rc;
}
