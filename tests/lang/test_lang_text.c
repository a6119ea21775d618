/* Every kind of screen of every shipped language, at 800x480 and portrait
 * 480x800 (the Pi's touch display both ways up: the smallest the kiosk
 * meets, where text is tightest), as a kiosk of three languages draws them (the
 * tag, and the language buttons with the invitation): every phase of the
 * loop's first round and every card of its cycle, and every phase of a
 * whole guided session (of each leg's reps the first and the last), so each language's
 * longest strings (German's compound words, Spanish's longer sentences)
 * are all laid out. sk_scene_check_text judges each settled frame: every
 * line inside the picture, at or above the layout's floor (3 % of the
 * height), over no other line; long words are broken or shrunk, never off
 * screen. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "scene.h"
#include "text_util.h"

static char assets[4096];
/* How many languages the kiosk offers: 3 (a tag and the language buttons
 * take room) or 1 (the layout's boxes come out otherwise: German's leg
 * word was cut beside a larger ring at 480x800 with one language). */
static int kiosk_languages = 3;

typedef struct rig {
    SDL_Surface *surf;
    SDL_Renderer *r;
    sk_content c;
    sk_scene *sc;
} rig;

static bool rig_open(rig *g, const char *lang, int w, int h)
{
    memset(g, 0, sizeof *g);
    char path[4200];
    snprintf(path, sizeof path, "%s/routines/sciatica-%s.ini", assets, lang);
    g->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    g->r = g->surf ? SDL_CreateSoftwareRenderer(g->surf) : NULL;
    if (!g->r || !sk_content_load(&g->c, strcmp(lang, "en") ? path : NULL, assets, NULL, stderr))
        return false;
    CHECK(!g->c.fell_back && !strcmp(g->c.routine->language, lang), "%s loads", lang);
    for (int i = 0; i < g->c.routine->exercise_count; i++) {   /* the still figure: faster */
        free(g->c.routine->exercises[i].sprite);
        g->c.routine->exercises[i].sprite = NULL;
    }
    sk_scene_opts o = {.assets_dir = assets, .touch = true, .languages = kiosk_languages,
                       .language_names = {"English", "Español", "Deutsch"}};
    g->sc = sk_scene_create(g->r, g->c.routine, &o);
    return g->sc != NULL;
}

static void rig_close(rig *g)
{
    sk_scene_destroy(g->sc);
    sk_content_free(&g->c);
    if (g->r) SDL_DestroyRenderer(g->r);
    if (g->surf) SDL_FreeSurface(g->surf);
}

/* rig_open, checked; false (and nothing left open) when it failed. */
static bool rig_ready(rig *g, const char *lang, int w, int h)
{
    CHECK(rig_open(g, lang, w, h), "%s %dx%d rig", lang, w, h);
    if (g->sc) return true;
    rig_close(g);
    return false;
}

/* How many phases the loop's first round has: up to the first exercise's
 * intro coming again (later rounds repeat it). */
static int loop_round(const sk_phase *lp, int n)
{
    for (int i = 1; i < n; i++)
        if (lp[i].kind == SK_PH_INTRO && lp[i].exercise == lp[0].exercise) return i;
    return n;
}

static void step(rig *g, int64_t ms)
{
    sk_timeline_step(g->c.timeline, ms);
    sk_event ev;
    while (sk_timeline_poll(g->c.timeline, &ev)) {}
}

