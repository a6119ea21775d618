/* The scene. Each frame is first described as a display list (text lines,
 * rings, boxes, the sprite), built only from the timeline's view, the
 * routine and the layout; then the list is drawn. Keeping the description
 * apart gives the cross-fade for free: when the phase changes, the last
 * list of the old phase is kept, and for ~0.4 s items only in the old list
 * fade out, items only in the new one fade in, and items in both (the
 * title, the animation panel, the controls) stay as they are. No render
 * target is needed for that, which keeps GPU memory small on a Pi.
 *
 * Text is cut into lines by sk_text_wrap (layout.h) with SDL_ttf measuring;
 * each line is one cached texture. Every text a phase may show (all its
 * captions, every page of steps, the ring's digits) is asked for when the
 * phase starts, so mid-phase frames render no text and create no texture.
 */
#include "scene.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "palette.h"
#include "draw.h"
#include "ring_draw.h"
#include "sprite_gfx.h"
#include "sprite_clock.h"
#include "sprite_sheet.h"
#include "text_util.h"

#define FADE_MS 400
#define STEP_PAGE_MS 10000   /* a page of steps shows this long when they do not all fit */
#define PAGE_FADE_MS 250
#define MAX_ITEMS 384
#define ARENA 24576
#define WRAP_CACHE 48
#define ELLIPSIS_CACHE 16

/* Words the routine file has no phrase for yet (routine.h owns phrases). */
/* Words of the controls and prompts: the routine's phrases, so a clinic
 * can translate them (English defaults in routine.c). */
#define W_BACK (sc->rt->phrases.back)
#define W_PAUSE (sc->rt->phrases.pause)
#define W_RESUME (sc->rt->phrases.resume)
#define W_SKIP (sc->rt->phrases.skip)
#define W_STOP (sc->rt->phrases.stop)
#define W_STOP_AGAIN (sc->rt->phrases.stop_again)
#define W_TAP_TO_GO_ON (sc->rt->phrases.tap_to_go_on)
#define W_TAP_RESUME (sc->rt->phrases.tap_resume)

typedef enum {
    IT_TEXT,      /* one line; box.x/y = top-left */
    IT_RRECT,     /* f1 = radius, f2 = stroke (0 = filled) */
    IT_HOLD,      /* ring: centre box.x/y, f1 = radius, f2 = thickness, f3 = remaining */
    IT_COUNT,     /* dashed ring, i1 = seconds */
    IT_DOTS,      /* i1 filled of i2 */
    IT_LEGS,      /* i1 = right leg solid */
    IT_BAR,       /* f3 = done */
    IT_SPRITE,    /* i1 = exercise, i2 = frame, i3 = mirrored */
    IT_PLACEHOLDER,
    IT_POLY,      /* i1 points in pts */
    IT_DISC,      /* centre box.x/y, f1 = radius, f2 = stroke */
} it_kind;

typedef struct item {
    it_kind kind;
    uint64_t key;
    Uint8 alpha;
    bool warm_only;          /* not drawn: only makes sure the text exists */
    bool veiled;             /* under a dialog's veil (drawn before it) */
    SDL_Color c1, c2;
    SDL_FRect box;
    float f1, f2, f3;
    int i1, i2, i3;
    int px;
    sk_font_weight weight;
    int text;                /* offset into the arena, -1 none */
    SDL_FPoint pts[6];
} item;

typedef struct dlist {
    item items[MAX_ITEMS];
    int n;
    char arena[ARENA];
    int used;
} dlist;

typedef struct item_rec {
    uint64_t hash;           /* hash_item of the item as drawn */
    SDL_Rect rect;           /* item_bounds */
    bool textured;
} item_rec;

#define MAX_DIRTY 8

typedef struct wrap_entry {
    uint64_t key;
    uint64_t used;
    sk_wrap w;
} wrap_entry;

struct sk_scene {
    SDL_Renderer *r;
    const sk_routine *rt;
    sk_scene_opts opts;
    sk_text_cache *text;
    sk_sprite_sheet *sheets[SK_MAX_EXERCISES];
    sk_sprite_gfx *gfx[SK_MAX_EXERCISES];
    sk_layout L;
    sk_layout_in Lin;
    bool have_layout;
    wrap_entry wraps[WRAP_CACHE];
    uint64_t wrap_tick;
    struct {
        uint64_t key, used;
        int width;
        char text[SK_MAX_TEXT + 8];
    } ell[ELLIPSIS_CACHE];
    dlist *cur, *prev, *old;
    uint64_t sig;
    bool have_sig;
    int64_t fade_start;
    bool fading;
    int64_t last_clock;
    int last_phase;
    sk_tl_mode last_mode;
    SDL_Texture *target;     /* rotation */
    int target_w, target_h;
    uint64_t own_textures;
    int digit_px_warm;
    bool tried[SK_MAX_EXERCISES];   /* sprite sheet loaded, or failed to */
    /* Canvas (opts.canvas): the picture kept in 'target' between frames;
     * the items of the frame in it, to find what changed. */
    bool canvas_valid;
    uint64_t canvas_sig;
    item_rec *recs, *shown_recs;
    int nrec, nshown;
    uint64_t dirty_px;
    /* Pacing (sk_scene_prepare): what the prepared list looks like, and
     * when it will next look different. */
    int64_t hint;            /* timeline ms to the next visible change; INT64_MAX: none known */
    bool prepared;           /* cur holds the list for prep_view at prep_w x prep_h */
    uint64_t prep_view;
    int prep_w, prep_h;
    uint64_t frame_sig;
    float fade_e;
    int prog_phase;          /* progress bar's speed, learnt from the last two frames */
    sk_tl_mode prog_mode;
    int64_t prog_elapsed;
    double prog_value, prog_rate;
};

static void load_sprite(sk_scene *sc, int i);

/* ---- small helpers ---------------------------------------------------- */

#define R(r) ((SDL_Rect){(r).x, (r).y, (r).w, (r).h})

static SDL_Color col(sk_rgb c) { return (SDL_Color){c.r, c.g, c.b, 255}; }
static SDL_Color pal(sk_color_id id) { return col(sk_palette(id)); }
static SDL_Color acc(sk_accent a) { return col(sk_palette_accent(a)); }

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}
static uint64_t fnv_i(uint64_t h, long long v) { return fnv(h, &v, sizeof v); }
static uint64_t fnv_s(uint64_t h, const char *s) { return s ? fnv(h, s, strlen(s) + 1) : fnv_i(h, -7); }

static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* ---- pacing ------------------------------------------------------------ */

/* The picture changes again in 'ms' of timeline time (0: at the next frame). */
static void hint(sk_scene *sc, int64_t ms)
{
    if (ms < 0) ms = 0;
    if (ms < sc->hint) sc->hint = ms;
}

/* True while the phase's own time runs (elapsed grows): not paused, not on
 * the frozen start screen, not counting in after a resume. */
static bool phase_time_runs(const sk_tl_view *v)
{
    return v->mode != SK_TL_START && (!v->paused || v->still_there) && v->resume_count_ms <= 0;
}

/* Steps a ring of outer radius 'radius' can show: one per half pixel of its
 * circumference. A smaller change moves no pixel worth redrawing for. */
static int ring_steps(float radius)
{
    double n = 2.0 * 3.14159265358979 * (radius > 1 ? radius : 1) * 2.0;
    return n < 8 ? 8 : n > 100000 ? 100000 : (int)n;
}

/* The fraction left of something lasting dur_ms with rem_ms to go, rounded
 * to 'steps' steps, so that the drawn value (and so the picture) stands
 * still between steps. When 'running', also hints when the next step comes. */
static double quantise_left(sk_scene *sc, int64_t rem_ms, int64_t dur_ms, int steps, bool running)
{
    if (dur_ms <= 0) dur_ms = 1;
    if (rem_ms < 0) rem_ms = 0;
    if (rem_ms > dur_ms) rem_ms = dur_ms;
    double x = (double)rem_ms * steps / (double)dur_ms;
    double q = floor(x + 0.5);
    if (running && rem_ms > 0) {
        /* The value rounds to q-1 once rem_ms falls below (q-0.5)*dur/steps. */
        double below = (q - 0.5) * (double)dur_ms / steps;
        int64_t at = below < 0 ? 0 : (int64_t)floor(below);
        /* rem_ms must reach 'at' or less: that is rem_ms - at from now; if
         * rounding leaves it unchanged then, the next frame looks again. */
        hint(sc, rem_ms - at);
    }
    return q / steps;
}

/* Whole seconds shown for rem_ms left, and when the number next changes. */
static long long seconds_left(sk_scene *sc, int64_t rem_ms, bool running)
{
    if (rem_ms <= 0) return 0;
    if (running) hint(sc, (rem_ms - 1) % 1000 + 1);
    return (rem_ms + 999) / 1000;
}

/* ---- display list ----------------------------------------------------- */

static item *dl_add(dlist *d, it_kind k)
{
    if (d->n >= MAX_ITEMS) return NULL;
    item *it = &d->items[d->n++];
    memset(it, 0, sizeof *it);
    it->kind = k;
    it->alpha = 255;
    it->text = -1;
    return it;
}

static int dl_str(dlist *d, const char *s, size_t n)
{
    if (d->used + (int)n + 1 > ARENA) return -1;
    int off = d->used;
    memcpy(d->arena + off, s, n);
    d->arena[off + n] = '\0';
    d->used += (int)n + 1;
    return off;
}

/* The key says what an item is, not how far along it is: a ring keeps its
 * key while it drains, so it is not cross-faded against itself. */
