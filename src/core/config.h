/* Kiosk settings: what /etc/stretch-kiosk/kiosk.ini (or --config FILE) says,
 * with a default and a range for every value.
 *
 * A bad value never leaves the kiosk on a black screen: the loader reports
 * it as "file:line: message" and keeps that key's default, so a clinic's
 * typo in one line changes nothing else. Every key, its default and its
 * range are documented in kiosk/kiosk.ini.example.
 *
 * No SDL and no clock: time windows (hours.h) are judged against a minute
 * of the day the caller hands in, by hours.h's one rule for trusting the
 * wall clock. */
#ifndef SK_CONFIG_H
#define SK_CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"
#include "hours.h"

typedef enum {
    SK_MODE_LOOP,     /* unattended loop, touch ignored (default: a plain TV) */
    SK_MODE_TOUCH,    /* loop that invites a tap; a tap starts a guided session */
    SK_MODE_SESSION   /* starts in a guided session (developer, trying it out) */
} sk_mode;

/* Which renderer (render/render_choice.h): auto = by what the machine has. */
typedef enum { SK_RENDERER_AUTO, SK_RENDERER_GL, SK_RENDERER_SOFTWARE } sk_renderer_pref;
/* How the display is powered down in screen-off hours (display_power). */
typedef enum {
    SK_POWER_AUTO,    /* the best the machine has: cec, else dpms, else black */
    SK_POWER_CEC,     /* HDMI-CEC: Standby to the TV, Image View On at the end */
    SK_POWER_DPMS,    /* the DRM connector's DPMS to Off (a monitor's backlight) */
    SK_POWER_BLACK,   /* a black picture, the panel stays lit */
    SK_POWER_NONE     /* no screen-off at all: the picture as if no hours */
} sk_power_means;

/* Modifier bits of a key combination. */
enum { SK_MOD_CTRL = 1, SK_MOD_ALT = 2, SK_MOD_SHIFT = 4, SK_MOD_GUI = 8 };


#define SK_CONFIG_LANGUAGE_MAX 16
#define SK_CONFIG_KEY_MAX 24
#define SK_CONFIG_OSD_NAME_MAX 15   /* CEC's <Set OSD Name>: 1..14 bytes */
#define SK_CONFIG_LANGUAGES_MAX 6

typedef struct sk_config {
    char *routine;          /* malloc'd path of a routine file; NULL = built-in */
    char *assets;           /* malloc'd assets folder; NULL = search the usual places */
    sk_mode mode;           /* default SK_MODE_LOOP */
    int display;            /* 0..7, default 0 */
    int rotate;             /* 0, 90, 180 or 270 degrees clockwise, default 0 */
    int fps;                /* frame-rate cap 5..144, default 30 (vsync stays on) */
    int volume;             /* 0..100 %, default 80 */
    bool mute;              /* default false: captions always show anyway */
    sk_hours quiet_hours;   /* no voice, no cues; default none */
    sk_hours screen_off;    /* black screen, no sound, no drawing; default none */
    int walkaway_seconds;   /* 10..3600, default 60: idle session -> loop */
    int quit_mods;          /* SK_MOD_* bits, default CTRL|ALT */
    char quit_key[SK_CONFIG_KEY_MAX]; /* SDL key name, e.g. "Q", "Escape", "F4";
                                 "" = no quit combination (default "Q") */
    char language[SK_CONFIG_LANGUAGE_MAX]; /* e.g. "en", "pt-BR"; default "en" */
    /* languages = en, es, de: the loop plays each in turn and a session
     * offers a button for each (content.h says which files); 0 = only
     * 'language'. Each code once, at most SK_CONFIG_LANGUAGES_MAX. */
    char languages[SK_CONFIG_LANGUAGES_MAX][SK_CONFIG_LANGUAGE_MAX];
    int language_count;
    bool language_per_stretch; /* language_switch = stretch (default cycle) */
    int windowed_w, windowed_h; /* 0x0 = fullscreen (default); else a window */
    sk_renderer_pref renderer; /* default SK_RENDERER_AUTO; kept until restart */
    bool usage;             /* default true: keep usage counts (kiosk_state.h) */
    sk_power_means display_power; /* default SK_POWER_AUTO */
    char cec_osd_name[SK_CONFIG_OSD_NAME_MAX]; /* the TV's name for the source,
                                 1..14 printable ASCII; default "Stretches" */
} sk_config;