/* Draws now and 1 s on (settled: past the cross-fade), then judges. */
static int judge(rig *g, const char *what, int *phases)
{
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    sk_scene_draw(g->sc, &v, g->surf->w, g->surf->h);
    step(g, 1000);
    sk_timeline_view(g->c.timeline, &v);
    sk_scene_draw(g->sc, &v, g->surf->w, g->surf->h);
    SDL_RenderFlush(g->r);
    char why[256];
    int bad = sk_scene_check_text(g->sc, why, sizeof why);
    CHECK(bad == 0, "%s %s %s %d: %d text problems: %s", g->c.routine->language, what,
          sk_phase_name(v.phase->kind), v.phase_index, bad, why);
    /* What a tap does must read whole (German's invitation lost its verb
     * to "…" at 480x800), and so must the leg's word beside the ring and
     * every step of the exercise on screen, the equipment and the caution
     * (at 480x800 in touch mode each step was cut after three lines). */
    const sk_phrases *ph = &g->c.routine->phrases;
    const sk_routine *rt = g->c.routine;
    const sk_exercise *ex = v.phase->exercise >= 0 ? &rt->exercises[v.phase->exercise] : NULL;
    const char *whole[4 + SK_MAX_STEPS] = {ph->tap_to_start, ph->painful_leg, ph->other_leg};
    size_t nw = 3;
    for (int i = 0; ex && i < ex->step_count; i++) whole[nw++] = ex->steps[i];
    if (ex) whole[nw++] = ex->equipment;
    if (ex) whole[nw++] = ex->caution;
    for (size_t k = 0; k < nw; k++) {
        char first[256];
        if (whole[k] && *whole[k])
            CHECK(sk_scene_cut_lines(g->sc, whole[k], first, sizeof first) == 0, "%s %s %s %d: \"%s\" cut short: %s",
                  g->c.routine->language, what, sk_phase_name(v.phase->kind), v.phase_index, whole[k], first);
    }
    (*phases)++;
    return bad;
}

static void one(const char *lang, int w, int h)
{
    rig g;
    if (!rig_ready(&g, lang, w, h)) return;
    int n, phases = 0;
    sk_timeline_loop_phases(g.c.timeline, &n);
    char what[64];
    snprintf(what, sizeof what, "%dx%d %d-language loop", w, h, kiosk_languages);
    /* The whole cycle, each phase 0.5 s in: the exercises' screens of its
     * first round (later rounds repeat them) and every card. */
    const sk_phase *lp = sk_timeline_loop_phases(g.c.timeline, &n);
    int round = loop_round(lp, n), judged_loop = 0;
    for (int i = 0; i < n; i++) {
        sk_tl_view v;
        sk_timeline_view(g.c.timeline, &v);
        step(&g, 500 - v.elapsed_ms > 0 ? 500 - v.elapsed_ms : 0);
        if (i < round || lp[i].kind == SK_PH_CARD) {
            judge(&g, what, &phases);
            judged_loop++;
        }
        sk_timeline_view(g.c.timeline, &v);
        step(&g, v.remaining_ms);
    }
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    snprintf(what, sizeof what, "%dx%d %d-language session", w, h, kiosk_languages);
    int sn;
    const sk_phase *sp = sk_timeline_session_phases(g.c.timeline, &sn);
    int judged_session = 0;
    for (int i = 0; i < sn; i++) {   /* each phase (of the reps the first and last), then skip on */
        if (sp[i].rep <= 1 || sp[i].rep == sp[i].reps) {
            judge(&g, what, &phases);
            judged_session++;
        }
        sk_timeline_intent(g.c.timeline, SK_INTENT_SKIP);
        step(&g, 0);
    }
    CHECK(phases == judged_loop + judged_session && judged_loop > round, "%s %dx%d: %d screens judged", lang, w, h, phases);
    printf("%s %dx%d, %d language(s): %d screens judged\n", lang, w, h, kiosk_languages, phases);
    rig_close(&g);
}

/* The session's welcome holds the safety note: never cut short, in any
 * language, at the sizes a kiosk meets (the German one was cut with "…"
 * on a 1080x1920 portrait screen with the language tag; the welcome gave
 * it room by losing its last words, until that welcome was made shorter). */
