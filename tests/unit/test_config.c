/* The kiosk config: every key, every error as file:line: message, a bad
 * value keeping its key's default, time windows across midnight, and the
 * shipped example matching the defaults. */
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "text_util.h"

static bool load(const char *text, sk_config *cfg, sk_diag *d)
{
    sk_diag_init(d);
    return sk_config_load_text(text, strlen(text), "k.ini", cfg, d);
}

static void print_diag(const sk_diag *d)
{
    if (d->count) sk_diag_print(d, stderr);
}

/* Loads text with one bad line and checks the message and that only that
 * key fell back. */
static void expect_error(const char *text, int line, const char *needle)
{
    sk_config cfg;
    sk_diag d;
    bool ok = load(text, &cfg, &d);
    CHECK(!ok, "accepted: %s", text);
    CHECK(d.errors == 1, "%d errors for: %s", d.errors, text);
    CHECK(sk_diag_contains(&d, line, needle), "no \"%s\" at line %d for: %s", needle, line, text);
    if (!sk_diag_contains(&d, line, needle)) print_diag(&d);
    sk_diag_free(&d);
    sk_config_free(&cfg);
}

static void test_defaults(void)
{
    sk_config c;
    sk_config_defaults(&c);
    CHECK(c.routine == NULL, "routine");
    CHECK(c.assets == NULL, "assets");
    CHECK_INT(c.mode, SK_MODE_LOOP);
    CHECK_INT(c.display, 0);
    CHECK_INT(c.rotate, 0);
    CHECK_INT(c.fps, 30);
    CHECK_INT(c.volume, 80);
    CHECK(!c.mute, "mute");
    CHECK_INT(c.quiet_hours.count, 0);
    CHECK_INT(c.screen_off.count, 0);
    CHECK_INT(c.walkaway_seconds, 60);
    CHECK_INT(c.quit_mods, SK_MOD_CTRL | SK_MOD_ALT);
    CHECK_STR(c.quit_key, "Q");
    CHECK_STR(c.language, "en");
    CHECK_INT(c.windowed_w, 0);
    CHECK_INT(c.windowed_h, 0);
    sk_config_free(&c);
}

