#include "render/scene.h"

#include <stdio.h>
#include <stdlib.h>

#include "render/draw.h"
#include "text_util.h"

struct sk_scene {
    SDL_Renderer *r;
    const sk_routine *rt;
    sk_scene_opts opts;
    sk_text_cache *text;
};

static const SDL_Color BG = {0x1d, 0x2b, 0x36, 255};
static const SDL_Color PANEL = {0x27, 0x3a, 0x48, 255};
static const SDL_Color TEXT = {0xf4, 0xf1, 0xea, 255};
static const SDL_Color MUTED = {0xb9, 0xc6, 0xcf, 255};
static const SDL_Color HOLD = {0x7f, 0xd1, 0xb9, 255};
static const SDL_Color READY = {0xf2, 0xc1, 0x4e, 255};

sk_scene *sk_scene_create(SDL_Renderer *r, const sk_routine *rt, const sk_scene_opts *o)
{
    sk_scene *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    sc->r = r;
    sc->rt = rt;
    sc->opts = *o;
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", o->assets_dir ? o->assets_dir : ".");
    sc->text = sk_text_cache_create(r, fonts);
    if (!sc->text) {
        free(sc);
        return NULL;
    }
    return sc;
}

void sk_scene_destroy(sk_scene *sc)
{
    if (!sc) return;
    sk_text_cache_destroy(sc->text);
    free(sc);
}

void sk_scene_text_stats(const sk_scene *sc, sk_text_stats *out)
{
    sk_text_cache_stats(sc->text, out);
}

static const char *phase_word(const sk_scene *sc, const sk_phase *p)
{
    const sk_phrases *ph = &sc->rt->phrases;
    switch (p->kind) {
    case SK_PH_GET_READY: return ph->get_ready;
    case SK_PH_HOLD: return ph->hold;
    case SK_PH_REST: return ph->relax;
    case SK_PH_SWITCH: return ph->switch_legs;
    case SK_PH_FINISH: return ph->finish_title;
    case SK_PH_STILL_THERE: return ph->still_there;
    default: return NULL;
    }
}

static void draw_text(sk_scene *sc, const char *s, int px, sk_font_weight wt, SDL_Color c,
                      int wrap, int x, int y, int *h)
{
    int th = 0;
    if (s && *s) sk_text_draw(sc->text, s, px, wt, c, wrap, x, y, 255, NULL, &th);
    if (h) *h = th;
}

static void draw_card(sk_scene *sc, const sk_card *card, int w, int h)
{
    int margin = w / 16, y = h / 8, th;
    draw_text(sc, card->title, h / 14, SK_FONT_BOLD, TEXT, w - 2 * margin, margin, y, &th);
    y += th + h / 30;
    for (int i = 0; i < card->line_count && y < h * 7 / 8; i++) {
        char line[SK_MAX_TEXT + 8];
        snprintf(line, sizeof line, "%s%s", card->bullets ? "\xe2\x80\xa2  " : "", card->lines[i]);
        draw_text(sc, line, h / 24, SK_FONT_REGULAR, TEXT, w - 2 * margin, margin, y, &th);
        y += th + h / 40;
    }
}

