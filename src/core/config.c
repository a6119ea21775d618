#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ini_lines.h"
#include "text_util.h"

/* Defaults, one place. kiosk/kiosk.ini.example documents the same values;
 * tests/unit/test_config.c checks the example against them. */
#define DEF_MODE SK_MODE_LOOP
#define DEF_FPS 30
#define DEF_VOLUME 80
#define DEF_WALKAWAY 60
#define DEF_LANGUAGE "en"
#define DEF_QUIT_MODS (SK_MOD_CTRL | SK_MOD_ALT)
#define DEF_QUIT_KEY "Q"
#define DEF_DISPLAY_POWER SK_POWER_AUTO
#define DEF_OSD_NAME "Stretches"

void sk_config_defaults(sk_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->mode = DEF_MODE;
    cfg->fps = DEF_FPS;
    cfg->volume = DEF_VOLUME;
    cfg->walkaway_seconds = DEF_WALKAWAY;
    cfg->usage = true;
    cfg->quit_mods = DEF_QUIT_MODS;
    sk_strlcpy(cfg->quit_key, DEF_QUIT_KEY, sizeof cfg->quit_key);
    sk_strlcpy(cfg->language, DEF_LANGUAGE, sizeof cfg->language);
    cfg->display_power = DEF_DISPLAY_POWER;
    sk_strlcpy(cfg->cec_osd_name, DEF_OSD_NAME, sizeof cfg->cec_osd_name);
}

void sk_config_free(sk_config *cfg)
{
    if (!cfg) return;
    free(cfg->routine);
    free(cfg->assets);
    sk_config_defaults(cfg);
}

bool sk_config_copy(sk_config *dst, const sk_config *src)
{
    *dst = *src;
    dst->routine = NULL;
    dst->assets = NULL;
    if ((src->routine && !(dst->routine = sk_strdup(src->routine))) ||
        (src->assets && !(dst->assets = sk_strdup(src->assets)))) {
        sk_config_free(dst);
        return false;
    }
    return true;
}

const char *sk_mode_name(sk_mode mode)
{
    switch (mode) {
    case SK_MODE_LOOP: return "loop";
    case SK_MODE_TOUCH: return "touch";
    case SK_MODE_SESSION: return "session";
    }
    return "?";
}

static const char *const power_names[] = {"auto", "cec", "dpms", "black", "none", NULL};

const char *sk_power_means_name(sk_power_means m)
{
    return m >= SK_POWER_AUTO && m <= SK_POWER_NONE ? power_names[m] : "?";
}

/* ------------------------------------------------------------------------ */
/* Key combination                                                           */

bool sk_key_combo_parse(const char *text, int *mods, char *key, size_t key_size,
                        char *err, size_t err_size)
{
    if (err && err_size) err[0] = '\0';
    char buf[64];
    if (sk_strlcpy(buf, text ? text : "", sizeof buf) >= sizeof buf) {
        if (err) snprintf(err, err_size, "is too long");
        return false;
    }
    sk_trim(buf);
    if (buf[0] == '\0' || sk_strcasecmp(buf, "none") == 0) {
        *mods = 0;
        if (key_size) key[0] = '\0';
        return true;
    }
    int m = 0;
    char *part = buf;
    for (;;) {
        char *plus = strchr(part, '+');
        if (plus) *plus = '\0';
        sk_trim(part);
        if (!plus) break;
        if (sk_strcasecmp(part, "ctrl") == 0 || sk_strcasecmp(part, "control") == 0) m |= SK_MOD_CTRL;
        else if (sk_strcasecmp(part, "alt") == 0) m |= SK_MOD_ALT;
        else if (sk_strcasecmp(part, "shift") == 0) m |= SK_MOD_SHIFT;
        else if (sk_strcasecmp(part, "gui") == 0 || sk_strcasecmp(part, "super") == 0 ||
                 sk_strcasecmp(part, "win") == 0) m |= SK_MOD_GUI;
        else {
            if (err)
                snprintf(err, err_size, "\"%.20s\" is not a modifier (ctrl, alt, shift, super)", part);
            return false;
        }
        part = plus + 1;
    }
    size_t n = strlen(part);
    if (n == 0 || n >= key_size || n >= SK_CONFIG_KEY_MAX) {
        if (err) snprintf(err, err_size, "needs a key after the modifiers, e.g. ctrl+alt+q");
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)part[i] < 0x21 || (unsigned char)part[i] > 0x7E) {
            if (err) snprintf(err, err_size, "key name \"%.20s\" has a character a key name cannot have", part);
            return false;
        }
    }
    if (m == 0) {
        if (err)
            snprintf(err, err_size, "needs at least one modifier (ctrl, alt, shift, super): "
                     "a single key would let any visitor quit the kiosk");
        return false;
    }
    *mods = m;
    sk_strlcpy(key, part, key_size);
    if (n == 1) key[0] = (char)toupper((unsigned char)key[0]);   /* SDL spells letters "Q" */
    return true;
}