static void test_every_key(void)
{
    char dir[] = "/tmp/sk_cfg_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char path[256], routine[256];
    snprintf(routine, sizeof routine, "%s/my.routine", dir);
    FILE *f = fopen(routine, "w");
    CHECK(f != NULL, "routine file");
    if (f) fclose(f);
    snprintf(path, sizeof path, "%s/kiosk.ini", dir);
    f = fopen(path, "w");
    CHECK(f != NULL, "config file");
    if (!f) return;
    fprintf(f, "; a clinic's settings\n"
               "[kiosk]\n"
               "routine = my.routine\n"          /* relative to the config's folder */
               "assets = %s\n"
               "mode = Touch\n"
               "display = 1\n"
               "rotate = 270\n"
               "fps = 60\n"
               "volume = 55%%\n"
               "mute = yes\n"
               "quiet_hours = 12:00-13:00, 21:30-07:00\n"
               "screen_off = 22:00-06:30\n"
               "walkaway_seconds = 120\n"
               "quit_combo = ctrl+shift+Escape\n"
               "language = pt-BR\n"
               "windowed = 1280x720\n"
               "renderer = Software\n"
               "display_power = DPMS\n"
               "cec_osd_name = Clinic TV\n", dir);
    fclose(f);
    sk_config c;
    sk_diag d;
    sk_diag_init(&d);
    bool ok = sk_config_load(path, &c, &d);
    print_diag(&d);
    CHECK(ok, "load");
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    CHECK_STR(c.routine, routine);
    CHECK_STR(c.assets, dir);
    CHECK_INT(c.mode, SK_MODE_TOUCH);
    CHECK_INT(c.display, 1);
    CHECK_INT(c.rotate, 270);
    CHECK_INT(c.fps, 60);
    CHECK_INT(c.volume, 55);
    CHECK(c.mute, "mute");
    CHECK_INT(c.display_power, SK_POWER_DPMS);
    CHECK_STR(c.cec_osd_name, "Clinic TV");
    CHECK_INT(c.quiet_hours.count, 2);
    CHECK_INT(c.quiet_hours.range[1].start, 21 * 60 + 30);
    CHECK_INT(c.quiet_hours.range[1].end, 7 * 60);
    CHECK_INT(c.screen_off.count, 1);
    CHECK_INT(c.screen_off.range[0].start, 22 * 60);
    CHECK_INT(c.screen_off.range[0].end, 6 * 60 + 30);
    CHECK_INT(c.walkaway_seconds, 120);
    CHECK_INT(c.quit_mods, SK_MOD_CTRL | SK_MOD_SHIFT);
    CHECK_STR(c.quit_key, "Escape");
    CHECK_STR(c.language, "pt-BR");
    CHECK_INT(c.windowed_w, 1280);
    CHECK_INT(c.windowed_h, 720);
    CHECK_INT(c.renderer, SK_RENDERER_SOFTWARE);

    char line[512];
    sk_config_describe(&c, line, sizeof line);
    CHECK(strstr(line, "mode=touch") && strstr(line, "rotate=270") &&
              strstr(line, "screen_off=22:00-06:30") && strstr(line, "quit=ctrl+shift+Escape") &&
              strstr(line, "window=1280x720") && strstr(line, "renderer=software"),
          "describe: %s", line);

    sk_config copy;
    CHECK(sk_config_copy(&copy, &c), "copy");
    CHECK(copy.routine != c.routine && strcmp(copy.routine, c.routine) == 0, "deep copy");
    sk_config_free(&copy);
    sk_config_free(&c);
    CHECK(c.routine == NULL && c.fps == 30, "free leaves defaults");
    sk_diag_free(&d);

    /* The same file, unreadable: defaults and a message naming the file. */
    unlink(routine);
    sk_diag_init(&d);
    ok = sk_config_load(path, &c, &d);
    CHECK(!ok, "missing routine is an error");
    CHECK(c.routine == NULL, "routine falls back to built-in");
    CHECK_INT(c.fps, 60);   /* the rest still applies */
    CHECK(sk_diag_contains(&d, 3, "does not exist"), "routine missing message");
    sk_config_free(&c);
    sk_diag_free(&d);
    unlink(path);

    sk_diag_init(&d);
    ok = sk_config_load(path, &c, &d);
    CHECK(!ok, "missing file");
    CHECK(sk_diag_contains(&d, 0, "cannot open"), "missing file message");
    CHECK_INT(c.fps, 30);
    char printed[256] = "";
    FILE *mem = fmemopen(printed, sizeof printed, "w");
    if (mem) {
        sk_diag_print(&d, mem);
        fclose(mem);
    }
    CHECK(strncmp(printed, path, strlen(path)) == 0, "printed as file: message: %s", printed);
    sk_config_free(&c);
    sk_diag_free(&d);
    rmdir(dir);
}