void sk_scene_draw(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    SDL_Renderer *r = sc->r;
    SDL_SetRenderDrawColor(r, BG.r, BG.g, BG.b, 255);
    SDL_RenderClear(r);
    const sk_phase *p = v->phase;
    const sk_routine *rt = sc->rt;
    const sk_exercise *ex = p && p->exercise >= 0 ? &rt->exercises[p->exercise] : NULL;
    int margin = w / 24, th;
    int title_px = h / 14, body_px = h / 26 > 14 ? h / 26 : 14;

    if (p && p->kind == SK_PH_CARD && p->card >= 0) {
        draw_card(sc, &rt->cards[p->card], w, h);
    } else if (p && p->kind == SK_PH_WELCOME) {
        int y = h / 6;
        draw_text(sc, rt->phrases.welcome_title, title_px, SK_FONT_BOLD, TEXT, w - 2 * margin, margin, y, &th);
        y += th + h / 20;
        draw_text(sc, rt->phrases.welcome, body_px, SK_FONT_REGULAR, TEXT, w - 2 * margin, margin, y, &th);
        y += th + h / 30;
        draw_text(sc, rt->phrases.safety, body_px, SK_FONT_REGULAR, READY, w - 2 * margin, margin, y, &th);
    } else if (p && (p->kind == SK_PH_FINISH || p->kind == SK_PH_STILL_THERE)) {
        int y = h / 3;
        draw_text(sc, phase_word(sc, p), title_px * 3 / 2, SK_FONT_BOLD, HOLD, w - 2 * margin, margin, y, &th);
        y += th + h / 20;
        if (p->kind == SK_PH_FINISH)
            draw_text(sc, rt->phrases.finish, body_px, SK_FONT_REGULAR, TEXT, w - 2 * margin, margin, y, &th);
    } else if (ex) {
        /* Title across the top; animation panel on the left; countdown and
         * steps on the right. */
        draw_text(sc, ex->name, title_px, SK_FONT_BOLD, TEXT, w - 2 * margin, margin, h / 20, &th);
        int top = h / 20 + th + h / 40;
        SDL_Rect panel = {margin, top, w / 2 - margin, h * 3 / 4 - top};
        sk_draw_round_box(r, panel, h / 40, PANEL);
        int x = w / 2 + margin, y = top, col_w = w / 2 - 2 * margin;
        const char *word = phase_word(sc, p);
        if (p->kind == SK_PH_INTRO) {
            for (int i = 0; i < ex->step_count; i++) {
                char line[SK_MAX_TEXT + 8];
                snprintf(line, sizeof line, "%d.  %s", i + 1, ex->steps[i]);
                draw_text(sc, line, body_px, SK_FONT_REGULAR, TEXT, col_w, x, y, &th);
                y += th + h / 60;
            }
            if (ex->equipment) {
                draw_text(sc, ex->equipment, body_px, SK_FONT_REGULAR, READY, col_w, x, y, &th);
                y += th;
            }
        } else {
            SDL_Color wc = p->kind == SK_PH_GET_READY ? READY : HOLD;
            draw_text(sc, word, title_px, SK_FONT_BOLD, wc, col_w, x, y, &th);
            y += th;
            if (p->kind == SK_PH_GET_READY || p->kind == SK_PH_HOLD || p->kind == SK_PH_REST) {
                char secs[16];
                long long s = (v->remaining_ms + 999) / 1000;
                snprintf(secs, sizeof secs, "%lld", s);
                draw_text(sc, secs, h / 4, SK_FONT_BOLD, wc, 0, x, y, &th);
                y += th;
            }
            if (p->rep > 0) {
                char rep[128], line[300];
                sk_phrase_format(rep, sizeof rep, rt->phrases.rep_of, p->rep, p->reps, ex->name);
                const char *leg = p->leg == SK_LEG_PAINFUL ? rt->phrases.painful_leg
                                : p->leg == SK_LEG_OTHER  ? rt->phrases.other_leg : NULL;
                snprintf(line, sizeof line, "%s%s%s", rep, leg ? "  \xc2\xb7  " : "", leg ? leg : "");
                draw_text(sc, line, body_px, SK_FONT_REGULAR, MUTED, col_w, x, y, &th);
            }
        }
    }

    /* Caption: the words being spoken, for muted waiting rooms. */
    if (v->caption && v->caption->text && p && p->kind != SK_PH_CARD) {
        int cap_px = h / 28 > 14 ? h / 28 : 14;
        int cw, ch;
        if (sk_text_get(sc->text, v->caption->text, cap_px, SK_FONT_REGULAR, TEXT, w - 2 * margin, &cw, &ch))
            draw_text(sc, v->caption->text, cap_px, SK_FONT_REGULAR, TEXT, w - 2 * margin,
                      (w - cw) / 2, h * 7 / 8 - ch / 2, NULL);
    }
    if (v->paused)
        draw_text(sc, rt->phrases.paused, title_px, SK_FONT_BOLD, READY, 0, margin, h / 2, NULL);
    if (sc->opts.touch && v->mode == SK_TL_LOOP)
        draw_text(sc, rt->phrases.tap_to_start, body_px, SK_FONT_BOLD, READY, 0, margin, h * 15 / 16 - body_px, NULL);
    if (sc->opts.fell_back)
        draw_text(sc, rt->phrases.fallback_note, h / 45 > 12 ? h / 45 : 12, SK_FONT_REGULAR, MUTED, w / 2,
                  w / 2, h / 100, NULL);

    /* Progress through the session or the loop cycle. */
    SDL_Rect track = {0, h - h / 80, w, h / 80};
    sk_draw_fill(r, track, PANEL);
    track.w = (int)(w * (v->progress < 0 ? 0 : v->progress > 1 ? 1 : v->progress));
    sk_draw_fill(r, track, HOLD);
    sk_text_cache_end_frame(sc->text);
}
