/* A kiosk of several languages (languages.h, kiosk_step.h): all of them
 * load, a broken translation is left out and the others go on; the loop
 * moves to the next language at each cycle's end (or each stretch), with
 * no time lost; a language intent starts the session in that language,
 * whose first cue is its own; walking away returns to the loop's order. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiosk_step.h"
#include "languages.h"
#include "text_util.h"

typedef struct seen {
    int voices, sessions_started, sessions_stopped;
    char first_voice[SK_CUE_KEY_MAX];
    const char *first_voice_text;
} seen;

static void on_event(void *user, const sk_event *ev)
{
    seen *s = user;
    if (ev->kind == SK_EV_VOICE && s->voices++ == 0 && ev->cue) {
        sk_strlcpy(s->first_voice, ev->cue->key, sizeof s->first_voice);
        s->first_voice_text = ev->cue->text;
    }
    if (ev->kind == SK_EV_SESSION_STARTED) s->sessions_started++;
    if (ev->kind == SK_EV_SESSION_STOPPED) s->sessions_stopped++;
}

static const char *lang_now(const sk_kiosk *k)
{
    sk_tl_view v;
    sk_timeline_view(k->tl, &v);
    return v.routine ? v.routine->language : "?";
}

static void start_kiosk(sk_kiosk *k, sk_languages *set)
{
    sk_timeline *tls[SK_LANGUAGES_MAX];
    for (int i = 0; i < set->count; i++) tls[i] = set->c[i].timeline;
    sk_kiosk_init(k, tls[0], NULL, 16);
    sk_kiosk_set_languages(k, tls, set->count, set->per_stretch);
}

static void cycle_order(sk_languages *set)
{
    sk_kiosk k;
    start_kiosk(&k, set);
    seen s = {0};
    sk_kiosk_hooks h = {NULL, on_event, &s};
    int64_t en_cycle = sk_timeline_loop_cycle_ms(set->c[0].timeline);
    int64_t es_cycle = sk_timeline_loop_cycle_ms(set->c[1].timeline);
    sk_kiosk_step(&k, en_cycle - 1, &h);
    CHECK_STR(lang_now(&k), "en");
    sk_kiosk_step(&k, 1, &h);
    CHECK_STR(lang_now(&k), "es");
    sk_tl_view v;
    sk_timeline_view(k.tl, &v);
    CHECK_INT(v.phase_index, 0);
    CHECK_INT(v.elapsed_ms, 0);
    CHECK_INT(v.clock_ms, en_cycle);   /* the clock goes on, nothing lost */
    /* A step across the boundary: the next language runs for the rest. */
    sk_kiosk_step(&k, es_cycle + 500, &h);
    CHECK_STR(lang_now(&k), "de");
    sk_timeline_view(k.tl, &v);
    CHECK_INT(v.elapsed_ms, 500);
    CHECK_INT(v.clock_ms, en_cycle + es_cycle + 500);
    sk_kiosk_step(&k, sk_timeline_loop_cycle_ms(set->c[2].timeline) - 500, &h);
    CHECK_STR(lang_now(&k), "en");   /* round again */
}

/* The loop's second stretch: its intro's index, and *ms to it. */
static int second_stretch(sk_languages *set, int64_t *ms)
{
    int n;
    const sk_phase *ph = sk_timeline_loop_phases(set->c[0].timeline, &n);
    int second = 1;
    while (second < n && ph[second].kind != SK_PH_INTRO) second++;
    CHECK(second < n, "the loop has a second stretch");
    *ms = 0;
    for (int i = 0; i < second; i++) *ms += ph[i].duration_ms;
    return second;
}

static void stretch_order(sk_languages *set)
{
    set->per_stretch = true;
    sk_kiosk k;
    start_kiosk(&k, set);
    seen s = {0};
    sk_kiosk_hooks h = {NULL, on_event, &s};
    const sk_phase *ph = sk_timeline_loop_phases(set->c[0].timeline, NULL);
    int64_t to_second;
    int second = second_stretch(set, &to_second);
    sk_kiosk_step(&k, to_second + 250, &h);
    CHECK_STR(lang_now(&k), "es");
    sk_tl_view v;
    sk_timeline_view(k.tl, &v);
    CHECK_INT(v.phase_index, second);   /* the same stretch, now in Spanish */
    CHECK_INT(v.elapsed_ms, 250);
    CHECK(v.caption && strcmp(v.caption->text, ph[second].cues[0].text) != 0,
          "its caption is Spanish: %s", v.caption ? v.caption->text : "(none)");
    set->per_stretch = false;
}