static void dl_key(dlist *d, item *it)
{
    uint64_t h = 1469598103934665603ull;
    h = fnv_i(h, it->kind);
    h = fnv(h, &it->c1, sizeof it->c1);
    h = fnv_i(h, (long long)lroundf(it->box.x));
    h = fnv_i(h, (long long)lroundf(it->box.y));
    h = fnv_i(h, (long long)lroundf(it->box.w));
    h = fnv_i(h, (long long)lroundf(it->box.h));
    h = fnv_i(h, it->px);
    h = fnv_i(h, it->weight);
    switch (it->kind) {
    case IT_TEXT: h = fnv_s(h, d->arena + it->text); break;
    case IT_DOTS: h = fnv_i(fnv_i(h, it->i1), it->i2); break;
    case IT_LEGS: h = fnv_i(h, it->i1); break;
    case IT_COUNT: h = fnv_i(h, it->i1); break;
    case IT_SPRITE: h = fnv_i(h, it->i1); break;
    case IT_RRECT: h = fnv(h, &it->c2, sizeof it->c2); h = fnv_i(h, (long long)(it->f2 * 8)); break;
    case IT_POLY:
        h = fnv(h, it->pts, sizeof(SDL_FPoint) * (size_t)it->i1);
        break;
    default: break;
    }
    it->key = h;
}

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
static const sk_wrap *wrap_cached(sk_scene *sc, const char *const *paras, int n,
                                  const sk_wrap_opts *o, sk_font_weight wt)
{
    uint64_t k = 1469598103934665603ull;
    for (int i = 0; i < n; i++) k = fnv_s(k, paras[i]);
    k = fnv(k, o, sizeof *o);
    k = fnv_i(k, wt);
    k = fnv_i(k, n);
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

static int text_w(sk_scene *sc, const char *s, int px, sk_font_weight wt)
{
    int w = 0, h = 0;
    if (!s || !*s || !sk_text_measure(sc->text, s, px, wt, &w, &h)) return 0;
    return w;
}

/* Width of text that will be drawn anyway: from its cached texture, so a
 * steady frame measures nothing (measuring at another size would make
 * SDL_ttf re-size its font and drop its glyph cache every frame). */
static int tex_w(sk_scene *sc, const char *s, int px, sk_font_weight wt)
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
    uint64_t k = fnv_i(fnv_i(fnv_i(fnv_s(1469598103934665603ull, line), px), wt), room);
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
        tw = text_w(sc, tmp, px, wt);
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

static item *add_text(sk_scene *sc, dlist *d, const char *s, size_t n, int px, sk_font_weight wt,
                      SDL_Color c, float x, float y, Uint8 alpha)
{
    (void)sc;
    if (!s || n == 0) return NULL;
    item *it = dl_add(d, IT_TEXT);
    if (!it) return NULL;
    it->text = dl_str(d, s, n);
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
    dl_key(d, it);
    return it;
}

typedef enum { AL_LEFT, AL_CENTRE } align;

typedef struct para_style {
    SDL_Color colour;
    const char *marker;      /* drawn in the indent on a paragraph's first line */
    SDL_Color marker_colour;
} para_style;

/* Wraps paragraphs into box and adds their lines. Vertical: top, or centred
 * when vcentre. Returns the height used (0 when nothing fits or no font). */
static int add_paras(sk_scene *sc, dlist *d, const char *const *paras, const para_style *st,
                     int n, SDL_Rect box, int font_max, int font_min, sk_font_weight wt,
                     align al, bool vcentre, int indent_em10, Uint8 alpha)
{
    if (n <= 0 || box.w <= 0 || box.h <= 0) return 0;
    if (font_min > font_max) font_min = font_max;
    sk_wrap_opts o = {.box_w = box.w, .box_h = box.h, .font_max = font_max,
                      .font_min = font_min, .indent = 0};
    /* The indent depends on the size chosen; a first pass at font_max
     * gives it, a second with the indent of the size found settles it. */
    if (indent_em10 > 0) o.indent = font_max * indent_em10 / 10;
    const sk_wrap *w = wrap_cached(sc, paras, n, &o, wt);
    if (w && indent_em10 > 0 && w->font_px != font_max) {
        o.indent = w->font_px * indent_em10 / 10;
        const sk_wrap *w2 = wrap_cached(sc, paras, n, &o, wt);
        if (w2) w = w2;
    }
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
            add_text(sc, d, ps->marker, strlen(ps->marker), w->font_px, wt, ps->marker_colour,
                     (float)box.x, (float)y, alpha);
        add_text(sc, d, buf, len, w->font_px, wt, ps->colour, x, (float)y, alpha);
        y += w->line_h;
    }
    return y - y0;
}

static int add_line(sk_scene *sc, dlist *d, const char *s, SDL_Rect box, int font_max, int font_min,
                    sk_font_weight wt, SDL_Color c, align al, bool vcentre, Uint8 alpha)
{
    if (!s || !*s) return 0;
    para_style st = {c, NULL, c};
    const char *p[1] = {s};
    return add_paras(sc, d, p, &st, 1, box, font_max, font_min, wt, al, vcentre, 0, alpha);
}

/* ---- shapes ----------------------------------------------------------- */

static void add_rrect(dlist *d, SDL_Rect b, float radius, float stroke, SDL_Color c, Uint8 alpha)
{
    item *it = dl_add(d, IT_RRECT);
    if (!it) return;
    it->box = (SDL_FRect){(float)b.x, (float)b.y, (float)b.w, (float)b.h};
    it->f1 = radius;
    it->f2 = stroke;
    it->c1 = c;
    it->alpha = alpha;
    dl_key(d, it);
}

static void add_poly(dlist *d, const SDL_FPoint *p, int n, SDL_Color c)
{
    item *it = dl_add(d, IT_POLY);
    if (!it || n > 6) return;
    memcpy(it->pts, p, sizeof(SDL_FPoint) * (size_t)n);
    it->i1 = n;
    it->c1 = c;
    dl_key(d, it);
}

static void add_disc(dlist *d, float cx, float cy, float radius, float stroke, SDL_Color c, Uint8 alpha)
{
    item *it = dl_add(d, IT_DISC);
    if (!it) return;
    it->box = (SDL_FRect){cx, cy, 0, 0};
    it->f1 = radius;
    it->f2 = stroke;
    it->c1 = c;
    it->alpha = alpha;
    dl_key(d, it);
}

/* ---- the digits in the ring ------------------------------------------ */

static int digit_px(const sk_layout *L, int ndigits)
{
    return ndigits >= 3 ? L->font_digits * 7 / 10 : L->font_digits;
}

/* Every numeral the ring can show, at both sizes, rendered up front. */
static void warm_digits(sk_scene *sc)
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
static void add_number(sk_scene *sc, dlist *d, long long n, float cx, float cy, SDL_Color c)
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
        widths[i] = tex_w(sc, one, px, SK_FONT_BOLD);
        total += widths[i];
    }
    /* DejaVu's numerals stand 0.73 em above the baseline. */
    float top = cy - (asc - 0.365f * px);
    float x = cx - total / 2.0f;
    for (int i = 0; i < nd; i++) {
        add_text(sc, d, s + i, 1, px, SK_FONT_BOLD, c, x, top, 255);
        x += widths[i];
    }
}

/* ---- icons for the controls ------------------------------------------ */

static void icon_triangle(dlist *d, float x, float y, float s, bool right, SDL_Color c)
{
    SDL_FPoint p[3];
    if (right) {
        p[0] = (SDL_FPoint){x + s * 0.18f, y};
        p[1] = (SDL_FPoint){x + s * 0.95f, y + s / 2};
        p[2] = (SDL_FPoint){x + s * 0.18f, y + s};
    } else {
        p[0] = (SDL_FPoint){x + s * 0.82f, y};
        p[1] = (SDL_FPoint){x + s * 0.05f, y + s / 2};
        p[2] = (SDL_FPoint){x + s * 0.82f, y + s};
    }
    add_poly(d, p, 3, c);
}

static void add_icon(dlist *d, sk_control ctl, bool paused, float x, float y, float s, SDL_Color c)
{
    float bw = s * 0.2f;
    switch (ctl) {
    case SK_CTL_BACK: {
        SDL_Rect bar = {(int)(x + s * 0.05f), (int)y, (int)bw, (int)s};
        add_rrect(d, bar, bw / 3, 0, c, 255);
        icon_triangle(d, x + s * 0.2f, y, s * 0.8f, false, c);
        break;
    }
    case SK_CTL_SKIP: {
        icon_triangle(d, x, y, s * 0.8f, true, c);
        SDL_Rect bar = {(int)(x + s * 0.78f), (int)y, (int)bw, (int)s};
        add_rrect(d, bar, bw / 3, 0, c, 255);
        break;
    }
    case SK_CTL_PAUSE:
        if (paused) {
            icon_triangle(d, x, y, s, true, c);
        } else {
            SDL_Rect a = {(int)(x + s * 0.18f), (int)y, (int)(s * 0.24f), (int)s};
            SDL_Rect b = {(int)(x + s * 0.58f), (int)y, (int)(s * 0.24f), (int)s};
            add_rrect(d, a, s * 0.06f, 0, c, 255);
            add_rrect(d, b, s * 0.06f, 0, c, 255);
        }
        break;
    case SK_CTL_STOP: {
        SDL_Rect sq = {(int)(x + s * 0.1f), (int)(y + s * 0.1f), (int)(s * 0.8f), (int)(s * 0.8f)};
        add_rrect(d, sq, s * 0.12f, 0, c, 255);
        break;
    }
    default: break;
    }
}

/* ---- phases ----------------------------------------------------------- */

static sk_accent phase_accent(const sk_tl_view *v)
{
    const sk_phase *p = v->phase;
    if (!p) return SK_ACC_INTRO;
    switch (p->kind) {
    case SK_PH_GET_READY: return SK_ACC_GET_READY;
    case SK_PH_HOLD: return v->resume_count_ms > 0 ? SK_ACC_GET_READY : SK_ACC_HOLD;
    case SK_PH_REST: return SK_ACC_REST;
    case SK_PH_SWITCH: return SK_ACC_SWITCH;
    case SK_PH_CARD: return SK_ACC_CARD;
    case SK_PH_FINISH: return SK_ACC_FINISH;
    default: return SK_ACC_INTRO;
    }
}

static const char *phase_word(const sk_scene *sc, const sk_tl_view *v)
{
    const sk_phrases *ph = &sc->rt->phrases;
    switch (v->phase->kind) {
    case SK_PH_GET_READY: return ph->get_ready;
    case SK_PH_HOLD: return v->resume_count_ms > 0 ? ph->get_ready : ph->hold;
    case SK_PH_REST: return ph->relax;
    case SK_PH_SWITCH: return ph->switch_legs;
    default: return NULL;
    }
}

static SDL_Rect inset(SDL_Rect r, int dx, int dy)
{
    return (SDL_Rect){r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy};
}

