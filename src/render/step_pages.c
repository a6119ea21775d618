/* An exercise's steps when they do not all fit their box at a readable
 * size: pages at one size, turning every few seconds, or showing the page
 * the voice reads from; a step too long for a page of its own at the floor
 * (a German step in portrait) in pieces of whole lines, read along. */
#include "scene_parts.h"

#include <string.h>

#define STEP_PIECES_MAX 32

typedef struct step_pieces {
    int n;
    const char *text[STEP_PIECES_MAX];
    para_style st[STEP_PIECES_MAX];
    int para[STEP_PIECES_MAX];     /* which paragraph it is a piece of */
    int start[STEP_PIECES_MAX];    /* its first byte in that paragraph */
    char buf[STEP_PIECES_MAX][SK_MAX_TEXT + 1];
} step_pieces;

static void add_piece(step_pieces *sp, const char *para, int i, para_style st, int start, int end)
{
    int k = sp->n++;
    int len = end - start < SK_MAX_TEXT ? end - start : SK_MAX_TEXT;
    memcpy(sp->buf[k], para + start, (size_t)len);
    sp->buf[k][len] = '\0';
    sp->text[k] = sp->buf[k];
    sp->st[k] = st;
    if (start > 0) sp->st[k].marker = NULL;   /* a step's number once, on its first piece */
    sp->para[k] = i;
    sp->start[k] = start;
}

/* Each paragraph as one piece, or, when it does not fit the box alone at
 * size pf, as pieces of as many whole lines as the box holds. */
static void split_paras(sk_scene *sc, const char *const *paras, const para_style *st, int n,
                        SDL_Rect box, int pf, int indent_em10, step_pieces *sp)
{
    sp->n = 0;
    for (int i = 0; i < n && sp->n < STEP_PIECES_MAX; i++) {
        int len = (int)strlen(paras[i]);
        sk_wrap_opts one = {.box_w = box.w, .box_h = box.h, .font_max = pf, .font_min = pf};
        const sk_wrap *w = sk_sc_wrap_indented(sc, paras + i, 1, &one, indent_em10, SK_FONT_REGULAR);
        int room = STEP_PIECES_MAX - sp->n - (n - 1 - i);   /* one each for those after */
        if (w && !w->fits && room > 1) {
            sk_wrap_opts all = one;
            all.box_h = 1 << 20;
            w = sk_sc_wrap_indented(sc, paras + i, 1, &all, indent_em10, SK_FONT_REGULAR);
            if (w && w->fits && w->line_count > 1 && w->line_h > 0) {
                int first[STEP_PIECES_MAX + 1], starts[STEP_PIECES_MAX + 1];
                int k = sk_sc_split_lines(w->line_count, box.h / w->line_h, room, first);
                for (int j = 0; j < k; j++) starts[j] = j ? w->lines[first[j]].start : 0;
                starts[k] = len;
                for (int j = 0; j < k; j++) add_piece(sp, paras[i], i, st[i], starts[j], starts[j + 1]);
                continue;
            }
        }
        add_piece(sp, paras[i], i, st[i], 0, len);
    }
}

/* The piece the voice is reading of paragraph 'reading': by the time since
 * its cue began, as the caption's pages turn. */
static int reading_piece(sk_scene *sc, const sk_tl_view *v, const step_pieces *sp, int reading)
{
    int a = 0;
    while (a < sp->n && sp->para[a] != reading) a++;
    int b = a;
    while (b < sp->n && sp->para[b] == reading) b++;
    if (b - a <= 1 || !v->caption) return a;
    const sk_phase *p = v->phase;
    const sk_cue *c = v->caption;
    int64_t span = 0;
    if (c >= p->cues && c < p->cues + p->cue_count)
        span = (c + 1 < p->cues + p->cue_count ? c[1].at_ms : p->duration_ms) - c->at_ms;
    int total = sp->start[b - 1] + (int)strlen(sp->text[b - 1]);
    int64_t next = -1;
    int k = sk_sc_piece_at(sp->start + a, b - a, total, v->elapsed_ms - c->at_ms, span, &next);
    if (next > 0 && sk_sc_time_runs(v)) sk_sc_hint(sc, next);
    return a + k;
}

void sk_sc_build_step_pages(sk_scene *sc, dlist *d, const sk_tl_view *v, const char *const *paras,
                            const para_style *st, int n, SDL_Rect box, int reading, const sk_wrap_opts *o,
                            int indent_em10)
{
    /* One size for every page: the largest at which each paragraph fits a
     * page of its own, down to the floor. */
    int pf = o->font_max;
    for (int i = 0; i < n; i++) {
        const sk_wrap *one = sk_sc_wrap(sc, paras + i, 1, o, SK_FONT_REGULAR);
        if (one && one->font_px < pf) pf = one->font_px;
    }
    static step_pieces sp;   /* 32 KB; the scene draws on one thread */
    split_paras(sc, paras, st, n, box, pf, indent_em10, &sp);
    sk_wrap_opts po = {.box_w = box.w, .box_h = box.h, .font_max = pf, .font_min = pf,
                       .indent = pf * indent_em10 / 10};
    int starts[STEP_PIECES_MAX + 1], pages = 0;
    for (int i = 0; i < sp.n;) {
        int j = i + 1;
        while (j < sp.n && j - i < SK_WRAP_MAX_PARAS) {
            const sk_wrap *ww = sk_sc_wrap(sc, sp.text + i, j + 1 - i, &po, SK_FONT_REGULAR);
            if (!ww || !ww->fits) break;
            j++;
        }
        starts[pages++] = i;
        i = j;
    }
    starts[pages] = sp.n;
    int64_t t = v->elapsed_ms < 0 ? 0 : v->elapsed_ms;
    int cur = (int)((t / STEP_PAGE_MS) % pages);
    float a = 1;
    if (reading >= 0) {
        int piece = reading_piece(sc, v, &sp, reading);
        for (int p = 0; p < pages; p++)
            if (piece >= starts[p] && piece < starts[p + 1]) cur = p;
    } else {
        /* Out, then in: two pages never show over each other. */
        int64_t in_page = t % STEP_PAGE_MS;
        if (sk_sc_time_runs(v)) {
            if ((in_page < PAGE_FADE_MS && t >= STEP_PAGE_MS) || STEP_PAGE_MS - in_page <= PAGE_FADE_MS)
                sk_sc_hint(sc, 0);
            else
                sk_sc_hint(sc, STEP_PAGE_MS - PAGE_FADE_MS - in_page);
        }
        if (in_page < PAGE_FADE_MS && t >= STEP_PAGE_MS) a = (float)in_page / PAGE_FADE_MS;
        if (STEP_PAGE_MS - in_page < PAGE_FADE_MS) a = (float)(STEP_PAGE_MS - in_page) / PAGE_FADE_MS;
    }
    for (int p = 0; p < pages; p++) {
        Uint8 alpha = p == cur ? (Uint8)clampf(a * 255.0f + 0.5f, 1, 255) : 0;
        sk_sc_add_paras(sc, d, sp.text + starts[p], sp.st + starts[p], starts[p + 1] - starts[p], box, pf, pf,
                        SK_FONT_REGULAR, AL_LEFT, false, indent_em10, alpha);
    }
}