static void welcome_whole(const char *lang, int w, int h)
{
    rig g;
    if (!rig_ready(&g, lang, w, h)) return;
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    step(&g, 0);
    sk_tl_view v;
    sk_timeline_view(g.c.timeline, &v);
    CHECK(v.phase->kind == SK_PH_WELCOME, "%s: a session opens with %s", lang, sk_phase_name(v.phase->kind));
    sk_scene_draw(g.sc, &v, w, h);
    step(&g, 1000);
    sk_timeline_view(g.c.timeline, &v);
    sk_scene_draw(g.sc, &v, w, h);
    char first[256];
    const char *note = g.c.routine->phrases.safety;
    int cut = sk_scene_cut_lines(g.sc, note, first, sizeof first);
    CHECK(note && *note && cut == 0, "%s %dx%d welcome: the safety note cut short: %s", lang, w, h, first);
    /* So is the welcome itself, and nothing else on the screen is cut;
     * the language buttons are there to choose another (the session
     * starts again in it). */
    const char *welcome = g.c.routine->phrases.welcome;
    CHECK(sk_scene_cut_lines(g.sc, welcome, first, sizeof first) == 0, "%s %dx%d welcome: its text cut short: %s",
          lang, w, h, first);
    int cut_all = sk_scene_cut_lines(g.sc, NULL, NULL, 0);
    CHECK(cut_all == 0, "%s %dx%d welcome: %d line(s) on screen cut short", lang, w, h, cut_all);
    const sk_layout *L = sk_scene_layout(g.sc);
    CHECK(L && L->in.languages == kiosk_languages, "%s %dx%d welcome: %d language buttons", lang, w, h,
          L ? L->in.languages : -1);
    /* A first tap on Stop asks for a second, in words read whole. */
    sk_timeline_intent(g.c.timeline, SK_INTENT_STOP);
    step(&g, 100);
    sk_timeline_view(g.c.timeline, &v);
    sk_scene_draw(g.sc, &v, w, h);
    const char *again = g.c.routine->phrases.stop_again;
    CHECK(v.stop_pending && sk_scene_cut_lines(g.sc, again, first, sizeof first) == 0,
          "%s %dx%d welcome: the stop confirmation cut short: %s", lang, w, h, first);
    rig_close(&g);
}

/* S without any blank, for comparing text shown in lines with its source. */
static void squeeze(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t') out[n++] = *s;
    out[n] = '\0';
}

/* Every caption is shown whole over its cue's time: never cut with "…",
 * and the lines shown in the caption box, page after page, are the cue's
 * words in order (a long one at 480x800 takes two to four pages). Over
 * the loop's first round, and a guided session's phases. */
/* The captions already followed at this size: the session says many of
 * the loop's words again, and each text needs following once. */
static const char *followed[512];
static int followed_n;

static bool already_followed(const char *text)
{
    for (int i = 0; i < followed_n; i++)
        if (!strcmp(followed[i], text)) return true;
    if (followed_n < (int)(sizeof followed / sizeof followed[0])) followed[followed_n++] = text;
    return false;
}

static int captions_in_phase(rig *g, const char *what, int *paged)
{
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    const sk_phase *p = v.phase;
    int cues = 0;
    /* Cards, the welcome and the finish show their words on the screen itself. */
    if (!p || p->kind == SK_PH_CARD || p->kind == SK_PH_WELCOME || p->kind == SK_PH_FINISH) return 0;
    for (int i = 0; i < p->cue_count; i++) {
        const sk_cue *c = &p->cues[i];
        int64_t end = i + 1 < p->cue_count ? p->cues[i + 1].at_ms : p->duration_ms;
        if (!c->text || !*c->text || end <= c->at_ms || already_followed(c->text)) continue;
        sk_timeline_view(g->c.timeline, &v);
        if (v.phase != p || v.elapsed_ms > c->at_ms) continue;
        step(g, c->at_ms - v.elapsed_ms);
        char seen[4 * SK_MAX_TEXT] = "", last[2 * SK_MAX_TEXT] = "", shown[2 * SK_MAX_TEXT];
        int pages = 0, cut = 0;
        char first_cut[256] = "";
        const sk_layout *L = NULL;
        char want[2 * SK_MAX_TEXT], got[4 * SK_MAX_TEXT];
        squeeze(c->text, want, sizeof want);
        /* Looked at every 700 ms while the voice reads (the pages' time:
         * under 70 ms a character; a page but the last holds two lines,
         * 2 s or more), then at the cue's end; once when all of it shows
         * at once. */
        int64_t reading = c->at_ms + (int64_t)strlen(c->text) * 70;
        for (int64_t t = c->at_ms;; t = t + 700 < reading ? t + 700 : end - 1) {
            if (t > end - 1) t = end - 1;
            sk_timeline_view(g->c.timeline, &v);
            if (v.phase != p) break;
            step(g, t - v.elapsed_ms);
            sk_timeline_view(g->c.timeline, &v);
            sk_scene_draw(g->sc, &v, g->surf->w, g->surf->h);
            L = sk_scene_layout(g->sc);
            if (v.caption == c && L) {
                cut += sk_scene_cut_lines(g->sc, c->text, cut ? NULL : first_cut, sizeof first_cut);
                SDL_Rect box = {L->caption.x, L->caption.y, L->caption.w, L->caption.h};
                sk_scene_lines_in(g->sc, box, shown, sizeof shown);
                if (*shown && strcmp(shown, last)) {
                    snprintf(last, sizeof last, "%s", shown);
                    size_t u = strlen(seen);
                    snprintf(seen + u, sizeof seen - u, "%s%s", u ? " " : "", shown);
                    pages++;
                }
            }
            squeeze(seen, got, sizeof got);
            if (t >= end - 1 || (pages == 1 && !strcmp(want, got))) break;
        }
        squeeze(seen, got, sizeof got);
        CHECK(cut == 0, "%s %s cue %s: a caption line cut short: %s", g->c.routine->language, what, c->key,
              first_cut);
        CHECK(!strcmp(want, got), "%s %s cue %s: the caption box showed \"%s\" for \"%s\"",
              g->c.routine->language, what, c->key, seen, c->text);
        /* Pages are balanced: the last is never a lone word after full
         * ones (an English caption ended on "equipment." alone). */
        CHECK(pages < 2 || strchr(last, ' '), "%s %s cue %s: its last page is one word: \"%s\"",
              g->c.routine->language, what, c->key, last);
        if (pages > 1) (*paged)++;
        cues++;
    }
    return cues;
}