static void build_sprite(sk_scene *sc, dlist *d, const sk_tl_view *v, const sk_exercise *ex, int exi)
{
    const sk_layout *L = &sc->L;
    int rad = L->gap;
    add_rrect(d, R(L->sprite), (float)rad, 0, pal(SK_COL_SURFACE), 255);
    (void)ex;
    load_sprite(sc, exi);   /* lazy_sprites: on first use */
    sk_sprite_gfx *g = exi >= 0 ? sc->gfx[exi] : NULL;
    SDL_Rect in = inset(R(L->sprite), L->gap, L->gap);
    if (!g) {
        item *it = dl_add(d, IT_PLACEHOLDER);
        if (it) {
            it->box = (SDL_FRect){(float)in.x, (float)in.y, (float)in.w, (float)in.h};
            it->c1 = pal(SK_COL_SURFACE);
            it->c2 = pal(SK_COL_MUTED);
            dl_key(d, it);
        }
        return;
    }
    int64_t elapsed = v->elapsed_ms;
    sk_sprite_pick pick = sk_sprite_clock_pick(sc->sheets[exi], v->phase->kind, elapsed, v->phase->leg);
    if (pick.clip && phase_time_runs(v)) {
        /* The next sprite step that shows another frame; a clip that
         * holds its frame (played once) is looked at again 8 steps on. */
        int64_t fps = pick.clip->fps > 0 ? pick.clip->fps : 1;
        int64_t e = elapsed < 0 ? 0 : elapsed, step = e * fps / 1000, at = e;
        for (int k = 1; k <= 8; k++) {
            at = ((step + k) * 1000 + fps - 1) / fps;   /* first ms of that step */
            sk_sprite_pick nx = sk_sprite_clock_pick(sc->sheets[exi], v->phase->kind, at, v->phase->leg);
            if (nx.frame != pick.frame || nx.mirrored != pick.mirrored) break;
        }
        hint(sc, at - e);
    }
    item *it = dl_add(d, IT_SPRITE);
    if (!it) return;
    it->box = (SDL_FRect){(float)in.x, (float)in.y, (float)in.w, (float)in.h};
    it->i1 = exi;
    it->i2 = pick.frame;
    it->i3 = pick.mirrored;
    it->c1 = pal(SK_COL_SURFACE);
    dl_key(d, it);
}

/* Which step the voice is reading now (0-based), from the cue key
 * "<exercise>.step<N>"; -1 when it reads something else. */
static int spoken_step(const sk_tl_view *v, const sk_exercise *ex)
{
    if (!v->caption) return -1;
    const char *k = v->caption->key;
    size_t n = strlen(ex->id);
    if (strncmp(k, ex->id, n) != 0 || strncmp(k + n, ".step", 5) != 0) return -1;
    long s;
    if (!sk_parse_long(k + n + 5, &s) || s < 1 || s > ex->step_count) return -1;
    return (int)s - 1;
}

/* The steps, numbered. When they do not all fit at a readable size they
 * show a page at a time, at one size for every page: the page the voice is
 * reading from, else turning every few seconds. Every page is in the list
 * (pages not showing are warm-only) so a page turn renders nothing new.
 * In the intro the step being read is bright and the others muted. */
static void build_steps(sk_scene *sc, dlist *d, const sk_tl_view *v, const sk_exercise *ex,
                        SDL_Rect box, bool extras)
{
    const sk_layout *L = &sc->L;
    const char *paras[SK_WRAP_MAX_PARAS];
    para_style st[SK_WRAP_MAX_PARAS];
    char marks[SK_MAX_STEPS][8];
    int n = 0;
    SDL_Color text = pal(SK_COL_TEXT), muted = pal(SK_COL_MUTED);
    SDL_Color mark = acc(phase_accent(v));
    int speaking = extras ? spoken_step(v, ex) : -1;
    for (int i = 0; i < ex->step_count && n < SK_WRAP_MAX_PARAS; i++) {
        snprintf(marks[i], sizeof marks[i], "%d", i + 1);
        paras[n] = ex->steps[i];
        bool dim = speaking >= 0 && i != speaking;
        st[n++] = (para_style){dim ? muted : text, marks[i], dim ? muted : mark};
    }
    if (extras && ex->equipment && n < SK_WRAP_MAX_PARAS) {
        paras[n] = ex->equipment;
        st[n++] = (para_style){muted, "\xe2\x80\xa2", muted};          /* • */
    }
    if (extras && ex->caution && n < SK_WRAP_MAX_PARAS) {
        paras[n] = ex->caution;
        st[n++] = (para_style){pal(SK_COL_WARN), "\xe2\x9a\xa0", pal(SK_COL_WARN)};  /* ⚠ */
    }
    /* The paragraph being read aloud: by its step key, else by its words. */
    int reading = speaking;
    if (reading < 0 && v->caption && v->caption->text)
        for (int i = 0; i < n; i++)
            if (!strcmp(paras[i], v->caption->text)) reading = i;
    /* In the intro, what is being read is bright and the rest muted (the
     * caution keeps its colour: it is never background). */
    if (extras && reading >= 0 && speaking < 0) {
        for (int i = 0; i < n; i++)
            if (i != reading && paras[i] != ex->caution) st[i].colour = st[i].marker_colour = muted;
        if (paras[reading] == ex->equipment) {
            st[reading].colour = text;
            st[reading].marker_colour = mark;
        }
    }
    int fmax = L->font_body, fmin = L->font_min;
    /* All of it, if it fits at a readable size. */
    sk_wrap_opts o = {.box_w = box.w, .box_h = box.h, .font_max = fmax, .font_min = fmin,
                      .indent = fmax * 16 / 10};
    const sk_wrap *w = wrap_cached(sc, paras, n, &o, SK_FONT_REGULAR);
    if (!w) return;
    if (w->fits) {
        add_paras(sc, d, paras, st, n, box, fmax, fmin, SK_FONT_REGULAR, AL_LEFT, false, 16, 255);
        return;
    }
    /* Pages of whole paragraphs at one size: the largest at which each
     * paragraph fits on a page of its own. */
    int pf = fmax;
    for (int i = 0; i < n; i++) {
        const sk_wrap *one = wrap_cached(sc, paras + i, 1, &o, SK_FONT_REGULAR);
        if (one && one->font_px < pf) pf = one->font_px;
    }
    sk_wrap_opts po = {.box_w = box.w, .box_h = box.h, .font_max = pf, .font_min = pf,
                       .indent = pf * 16 / 10};
    int starts[SK_WRAP_MAX_PARAS + 1], pages = 0;
    for (int i = 0; i < n && pages < SK_WRAP_MAX_PARAS;) {
        int j = i + 1;
        while (j < n) {
            const sk_wrap *ww = wrap_cached(sc, paras + i, j + 1 - i, &po, SK_FONT_REGULAR);
            if (!ww || !ww->fits) break;
            j++;
        }
        starts[pages++] = i;
        i = j;
    }
    starts[pages] = n;
    int64_t t = v->elapsed_ms < 0 ? 0 : v->elapsed_ms;
    int cur = (int)((t / STEP_PAGE_MS) % pages);
    float a = 1;
    if (reading >= 0) {
        for (int p = 0; p < pages; p++)
            if (reading >= starts[p] && reading < starts[p + 1]) cur = p;
    } else {
        /* Out, then in: two pages never show over each other. */
        int64_t in_page = t % STEP_PAGE_MS;
        if (phase_time_runs(v)) {
            if ((in_page < PAGE_FADE_MS && t >= STEP_PAGE_MS) || STEP_PAGE_MS - in_page <= PAGE_FADE_MS)
                hint(sc, 0);
            else
                hint(sc, STEP_PAGE_MS - PAGE_FADE_MS - in_page);
        }
        if (in_page < PAGE_FADE_MS && t >= STEP_PAGE_MS) a = (float)in_page / PAGE_FADE_MS;
        if (STEP_PAGE_MS - in_page < PAGE_FADE_MS) a = (float)(STEP_PAGE_MS - in_page) / PAGE_FADE_MS;
    }
    for (int p = 0; p < pages; p++) {
        Uint8 al = p == cur ? (Uint8)clampf(a * 255.0f + 0.5f, 1, 255) : 0;
        add_paras(sc, d, paras + starts[p], st + starts[p], starts[p + 1] - starts[p], box, pf, pf,
                  SK_FONT_REGULAR, AL_LEFT, false, 16, al);
    }
}

static void build_counters(sk_scene *sc, dlist *d, const sk_tl_view *v, const sk_exercise *ex)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    const sk_phrases *ph = &sc->rt->phrases;
    SDL_Color a = acc(phase_accent(v)), text = pal(SK_COL_TEXT), muted = pal(SK_COL_MUTED);
    (void)ex;
    /* Phase word, in the phase's colour: the word carries the meaning. */
    const char *word = phase_word(sc, v);
    SDL_Rect pb = R(L->phase);
    /* No rep counter (switching legs): the word may use its room too. */
    if (!(p->reps > 0 && p->rep > 0)) pb.h = L->reps.y + L->reps.h - pb.y;
    if (word) add_line(sc, d, word, pb, L->font_phase, L->font_min, SK_FONT_BOLD, a, AL_LEFT, true, 255);
    /* Rep dots and "2 of 4". */
    if (p->reps > 0 && p->rep > 0) {
        int filled = p->rep - (p->kind == SK_PH_REST ? 0 : 1);
        if (p->kind == SK_PH_HOLD || p->kind == SK_PH_REST) filled = p->rep;
        SDL_Rect dots = R(L->reps);
        int dot_h = L->font_small * 3 / 2;
        if (dot_h > dots.h) dot_h = dots.h;
        SDL_Rect db = {dots.x, dots.y + (dots.h - dot_h) / 2, dots.w / 2, dot_h};
        item *it = dl_add(d, IT_DOTS);
        if (it) {
            it->box = (SDL_FRect){(float)db.x, (float)db.y, (float)db.w, (float)db.h};
            it->i1 = filled;
            it->i2 = p->reps;
            it->c1 = text;
            it->c2 = muted;
            dl_key(d, it);
        }
        float pitch = db.h * 0.62f * 1.55f;
        int used = (int)(pitch * (p->reps - 1) + db.h * 0.62f + L->gap * 1.5f);
        if (used > dots.w / 2) used = dots.w / 2;
        char rep[128];
        sk_phrase_format(rep, sizeof rep, ph->rep_of, p->rep, p->reps, NULL);
        SDL_Rect tb = {dots.x + used, dots.y, dots.w - used, dots.h};
        add_line(sc, d, rep, tb, L->font_small * 6 / 5, L->font_min, SK_FONT_REGULAR, muted, AL_LEFT,
                 true, 255);
    }
    /* Which leg: a figure (the solid leg is the one to stretch) and the word. */
    if (p->leg != SK_LEG_NONE) {
        const char *lw = p->leg == SK_LEG_PAINFUL ? ph->painful_leg : ph->other_leg;
        int s = L->leg.h;
        if (s > L->font_small * 9 / 4) s = L->font_small * 9 / 4;
        item *it = dl_add(d, IT_LEGS);
        if (it) {
            it->box = (SDL_FRect){(float)L->leg.x, (float)(L->leg.y + (L->leg.h - s) / 2), (float)s, (float)s};
            it->i1 = p->leg == SK_LEG_OTHER;
            it->c1 = text;
            it->c2 = muted;
            dl_key(d, it);
        }
        SDL_Rect tb = {L->leg.x + s + L->gap, L->leg.y, L->leg.w - s - L->gap, L->leg.h};
        add_line(sc, d, lw, tb, L->font_small * 6 / 5, L->font_min, SK_FONT_BOLD, text, AL_LEFT, true, 255);
    }
}