/* ------------------------------------------------------------------------ */
/* The loader                                                                */

typedef enum {
    K_ROUTINE, K_ASSETS, K_MODE, K_DISPLAY, K_ROTATE, K_FPS, K_VOLUME, K_MUTE,
    K_QUIET_HOURS, K_SCREEN_OFF, K_WALKAWAY, K_QUIT_COMBO, K_LANGUAGE, K_WINDOWED,
    K_RENDERER,
    K_USAGE,
    K_DISPLAY_POWER, K_CEC_OSD_NAME,
    K_LANGUAGES, K_LANGUAGE_SWITCH,
    K_COUNT
} key_id;

static const char *const key_names[K_COUNT + 1] = {
    "routine", "assets", "mode", "display", "rotate", "fps", "volume", "mute",
    "quiet_hours", "screen_off", "walkaway_seconds", "quit_combo", "language",
    "windowed", "renderer",
    "usage",
    "display_power", "cec_osd_name",
    "languages", "language_switch",
    NULL,
};

static const char *const section_names[] = {"kiosk", NULL};

typedef struct load_ctx {
    sk_config *cfg;
    sk_diag *d;
    const char *name;      /* the file as messages call it */
    const char *base_dir;  /* for relative paths; NULL = leave them */
    int seen_line[K_COUNT];
    char bad_section[64];  /* last unknown section reported */
    key_id last_key;       /* for continuation lines */
    bool last_key_valid;
} load_ctx;

static const char *const mode_names[] = {"loop", "touch", "session", NULL};
static const char *const renderer_names[] = {"auto", "gl", "software", NULL};

const char *sk_renderer_name(sk_renderer_pref r)
{
    return r >= SK_RENDERER_AUTO && r <= SK_RENDERER_SOFTWARE ? renderer_names[r] : "?";
}

bool sk_renderer_parse(const char *text, sk_renderer_pref *out)
{
    for (int i = 0; renderer_names[i]; i++)
        if (sk_strcasecmp(text, renderer_names[i]) == 0) {
            *out = (sk_renderer_pref)i;
            return true;
        }
    return false;
}

#define BAD(c, line, ...) sk_diag_error((c)->d, (c)->name, (line), __VA_ARGS__)

static bool get_int(load_ctx *c, int line, const char *key, const char *value,
                    long min, long max, int def, const char *unit, int *out)
{
    long v;
    if (!sk_parse_long(value, &v) || v < min || v > max) {
        BAD(c, line, "%s must be a whole number %ld..%ld%s, got \"%.40s\"; using %d",
            key, min, max, unit, value, def);
        return false;
    }
    *out = (int)v;
    return true;
}

static bool get_bool(load_ctx *c, int line, const char *key, const char *value, bool def, bool *out)
{
    if (sk_parse_bool(value, out)) return true;
    BAD(c, line, "%s must be yes or no, got \"%.40s\"; using %s", key, value, def ? "yes" : "no");
    return false;
}

/* A path from the file: empty = the default (NULL); relative = from the
 * config file's folder. Must exist as a file (want_dir false) or folder. */