static void test_errors(void)
{
    expect_error("[kiosk]\nfps = 200\n", 2, "fps must be a whole number 5..144");
    expect_error("[kiosk]\nfps = 4\n", 2, "got \"4\"; using 30");
    expect_error("[kiosk]\nfps = thirty\n", 2, "fps must be");
    expect_error("[kiosk]\n\nvolume = 101\n", 3, "volume must be a whole number 0..100");
    expect_error("[kiosk]\nvolume = -1\n", 2, "using 80");
    expect_error("[kiosk]\ndisplay = 8\n", 2, "display must be a whole number 0..7");
    expect_error("[kiosk]\nrotate = 45\n", 2, "rotate must be 0, 90, 180 or 270");
    expect_error("[kiosk]\nmute = maybe\n", 2, "mute must be yes or no");
    expect_error("[kiosk]\nmode = lop\n", 2, "did you mean \"loop\"?");
    expect_error("[kiosk]\nmode = kiosk\n", 2, "mode must be loop, touch or session");
    expect_error("[kiosk]\nwalkaway_seconds = 5\n", 2, "walkaway_seconds must be a whole number 10..3600");
    expect_error("[kiosk]\nquiet_hours = 22:00\n", 2, "expected a range like 22:00-06:30");
    expect_error("[kiosk]\nscreen_off = 25:00-06:00\n", 2, "\"25:00\" is not a time");
    expect_error("[kiosk]\nscreen_off = 06:00-06:00\n", 2, "starts where it ends");
    expect_error("[kiosk]\nquit_combo = q\n", 2, "needs at least one modifier");
    expect_error("[kiosk]\nquit_combo = ctrl+meta+q\n", 2, "\"meta\" is not a modifier");
    expect_error("[kiosk]\nlanguage = english!\n", 2, "language must be a language code");
    expect_error("[kiosk]\nwindowed = big\n", 2, "windowed must be WIDTHxHEIGHT");
    expect_error("[kiosk]\nwindowed = 100x100\n", 2, "using fullscreen");
    expect_error("[kiosk]\nrenderer = opengl\n", 2, "renderer must be auto, gl or software");
    expect_error("[kiosk]\nrenderer = sofware\n", 2, "(did you mean \"software\"?); using auto");
    expect_error("[kiosk]\ndisplay_power = dmps\n", 2, "did you mean \"dpms\"?");
    expect_error("[kiosk]\ndisplay_power = off\n", 2, "display_power must be auto, cec, dpms, black or none");
    expect_error("[kiosk]\ncec_osd_name = A name far too long\n", 2, "cec_osd_name must be 1..14");
    expect_error("[kiosk]\ncec_osd_name = Caf\xc3\xa9\n", 2, "printable ASCII");
    expect_error("[kiosk]\nroutine = /no/such/routine.ini\n", 2,
                 "routine \"/no/such/routine.ini\" does not exist; using the built-in routine");
    expect_error("[kiosk]\nroutine = /tmp\n", 2, "is not a file");
    expect_error("[kiosk]\nassets = /etc/hostname\n", 2, "is not a folder");
    expect_error("[kiosk]\nwalkaway = 30\n", 2, "unknown key \"walkaway\" (did you mean");
    expect_error("[kiosk]\nfsp = 30\n", 2, "unknown key \"fsp\" (did you mean \"fps\"?)");
    expect_error("[kiosk]\nbrightness = 3\n", 2, "listed in kiosk.ini.example");
    expect_error("[kiosc]\nfps = 20\nvolume = 3\n", 2, "section [kiosc] is not known (did you mean [kiosk]?)");
    expect_error("[kiosk]\nfps = 20\n  25\n", 3, "one-line value");
    expect_error("[kiosk]\nfps 20\n", 2, "expected 'key = value'");
}

static void test_fallback_per_key(void)
{
    sk_config c;
    sk_diag d;
    bool ok = load("[kiosk]\n"
                   "fps = 500\n"
                   "volume = 40\n"
                   "rotate = 91\n"
                   "mode = session\n"
                   "screen_off = 7-8\n"
                   "mute = on\n", &c, &d);
    CHECK(!ok, "errors reported");
    CHECK_INT(d.errors, 3);
    CHECK_INT(c.fps, 30);
    CHECK_INT(c.volume, 40);
    CHECK_INT(c.rotate, 0);
    CHECK_INT(c.mode, SK_MODE_SESSION);
    CHECK_INT(c.screen_off.count, 0);
    CHECK(c.mute, "mute still applies");
    CHECK(sk_diag_contains(&d, 2, "fps"), "line 2");
    CHECK(sk_diag_contains(&d, 4, "rotate"), "line 4");
    CHECK(sk_diag_contains(&d, 6, "screen_off"), "line 6");
    sk_diag_free(&d);
    sk_config_free(&c);

    /* A later bad value keeps the earlier good one? No: a bad value means
     * "this key as if unset", so the default, not a half-remembered value. */
    ok = load("fps = 50\n", &c, &d);   /* keys before any section are [kiosk] */
    CHECK(ok, "no section is fine");
    CHECK_INT(c.fps, 50);
    sk_diag_free(&d);
    sk_config_free(&c);

    ok = load("[kiosk]\nfps = 50\nFPS = 40\n", &c, &d);
    CHECK(ok, "set twice is a warning, not an error");
    CHECK_INT(d.warnings, 1);
    CHECK(sk_diag_contains(&d, 3, "first on line 2"), "set twice message");
    CHECK_INT(c.fps, 40);
    sk_diag_free(&d);
    sk_config_free(&c);

    ok = load("[kiosk]\nroutine = \"\"\nwindowed =\nquiet_hours = none\nquit_combo = none\n"
              "fps = 25 ; inline comment\n", &c, &d);
    print_diag(&d);
    CHECK(ok, "empty values");
    CHECK(c.routine == NULL, "empty routine = built-in");
    CHECK_INT(c.windowed_w, 0);
    CHECK_INT(c.quiet_hours.count, 0);
    CHECK_STR(c.quit_key, "");
    CHECK_INT(c.quit_mods, 0);
    CHECK_INT(c.fps, 25);
    sk_diag_free(&d);
    sk_config_free(&c);

    /* Binary junk: refused as a whole, defaults everywhere. */
    static const char junk[] = "[kiosk]\nfps = 9\0\1\2\3";
    sk_diag_init(&d);
    ok = sk_config_load_text(junk, sizeof junk - 1, "junk.ini", &c, &d);
    CHECK(!ok, "binary refused");
    CHECK_INT(c.fps, 30);
    sk_diag_free(&d);
    sk_config_free(&c);
}