static void build_ring(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    SDL_Color a = acc(phase_accent(v)), track = pal(SK_COL_TRACK);
    float cx = (float)L->ring_cx, cy = (float)L->ring_cy;
    long long secs;
    if (p->kind == SK_PH_HOLD && v->resume_count_ms > 0) {
        /* Resuming: a 3-2-1 count before the hold goes on. */
        int total = 3;
        double rem = quantise_left(sc, v->resume_count_ms, 3000,
                                   ring_steps(L->ring_r + L->ring_thick / 2.0f), !v->paused);
        item *it = dl_add(d, IT_COUNT);
        if (it) {
            it->box = (SDL_FRect){cx, cy, 0, 0};
            it->f1 = (float)L->ring_r;
            it->f2 = (float)L->ring_thick;
            it->f3 = (float)rem;
            it->i1 = total;
            it->c1 = a;
            it->c2 = track;
            dl_key(d, it);
        }
        secs = seconds_left(sc, v->resume_count_ms, !v->paused);
    } else {
        int64_t dur = p->duration_ms > 0 ? p->duration_ms : 1;
        bool runs = phase_time_runs(v);
        double rem = quantise_left(sc, v->remaining_ms, dur,
                                   ring_steps(L->ring_r + L->ring_thick / 2.0f), runs);
        secs = seconds_left(sc, v->remaining_ms, runs);
        item *it = dl_add(d, p->kind == SK_PH_GET_READY ? IT_COUNT : IT_HOLD);
        if (it) {
            it->box = (SDL_FRect){cx, cy, 0, 0};
            it->f1 = (float)L->ring_r;
            it->f2 = (float)L->ring_thick;
            it->f3 = (float)rem;
            it->i1 = (int)((dur + 999) / 1000);
            it->c1 = a;
            it->c2 = track;
            dl_key(d, it);
        }
    }
    add_number(sc, d, secs, cx, cy, p->kind == SK_PH_HOLD && v->resume_count_ms <= 0 ? pal(SK_COL_TEXT) : a);
}

static void build_exercise(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    int exi = p->exercise;
    const sk_exercise *ex = &sc->rt->exercises[exi];
    add_line(sc, d, ex->name, R(L->title), L->font_title, L->font_min, SK_FONT_BOLD, pal(SK_COL_TEXT),
             AL_LEFT, true, 255);
    build_sprite(sc, d, v, ex, exi);
    if (p->kind == SK_PH_INTRO) {
        build_steps(sc, d, v, ex, R(L->steps_wide), true);
        return;
    }
    build_ring(sc, d, v);
    build_counters(sc, d, v, ex);
    build_steps(sc, d, v, ex, R(L->steps), false);
}

static void build_text_screen(sk_scene *sc, dlist *d, const char *title, SDL_Color title_c,
                              const char *const *paras, const para_style *st, int n, bool bullets)
{
    const sk_layout *L = &sc->L;
    SDL_Rect tb = R(L->card_title);
    tb.x = L->card_body.x;
    tb.w = L->card_body.w;
    add_line(sc, d, title, tb, L->font_title, L->font_min, SK_FONT_BOLD, title_c, AL_LEFT, true, 255);
    /* An accent rule under the title: a shape with the colour. */
    SDL_Rect rule = {tb.x, tb.y + tb.h, L->font_title * 2, L->gap / 2 > 3 ? L->gap / 2 : 3};
    if (rule.y + rule.h < L->card_body.y) add_rrect(d, rule, rule.h / 2.0f, 0, title_c, 255);
    SDL_Rect body = R(L->card_body);
    body.y += L->gap;
    body.h -= L->gap;
    add_paras(sc, d, paras, st, n, body, L->font_body * 6 / 5, L->font_min, SK_FONT_REGULAR, AL_LEFT,
              true, bullets ? 14 : 0, 255);
}

static void build_card(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_card *c = &sc->rt->cards[v->phase->card];
    const char *paras[SK_WRAP_MAX_PARAS];
    para_style st[SK_WRAP_MAX_PARAS];
    int n = 0;
    SDL_Color a = acc(SK_ACC_CARD);
    for (int i = 0; i < c->line_count && n < SK_WRAP_MAX_PARAS; i++) {
        paras[n] = c->lines[i];
        st[n++] = (para_style){pal(SK_COL_TEXT), c->bullets ? "\xe2\x80\xa2" : NULL, a};
    }
    build_text_screen(sc, d, c->title, a, paras, st, n, c->bullets);
}

static void build_welcome(sk_scene *sc, dlist *d)
{
    const sk_layout *L = &sc->L;
    const sk_phrases *ph = &sc->rt->phrases;
    SDL_Color a = acc(SK_ACC_INTRO);
    SDL_Rect tb = R(L->card_title);
    tb.x = L->card_body.x;
    tb.w = L->card_body.w;
    add_line(sc, d, ph->welcome_title, tb, L->font_title, L->font_min, SK_FONT_BOLD, a, AL_LEFT, true, 255);
    SDL_Rect rule = {tb.x, tb.y + tb.h, L->font_title * 2, L->gap / 2 > 3 ? L->gap / 2 : 3};
    if (rule.y + rule.h < L->card_body.y) add_rrect(d, rule, rule.h / 2.0f, 0, a, 255);
    SDL_Rect body = R(L->card_body);
    body.y += L->gap;
    body.h -= L->gap;
    /* The welcome above; the safety note in a panel of its own below, with
     * a warning sign, so it reads as the one thing not to skip. The two
     * sit together in the middle of the body. */
    int wfont = L->font_body * 6 / 5;
    const char *wp[1] = {ph->welcome};
    sk_wrap_opts wo = {.box_w = body.w, .box_h = body.h * 45 / 100, .font_max = wfont,
                       .font_min = L->font_min};
    const sk_wrap *ww = ph->welcome ? wrap_cached(sc, wp, 1, &wo, SK_FONT_REGULAR) : NULL;
    int wh = ww ? ww->height : 0;
    int pad = L->gap * 3 / 2;
    bool safety = ph->safety && *ph->safety;
    const char *p[1] = {ph->safety};
    int ph_h = 0;
    sk_wrap_opts o = {.box_w = body.w - 2 * pad, .box_h = body.h - wh - L->gap * 2 - 2 * pad,
                      .font_max = L->font_body, .font_min = L->font_min,
                      .indent = L->font_body * 16 / 10};
    const sk_wrap *w = safety && o.box_h > 0 ? wrap_cached(sc, p, 1, &o, SK_FONT_REGULAR) : NULL;
    if (w) ph_h = w->height + 2 * pad;
    int total = wh + (w ? L->gap * 2 + ph_h : 0);
    int y0 = body.y + (body.h - total) / 2;
    if (y0 < body.y) y0 = body.y;
    SDL_Rect top = {body.x, y0, body.w, wo.box_h};
    add_line(sc, d, ph->welcome, top, wfont, L->font_min, SK_FONT_REGULAR, pal(SK_COL_TEXT), AL_LEFT,
             false, 255);
    if (!w) return;
    SDL_Rect panel = {body.x, y0 + wh + L->gap * 2, body.w, ph_h};
    SDL_Rect in = inset(panel, pad, pad);
    para_style st = {pal(SK_COL_TEXT), "\xe2\x9a\xa0", pal(SK_COL_WARN)};
    add_rrect(d, panel, (float)L->gap, 0, pal(SK_COL_SURFACE), 255);
    SDL_Rect bar = {panel.x, panel.y + L->gap, L->gap / 3 > 3 ? L->gap / 3 : 3, panel.h - 2 * L->gap};
    add_rrect(d, bar, bar.w / 2.0f, 0, pal(SK_COL_WARN), 255);
    add_paras(sc, d, p, &st, 1, in, L->font_body, L->font_min, SK_FONT_REGULAR, AL_LEFT, false, 16, 255);
}

static void build_finish(sk_scene *sc, dlist *d)
{
    const sk_layout *L = &sc->L;
    const sk_phrases *ph = &sc->rt->phrases;
    SDL_Color g = acc(SK_ACC_FINISH);
    SDL_Rect body = R(L->card_body);
    /* A ring closed all the way round with a tick in it: the shape of done. */
    float r = (float)(body.h * 0.2f);
    if (r > L->ring_r * 1.2f) r = L->ring_r * 1.2f;
    float cx = body.x + body.w / 2.0f, cy = body.y + r + L->gap;
    item *it = dl_add(d, IT_HOLD);
    if (it) {
        it->box = (SDL_FRect){cx, cy, 0, 0};
        it->f1 = r;
        it->f2 = (float)L->ring_thick * 0.8f;
        it->f3 = 1;
        it->c1 = g;
        it->c2 = pal(SK_COL_TRACK);
        dl_key(d, it);
    }
    float s = r * 0.55f;
    SDL_FPoint tick1[4] = {{cx - s * 0.95f, cy + s * 0.05f}, {cx - s * 0.7f, cy - s * 0.2f},
                           {cx - s * 0.2f, cy + s * 0.3f}, {cx - s * 0.38f, cy + s * 0.6f}};
    SDL_FPoint tick2[4] = {{cx - s * 0.38f, cy + s * 0.6f}, {cx - s * 0.2f, cy + s * 0.3f},
                           {cx + s * 0.75f, cy - s * 0.65f}, {cx + s * 0.98f, cy - s * 0.4f}};
    add_poly(d, tick1, 4, g);
    add_poly(d, tick2, 4, g);
    int y = (int)(cy + r + L->gap * 2);
    SDL_Rect tb = {body.x, y, body.w, (int)(L->font_phase * 1.6f)};
    add_line(sc, d, ph->finish_title, tb, L->font_phase * 5 / 4, L->font_min, SK_FONT_BOLD, g, AL_CENTRE,
             true, 255);
    SDL_Rect fb = {body.x, tb.y + tb.h + L->gap, body.w, body.y + body.h - (tb.y + tb.h + L->gap)};
    add_line(sc, d, ph->finish, fb, L->font_body * 6 / 5, L->font_min, SK_FONT_REGULAR,
             pal(SK_COL_TEXT), AL_CENTRE, false, 255);
}