static bool get_path(load_ctx *c, int line, const char *key, const char *value,
                     bool want_dir, const char *default_text, char **out)
{
    if (value[0] == '\0') {
        free(*out);
        *out = NULL;
        return true;
    }
    char full[4096];
    size_t n;
    if (value[0] != '/' && c->base_dir)
        n = (size_t)snprintf(full, sizeof full, "%s/%s", c->base_dir, value);
    else
        n = sk_strlcpy(full, value, sizeof full);
    if (n >= sizeof full) {
        BAD(c, line, "%s path is too long; using %s", key, default_text);
        return false;
    }
    struct stat st;
    if (stat(full, &st) != 0) {
        BAD(c, line, "%s \"%.200s\" does not exist; using %s", key, full, default_text);
        return false;
    }
    if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
        BAD(c, line, "%s \"%.200s\" is not a %s; using %s", key, full,
            want_dir ? "folder" : "file", default_text);
        return false;
    }
    char *dup = sk_strdup(full);
    if (!dup) {
        BAD(c, line, "out of memory");
        return false;
    }
    free(*out);
    *out = dup;
    return true;
}

static bool get_power(load_ctx *c, int line, const char *value, sk_power_means *out)
{
    for (int i = 0; power_names[i]; i++)
        if (sk_strcasecmp(value, power_names[i]) == 0) {
            *out = (sk_power_means)i;
            return true;
        }
    const char *guess = sk_did_you_mean(value, power_names);
    BAD(c, line, "display_power must be auto, cec, dpms, black or none, got \"%.40s\"%s%s%s; "
        "using auto", value, guess ? " (did you mean \"" : "", guess ? guess : "",
        guess ? "\"?)" : "");
    return false;
}

/* What a TV can show as a source's name: CEC carries 1..14 ASCII bytes. */
static bool osd_name_ok(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n >= SK_CONFIG_OSD_NAME_MAX) return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] > 0x7e) return false;
    return true;
}

/* "en, es, de": each a language code, each once. All or nothing: a bad
 * list leaves the single 'language'. */
static bool get_languages(load_ctx *c, int line, const char *value)
{
    sk_config *cfg = c->cfg;
    char buf[SK_INI_MAX_LINE + 1];
    sk_strlcpy(buf, value, sizeof buf);
    char codes[SK_CONFIG_LANGUAGES_MAX][SK_CONFIG_LANGUAGE_MAX];
    int n = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        sk_trim(tok);
        if (!sk_language_code_ok(tok) || strlen(tok) >= SK_CONFIG_LANGUAGE_MAX) {
            BAD(c, line, "languages: \"%.40s\" is not a language code such as en or pt-BR; "
                "using language = %s only", tok, cfg->language);
            return false;
        }
        for (int i = 0; i < n; i++)
            if (sk_strcasecmp(codes[i], tok) == 0) {
                BAD(c, line, "languages: %s is listed twice; using language = %s only", tok,
                    cfg->language);
                return false;
            }
        if (n == SK_CONFIG_LANGUAGES_MAX) {
            BAD(c, line, "languages: at most %d languages; using language = %s only",
                SK_CONFIG_LANGUAGES_MAX, cfg->language);
            return false;
        }
        sk_strlcpy(codes[n++], tok, SK_CONFIG_LANGUAGE_MAX);
    }
    memcpy(cfg->languages, codes, sizeof codes);
    cfg->language_count = n;
    return true;
}

