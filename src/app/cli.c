#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "build_info.h"
#include "config.h"
#include "text_util.h"

void sk_cli_usage(FILE *out)
{
    fputs(
        "Usage: stretch-kiosk [OPTION]...\n"
        "Shows three sciatica stretches on a screen: a looping demonstration with\n"
        "voice-over, captions and countdown rings, and on a touchscreen a guided\n"
        "session a person starts with a tap.\n"
        "\n"
        "Running:\n"
        "  --windowed [WxH]      run in a window (default 1280x720) instead of fullscreen\n"
        "  --mode MODE           loop (display only), touch (tap starts a session),\n"
        "                        session (start a guided session at launch)\n"
        "  --routine FILE        the routine to show (default: the built-in routine)\n"
        "  --config FILE         kiosk settings (default /etc/stretch-kiosk/kiosk.ini\n"
        "                        when it exists)\n"
        "  --assets DIR          where sprites, voice clips and fonts are\n"
        "  --rotate DEG          0, 90, 180 or 270: for a screen mounted on its side\n"
        "  --fps N               frame rate cap\n"
        "  --renderer R          auto (by what the machine has), gl or software\n"
        "  --mute                no sound\n"
        "  --replay FILE         feed taps and keys from a script (\"SECONDS INTENT\" lines)\n"
        "  --exit-after SECONDS  quit after this long (demos, benchmarks)\n"
        "\n"
        "Checking content:\n"
        "  --check FILE...       validate routine files; every problem as file:line: message\n"
        "  --check-config FILE...  validate kiosk config files the same way\n"
        "  --list-cues           print every voice line of the routine: key<TAB>text\n"
        "\n"
        "Pictures without a display:\n"
        "  --render-frames DIR   write PNG frames to DIR (no display, no sound needed)\n"
        "  --at T1,T2,...        at these times, in seconds from the start\n"
        "  --size WxH            picture size (default 1920x1080)\n"
        "  --trace               also print each phase and intent as it happens\n"
        "                        (with --replay: a headless run of a script)\n"
        "\n"
        "How it has been (issue 15; README \"Usage counts\", \"Health status\"):\n"
        "  --usage               the usage counts: a table per day and totals\n"
        "  --days N              only the last N days\n"
        "  --status              is the kiosk running and showing frames? (exit 1 if not)\n"
        "  --json                --usage or --status as JSON\n"
        "  --state-dir DIR       where usage.csv and status.json are (default: systemd's\n"
        "                        $STATE_DIRECTORY / $RUNTIME_DIRECTORY; else\n"
        "                        /var/lib/stretch-kiosk and /run/stretch-kiosk/health, when\n"
        "                        they exist, for reading; else $XDG_STATE_HOME/stretch-kiosk and\n"
        "                        $XDG_RUNTIME_DIR/stretch-kiosk)\n"
        "\n"
        "  --help                show this help and exit\n"
        "  --version             show the version and exit\n"
        "\n"
        "Keys: space start/pause/resume, right arrow skip, left arrow back, Esc stop the\n"
        "session; Ctrl+Alt+Q quits (configurable). Exit status: 0 fine, 1 problems found\n"
        "or a start-up failure, 2 wrong usage.\n",
        out);
}

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X')) return false;
    const char *rest = end + 1;
    long b = strtol(rest, &end, 10);
    if (end == rest || *end) return false;
    if (a < 64 || b < 64 || a > 16384 || b > 16384) return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

static bool parse_times(const char *s, sk_cli *out)
{
    char buf[4096];
    if (sk_strlcpy(buf, s, sizeof buf) >= sizeof buf) return false;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *end;
        double t = strtod(tok, &end);
        if (end == tok || *end || t < 0 || t > 1e9 || out->at_count >= SK_CLI_MAX_AT)
            return false;
        out->at_ms[out->at_count++] = (long long)(t * 1000.0 + 0.5);
    }
    return out->at_count > 0;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int usage_error(FILE *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("stretch-kiosk: ", err);
    vfprintf(err, fmt, ap);
    va_end(ap);
    fputs("\nTry 'stretch-kiosk --help' for the options.\n", err);
    return 2;
}