/* A dimmed middle and a panel with a big word: paused, still there. */
static void build_dialog(sk_scene *sc, dlist *d, const sk_tl_view *v, const char *word,
                         const char *hint, SDL_Color c, bool ring)
{
    const sk_layout *L = &sc->L;
    for (int i = 0; i < d->n; i++) d->items[i].veiled = true;
    SDL_Rect veil = {0, L->title.y + L->title.h, L->w, L->caption.y - (L->title.y + L->title.h)};
    SDL_Color bg = pal(SK_COL_BG);
    bg.a = 215;
    add_rrect(d, veil, 0, 0, bg, 255);
    SDL_Rect box = R(L->dialog);
    add_rrect(d, box, (float)L->gap * 1.5f, 0, pal(SK_COL_SURFACE), 255);
    add_rrect(d, box, (float)L->gap * 1.5f, (float)(L->gap / 4 > 2 ? L->gap / 4 : 2), c, 255);
    SDL_Rect in = inset(box, L->gap * 2, L->gap * 2);
    int ring_h = 0;
    if (ring) {
        float r = in.h * 0.17f;
        ring_h = (int)(2 * r + L->gap);
        int64_t dur = v->phase->duration_ms > 0 ? v->phase->duration_ms : 1;
        item *it = dl_add(d, IT_HOLD);
        if (it) {
            it->box = (SDL_FRect){in.x + in.w / 2.0f, in.y + r, 0, 0};
            it->f1 = r - L->ring_thick * 0.3f;
            it->f2 = L->ring_thick * 0.6f;
            it->f3 = (float)quantise_left(sc, v->remaining_ms, dur,
                                          ring_steps(r + L->ring_thick * 0.3f),
                                          phase_time_runs(v));
            it->c1 = c;
            it->c2 = pal(SK_COL_TRACK);
            dl_key(d, it);
        }
    }
    SDL_Rect wb = {in.x, in.y + ring_h, in.w, (in.h - ring_h) * 6 / 10};
    add_line(sc, d, word, wb, L->font_phase, L->font_min, SK_FONT_BOLD, c, AL_CENTRE, true, 255);
    SDL_Rect hb = {in.x, wb.y + wb.h, in.w, in.y + in.h - (wb.y + wb.h)};
    add_line(sc, d, hint, hb, L->font_body, L->font_min, SK_FONT_REGULAR, pal(SK_COL_TEXT), AL_CENTRE,
             false, 255);
}

static void build_controls(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const char *const words[SK_CTL_COUNT] = {W_BACK, W_PAUSE, W_SKIP, W_STOP};
    for (int i = 0; i < SK_CTL_COUNT; i++) {
        SDL_Rect b = R(L->controls[i]);
        if (b.w <= 0) continue;
        SDL_Color fill = pal(SK_COL_SURFACE), ink = pal(SK_COL_TEXT);
        const char *word = words[i];
        if (i == SK_CTL_PAUSE && v->paused) {
            word = W_RESUME;
            fill = acc(SK_ACC_HOLD);
            ink = pal(SK_COL_ON_ACCENT);
        }
        if (i == SK_CTL_STOP && v->stop_pending) {
            /* The button changes colour; the caption line says what to do. */
            fill = pal(SK_COL_WARN);
            ink = pal(SK_COL_ON_ACCENT);
        }
        float rad = b.h * 0.22f;
        add_rrect(d, b, rad, 0, fill, 255);
        float s = b.h * 0.34f;
        int pad = (int)(b.h * 0.16f);
        /* Icon, then the word beside it; both centred as a group. */
        int tw_max = b.w - pad * 2 - (int)s - pad / 2;
        SDL_Rect tb = {0, b.y, tw_max, b.h};
        int fpx = L->font_button;
        int tw = tex_w(sc, word, fpx, SK_FONT_BOLD);
        if (tw > tw_max) tw = tw_max;
        int group = (int)s + pad / 2 + tw;
        float ix = b.x + (b.w - group) / 2.0f;
        add_icon(d, (sk_control)i, v->paused, ix, b.y + (b.h - s) / 2, s, ink);
        tb.x = (int)(ix + s + pad / 2);
        add_line(sc, d, word, tb, fpx, L->font_min, SK_FONT_BOLD, ink, AL_LEFT, true, 255);
    }
}

static void build_invite(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    SDL_Rect b = R(L->invite);
    SDL_Color fill = acc(SK_ACC_INTRO), ink = pal(SK_COL_ON_ACCENT);
    add_rrect(d, b, b.h / 2.0f, 0, fill, 255);
    /* A fingertip with a ripple: a dot and a ring that breathes slowly. */
    float s = b.h * 0.5f;
    float cx = b.x + b.h * 0.6f, cy = b.y + b.h / 2.0f;
    add_disc(d, cx, cy, s * 0.22f, 0, ink, 255);
    /* In 48 steps of 50 ms: smooth to the eye, and a 60 Hz screen need
     * not redraw for a ripple grown by a tenth of a pixel. */
    int64_t in_cycle = v->clock_ms % 2400;
    float ph = (float)((in_cycle / 50) * 50 / 2400.0);
    hint(sc, 50 - in_cycle % 50);
    float rr = s * (0.3f + 0.25f * ph);
    item *it = dl_add(d, IT_DISC);
    if (it) {
        it->box = (SDL_FRect){cx, cy, 0, 0};
        it->f1 = rr;
        it->f2 = s * 0.07f > 1.5f ? s * 0.07f : 1.5f;
        it->c1 = ink;
        it->alpha = (Uint8)(255 * (1 - ph));
        /* key without the radius: the ripple is one thing that moves */
        it->key = fnv_s(1469598103934665603ull, "ripple");
    }
    SDL_Rect tb = {(int)(b.x + b.h * 1.1f), b.y, b.w - (int)(b.h * 1.1f) - b.h / 3, b.h};
    add_line(sc, d, sc->rt->phrases.tap_to_start, tb, L->font_invite, L->font_min, SK_FONT_BOLD, ink,
             AL_CENTRE, true, 255);
}

/* Captions: the words of the current voice cue, for muted waiting rooms.
 * All of this phase's captions are laid out (warm-only) when it starts. */
static void build_caption(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    if (!p) return;
    bool confirm = v->stop_pending && !sk_rect_empty(L->controls[SK_CTL_STOP]);
    if (confirm)
        add_line(sc, d, W_STOP_AGAIN, R(L->caption), L->font_caption, L->font_min, SK_FONT_BOLD,
                 pal(SK_COL_WARN), AL_CENTRE, true, 255);
    if (p->kind == SK_PH_CARD || p->kind == SK_PH_WELCOME || p->kind == SK_PH_FINISH) return;
    for (int i = 0; i < p->cue_count; i++) {
        const sk_cue *c = &p->cues[i];
        if (!c->text || !*c->text) continue;
        bool now = v->caption == c && !confirm;
        add_line(sc, d, c->text, R(L->caption), L->font_caption, L->font_min, SK_FONT_REGULAR,
                 pal(SK_COL_TEXT), AL_CENTRE, true, now ? 255 : 0);
    }
    if (!confirm && v->caption && v->caption->text &&
        (v->caption < p->cues || v->caption >= p->cues + p->cue_count))
        add_line(sc, d, v->caption->text, R(L->caption), L->font_caption, L->font_min, SK_FONT_REGULAR,
                 pal(SK_COL_TEXT), AL_CENTRE, true, 255);
}

/* The progress bar's fill, rounded to half pixels of its width. Progress
 * grows with the phase's time at one rate per list (1 / its total), learnt
 * from two frames of the same list; until then the next frame looks again. */
static float quantise_progress(sk_scene *sc, const sk_tl_view *v, int width)
{
    int steps = width > 0 ? width * 2 : 1;
    double q = floor(v->progress * steps + 0.5);
    bool moves = phase_time_runs(v) && !v->still_there && v->progress < 1.0;
    if (sc->prog_mode != v->mode) sc->prog_rate = 0;
    if (moves) {
        if (sc->prog_phase == v->phase_index && sc->prog_mode == v->mode &&
            v->elapsed_ms > sc->prog_elapsed && v->progress > sc->prog_value)
            sc->prog_rate = (v->progress - sc->prog_value) / (double)(v->elapsed_ms - sc->prog_elapsed);
        if (sc->prog_rate > 0) hint(sc, (int64_t)floor(((q + 0.5) / steps - v->progress) / sc->prog_rate));
        else hint(sc, 0);
    }
    sc->prog_phase = v->phase_index;
    sc->prog_mode = v->mode;
    sc->prog_elapsed = v->elapsed_ms;
    sc->prog_value = v->progress;
    return (float)(q / steps);
}

static void build(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    d->n = 0;
    d->used = 0;
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    if (!p) return;
    bool ex_phase = p->exercise >= 0 && p->exercise < sc->rt->exercise_count &&
                    (p->kind == SK_PH_INTRO || p->kind == SK_PH_GET_READY || p->kind == SK_PH_HOLD ||
                     p->kind == SK_PH_REST || p->kind == SK_PH_SWITCH);
    if (p->kind == SK_PH_CARD && p->card >= 0 && p->card < sc->rt->card_count) build_card(sc, d, v);
    else if (p->kind == SK_PH_WELCOME) build_welcome(sc, d);
    else if (p->kind == SK_PH_FINISH) build_finish(sc, d);
    else if (ex_phase) build_exercise(sc, d, v);

    build_caption(sc, d, v);
    item *bar = dl_add(d, IT_BAR);
    if (bar) {
        SDL_Rect pb = R(L->progress);
        bar->box = (SDL_FRect){(float)pb.x, (float)pb.y, (float)pb.w, (float)pb.h};
        bar->f3 = quantise_progress(sc, v, pb.w);
        bar->c1 = acc(phase_accent(v));
        bar->c2 = pal(SK_COL_TRACK);
        dl_key(d, bar);
    }
    if (!sk_rect_empty(L->controls[0])) build_controls(sc, d, v);
    if (!sk_rect_empty(L->invite)) build_invite(sc, d, v);
    if (!sk_rect_empty(L->note) && sc->rt->phrases.fallback_note) {
        SDL_Rect nb = R(L->note);
        add_disc(d, nb.x + L->font_small * 0.35f, nb.y + nb.h / 2.0f, L->font_small * 0.3f, 0,
                 pal(SK_COL_WARN), 255);
        nb.x += L->font_small;
        nb.w -= L->font_small;
        add_line(sc, d, sc->rt->phrases.fallback_note, nb, L->font_small, L->font_min,
                 SK_FONT_REGULAR, pal(SK_COL_MUTED), AL_LEFT, true, 255);
    }
    if (v->still_there || p->kind == SK_PH_STILL_THERE)
        build_dialog(sc, d, v, sc->rt->phrases.still_there, W_TAP_TO_GO_ON, acc(SK_ACC_INTRO), true);
    else if (v->paused)
        build_dialog(sc, d, v, sc->rt->phrases.paused,
                     sk_rect_empty(L->controls[SK_CTL_PAUSE]) ? NULL : W_TAP_RESUME,
                     acc(SK_ACC_GET_READY), false);
}