static void test_hours(void)
{
    sk_hours h;
    char err[128];
    CHECK(sk_hours_parse("22:00-06:00", &h, err, sizeof err), "%s", err);
    CHECK(sk_hours_contains(&h, 22 * 60), "start is inside");
    CHECK(sk_hours_contains(&h, 23 * 60 + 59), "23:59");
    CHECK(sk_hours_contains(&h, 0), "midnight");
    CHECK(sk_hours_contains(&h, 5 * 60 + 59), "05:59");
    CHECK(!sk_hours_contains(&h, 6 * 60), "end is outside");
    CHECK(!sk_hours_contains(&h, 12 * 60), "noon");
    CHECK(!sk_hours_contains(&h, 21 * 60 + 59), "21:59");
    CHECK(sk_hours_contains(&h, 22 * 60 + 1440), "folded");
    CHECK(sk_hours_contains(&h, -60), "negative folded: 23:00");
    CHECK_INT(sk_hours_minutes_to_change(&h, 21 * 60), 60);
    CHECK_INT(sk_hours_minutes_to_change(&h, 23 * 60), 7 * 60);
    CHECK_INT(sk_hours_minutes_to_change(&h, 6 * 60), 16 * 60);

    CHECK(sk_hours_parse(" 9:05 - 17:30 ", &h, err, sizeof err), "%s", err);
    CHECK_INT(h.range[0].start, 9 * 60 + 5);
    CHECK(sk_hours_contains(&h, 12 * 60) && !sk_hours_contains(&h, 9 * 60 + 4), "day range");

    CHECK(sk_hours_parse("18:00-24:00", &h, err, sizeof err), "%s", err);
    CHECK(sk_hours_contains(&h, 23 * 60 + 59) && !sk_hours_contains(&h, 0), "until midnight");
    char text[64];
    CHECK_STR(sk_hours_format(&h, text, sizeof text), "18:00-00:00");

    CHECK(sk_hours_parse("00:00-23:59", &h, err, sizeof err), "%s", err);
    CHECK_INT(sk_hours_minutes_to_change(&h, 0), 23 * 60 + 59);

    CHECK(sk_hours_parse("", &h, err, sizeof err) && h.count == 0, "empty");
    CHECK(!sk_hours_contains(&h, 100), "empty holds nothing");
    CHECK_INT(sk_hours_minutes_to_change(&h, 100), 1440);

    CHECK(sk_hours_parse("1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00", &h, err, sizeof err), "%s", err);
    CHECK_INT(h.count, 4);
    CHECK_STR(sk_hours_format(&h, text, sizeof text), "01:00-02:00, 03:00-04:00, 05:00-06:00, 07:00-08:00");
    CHECK(!sk_hours_parse("1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00,9:00-10:00", &h, err, sizeof err),
          "five ranges");
    CHECK(strstr(err, "at most 4") != NULL, "%s", err);

    static const char *const bad[] = {"24:00-01:00", "12:60-13:00", "12:5-13:00", "noon-1pm",
                                      "12:00-13:00,", "12:00-13:00 14:00-15:00", "123:00-1:00",
                                      "-", "12:00-", NULL};
    for (int i = 0; bad[i]; i++) {
        CHECK(!sk_hours_parse(bad[i], &h, err, sizeof err), "accepted \"%s\"", bad[i]);
        CHECK(h.count == 0 && err[0], "\"%s\" leaves no range and a reason", bad[i]);
    }
}