static bool set_key(load_ctx *c, key_id k, const char *key, const char *value, int line)
{
    sk_config *cfg = c->cfg;
    char err[160];
    switch (k) {
    case K_ROUTINE:
        return get_path(c, line, key, value, false, "the built-in routine", &cfg->routine);
    case K_ASSETS:
        return get_path(c, line, key, value, true, "the installed assets", &cfg->assets);
    case K_MODE:
        for (int i = 0; mode_names[i]; i++)
            if (sk_strcasecmp(value, mode_names[i]) == 0) {
                cfg->mode = (sk_mode)i;
                return true;
            }
        {
            const char *guess = sk_did_you_mean(value, mode_names);
            BAD(c, line, "mode must be loop, touch or session, got \"%.40s\"%s%s%s; using %s",
                value, guess ? " (did you mean \"" : "", guess ? guess : "", guess ? "\"?)" : "",
                sk_mode_name(DEF_MODE));
        }
        return false;
    case K_DISPLAY:
        return get_int(c, line, key, value, 0, SK_CONFIG_DISPLAY_MAX, 0, "", &cfg->display);
    case K_ROTATE: {
        long v;
        if (sk_parse_long(value, &v) && (v == 0 || v == 90 || v == 180 || v == 270)) {
            cfg->rotate = (int)v;
            return true;
        }
        BAD(c, line, "rotate must be 0, 90, 180 or 270 (degrees clockwise), got \"%.40s\"; using 0",
            value);
        return false;
    }
    case K_FPS:
        return get_int(c, line, key, value, SK_CONFIG_FPS_MIN, SK_CONFIG_FPS_MAX, DEF_FPS,
                       " (frames per second)", &cfg->fps);
    case K_VOLUME: {
        char num[48];
        sk_strlcpy(num, value, sizeof num);
        size_t n = strlen(sk_trim(num));
        if (n > 0 && num[n - 1] == '%') num[n - 1] = '\0';   /* "80%" reads naturally */
        if (get_int(c, line, key, num, 0, 100, DEF_VOLUME, " (percent)", &cfg->volume))
            return true;
        return false;
    }
    case K_MUTE:
        return get_bool(c, line, key, value, false, &cfg->mute);
    case K_USAGE:
        return get_bool(c, line, key, value, true, &cfg->usage);
    case K_QUIET_HOURS:
    case K_SCREEN_OFF: {
        sk_hours *h = k == K_QUIET_HOURS ? &cfg->quiet_hours : &cfg->screen_off;
        sk_hours parsed;
        if (sk_hours_parse(value, &parsed, err, sizeof err)) {
            *h = parsed;
            return true;
        }
        BAD(c, line, "%s: %s; using none", key, err);
        return false;
    }
    case K_WALKAWAY:
        return get_int(c, line, key, value, SK_CONFIG_WALKAWAY_MIN, SK_CONFIG_WALKAWAY_MAX,
                       DEF_WALKAWAY, " (seconds)", &cfg->walkaway_seconds);
    case K_QUIT_COMBO: {
        int mods;
        char keyname[SK_CONFIG_KEY_MAX];
        if (sk_key_combo_parse(value, &mods, keyname, sizeof keyname, err, sizeof err)) {
            cfg->quit_mods = mods;
            sk_strlcpy(cfg->quit_key, keyname, sizeof cfg->quit_key);
            return true;
        }
        BAD(c, line, "quit_combo \"%.40s\" %s; using ctrl+alt+q", value, err);
        return false;
    }
    case K_LANGUAGE:
        if (sk_language_code_ok(value) && strlen(value) < sizeof cfg->language) {
            sk_strlcpy(cfg->language, value, sizeof cfg->language);
            return true;
        }
        BAD(c, line, "language must be a language code such as en or pt-BR, got \"%.40s\"; using "
            DEF_LANGUAGE, value);
        return false;
    case K_LANGUAGES:
        return get_languages(c, line, value);
    case K_LANGUAGE_SWITCH:
        if (sk_strcasecmp(value, "cycle") == 0 || sk_strcasecmp(value, "stretch") == 0) {
            cfg->language_per_stretch = sk_strcasecmp(value, "stretch") == 0;
            return true;
        }
        BAD(c, line, "language_switch must be cycle or stretch, got \"%.40s\"; using cycle", value);
        return false;
    case K_WINDOWED: {
        if (value[0] == '\0') {
            cfg->windowed_w = cfg->windowed_h = 0;
            return true;
        }
        char buf[48];
        sk_strlcpy(buf, value, sizeof buf);
        char *x = strpbrk(buf, "xX");
        long w = 0, h = 0;
        bool ok = x != NULL;
        if (ok) {
            *x = '\0';
            ok = sk_parse_long(buf, &w) && sk_parse_long(x + 1, &h) &&
                 w >= SK_CONFIG_WINDOW_MIN_W && w <= SK_CONFIG_WINDOW_MAX &&
                 h >= SK_CONFIG_WINDOW_MIN_H && h <= SK_CONFIG_WINDOW_MAX;
        }
        if (!ok) {
            BAD(c, line, "windowed must be WIDTHxHEIGHT (%d..%d x %d..%d), e.g. 1280x720, or empty "
                "for fullscreen, got \"%.40s\"; using fullscreen", SK_CONFIG_WINDOW_MIN_W,
                SK_CONFIG_WINDOW_MAX, SK_CONFIG_WINDOW_MIN_H, SK_CONFIG_WINDOW_MAX, value);
            return false;
        }
        cfg->windowed_w = (int)w;
        cfg->windowed_h = (int)h;
        return true;
    }
    case K_RENDERER:
        if (sk_renderer_parse(value, &cfg->renderer)) return true;
        {
            const char *guess = sk_did_you_mean(value, renderer_names);
            BAD(c, line, "renderer must be auto, gl or software, got \"%.40s\"%s%s%s; using auto",
                value, guess ? " (did you mean \"" : "", guess ? guess : "", guess ? "\"?)" : "");
        }
        return false;
    case K_DISPLAY_POWER:
        return get_power(c, line, value, &cfg->display_power);
    case K_CEC_OSD_NAME:
        if (osd_name_ok(value)) {
            sk_strlcpy(cfg->cec_osd_name, value, sizeof cfg->cec_osd_name);
            return true;
        }
        BAD(c, line, "cec_osd_name must be 1..%d printable ASCII characters, got \"%.40s\"; "
            "using \"%s\"", SK_CONFIG_OSD_NAME_MAX - 1, value, DEF_OSD_NAME);
        return false;
    case K_COUNT:
        break;
    }
    return false;
}

