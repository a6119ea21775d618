/* The captions: the words of the voice cue being spoken, in the caption
 * box; a caption too long for it even at the floor, in pages timed to the
 * voice. */
#include "scene_parts.h"

#include <string.h>

/* A caption that does not fit its box even at the floor (a 200-character
 * German step at 480x800) is shown in pages, as subtitles are: as many
 * whole lines as the box holds at the caption's own size, one page after
 * the other while the voice reads them, each at its share of the reading
 * time by its length, the last until the next cue (read_along.c). */
#define CAPTION_PAGES_MAX 12

typedef struct caption_pages {
    int n;
    int start[CAPTION_PAGES_MAX], end[CAPTION_PAGES_MAX];   /* bytes of the text */
} caption_pages;

static void caption_paginate(sk_scene *sc, const char *text, SDL_Rect box, caption_pages *pg)
{
    const sk_layout *L = &sc->L;
    pg->n = 1;
    pg->start[0] = 0;
    pg->end[0] = (int)strlen(text);
    const char *p[1] = {text};
    sk_wrap_opts o = {.box_w = box.w, .box_h = box.h, .font_max = L->font_caption,
                      .font_min = L->font_min < L->font_caption ? L->font_min : L->font_caption};
    const sk_wrap *w = sk_sc_wrap_indented(sc, p, 1, &o, 0, SK_FONT_REGULAR);
    if (!w || !w->truncated) return;   /* fits, shrunk within the limits as any text */
    sk_wrap_opts all = {.box_w = box.w, .box_h = 1 << 20, .font_max = L->font_caption,
                        .font_min = L->font_caption};
    w = sk_sc_wrap_indented(sc, p, 1, &all, 0, SK_FONT_REGULAR);
    if (!w || w->truncated || w->line_count < 2 || w->line_h <= 0) return;
    int first[CAPTION_PAGES_MAX + 1];
    pg->n = sk_sc_split_lines(w->line_count, box.h / w->line_h, CAPTION_PAGES_MAX, first);
    for (int k = 0; k < pg->n; k++) {
        const sk_wrap_line *last = &w->lines[first[k + 1] - 1];
        pg->start[k] = w->lines[first[k]].start;
        pg->end[k] = last->start + last->len;
    }
}

static void add_caption_page(sk_scene *sc, dlist *d, const char *text, const caption_pages *pg, int k,
                             Uint8 alpha)
{
    const sk_layout *L = &sc->L;
    char buf[SK_MAX_TEXT + 1];
    int len = pg->end[k] - pg->start[k];
    if (len <= 0) return;
    if (len > SK_MAX_TEXT) len = SK_MAX_TEXT;
    memcpy(buf, text + pg->start[k], (size_t)len);
    buf[len] = '\0';
    sk_sc_add_line(sc, d, buf, R(L->caption), L->font_caption, L->font_min, SK_FONT_REGULAR,
                   pal(SK_COL_TEXT), AL_CENTRE, true, alpha);
}

/* Captions: the words of the current voice cue, for muted waiting rooms.
 * All of this phase's captions (every page) are laid out (warm-only) when
 * it starts, so turning a page renders no text. */
void sk_sc_build_caption(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    if (!p) return;
    bool confirm = v->stop_pending && !sk_rect_empty(L->controls[SK_CTL_STOP]);
    if (confirm) {
        /* On a band of its own, outlined in the warning colour: the
         * welcome's texts may reach down over the caption box (its room). */
        SDL_Rect band = R(L->caption);
        sk_sc_add_rrect(d, band, L->panel_radius, 0, pal(SK_COL_BG), 255);
        sk_sc_add_rrect(d, band, L->panel_radius, L->dialog_border, pal(SK_COL_WARN), 255);
        sk_sc_add_line(sc, d, W_STOP_AGAIN, band, L->font_caption, L->font_min, SK_FONT_BOLD, pal(SK_COL_WARN),
                       AL_CENTRE, true, 255);
    }
    if (p->kind == SK_PH_CARD || p->kind == SK_PH_WELCOME || p->kind == SK_PH_FINISH) return;
    for (int i = 0; i < p->cue_count; i++) {
        const sk_cue *c = &p->cues[i];
        if (!c->text || !*c->text) continue;
        bool now = v->caption == c && !confirm;
        caption_pages pg;
        caption_paginate(sc, c->text, R(L->caption), &pg);
        int shown = -1;
        if (now) {
            int64_t span = (i + 1 < p->cue_count ? p->cues[i + 1].at_ms : p->duration_ms) - c->at_ms;
            int64_t next = -1;
            shown = sk_sc_piece_at(pg.start, pg.n, pg.end[pg.n - 1], v->elapsed_ms - c->at_ms, span, &next);
            if (next > 0 && sk_sc_time_runs(v)) sk_sc_hint(sc, next);
        }
        for (int k = 0; k < pg.n; k++) add_caption_page(sc, d, c->text, &pg, k, k == shown ? 255 : 0);
    }
    if (!confirm && v->caption && v->caption->text &&
        (v->caption < p->cues || v->caption >= p->cues + p->cue_count))
        sk_sc_add_line(sc, d, v->caption->text, R(L->caption), L->font_caption, L->font_min, SK_FONT_REGULAR,
                 pal(SK_COL_TEXT), AL_CENTRE, true, 255);
}