/* ---- drawing the list ------------------------------------------------- */

static void draw_item(sk_scene *sc, const dlist *d, const item *it, Uint8 fade)
{
    SDL_Renderer *r = sc->r;
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only) {
        sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, NULL, NULL);
        return;
    }
    if (a == 0 && it->kind != IT_TEXT) return;
    switch (it->kind) {
    case IT_TEXT:
        if (a == 0) sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, NULL, NULL);
        else sk_text_draw(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0,
                          (int)lroundf(it->box.x), (int)lroundf(it->box.y), a, NULL, NULL);
        break;
    case IT_RRECT: sk_ring_draw_rrect(r, it->box, it->f1, it->f2, it->c1, a); break;
    case IT_DISC: sk_ring_draw_dot(r, it->box.x, it->box.y, it->f1, it->f2, it->c1, a); break;
    case IT_HOLD:
        sk_ring_draw_hold(r, it->box.x, it->box.y, it->f1, it->f2, it->f3, it->c2, it->c1, a);
        break;
    case IT_COUNT:
        sk_ring_draw_count(r, it->box.x, it->box.y, it->f1, it->f2, it->i1, it->f3, it->c2, it->c1, a);
        break;
    case IT_DOTS: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_ring_draw_reps(r, b, it->i1, it->i2, it->c1, it->c2, a);
        break;
    }
    case IT_LEGS:
        sk_ring_draw_legs(r, (int)it->box.x, (int)it->box.y, (int)it->box.w, it->i1, it->c1, it->c2, a);
        break;
    case IT_BAR: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_ring_draw_bar(r, b, it->f3, it->c2, it->c1, a);
        break;
    }
    case IT_POLY: sk_draw_poly(r, it->pts, it->i1, it->c1, a); break;
    case IT_PLACEHOLDER: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_sprite_gfx_draw_placeholder(r, &b, it->c1, it->c2);
        if (a < 255) {
            SDL_Color veil = it->c1;
            veil.a = (Uint8)(255 - a);
            sk_ring_draw_rrect(r, it->box, 0, 0, veil, 255);
        }
        break;
    }
    case IT_SPRITE: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        const sk_sprite_gfx *g = sc->gfx[it->i1];
        if (!g) break;
        if (it->i2 >= 0) sk_sprite_gfx_draw(g, it->i2, it->i3, &b);
        /* Sprites have no alpha of their own here: fade them by veiling
         * with the panel colour. */
        if (a < 255) {
            SDL_Color veil = it->c1;
            veil.a = (Uint8)(255 - a);
            SDL_FRect f = sk_sprite_gfx_fit(g, &b);
            sk_ring_draw_rrect(r, f, 0, 0, veil, 255);
        }
        break;
    }
    }
}

static bool has_key(const dlist *d, uint64_t k)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].key == k && !d->items[i].warm_only) return true;
    return false;
}

static uint64_t signature(const sk_tl_view *v, const sk_layout_in *in)
{
    uint64_t h = 1469598103934665603ull;
    h = fnv_i(h, v->mode);
    h = fnv_i(h, v->phase_index);
    h = fnv_i(h, v->phase ? (int)v->phase->kind : -1);
    h = fnv_i(h, v->paused);
    h = fnv_i(h, v->still_there);
    h = fnv_i(h, v->stop_pending);
    h = fnv_i(h, v->resume_count_ms > 0);
    h = fnv(h, in, sizeof *in);
    return h;
}

/* A hash of the view itself: sk_scene_draw reuses a list prepared for the
 * same view instead of building it again. */
static uint64_t view_hash(const sk_tl_view *v)
{
    uint64_t h = 1469598103934665603ull;
    h = fnv_i(h, v->mode);
    h = fnv_i(h, v->phase_index);
    h = fnv(h, &v->phase, sizeof v->phase);
    h = fnv_i(h, v->elapsed_ms);
    h = fnv_i(h, v->remaining_ms);
    h = fnv(h, &v->progress, sizeof v->progress);
    h = fnv_i(h, v->paused);
    h = fnv_i(h, v->stop_pending);
    h = fnv_i(h, v->resume_count_ms);
    h = fnv_i(h, v->still_there);
    h = fnv(h, &v->caption, sizeof v->caption);
    h = fnv_i(h, v->clock_ms);
    return h;
}

/* Everything an item contributes to the pixels, as draw_item draws it
 * with 'fade': equal hashes, equal draw calls, equal pixels. */
static uint64_t hash_item(uint64_t h, const dlist *d, const item *it, Uint8 fade)
{
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only || a == 0) return h;   /* draws nothing */
    h = fnv_i(h, it->kind);
    h = fnv_i(h, a);
    h = fnv(h, &it->c1, sizeof it->c1);
    h = fnv(h, &it->c2, sizeof it->c2);
    h = fnv(h, &it->box, sizeof it->box);
    h = fnv(h, &it->f1, sizeof it->f1);
    h = fnv(h, &it->f2, sizeof it->f2);
    h = fnv(h, &it->f3, sizeof it->f3);
    h = fnv_i(fnv_i(fnv_i(h, it->i1), it->i2), it->i3);
    h = fnv_i(fnv_i(h, it->px), it->weight);
    if (it->kind == IT_TEXT) h = fnv_s(h, d->arena + it->text);
    if (it->kind == IT_POLY) h = fnv(h, it->pts, sizeof(SDL_FPoint) * (size_t)it->i1);
    return h;
}

/* What a walk over the frame's items does with each. */
typedef enum { WALK_HASH, WALK_DRAW, WALK_RECORD } walk_mode;

/* Where an item can put pixels (with its soft edge), in picture
 * coordinates; 'textured' for a sprite (a scaled texture copy: a dirty
 * area takes it whole, as a clip through a scaled copy may sample it a
 * little differently on the software renderer). */
static SDL_Rect item_bounds(sk_scene *sc, const dlist *d, const item *it, bool *textured)
{
    float x0 = it->box.x, y0 = it->box.y, x1 = it->box.x + it->box.w, y1 = it->box.y + it->box.h;
    *textured = false;
    switch (it->kind) {
    case IT_TEXT: {
        int w = 0, h = 0;
        sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, &w, &h);
        x0 = (float)lroundf(it->box.x);
        y0 = (float)lroundf(it->box.y);
        x1 = x0 + w;
        y1 = y0 + h;
        break;   /* copied 1:1 at whole pixels: a clip cuts it exactly */
    }
    case IT_HOLD: case IT_COUNT: case IT_DISC: {
        float rr = it->f1 + it->f2 + 2;
        x0 = it->box.x - rr;
        y0 = it->box.y - rr;
        x1 = it->box.x + rr;
        y1 = it->box.y + rr;
        break;
    }
    case IT_POLY:
        x0 = y0 = 1e9f;
        x1 = y1 = -1e9f;
        for (int i = 0; i < it->i1; i++) {
            x0 = fminf(x0, it->pts[i].x);
            y0 = fminf(y0, it->pts[i].y);
            x1 = fmaxf(x1, it->pts[i].x);
            y1 = fmaxf(y1, it->pts[i].y);
        }
        break;
    case IT_DOTS: {
        /* The row of dots starts at the box's left and may run past it. */
        float run = it->i2 * it->box.h * 1.6f + it->box.h;
        if (x0 + run > x1) x1 = x0 + run;
        break;
    }
    case IT_SPRITE: *textured = true; break;
    default: break;
    }
    int pad = 3;
    SDL_Rect r = {(int)floorf(x0) - pad, (int)floorf(y0) - pad, 0, 0};
    r.w = (int)ceilf(x1) + pad - r.x;
    r.h = (int)ceilf(y1) + pad - r.y;
    return r;
}

static void record(sk_scene *sc, const dlist *d, const item *it, Uint8 fade, uint64_t h)
{
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only || a == 0 || sc->nrec >= MAX_ITEMS * 2) return;
    item_rec *r = &sc->recs[sc->nrec++];
    r->hash = h;
    r->rect = item_bounds(sc, d, it, &r->textured);
}

static uint64_t visit(sk_scene *sc, walk_mode m, const dlist *d, const item *it, Uint8 fade, uint64_t h)
{
    switch (m) {
    case WALK_DRAW: draw_item(sc, d, it, fade); return h;
    case WALK_HASH: return hash_item(h, d, it, fade);
    case WALK_RECORD: record(sc, d, it, fade, hash_item(1469598103934665603ull, d, it, fade)); return h;
    }
    return h;
}

/* Draws the prepared frame, hashes what it would draw, or records each
 * item's hash and bounds. One walk for all, so the signature can never
 * miss something drawn. */
static uint64_t walk(sk_scene *sc, walk_mode m)
{
    uint64_t h = 1469598103934665603ull;
    if (sc->fading) {
        float e = sc->fade_e;
        Uint8 out = (Uint8)lroundf(255 * (1 - e)), inn = (Uint8)lroundf(255 * e);
        for (int i = 0; i < sc->old->n; i++) {
            const item *it = &sc->old->items[i];
            if (it->warm_only || has_key(sc->cur, it->key)) continue;
            h = visit(sc, m, sc->old, it, out, h);
        }
        for (int i = 0; i < sc->cur->n; i++) {
            const item *it = &sc->cur->items[i];
            h = visit(sc, m, sc->cur, it, has_key(sc->old, it->key) ? 255 : inn, h);
        }
    } else {
        for (int i = 0; i < sc->cur->n; i++) h = visit(sc, m, sc->cur, &sc->cur->items[i], 255, h);
    }
    return h;
}

/* Lays out and builds the list for v in a w x h picture, keeps the
 * cross-fade's bookkeeping, and works out the frame's signature and when
 * it next changes. Draws nothing. */