static void test_key_combo(void)
{
    int mods;
    char key[SK_CONFIG_KEY_MAX], err[160];
    CHECK(sk_key_combo_parse("ctrl+alt+q", &mods, key, sizeof key, err, sizeof err), "%s", err);
    CHECK_INT(mods, SK_MOD_CTRL | SK_MOD_ALT);
    CHECK_STR(key, "Q");
    CHECK(sk_key_combo_parse(" Control + Super + F4 ", &mods, key, sizeof key, err, sizeof err), "%s", err);
    CHECK_INT(mods, SK_MOD_CTRL | SK_MOD_GUI);
    CHECK_STR(key, "F4");
    CHECK(!sk_key_combo_parse("ctrl+", &mods, key, sizeof key, err, sizeof err), "no key");
    CHECK(!sk_key_combo_parse("ctrl+alt+averyveryverylongkeyname", &mods, key, sizeof key, err,
                              sizeof err), "long key");
}

/* The shipped example documents every key with its default: loading it must
 * give exactly the defaults, and name every key (commented out or not). */
static void test_example(void)
{
    char path[512];
    check_path(path, sizeof path, "kiosk/kiosk.ini.example");
    sk_config c, def;
    sk_diag d;
    sk_diag_init(&d);
    bool ok = sk_config_load(path, &c, &d);
    print_diag(&d);
    CHECK(ok, "example loads cleanly");
    sk_config_defaults(&def);
    char a[512], b[512];
    CHECK_STR(sk_config_describe(&c, a, sizeof a), sk_config_describe(&def, b, sizeof b));
    sk_config_free(&c);
    sk_diag_free(&d);

    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "open example");
    if (!f) return;
    static char text[32768];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    static const char *const keys[] = {"routine", "assets", "mode", "display", "rotate", "fps",
                                       "volume", "mute", "quiet_hours", "screen_off",
                                       "walkaway_seconds", "quit_combo", "language",
                                       "windowed", "renderer", "display_power", "cec_osd_name",
                                       NULL};
    for (int i = 0; keys[i]; i++) {
        char want[64];
        snprintf(want, sizeof want, "\n%s =", keys[i]);
        CHECK(strstr(text, want) != NULL, "example sets %s", keys[i]);
    }
    /* Every value in the example is uncommented and equal to the default,
     * and each key is followed by documentation of its range. */
    CHECK(strstr(text, "\nfps = 30\n") && strstr(text, "5..144"), "fps documented");
    CHECK(strstr(text, "\nvolume = 80\n") && strstr(text, "0..100"), "volume documented");
    CHECK(strstr(text, "\nwalkaway_seconds = 60\n") && strstr(text, "10..3600"), "walkaway documented");
}

static struct tm at(int h, int m)
{
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_hour = h;
    t.tm_min = m;
    return t;
}

/* Quiet hours as the program judges them (hours.h): a synced clock's
 * minute; never on an untrusted clock. */
static bool quiet_now(const sk_hours *q, time_t now, const struct tm *local)
{
    return sk_hours_now(q, sk_hours_trusted_minute(true, now, local));
}

