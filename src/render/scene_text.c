/* Text in the scene: wrapping (sk_text_wrap, with SDL_ttf measuring) and
 * ellipses, both cached; text items; the ring's digits. */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

/* ---- text ------------------------------------------------------------- */

typedef struct measure_ctx {
    sk_scene *sc;
    sk_font_weight weight;
} measure_ctx;

static int measure_cb(void *user, const char *s, int px)
{
    measure_ctx *m = user;
    int w = 0, h = 0;
    if (!sk_text_measure(m->sc->text, s, px, m->weight, &w, &h)) return -1;
    return w;
}

/* A wrap result from the cache (wrapping measures text many times). NULL
 * when there is no font. */
const sk_wrap *sk_sc_wrap(sk_scene *sc, const char *const *paras, int n,
                                  const sk_wrap_opts *o, sk_font_weight wt)
{
    uint64_t k = SK_HASH_INIT;
    for (int i = 0; i < n; i++) k = sk_hash_str(k, paras[i]);
    k = sk_hash_bytes(k, o, sizeof *o);
    k = sk_hash_int(k, wt);
    k = sk_hash_int(k, n);
    int slot = 0;
    for (int i = 0; i < WRAP_CACHE; i++) {
        if (sc->wraps[i].used && sc->wraps[i].key == k) {
            sc->wraps[i].used = ++sc->wrap_tick;
            return &sc->wraps[i].w;
        }
        if (sc->wraps[i].used < sc->wraps[slot].used) slot = i;
    }
    measure_ctx m = {sc, wt};
    wrap_entry *e = &sc->wraps[slot];
    if (!sk_text_wrap(paras, n, o, measure_cb, &m, &e->w)) {
        e->used = 0;
        return NULL;
    }
    e->key = k;
    e->used = ++sc->wrap_tick;
    return &e->w;
}

int sk_sc_text_w(sk_scene *sc, const char *s, int px, sk_font_weight wt)
{
    int w = 0, h = 0;
    if (!s || !*s || !sk_text_measure(sc->text, s, px, wt, &w, &h)) return 0;
    return w;
}

/* Width of text that will be drawn anyway: from its cached texture, so a
 * steady frame measures nothing (measuring at another size would make
 * SDL_ttf re-size its font and drop its glyph cache every frame). */
int sk_sc_tex_w(sk_scene *sc, const char *s, int px, sk_font_weight wt)
{
    int w = 0, h = 0;
    if (!s || !*s || !sk_text_get(sc->text, s, px, wt, pal(SK_COL_TEXT), 0, &w, &h)) return 0;
    return w;
}

/* A line cut short with an ellipsis, remembered: finding the cut measures
 * the line several times. */
static const char *ellipsize(sk_scene *sc, const char *line, int px, sk_font_weight wt, int room,
                             int *width)
{
    uint64_t k = sk_hash_int(sk_hash_int(sk_hash_int(sk_hash_str(SK_HASH_INIT, line), px), wt), room);
    int slot = 0;
    for (int i = 0; i < ELLIPSIS_CACHE; i++) {
        if (sc->ell[i].used && sc->ell[i].key == k) {
            sc->ell[i].used = ++sc->wrap_tick;
            *width = sc->ell[i].width;
            return sc->ell[i].text;
        }
        if (sc->ell[i].used < sc->ell[slot].used) slot = i;
    }
    char buf[SK_MAX_TEXT + 8];
    size_t cut = sk_strlcpy(buf, line, sizeof buf);
    if (cut >= sizeof buf) cut = strlen(buf);
    int tw = 0;
    for (;;) {
        char tmp[SK_MAX_TEXT + 8];
        memcpy(tmp, buf, cut);
        tmp[cut] = '\0';
        sk_strlcat(tmp, "\xe2\x80\xa6", sizeof tmp);
        tw = sk_sc_text_w(sc, tmp, px, wt);
        if (tw <= room || cut == 0) {
            sk_strlcpy(sc->ell[slot].text, tmp, sizeof sc->ell[slot].text);
            break;
        }
        do cut--; while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80);
    }
    sc->ell[slot].key = k;
    sc->ell[slot].used = ++sc->wrap_tick;
    sc->ell[slot].width = tw;
    *width = tw;
    return sc->ell[slot].text;
}

item *sk_sc_add_text(sk_scene *sc, dlist *d, const char *s, size_t n, int px, sk_font_weight wt,
                      SDL_Color c, float x, float y, Uint8 alpha)
{
    (void)sc;
    if (!s || n == 0) return NULL;
    item *it = sk_dl_add(d, IT_TEXT);
    if (!it) return NULL;
    it->text = sk_dl_str(d, s, n);
    if (it->text < 0) {
        d->n--;
        return NULL;
    }
    it->px = px;
    it->weight = wt;
    it->c1 = c;
    it->box = (SDL_FRect){x, y, 0, 0};
    it->alpha = alpha;
    it->warm_only = alpha == 0;
    sk_dl_key(d, it);
    return it;
}