static bool on_key(void *user, const char *section, const char *key, const char *value,
                   int line, bool continued)
{
    load_ctx *c = user;
    if (section[0] != '\0' && sk_strcasecmp(section, "kiosk") != 0) {
        /* One message per unknown section, not one per key in it. */
        if (strcmp(c->bad_section, section) != 0) {
            sk_strlcpy(c->bad_section, section, sizeof c->bad_section);
            const char *guess = sk_did_you_mean(section, section_names);
            BAD(c, line, "section [%s] is not known%s; its keys are ignored (settings go "
                "under [kiosk])", section, guess ? " (did you mean [kiosk]?)" : "");
        }
        return false;
    }
    if (continued) {
        BAD(c, line, "%s takes a one-line value; this indented line is not part of a "
            "setting (remove its leading blanks or join it to the line above)", key);
        return false;
    }
    int k = -1;
    for (int i = 0; i < K_COUNT; i++)
        if (sk_strcasecmp(key, key_names[i]) == 0) k = i;
    if (k < 0) {
        const char *guess = sk_did_you_mean(key, key_names);
        if (guess)
            BAD(c, line, "unknown key \"%s\" (did you mean \"%s\"?)", key, guess);
        else
            BAD(c, line, "unknown key \"%s\"; the keys are listed in kiosk.ini.example", key);
        return false;
    }
    if (c->seen_line[k])
        sk_diag_warn(c->d, c->name, line, "%s is set again (first on line %d); this value wins",
                     key_names[k], c->seen_line[k]);
    c->seen_line[k] = line;
    char v[SK_INI_MAX_LINE + 1];
    sk_strlcpy(v, value, sizeof v);
    sk_trim(v);
    /* inih keeps quotes; a clinic may well write routine = "/path with spaces". */
    size_t n = strlen(v);
    if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\''))) {
        memmove(v, v + 1, n - 2);
        v[n - 2] = '\0';
    }
    return set_key(c, (key_id)k, key_names[k], v, line);
}