static void prepare(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    sk_layout_in in = {
        .w = w, .h = h,
        .session = v->mode != SK_TL_LOOP,
        .controls = v->mode == SK_TL_SESSION,
        /* The start screen of mode=session always asks for a tap; the loop
         * only when touch is on. */
        .invitation = v->mode == SK_TL_START || (sc->opts.touch && v->mode == SK_TL_LOOP),
        .note = sc->opts.fell_back,
        .dpi = sc->opts.dpi,
    };
    if (!sc->have_layout || memcmp(&in, &sc->Lin, sizeof in) != 0) {
        sk_layout_compute(&in, &sc->L);
        sc->Lin = in;
        sc->have_layout = true;
    }
    warm_digits(sc);

    uint64_t sig = signature(v, &in);
    if (sc->have_sig && sig != sc->sig) {
        /* Keep the old phase's last picture to fade from (prev: the last
         * frame drawn, which is what is on screen). The fade runs on
         * the timeline's clock from when the change happened (a new phase:
         * its start), so a frame drawn long after a change (a jump in time,
         * --render-frames) shows the new state, never a stale one. */
        dlist *t = sc->old;
        sc->old = sc->prev;
        sc->prev = t;
        sc->prev->n = 0;
        sc->fading = true;
        sc->fade_start = v->clock_ms;
        if (v->phase_index != sc->last_phase || v->mode != sc->last_mode)
            sc->fade_start = v->clock_ms - (v->elapsed_ms > 0 ? v->elapsed_ms : 0);
        if (sc->fade_start < sc->last_clock) sc->fade_start = sc->last_clock;
        if (v->clock_ms - sc->last_clock > FADE_MS) sc->fading = false;
    }
    sc->sig = sig;
    sc->have_sig = true;
    sc->last_clock = v->clock_ms;
    sc->last_phase = v->phase_index;
    sc->last_mode = v->mode;

    sc->hint = INT64_MAX;
    build(sc, sc->cur, v);

    /* Phase end and the next voice cue (a caption, a beep) change what
     * shows or sounds; so does the end of "still there?". */
    if (phase_time_runs(v) && v->phase) {
        hint(sc, v->remaining_ms);
        for (int i = 0; i < v->phase->cue_count; i++)
            if (v->phase->cues[i].at_ms > v->elapsed_ms) hint(sc, v->phase->cues[i].at_ms - v->elapsed_ms);
    }

    float e = 1;
    if (sc->fading) {
        int64_t dt = v->clock_ms - sc->fade_start;
        if (dt < 0 || dt >= FADE_MS) sc->fading = false;
        else {
            e = (float)dt / FADE_MS;
            e = e * e * (3 - 2 * e);   /* smoothstep: no jolt at either end */
            hint(sc, 0);
        }
    }
    sc->fade_e = e;
    uint64_t fs = walk(sc, WALK_HASH);
    fs = fnv_i(fs, w);
    fs = fnv_i(fs, h);
    sc->frame_sig = fs;
}

static bool has_rec(const item_rec *r, int n, uint64_t h)
{
    for (int i = 0; i < n; i++)
        if (r[i].hash == h) return true;
    return false;
}

static bool touches(SDL_Rect a, SDL_Rect b)
{
    return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/* Adds r to the dirty list, merging it with any rect it touches. */
static void dirty_add(SDL_Rect *dr, int *n, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    for (bool merged = true; merged;) {
        merged = false;
        for (int i = 0; i < *n; i++)
            if (touches(dr[i], r)) {
                SDL_UnionRect(&dr[i], &r, &r);
                dr[i] = dr[--*n];
                merged = true;
                break;
            }
    }
    if (*n == MAX_DIRTY) {   /* full: fold into the first */
        SDL_UnionRect(&dr[0], &r, &dr[0]);
        return;
    }
    dr[(*n)++] = r;
}

/* The areas of the picture that differ from the one in the canvas: the
 * bounds of every item drawn in one frame and not (identically) in the
 * other, widened to whole text lines and sprites. Returns the number of
 * rects, or -1 when it is simpler to draw everything. */
static int dirty_rects(sk_scene *sc, SDL_Rect *dr, int w, int h)
{
    sc->nrec = 0;
    walk(sc, WALK_RECORD);
    int n = 0;
    for (int i = 0; i < sc->nrec; i++)
        if (!has_rec(sc->shown_recs, sc->nshown, sc->recs[i].hash)) dirty_add(dr, &n, sc->recs[i].rect);
    for (int i = 0; i < sc->nshown; i++)
        if (!has_rec(sc->recs, sc->nrec, sc->shown_recs[i].hash)) dirty_add(dr, &n, sc->shown_recs[i].rect);
    /* A rect that cuts a sprite takes it whole (and the rect grows until
     * none is cut). */
    for (int pass = 0; pass < 8; pass++) {
        bool grew = false;
        for (int k = 0; k < 2; k++) {
            const item_rec *rs = k ? sc->shown_recs : sc->recs;
            int rn = k ? sc->nshown : sc->nrec;
            for (int i = 0; i < rn; i++) {
                if (!rs[i].textured) continue;
                for (int j = 0; j < n; j++) {
                    SDL_Rect u;
                    if (!SDL_HasIntersection(&dr[j], &rs[i].rect)) continue;
                    SDL_UnionRect(&dr[j], &rs[i].rect, &u);
                    if (!SDL_RectEquals(&u, &dr[j])) {
                        SDL_Rect grown = u;
                        dr[j] = dr[--n];
                        dirty_add(dr, &n, grown);
                        grew = true;
                        break;
                    }
                }
            }
        }
        if (!grew) break;
        if (pass == 7) return -1;
    }
    long area = 0;
    SDL_Rect all = {0, 0, w, h};
    for (int i = 0; i < n; i++) {
        SDL_IntersectRect(&dr[i], &all, &dr[i]);
        area += (long)dr[i].w * dr[i].h;
    }
    if (area * 10 > (long)w * h * 6) return -1;   /* most of it: all */
    return n;
}

/* Keeps the records of the frame now in the canvas. */
static void remember_shown(sk_scene *sc)
{
    sc->nrec = 0;
    walk(sc, WALK_RECORD);
    memcpy(sc->shown_recs, sc->recs, sizeof(item_rec) * (size_t)sc->nrec);
    sc->nshown = sc->nrec;
}

static void draw_prepared(sk_scene *sc)
{
    SDL_Renderer *r = sc->r;
    SDL_Color bg = pal(SK_COL_BG);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    if (sc->opts.canvas && sc->canvas_valid && sc->canvas_sig != sc->frame_sig) {
        /* Only what changed: clear and redraw every item inside each dirty
         * area (the rest of the canvas already holds this picture). */
        SDL_Rect dr[MAX_DIRTY];
        int n = dirty_rects(sc, dr, sc->L.w, sc->L.h);
        if (n == 0) n = -1;   /* something changed (the order?) but no item says where */
        if (n > 0) {
            for (int i = 0; i < n; i++) {
                SDL_RenderSetClipRect(r, &dr[i]);
                SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
                SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
                SDL_RenderFillRect(r, &dr[i]);
                walk(sc, WALK_DRAW);
                sc->dirty_px += (uint64_t)dr[i].w * (uint64_t)dr[i].h;
            }
            SDL_RenderSetClipRect(r, NULL);
        } else {
            SDL_RenderClear(r);
            walk(sc, WALK_DRAW);
            sc->dirty_px += (uint64_t)sc->L.w * (uint64_t)sc->L.h;
        }
        memcpy(sc->shown_recs, sc->recs, sizeof(item_rec) * (size_t)sc->nrec);
        sc->nshown = sc->nrec;
    } else if (!sc->opts.canvas || !sc->canvas_valid) {
        SDL_RenderClear(r);
        walk(sc, WALK_DRAW);
        if (sc->opts.canvas) {
            remember_shown(sc);
            sc->dirty_px += (uint64_t)sc->L.w * (uint64_t)sc->L.h;
        }
    }
    sc->canvas_valid = sc->opts.canvas;
    sc->canvas_sig = sc->frame_sig;
    /* This frame becomes "prev": what the next phase fades from. */
    dlist *t = sc->prev;
    sc->prev = sc->cur;
    sc->cur = t;
    sc->prepared = false;
}

/* The picture's size on a w x h target (turned on its side at 90/270). */
static void picture_size(const sk_scene *sc, int w, int h, int *lw, int *lh)
{
    int rot = sc->opts.rotate;
    bool side = rot == 90 || rot == 270;
    *lw = side ? h : w;
    *lh = side ? w : h;
}

static void prepare_for(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    uint64_t vh = view_hash(v);
    if (sc->prepared && sc->prep_view == vh && sc->prep_w == w && sc->prep_h == h) return;
    int lw, lh;
    picture_size(sc, w, h, &lw, &lh);
    prepare(sc, v, lw, lh);
    sc->frame_sig = fnv_i(fnv_i(sc->frame_sig, sc->opts.rotate), w * 65536 + h);
    sc->prepared = true;
    sc->prep_view = vh;
    sc->prep_w = w;
    sc->prep_h = h;
}

void sk_scene_prepare(sk_scene *sc, const sk_tl_view *v, int w, int h, sk_scene_frame *out)
{
    prepare_for(sc, v, w, h);
    if (out) {
        out->signature = sc->frame_sig;
        out->next_change_ms = sc->hint == INT64_MAX ? -1 : sc->hint;
    }
}

/* ---- lifetime ----------------------------------------------------------- */

/* Loads exercise i's sheet (once, whether it works or not). */
static void load_sprite(sk_scene *sc, int i)
{
    if (i < 0 || i >= sc->rt->exercise_count || sc->tried[i]) return;
    sc->tried[i] = true;
    const char *path = sc->rt->exercises[i].sprite;
    if (path) {
        sk_diag d;
        sk_diag_init(&d);
        sk_sprite_sheet *sh = sk_sprite_sheet_load(path, &d);
        if (!sh) {
            sk_diag_print(&d, stderr);
            fprintf(stderr, "%s: the animation is replaced by a still figure\n", path);
            sk_diag_free(&d);
        } else {
            sk_diag_free(&d);
            char err[256];
            sk_sprite_gfx *g = sk_sprite_gfx_create(sc->r, sh, 0, err, sizeof err);
            if (!g) {
                fprintf(stderr, "%s\n", err);
                sk_sprite_sheet_free(sh);
            } else {
                sc->sheets[i] = sh;
                sc->gfx[i] = g;
            }
        }
    }
    for (int k = 0; k < sc->rt->exercise_count; k++)
        if (!sc->tried[k]) return;
    /* All loaded: one line for the log, what the animation costs in GPU
     * memory (a Pi's CMA pool is small). */
    sk_sprite_gfx_log_total(sc->gfx, sc->rt->exercise_count, stderr);
}

bool sk_scene_preload(sk_scene *sc)
{
    for (int i = 0; i < sc->rt->exercise_count; i++)
        if (!sc->tried[i]) {
            load_sprite(sc, i);
            break;
        }
    for (int i = 0; i < sc->rt->exercise_count; i++)
        if (!sc->tried[i]) return true;
    return false;
}

sk_scene *sk_scene_create(SDL_Renderer *r, const sk_routine *rt, const sk_scene_opts *o)
{
    sk_scene *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    sc->r = r;
    sc->rt = rt;
    sc->opts = *o;
    if (sc->opts.rotate != 90 && sc->opts.rotate != 180 && sc->opts.rotate != 270) sc->opts.rotate = 0;
    sc->cur = calloc(1, sizeof(dlist));
    sc->prev = calloc(1, sizeof(dlist));
    sc->old = calloc(1, sizeof(dlist));
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", o->assets_dir ? o->assets_dir : ".");
    sc->text = sk_text_cache_create(r, fonts);
    if (sc->opts.canvas) {
        sc->recs = calloc(MAX_ITEMS * 2, sizeof(item_rec));
        sc->shown_recs = calloc(MAX_ITEMS * 2, sizeof(item_rec));
    }
    if (!sc->text || !sc->cur || !sc->prev || !sc->old ||
        (sc->opts.canvas && (!sc->recs || !sc->shown_recs))) {
        sk_scene_destroy(sc);
        return NULL;
    }
    if (!sc->opts.lazy_sprites)
        for (int i = 0; i < rt->exercise_count; i++) load_sprite(sc, i);
    return sc;
}

void sk_scene_destroy(sk_scene *sc)
{
    if (!sc) return;
    for (int i = 0; i < SK_MAX_EXERCISES; i++) {
        sk_sprite_gfx_destroy(sc->gfx[i]);
        sk_sprite_sheet_free(sc->sheets[i]);
    }
    if (sc->target) SDL_DestroyTexture(sc->target);
    sk_text_cache_destroy(sc->text);
    free(sc->cur);
    free(sc->prev);
    free(sc->old);
    free(sc->recs);
    free(sc->shown_recs);
    free(sc);
}

void sk_scene_text_stats(const sk_scene *sc, sk_text_stats *out)
{
    sk_text_cache_stats(sc->text, out);
    out->textures_created += sc->own_textures;
}

int sk_scene_check_text(sk_scene *sc, char *why, size_t why_size)
{
    if (why && why_size) why[0] = '\0';
    if (!sc->have_layout || sc->fading) return 0;
    const dlist *d = sc->prev;   /* the last frame drawn */
    int problems = 0;
    SDL_Rect rects[MAX_ITEMS];
    int idx[MAX_ITEMS], n = 0;
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only || it->alpha == 0) continue;
        int w = 0, h = 0;
        const char *t = d->arena + it->text;
        if (!sk_text_get(sc->text, t, it->px, it->weight, it->c1, 0, &w, &h)) continue;
        SDL_Rect r = {(int)lroundf(it->box.x), (int)lroundf(it->box.y), w, h};
        if (it->px < sc->L.font_min) {
            if (!problems++ && why)
                snprintf(why, why_size, "\"%.60s\" at %d px, under the floor of %d px", t, it->px,
                         sc->L.font_min);
        }
        if (r.x < 0 || r.y < 0 || r.x + r.w > sc->L.w || r.y + r.h > sc->L.h) {
            if (!problems++ && why)
                snprintf(why, why_size, "\"%.60s\" (%d,%d %dx%d) leaves the %dx%d picture", t, r.x,
                         r.y, r.w, r.h, sc->L.w, sc->L.h);
        }
        if (it->veiled) continue;
        /* Glyph boxes carry the font's full line height; a line may touch
         * the next (the wrap's line advance is 1.22 em, the box ~1.16 em),
         * so a pixel of slack is allowed. */
        rects[n] = (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2};
        idx[n++] = i;
    }
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++) {
            SDL_Rect o;
            if (SDL_IntersectRect(&rects[a], &rects[b], &o)) {
                if (!problems++ && why)
                    snprintf(why, why_size, "\"%.40s\" overlaps \"%.40s\"",
                             d->arena + d->items[idx[a]].text, d->arena + d->items[idx[b]].text);
            }
        }
    return problems;
}