/* A reload (app.c) makes new timelines and the loop goes on where it
 * was: the language on show (Spanish, by stretch), at the same phase from
 * its start, its first cue spoken again; an index out of range is the
 * first language, a phase out of range the loop's first. */
static void reload_keeps_place(sk_languages *set)
{
    set->per_stretch = true;
    sk_kiosk k;
    start_kiosk(&k, set);
    seen s = {0};
    sk_kiosk_hooks h = {NULL, on_event, &s};
    int n;
    const sk_phase *ph = sk_timeline_loop_phases(set->c[0].timeline, &n);
    int64_t to_second;
    int second = second_stretch(set, &to_second);
    sk_kiosk_step(&k, to_second + 4000, &h);
    CHECK_STR(lang_now(&k), "es");
    sk_timeline *tls[SK_LANGUAGES_MAX];
    for (int i = 0; i < set->count; i++) tls[i] = set->c[i].timeline;
    k.tl = tls[0];   /* as use_languages does */
    sk_kiosk_set_languages(&k, tls, set->count, set->per_stretch);
    sk_kiosk_rejoin(&k, 1, second);
    s.voices = 0;
    sk_kiosk_step(&k, 0, &h);
    sk_tl_view v;
    sk_timeline_view(k.tl, &v);
    CHECK_STR(lang_now(&k), "es");
    CHECK_INT(sk_kiosk_language(&k), 1);
    CHECK(v.mode == SK_TL_LOOP, "in the loop");
    CHECK_INT(v.phase_index, second);
    CHECK_INT(v.elapsed_ms, 0);
    CHECK(s.voices >= 1 && !strcmp(s.first_voice, ph[second].cues[0].key), "its first cue again: %s",
          s.first_voice);
    sk_kiosk_step(&k, 1000, &h);   /* and time goes on in it */
    sk_timeline_view(k.tl, &v);
    CHECK_INT(v.elapsed_ms, 1000);
    sk_kiosk_rejoin(&k, 7, n + 3);
    sk_timeline_view(k.tl, &v);
    CHECK_STR(lang_now(&k), "en");
    CHECK_INT(v.phase_index, 0);
    set->per_stretch = false;
}

static void choose_and_walk_away(sk_languages *set)
{
    sk_kiosk k;
    start_kiosk(&k, set);
    seen s = {0};
    sk_kiosk_hooks h = {NULL, on_event, &s};
    sk_kiosk_step(&k, 5000, &h);
    s.voices = 0;
    CHECK(sk_kiosk_intent(&k, sk_intent_for_language(1), &h), "Español starts a session");
    sk_tl_view v;
    sk_timeline_view(k.tl, &v);
    CHECK(v.mode == SK_TL_SESSION, "a session runs");
    CHECK_STR(lang_now(&k), "es");
    CHECK_INT(sk_kiosk_language(&k), 1);
    CHECK_STR(s.first_voice, "welcome");
    const char *es_welcome = set->c[1].routine->phrases.welcome;
    CHECK(s.first_voice_text && es_welcome && !strcmp(s.first_voice_text, es_welcome),
          "its first cue is the Spanish welcome: %s", s.first_voice_text ? s.first_voice_text : "");
    CHECK(sk_kiosk_intent(&k, sk_intent_for_language(2), &h), "Deutsch on the welcome: again in German");
    CHECK_STR(lang_now(&k), "de");
    /* One session, in the language chosen last: the usage counts and the
     * notify program hear of one start, and of one stop below. */
    CHECK_INT(s.sessions_started, 1);
    /* Walk away: paused and untouched past walk-away and the question. */
    sk_kiosk_intent(&k, SK_INTENT_PAUSE, &h);
    sk_kiosk_step(&k, 60000 + 10000 + 100, &h);
    CHECK_INT(s.sessions_stopped, 1);
    sk_timeline_view(k.tl, &v);
    CHECK(v.mode == SK_TL_LOOP, "back in the loop");
    CHECK_STR(lang_now(&k), "en");   /* the loop's language, from its cycle's start */
    CHECK_INT(v.phase_index, 0);
    CHECK_INT(v.elapsed_ms, 100);
}