static void test_quiet_hours(void)
{
    sk_hours q;
    CHECK(sk_hours_parse("18:00-08:00", &q, NULL, 0), "parse");
    time_t now = (time_t)1767225600;  /* 2026-01-01, a synced clock */
    struct tm t;
    t = at(17, 59); CHECK(!quiet_now(&q, now, &t), "17:59 sounds");
    t = at(18, 0);  CHECK(quiet_now(&q, now, &t), "18:00 quiet");
    t = at(23, 59); CHECK(quiet_now(&q, now, &t), "23:59 quiet");
    t = at(0, 0);   CHECK(quiet_now(&q, now, &t), "00:00 quiet");
    t = at(7, 59);  CHECK(quiet_now(&q, now, &t), "07:59 quiet");
    t = at(8, 0);   CHECK(!quiet_now(&q, now, &t), "08:00 sounds");
    t = at(12, 0);  CHECK(!quiet_now(&q, now, &t), "noon sounds");
    /* a clock not yet synced (Pi boots in 1970): never silence on its word */
    t = at(23, 0);  CHECK(!quiet_now(&q, (time_t)3600, &t), "unsynced clock");
    /* a daytime window and two windows */
    CHECK(sk_hours_parse("12:00-13:00, 22:00-06:00", &q, NULL, 0), "parse 2");
    t = at(12, 30); CHECK(quiet_now(&q, now, &t), "lunch quiet");
    t = at(13, 0);  CHECK(!quiet_now(&q, now, &t), "13:00 sounds");
    t = at(3, 0);   CHECK(quiet_now(&q, now, &t), "night quiet");
    sk_hours none = {0};
    t = at(3, 0);   CHECK(!quiet_now(&none, now, &t), "no window");
    CHECK(!quiet_now(NULL, now, &t), "NULL window");
    /* the one rule: a clock the system does not call synchronised is not
     * trusted, whatever it reads (fake-hwclock after a power cut) */
    CHECK(sk_hours_parse("18:00-08:00", &q, NULL, 0), "parse 3");
    t = at(23, 0);
    CHECK_INT(sk_hours_trusted_minute(false, now, &t), -1);
    CHECK(!sk_hours_now(&q, sk_hours_trusted_minute(false, now, &t)), "unsynchronised: not quiet");
    CHECK_INT(sk_hours_trusted_minute(true, (time_t)3600, &t), -1);
    CHECK_INT(sk_hours_trusted_minute(true, now, NULL), -1);
    CHECK_INT(sk_hours_trusted_minute(true, now, &t), 23 * 60);
}

/* A reload keeps what needs a restart, and says so only when it differs. */
static void test_keep_restart_settings(void)
{
    sk_config old, fresh;
    sk_config_defaults(&old);
    sk_config_defaults(&fresh);
    old.fps = 30;
    fresh.fps = 60;
    fresh.volume = old.volume / 2;
    sk_strlcpy(fresh.cec_osd_name, "Other", sizeof fresh.cec_osd_name);
    fresh.display_power = SK_POWER_BLACK;
    FILE *log = tmpfile();
    CHECK(log != NULL, "a log");
    if (!log) return;
    sk_config_keep_restart_settings(&fresh, &old, log);
    CHECK_INT(fresh.fps, 30);
    CHECK_STR(fresh.cec_osd_name, "Other");   /* the power means: the caller opens them again */
    CHECK(fresh.display_power == SK_POWER_BLACK, "display_power as reloaded");
    CHECK_INT(fresh.volume, old.volume / 2);   /* what applies while running is the new one */
    char text[512] = "";
    rewind(log);
    size_t n = fread(text, 1, sizeof text - 1, log);
    text[n] = '\0';
    CHECK(strstr(text, "fps, window size and renderer take effect at the next start") != NULL, "said: %s",
          text);
    fclose(log);
    log = tmpfile();
    if (!log) return;
    sk_config_keep_restart_settings(&fresh, &old, log);   /* now the same: nothing said */
    CHECK_INT(ftell(log), 0);
    fclose(log);
    sk_config_free(&old);
    sk_config_free(&fresh);
}

int main(void)
{
    test_keep_restart_settings();
    test_defaults();
    test_every_key();
    test_errors();
    test_fallback_per_key();
    test_hours();
    test_quiet_hours();
    test_key_combo();
    test_example();
    {
        /* The whole day, as the header documents it. */
        sk_hours whole;
        char herr[128];
        CHECK(sk_hours_parse("00:00-24:00", &whole, herr, sizeof herr), "00:00-24:00: %s", herr);
        CHECK(sk_hours_contains(&whole, 0) && sk_hours_contains(&whole, 719) &&
                  sk_hours_contains(&whole, 1439), "whole day holds every minute");
        CHECK_INT(sk_hours_minutes_to_change(&whole, 600), 1440);
    }
    return CHECK_DONE();
}