/* A box of the upright picture (lw x lh) as it lands on the w x h target
 * when sk_scene_draw turns it by rot degrees clockwise about the centres. */
static SDL_Rect turn_rect(SDL_Rect b, int rot, int w, int h, int lw, int lh)
{
    float cx = w / 2.0f, cy = h / 2.0f;
    float xs[2] = {b.x - lw / 2.0f, b.x + b.w - lw / 2.0f};
    float ys[2] = {b.y - lh / 2.0f, b.y + b.h - lh / 2.0f};
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            float dx = xs[i], dy = ys[j], tx, ty;
            if (rot == 90) { tx = cx - dy; ty = cy + dx; }
            else if (rot == 180) { tx = cx - dx; ty = cy - dy; }
            else if (rot == 270) { tx = cx + dy; ty = cy - dx; }
            else { tx = cx + dx; ty = cy + dy; }
            x0 = fminf(x0, tx); y0 = fminf(y0, ty);
            x1 = fmaxf(x1, tx); y1 = fmaxf(y1, ty);
        }
    SDL_Rect r = {(int)floorf(x0), (int)floorf(y0), 0, 0};
    r.w = (int)ceilf(x1) - r.x;
    r.h = (int)ceilf(y1) - r.y;
    return r;
}

int sk_scene_probe_rects(sk_scene *sc, SDL_Rect *out, int max)
{
    /* After sk_scene_draw the list drawn is "prev" (what the next phase
     * fades from). */
    if (!sc || !sc->prev || sc->fading || max <= 0 || sc->prep_w <= 0) return 0;
    const dlist *d = sc->prev;
    /* The title: text starting in the title row (exercise screens and text
     * screens have their own); else the largest text that is no numeral. */
    const item *title = NULL, *other = NULL, *digit = NULL;
    const sk_rect rows[2] = {sc->L.title, sc->L.card_title};
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only || it->veiled || it->alpha < 200 || it->text < 0)
            continue;
        const char *s = d->arena + it->text;
        bool numeral = s[0] >= '0' && s[0] <= '9' && s[1] == 0;
        bool in_title = false;
        for (int k = 0; k < 2; k++)
            if (it->box.x >= rows[k].x && it->box.x < rows[k].x + rows[k].w &&
                it->box.y >= rows[k].y && it->box.y < rows[k].y + rows[k].h)
                in_title = true;
        const item **slot = numeral ? &digit : in_title ? &title : &other;
        if (!*slot || it->px > (*slot)->px) *slot = it;
    }
    if (!title) title = other;
    int w = sc->prep_w, h = sc->prep_h, lw, lh;
    picture_size(sc, w, h, &lw, &lh);
    int n = 0;
    const item *pick[2] = {title, digit};
    for (int k = 0; k < 2 && n < max; k++) {
        if (!pick[k]) continue;
        bool textured;
        SDL_Rect b = item_bounds(sc, d, pick[k], &textured);
        SDL_Rect t = turn_rect(b, sc->opts.rotate, w, h, lw, lh);
        SDL_Rect screen = {0, 0, w, h};
        if (SDL_IntersectRect(&t, &screen, &out[n])) n++;
    }
    return n;
}

const sk_layout *sk_scene_layout(const sk_scene *sc)
{
    return sc && sc->have_layout ? &sc->L : NULL;
}

void sk_scene_draw(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    int rot = sc->opts.rotate;
    bool use_target = rot != 0 || sc->opts.canvas;
    if (use_target && (w <= 0 || h <= 0)) {
        prepare(sc, v, w, h);
        draw_prepared(sc);
        sk_text_cache_end_frame(sc->text);
        return;
    }
    prepare_for(sc, v, w, h);
    if (!use_target) {
        draw_prepared(sc);
        sk_text_cache_end_frame(sc->text);
        return;
    }
    /* The vc4 KMS driver cannot rotate the display: draw the picture
     * upright into a target and turn it onto the screen. With a canvas,
     * the target keeps the picture and only what changed is redrawn. */
    int lw, lh;
    picture_size(sc, w, h, &lw, &lh);
    SDL_Texture *prev_target = SDL_GetRenderTarget(sc->r);
    if (!sc->target || sc->target_w != lw || sc->target_h != lh) {
        if (sc->target) SDL_DestroyTexture(sc->target);
        sc->target = SDL_CreateTexture(sc->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, lw, lh);
        sc->own_textures++;
        sc->target_w = lw;
        sc->target_h = lh;
        sc->canvas_valid = false;
        if (!sc->target)
            fprintf(stderr, "SDL_CreateTexture (%s target %dx%d) failed: %s\n",
                    rot ? "rotation" : "canvas", lw, lh, SDL_GetError());
    }
    if (!sc->target || SDL_SetRenderTarget(sc->r, sc->target) != 0) {
        bool canvas = sc->opts.canvas;
        sc->opts.canvas = false;
        prepare(sc, v, w, h);   /* unrotated, all of it, beats nothing */
        draw_prepared(sc);
        sc->opts.canvas = canvas;
        sc->canvas_valid = false;
        sk_text_cache_end_frame(sc->text);
        return;
    }
    draw_prepared(sc);
    SDL_SetRenderTarget(sc->r, prev_target);
    SDL_SetRenderDrawBlendMode(sc->r, SDL_BLENDMODE_NONE);
    SDL_SetTextureBlendMode(sc->target, SDL_BLENDMODE_NONE);
    if (rot == 0) {
        SDL_RenderCopy(sc->r, sc->target, NULL, NULL);
    } else {
        SDL_SetRenderDrawColor(sc->r, 0, 0, 0, 255);
        SDL_RenderClear(sc->r);
        SDL_Rect dst = {(w - lw) / 2, (h - lh) / 2, lw, lh};
        SDL_RenderCopyEx(sc->r, sc->target, NULL, &dst, (double)rot, NULL, SDL_FLIP_NONE);
    }
    sk_text_cache_end_frame(sc->text);
}

void sk_scene_invalidate(sk_scene *sc)
{
    sc->canvas_valid = false;
}

uint64_t sk_scene_pixels_drawn(const sk_scene *sc)
{
    return sc->dirty_px;
}

void sk_scene_texture_stats(const sk_scene *sc, sk_scene_tex_stats *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < SK_MAX_EXERCISES; i++) {
        if (!sc->gfx[i]) continue;
        sk_sprite_gfx_stats st;
        sk_sprite_gfx_get_stats(sc->gfx[i], &st);
        out->sprite_bytes += st.texture_bytes;
        out->sprite_textures += st.textures;
        if ((long long)st.largest_w * st.largest_h > (long long)out->largest_w * out->largest_h) {
            out->largest_w = st.largest_w;
            out->largest_h = st.largest_h;
        }
    }
    sk_text_stats ts;
    sk_text_cache_stats(sc->text, &ts);
    out->text_bytes = ts.texture_bytes;
    out->text_textures = ts.entries;
    if (sc->target) {
        out->own_bytes = (size_t)sc->target_w * (size_t)sc->target_h * 4;
        if ((long long)sc->target_w * sc->target_h > (long long)out->largest_w * out->largest_h) {
            out->largest_w = sc->target_w;
            out->largest_h = sc->target_h;
        }
    }
}