/* kiosk.ini's two keys: a good list, and bad ones leave 'language' alone. */
static void config_keys(void)
{
    static const struct { const char *text; int count; bool ok; } cases[] = {
        {"[kiosk]\nlanguages = en, es ,de\nlanguage_switch = stretch\n", 3, true},
        {"[kiosk]\nlanguages =\n", 0, true},
        {"[kiosk]\nlanguages = en, es, en\n", 0, false},
        {"[kiosk]\nlanguages = en, e s\n", 0, false},
        {"[kiosk]\nlanguages = en, es, de, fr, it, pt, nl\n", 0, false},
        {"[kiosk]\nlanguage_switch = daily\n", 0, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sk_config cfg;
        sk_diag d;
        sk_diag_init(&d);
        bool ok = sk_config_load_text(cases[i].text, strlen(cases[i].text), "k.ini", &cfg, &d);
        CHECK(ok == cases[i].ok, "case %zu: %s", i, d.count ? d.items[0].message : "no message");
        CHECK_INT(cfg.language_count, cases[i].count);
        if (i == 0) {
            CHECK_STR(cfg.languages[2], "de");
            CHECK(cfg.language_per_stretch, "stretch");
        }
        sk_diag_free(&d);
        sk_config_free(&cfg);
    }
}

int main(void)
{
    config_keys();
    const char *src = getenv("SK_SOURCE_DIR");
    char assets[4096];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");
    sk_config cfg;
    sk_config_defaults(&cfg);
    sk_strlcpy(cfg.languages[0], "en", sizeof cfg.languages[0]);
    sk_strlcpy(cfg.languages[1], "es", sizeof cfg.languages[1]);
    sk_strlcpy(cfg.languages[2], "de", sizeof cfg.languages[2]);
    sk_strlcpy(cfg.languages[3], "fi", sizeof cfg.languages[3]);   /* no translation */
    cfg.language_count = 4;
    sk_languages set;
    CHECK(sk_languages_load(&set, &cfg, assets, NULL, stderr), "loads");
    CHECK_INT(set.count, 3);   /* fi left out, the others go on */
    if (set.count == 3) {
        CHECK_STR(set.c[1].routine->language, "es");
        CHECK_STR(set.c[2].routine->language, "de");
        CHECK(!set.c[0].fell_back, "no fallback");
        cycle_order(&set);
        stretch_order(&set);
        reload_keeps_place(&set);
        choose_and_walk_away(&set);
    }
    sk_languages_free(&set);

    /* A translation with an error (what --check reports) is left out. */
    char dir[] = "/tmp/sk-lang-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    char base[4200], bad[4200];
    snprintf(base, sizeof base, "%s/r.ini", dir);
    snprintf(bad, sizeof bad, "%s/r-es.ini", dir);
    char cmd[9000];
    /* Sprites by absolute path, so the copies find them. */
    snprintf(cmd, sizeof cmd, "sed 's|^sprite = \\.\\./|sprite = %s/|' '%s/routines/sciatica.ini' > '%s' && "
             "sed -e 's|^sprite = \\.\\./|sprite = %s/|' -e 's/^hold_seconds *=.*/hold_seconds = banana/' "
             "'%s/routines/sciatica-es.ini' > '%s'", assets, assets, base, assets, assets, bad);
    CHECK(system(cmd) == 0, "copies");
    cfg.routine = base;
    cfg.language_count = 2;
    CHECK(sk_languages_load(&set, &cfg, assets, NULL, stderr), "loads");
    CHECK_INT(set.count, 1);
    CHECK_STR(set.c[0].routine->language, "en");
    CHECK(!set.c[0].fell_back, "English goes on");
    sk_languages_free(&set);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0, "clean up");
    return CHECK_DONE();
}