static void captions_whole(const char *lang, int w, int h)
{
    rig g;
    if (!rig_ready(&g, lang, w, h)) return;
    followed_n = 0;
    int n, cues = 0, paged = 0;
    const sk_phase *lp = sk_timeline_loop_phases(g.c.timeline, &n);
    int round = loop_round(lp, n);
    for (int i = 0; i < round; i++) {
        cues += captions_in_phase(&g, "loop", &paged);
        sk_tl_view v;
        sk_timeline_view(g.c.timeline, &v);
        step(&g, v.remaining_ms);
    }
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    step(&g, 0);
    int sn;
    const sk_phase *sp = sk_timeline_session_phases(g.c.timeline, &sn);
    for (int i = 0; i < sn; i++) {   /* of each leg's reps the first and the last */
        if (sp[i].rep <= 1 || sp[i].rep == sp[i].reps) cues += captions_in_phase(&g, "session", &paged);
        sk_timeline_intent(g.c.timeline, SK_INTENT_SKIP);
        step(&g, 0);
    }
    printf("%s %dx%d: %d captions followed, %d of them in pages\n", lang, w, h, cues, paged);
    CHECK(cues > 20, "%s %dx%d: %d captions followed", lang, w, h, cues);   /* 36 different ones in each */
    /* The probe can fail: at 480x800 the long steps need pages. */
    if (w == 480) CHECK(paged > 0, "%s %dx%d: no caption needed pages", lang, w, h);
    rig_close(&g);
}

int main(void)
{
    check_path(assets, sizeof assets, "assets");
    static const int sizes[][2] = {{800, 480}, {480, 800}};   /* the Pi touch display, both ways up */
    for (kiosk_languages = 3; kiosk_languages >= 1; kiosk_languages -= 2)
        for (int l = 0; l < 3; l++)
            for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
                one((const char *[]){"en", "es", "de"}[l], sizes[s][0], sizes[s][1]);
    kiosk_languages = 3;
    for (int l = 0; l < 3; l++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            captions_whole((const char *[]){"en", "es", "de"}[l], sizes[s][0], sizes[s][1]);
    static const int welcome_sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}, {1080, 1920}};
    for (int l = 0; l < 3; l++)
        for (size_t s = 0; s < sizeof welcome_sizes / sizeof welcome_sizes[0]; s++)
            welcome_whole((const char *[]){"en", "es", "de"}[l], welcome_sizes[s][0], welcome_sizes[s][1]);
    return CHECK_DONE();
}