int sk_cli_parse(int argc, char **argv, sk_cli *out, FILE *err)
{
    memset(out, 0, sizeof *out);
    out->rotate = -1;
    bool files_mode = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_ARG()                                                          \
    do {                                                                    \
        if (!next) return usage_error(err, "option '%s' needs a value", a); \
        i++;                                                                \
    } while (0)
        if (files_mode && a[0] != '-') {
            if (out->file_count >= SK_CLI_MAX_FILES)
                return usage_error(err, "too many files (the limit is 64), at '%s'", a);
            out->files[out->file_count++] = a;
            continue;
        }
        files_mode = false;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            out->action = SK_ACTION_HELP;
            return 0;
        } else if (!strcmp(a, "--version")) {
            out->action = SK_ACTION_VERSION;
            return 0;
        } else if (!strcmp(a, "--check") || !strcmp(a, "--check-config")) {
            out->action = !strcmp(a, "--check") ? SK_ACTION_CHECK : SK_ACTION_CHECK_CONFIG;
            files_mode = true;
        } else if (!strcmp(a, "--list-cues")) {
            out->action = SK_ACTION_LIST_CUES;
        } else if (!strcmp(a, "--windowed")) {
            out->windowed = true;
            if (next && next[0] != '-') {
                if (!parse_size(next, &out->width, &out->height))
                    return usage_error(err, "--windowed wants a size like 1280x720, got '%s'", next);
                i++;
            }
        } else if (!strcmp(a, "--size")) {
            NEED_ARG();
            if (!parse_size(next, &out->width, &out->height))
                return usage_error(err, "--size wants a size like 1920x1080, got '%s'", next);
        } else if (!strcmp(a, "--mode")) {
            NEED_ARG();
            if (strcmp(next, "loop") && strcmp(next, "touch") && strcmp(next, "session"))
                return usage_error(err, "--mode must be loop, touch or session, got '%s'", next);
            out->mode = next;
        } else if (!strcmp(a, "--routine")) {
            NEED_ARG();
            out->routine_path = next;
        } else if (!strcmp(a, "--config")) {
            NEED_ARG();
            out->config_path = next;
        } else if (!strcmp(a, "--assets")) {
            NEED_ARG();
            out->assets_dir = next;
        } else if (!strcmp(a, "--replay")) {
            NEED_ARG();
            out->replay_path = next;
        } else if (!strcmp(a, "--rotate")) {
            NEED_ARG();
            long v;
            if (!sk_parse_long(next, &v) || (v != 0 && v != 90 && v != 180 && v != 270))
                return usage_error(err, "--rotate must be 0, 90, 180 or 270, got '%s'", next);
            out->rotate = (int)v;
        } else if (!strcmp(a, "--fps")) {
            NEED_ARG();
            long v;
            if (!sk_parse_long(next, &v) || v < 5 || v > 240)
                return usage_error(err, "--fps must be 5..240, got '%s'", next);
            out->fps = (int)v;
        } else if (!strcmp(a, "--renderer")) {
            NEED_ARG();
            sk_renderer_pref pref;
            if (!sk_renderer_parse(next, &pref))
                return usage_error(err, "--renderer must be auto, gl or software, got '%s'", next);
            out->renderer = next;
        } else if (!strcmp(a, "--exit-after")) {
            NEED_ARG();
            long v;
            if (!sk_parse_long(next, &v) || v < 1 || v > 100000000)
                return usage_error(err, "--exit-after must be a whole number of seconds, got '%s'", next);
            out->exit_after_s = (int)v;
        } else if (!strcmp(a, "--usage")) {
            out->action = SK_ACTION_USAGE;
        } else if (!strcmp(a, "--status")) {
            out->action = SK_ACTION_STATUS;
        } else if (!strcmp(a, "--json")) {
            out->json = true;
        } else if (!strcmp(a, "--days")) {
            NEED_ARG();
            long v;
            if (!sk_parse_long(next, &v) || v < 1 || v > 100000)
                return usage_error(err, "--days must be a whole number of days 1 or more, got '%s'", next);
            out->days = (int)v;
        } else if (!strcmp(a, "--state-dir")) {
            NEED_ARG();
            out->state_dir = next;
        } else if (!strcmp(a, "--trace")) {
            out->trace = true;
        } else if (!strcmp(a, "--mute")) {
            out->mute = true;
        } else if (!strcmp(a, "--render-frames")) {
            NEED_ARG();
            out->action = SK_ACTION_RENDER_FRAMES;
            out->frames_dir = next;
        } else if (!strcmp(a, "--at")) {
            NEED_ARG();
            if (!parse_times(next, out))
                return usage_error(err, "--at wants seconds like 0,12.5,40 (at most 256), got '%s'", next);
        } else {
            return usage_error(err, "unknown option '%s'", a);
        }
#undef NEED_ARG
    }
    if ((out->action == SK_ACTION_CHECK || out->action == SK_ACTION_CHECK_CONFIG) &&
        out->file_count == 0)
        return usage_error(err, "%s needs at least one file",
                           out->action == SK_ACTION_CHECK ? "--check" : "--check-config");
    if (out->action == SK_ACTION_RENDER_FRAMES && out->at_count == 0)
        return usage_error(err, "%s needs --at T1,T2,...", "--render-frames");
    return 0;
}

void sk_cli_apply(const sk_cli *cli, sk_config *cfg)
{
    if (cli->routine_path) {
        char *copy = sk_strdup(cli->routine_path);
        if (copy) {
            free(cfg->routine);
            cfg->routine = copy;
        }
    }
    if (cli->mode)
        cfg->mode = !strcmp(cli->mode, "touch") ? SK_MODE_TOUCH
                  : !strcmp(cli->mode, "session") ? SK_MODE_SESSION : SK_MODE_LOOP;
    if (cli->rotate >= 0) cfg->rotate = cli->rotate;
    if (cli->fps > 0) cfg->fps = cli->fps;
    if (cli->renderer) sk_renderer_parse(cli->renderer, &cfg->renderer);
    if (cli->mute) cfg->mute = true;
    if (cli->windowed) {
        cfg->windowed_w = cli->width ? cli->width : 1280;
        cfg->windowed_h = cli->height ? cli->height : 720;
    }
}