const sk_wrap *sk_sc_wrap_indented(sk_scene *sc, const char *const *paras, int n, sk_wrap_opts *o,
                                   int indent_em10, sk_font_weight wt)
{
    o->indent = 0;
    /* The indent depends on the size chosen; a first pass at font_max
     * gives it, a second with the indent of the size found settles it. */
    if (indent_em10 > 0) o->indent = o->font_max * indent_em10 / 10;
    const sk_wrap *w = sk_sc_wrap(sc, paras, n, o, wt);
    if (w && indent_em10 > 0 && w->font_px != o->font_max) {
        o->indent = w->font_px * indent_em10 / 10;
        const sk_wrap *w2 = sk_sc_wrap(sc, paras, n, o, wt);
        if (w2) w = w2;
    }
    return w;
}

/* Wraps paragraphs into box and adds their lines. Vertical: top, or centred
 * when vcentre. Returns the height used (0 when nothing fits or no font). */
int sk_sc_add_paras(sk_scene *sc, dlist *d, const char *const *paras, const para_style *st,
                     int n, SDL_Rect box, int font_max, int font_min, sk_font_weight wt,
                     align al, bool vcentre, int indent_em10, Uint8 alpha)
{
    if (n <= 0 || box.w <= 0 || box.h <= 0) return 0;
    if (font_min > font_max) font_min = font_max;
    sk_wrap_opts o = {.box_w = box.w, .box_h = box.h, .font_max = font_max,
                      .font_min = font_min, .indent = 0};
    const sk_wrap *w = sk_sc_wrap_indented(sc, paras, n, &o, indent_em10, wt);
    if (!w || w->line_count == 0) return 0;
    int y0 = box.y + (vcentre ? (box.h - w->height) / 2 : 0);
    int y = y0;
    for (int i = 0; i < w->line_count; i++) {
        const sk_wrap_line *ln = &w->lines[i];
        if (i > 0 && ln->first) y += w->para_gap_px;
        const char *t = paras[ln->para];
        const para_style *ps = &st[ln->para < n ? ln->para : 0];
        char buf[SK_MAX_TEXT + 8];
        size_t len = (size_t)ln->len < SK_MAX_TEXT ? (size_t)ln->len : SK_MAX_TEXT;
        memcpy(buf, t + ln->start, len);
        buf[len] = '\0';
        int lw = ln->width;
        if (w->truncated && i == w->line_count - 1) {
            /* The text goes on: say so, shortening the line until the
             * ellipsis fits. */
            const char *e = ellipsize(sc, buf, w->font_px, wt, box.w - o.indent, &lw);
            sk_strlcpy(buf, e, sizeof buf);
            len = strlen(buf);
        }
        float x = box.x + o.indent;
        if (al == AL_CENTRE) x = box.x + (box.w - lw) / 2.0f;
        if (ln->first && ps->marker && o.indent > 0)
            sk_sc_add_text(sc, d, ps->marker, strlen(ps->marker), w->font_px, wt, ps->marker_colour,
                     (float)box.x, (float)y, alpha);
        sk_sc_add_text(sc, d, buf, len, w->font_px, wt, ps->colour, x, (float)y, alpha);
        y += w->line_h;
    }
    return y - y0;
}

int sk_sc_add_line(sk_scene *sc, dlist *d, const char *s, SDL_Rect box, int font_max, int font_min,
                    sk_font_weight wt, SDL_Color c, align al, bool vcentre, Uint8 alpha)
{
    if (!s || !*s) return 0;
    para_style st = {c, NULL, c};
    const char *p[1] = {s};
    return sk_sc_add_paras(sc, d, p, &st, 1, box, font_max, font_min, wt, al, vcentre, 0, alpha);
}

/* ---- the digits in the ring ------------------------------------------ */

static int digit_px(const sk_layout *L, int ndigits)
{
    return ndigits >= 3 ? L->font_digits * 7 / 10 : L->font_digits;
}

/* Every numeral the ring can show, at both sizes, rendered up front. */
void sk_sc_warm_digits(sk_scene *sc)
{
    int px = sc->L.font_digits;
    if (sc->digit_px_warm == px) return;
    for (int k = 0; k < 2; k++)
        for (char c = '0'; c <= '9'; c++) {
            char s[2] = {c, 0};
            sk_text_get(sc->text, s, digit_px(&sc->L, k ? 3 : 1), SK_FONT_BOLD, pal(SK_COL_TEXT), 0,
                        NULL, NULL);
        }
    sc->digit_px_warm = px;
}

/* The number, centred on (cx, cy) by its numerals' height, one cached
 * texture per digit. */
void sk_sc_add_number(sk_scene *sc, dlist *d, long long n, float cx, float cy, SDL_Color c)
{
    char s[24];
    snprintf(s, sizeof s, "%lld", n < 0 ? 0 : n);
    int nd = (int)strlen(s);
    int px = digit_px(&sc->L, nd);
    int asc = px, fh = px;
    sk_text_metrics(sc->text, px, SK_FONT_BOLD, &asc, &fh);
    int widths[24], total = 0;
    for (int i = 0; i < nd; i++) {
        char one[2] = {s[i], 0};
        widths[i] = sk_sc_tex_w(sc, one, px, SK_FONT_BOLD);
        total += widths[i];
    }
    /* DejaVu's numerals stand 0.73 em above the baseline. */
    float top = cy - (asc - 0.365f * px);
    float x = cx - total / 2.0f;
    for (int i = 0; i < nd; i++) {
        sk_sc_add_text(sc, d, s + i, 1, px, SK_FONT_BOLD, c, x, top, 255);
        x += widths[i];
    }
}