/* Limits, shared with the documentation and the tests. */
#define SK_CONFIG_DISPLAY_MAX 7
#define SK_CONFIG_FPS_MIN 5
#define SK_CONFIG_FPS_MAX 144
#define SK_CONFIG_WALKAWAY_MIN 10
#define SK_CONFIG_WALKAWAY_MAX 3600
#define SK_CONFIG_WINDOW_MIN_W 160
#define SK_CONFIG_WINDOW_MIN_H 120
#define SK_CONFIG_WINDOW_MAX 8192
#define SK_CONFIG_MAX_BYTES (64 * 1024)

/* Fills every field with its default. Allocates nothing; a cfg filled by
 * this needs no sk_config_free (calling it is harmless). */
void sk_config_defaults(sk_config *cfg);

/* Reads the INI file at 'path' into cfg, starting from the defaults (cfg is
 * overwritten: free a previously loaded one first or load into a fresh
 * struct). Each problem goes to d as "file:line: message"; a key with a bad
 * value keeps its default, and every other key still applies. A relative
 * 'routine' or 'assets' path is taken relative to the config file's folder.
 *
 * Returns true when the file was read and held no errors (warnings, e.g. a
 * key set twice, are allowed). Returns false when it could not be read or
 * had any error; cfg is then still complete and usable (defaults where the
 * file was bad or unreadable). Never blocks beyond reading the file.
 *
 * For SIGHUP: load into a new struct; on false keep the old one, log d and
 * free the new one. */
bool sk_config_load(const char *path, sk_config *cfg, sk_diag *d);

/* The same for text in memory ('name' is what messages call it; relative
 * paths stay relative). */
bool sk_config_load_text(const char *text, size_t len, const char *name,
                         sk_config *cfg, sk_diag *d);

/* Frees what cfg owns and leaves it as sk_config_defaults would. */
void sk_config_free(sk_config *cfg);

/* Deep copy; false when out of memory (dst is then left as defaults). */
bool sk_config_copy(sk_config *dst, const sk_config *src);

/* One line for the log, e.g. "mode=touch display=0 rotate=90 fps=30 ...".
 * Always NUL-terminates; returns buf. */
char *sk_config_describe(const sk_config *cfg, char *buf, size_t size);

/* A config reloaded (SIGHUP) over the running one: what needs a restart
 * (display, rotation, fps, the window, the renderer) keeps its running
 * value from old, with a line on log (may be NULL) when it differs. The
 * display's power means (display_power, cec_osd_name) are the caller's to
 * open again. */
void sk_config_keep_restart_settings(sk_config *fresh, const sk_config *old, FILE *log);

const char *sk_mode_name(sk_mode mode);
const char *sk_renderer_name(sk_renderer_pref r);   /* "auto", "gl", "software" */
/* "auto", "gl" or "software" (any case) into *out; false for anything else. */
bool sk_renderer_parse(const char *text, sk_renderer_pref *out);
const char *sk_power_means_name(sk_power_means m);


/* Parses a key combination such as "ctrl+alt+q", "Ctrl+Shift+Escape" or
 * "none" into SK_MOD_* bits and an SDL key name (letters upper-cased, as
 * SDL_GetKeyName spells them). The key name is checked for shape only
 * (1..23 printable ASCII, no '+'); the caller maps it with
 * SDL_GetKeyFromName and treats SDLK_UNKNOWN as "no combination". A combo
 * with no modifier is refused (a visitor could quit the kiosk with one key). */
bool sk_key_combo_parse(const char *text, int *mods, char *key, size_t key_size,
                        char *err, size_t err_size);
#endif