static bool load_common(const char *path, const char *text, size_t len, const char *name,
                        sk_config *cfg, sk_diag *d)
{
    sk_config_defaults(cfg);
    load_ctx c = {.cfg = cfg, .d = d, .name = name};
    char dir[4096] = "";
    if (path && sk_path_dir(path, dir, sizeof dir) < sizeof dir) c.base_dir = dir;
    int errors_before = d->errors;
    bool read = path ? sk_ini_parse_file(path, name, SK_CONFIG_MAX_BYTES, on_key, &c, d)
                     : sk_ini_parse_text(text, len, name, on_key, &c, d);
    return read && d->errors == errors_before;
}

bool sk_config_load(const char *path, sk_config *cfg, sk_diag *d)
{
    return load_common(path, NULL, 0, path, cfg, d);
}

bool sk_config_load_text(const char *text, size_t len, const char *name, sk_config *cfg,
                         sk_diag *d)
{
    return load_common(NULL, text, len, name ? name : "(config)", cfg, d);
}

char *sk_config_describe(const sk_config *cfg, char *buf, size_t size)
{
    char quiet[96], off[96], quit[48], win[32], langs[128] = "";
    for (int i = 0; i < cfg->language_count; i++) {
        sk_strlcat(langs, i ? "," : " languages=", sizeof langs);
        sk_strlcat(langs, cfg->languages[i], sizeof langs);
    }
    if (cfg->language_count)
        sk_strlcat(langs, cfg->language_per_stretch ? " (per stretch)" : " (per cycle)", sizeof langs);
    sk_hours_format(&cfg->quiet_hours, quiet, sizeof quiet);
    sk_hours_format(&cfg->screen_off, off, sizeof off);
    if (cfg->quit_key[0])
        snprintf(quit, sizeof quit, "%s%s%s%s%s", cfg->quit_mods & SK_MOD_CTRL ? "ctrl+" : "",
                 cfg->quit_mods & SK_MOD_ALT ? "alt+" : "", cfg->quit_mods & SK_MOD_SHIFT ? "shift+" : "",
                 cfg->quit_mods & SK_MOD_GUI ? "super+" : "", cfg->quit_key);
    else
        sk_strlcpy(quit, "none", sizeof quit);
    if (cfg->windowed_w)
        snprintf(win, sizeof win, "%dx%d", cfg->windowed_w, cfg->windowed_h);
    else
        sk_strlcpy(win, "fullscreen", sizeof win);
    snprintf(buf, size,
             "mode=%s display=%d rotate=%d fps=%d volume=%d%s quiet_hours=%s screen_off=%s "
             "walkaway=%ds quit=%s language=%s%s window=%s renderer=%s display_power=%s "
             "cec_osd_name=%s routine=%s assets=%s",
             sk_mode_name(cfg->mode), cfg->display, cfg->rotate, cfg->fps, cfg->volume,
             cfg->mute ? " (muted)" : "", quiet[0] ? quiet : "none", off[0] ? off : "none",
             cfg->walkaway_seconds, quit, cfg->language, langs, win, sk_renderer_name(cfg->renderer),
             sk_power_means_name(cfg->display_power), cfg->cec_osd_name,
             cfg->routine ? cfg->routine : "built-in", cfg->assets ? cfg->assets : "default");
    if (!cfg->usage) sk_strlcat(buf, " usage=off", size);
    return buf;
}

void sk_config_keep_restart_settings(sk_config *fresh, const sk_config *old, FILE *log)
{
    bool screen = fresh->display != old->display || fresh->rotate != old->rotate ||
                  fresh->fps != old->fps || fresh->windowed_w != old->windowed_w ||
                  fresh->windowed_h != old->windowed_h || fresh->renderer != old->renderer;
    if (screen && log)
        fprintf(log, "stretch-kiosk: display, rotate, fps, window size and renderer take effect at the "
                     "next start\n");
    fresh->display = old->display;
    fresh->rotate = old->rotate;
    fresh->fps = old->fps;
    fresh->windowed_w = old->windowed_w;
    fresh->windowed_h = old->windowed_h;
    fresh->renderer = old->renderer;
}
