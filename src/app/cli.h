/* Command-line options of stretch-kiosk. Pure parsing: no SDL, no files
 * opened. See `stretch-kiosk --help` (cli.c) for the user's view. */
#ifndef SK_CLI_H
#define SK_CLI_H
#include <stdbool.h>
#include <stdio.h>

typedef enum {
    SK_ACTION_RUN,            /* the kiosk itself */
    SK_ACTION_HELP,
    SK_ACTION_VERSION,
    SK_ACTION_CHECK,          /* --check FILE... */
    SK_ACTION_CHECK_CONFIG,   /* --check-config FILE... */
    SK_ACTION_RENDER_FRAMES,  /* --render-frames DIR --at T1,T2,... */
    SK_ACTION_LIST_CUES,      /* --list-cues: every voice line, key<TAB>text */
    SK_ACTION_USAGE,          /* --usage [--days N] [--json] */
    SK_ACTION_STATUS          /* --status [--json] */
} sk_action;

#define SK_CLI_MAX_AT 256
#define SK_CLI_MAX_FILES 64

typedef struct sk_cli {
    sk_action action;
    const char *assets_dir;       /* --assets DIR; NULL = search */
    const char *routine_path;     /* --routine FILE; NULL = config or built-in */
    const char *config_path;      /* --config FILE; NULL = default places */
    const char *mode;             /* --mode loop|touch|session; NULL = config */
    const char *replay_path;      /* --replay FILE */
    bool windowed;                /* --windowed [WxH] */
    int width, height;            /* --windowed WxH or --size WxH; 0 = default */
    int rotate;                   /* --rotate 0|90|180|270; -1 = config */
    int fps;                      /* --fps N; 0 = config */
    const char *renderer;         /* --renderer auto|gl|software; NULL = config */
    bool mute;                    /* --mute */
    const char *frames_dir;       /* --render-frames DIR */
    long long at_ms[SK_CLI_MAX_AT];
    int at_count;
    const char *files[SK_CLI_MAX_FILES];  /* --check / --check-config files */
    int file_count;
    bool trace;                   /* --trace: print phases and intents (frames) */
    int exit_after_s;             /* --exit-after SECONDS (demos, benchmarks); 0 = never */
    int days;                     /* --days N (--usage); 0 = all */
    bool json;                    /* --json (--usage, --status) */
    const char *state_dir;        /* --state-dir DIR: usage.csv and status.json; NULL = default */
} sk_cli;

/* Parses argv. Returns 0 on success, 2 on a usage error (the message, naming
 * the option, is written to err). Pointers in *out point into argv. */
int sk_cli_parse(int argc, char **argv, sk_cli *out, FILE *err);

struct sk_config;
/* Puts the command line's settings (--routine, --mode, --rotate, --fps,
 * --renderer, --mute, --windowed) over a config read from a file, so they win at
 * start-up and again after a SIGHUP reload. */
void sk_cli_apply(const sk_cli *cli, struct sk_config *cfg);

/* The --help text. */
void sk_cli_usage(FILE *out);
#endif
