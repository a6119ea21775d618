#include "layout.h"

#include <math.h>
#include <string.h>

static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }
static int iround(double v) { return (int)lround(v); }
static int iceil(double v) { return (int)ceil(v - 1e-9); }

static sk_rect rect(int x, int y, int w, int h)
{
    sk_rect r = {x, y, imax(w, 0), imax(h, 0)};
    return r;
}

bool sk_rect_empty(sk_rect r) { return r.w <= 0 || r.h <= 0; }

bool sk_rect_overlap(sk_rect a, sk_rect b)
{
    if (sk_rect_empty(a) || sk_rect_empty(b)) return false;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool sk_rect_inside(sk_rect in, sk_rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

bool sk_rect_contains(sk_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int sk_layout_hit_min(int w, int h, float dpi)
{
    int short_side = imin(imax(w, 64), imax(h, 64));
    /* 10 % of the short side is the floor either way: a 9 mm target on a
     * 55" wall screen would be a speck nobody sees across the room. */
    int by_side = iceil(0.10 * short_side);
    int by_dpi = dpi > 0 ? iceil(dpi * 9.0 / 25.4) : 0;
    return imax(by_side, by_dpi);
}

/* Fonts. 3 % of the height is the floor for anything meant to be read;
 * landscape sizes follow the height, portrait ones are held back by the
 * width so a title still fits in two lines. */
static void layout_fonts(sk_layout *L, int W, int H, bool portrait, int hit)
{
    int fmin = iceil(0.03 * H);
    L->font_min = fmin;
    if (!portrait) {
        L->font_title = imax(fmin, iround(0.072 * H));
        L->font_phase = imax(fmin, iround(0.085 * H));
        L->font_body = imax(fmin, iround(0.042 * H));
        L->font_caption = imax(fmin, iround(0.040 * H));
        L->font_invite = imax(fmin, iround(0.050 * H));
    } else {
        L->font_title = imax(fmin, imin(iround(0.072 * H), iround(W / 13.0)));
        L->font_phase = imax(fmin, imin(iround(0.085 * H), iround(W / 11.0)));
        L->font_body = imax(fmin, imin(iround(0.042 * H), iround(W / 20.0)));
        L->font_caption = imax(fmin, imin(iround(0.040 * H), iround(W / 20.0)));
        L->font_invite = imax(fmin, imin(iround(0.050 * H), iround(W / 16.0)));
    }
    L->font_button = imax(fmin, iround(hit * 0.34));
    L->font_small = fmin;
}

/* The session's controls in the row ending at y; returns the y above them. */
static int layout_controls(sk_layout *L, int left, int right, int y)
{
    int g = L->gap, hit = L->hit_min, inner_w = right - left;
    if (!L->portrait) {
        int bw = imin(iround(3.2 * hit), (inner_w - 4 * g) / 4);
        bw = imax(bw, hit);
        int yy = y - hit;
        for (int i = 0; i < SK_CTL_STOP; i++)
            L->controls[i] = rect(left + i * (bw + g), yy, bw, hit);
        L->controls[SK_CTL_STOP] = rect(right - bw, yy, bw, hit);
        return yy - g;
    }
    /* Portrait: two by two, so each button is half the width and its word
     * still fits at the text floor (3 % of a tall height is large); Stop
     * last, bottom right. */
    int bw = imax(hit, (inner_w - g) / 2);
    int y2 = y - hit, y1 = y2 - g - hit;
    for (int i = 0; i < SK_CTL_COUNT; i++)
        L->controls[i] = rect(left + (i % 2) * (bw + g), i < 2 ? y1 : y2, bw, hit);
    return y1 - g;
}

/* A row of n language buttons ending at y, centred in [left, right] and
 * each wide enough for a name like "Español" at the button font. Returns
 * the left end of the row. */
static int layout_lang_row(sk_layout *L, int n, int left, int right, int y, int h)
{
    int g = L->gap, hit = L->hit_min;
    int want = imax(hit, iround(4.8 * L->font_button + 0.32 * hit));
    int bw = imax(hit, imin(want, (right - left - (n - 1) * g) / n));
    int row = n * bw + (n - 1) * g;
    int x = left + (right - left - row) / 2;
    if (x < left) x = left;
    for (int i = 0; i < n; i++) L->lang_buttons[i] = rect(x + i * (bw + g), y - h, bw, h);
    return x;
}

/* Bottom up: note, controls / invitation, progress, caption. Returns the
 * bottom of the middle. */
static int layout_bottom(sk_layout *L, const sk_layout_in *in, int left, int right, int bottom)
{
    int g = L->gap, hit = L->hit_min, W = L->w, H = L->h, inner_w = right - left;
    bool portrait = L->portrait;
    int y = bottom;
    if (in->note) {
        int nh = iceil(L->font_small * 1.3);
        L->note = rect(left, y - nh, inner_w, nh);
        y -= nh + g;
    }
    int langs = in->languages >= 2 ? imin(in->languages, SK_LANGUAGE_BUTTONS_MAX) : 0;
    if (in->controls) y = layout_controls(L, left, right, y);
    if (in->controls && langs) {
        layout_lang_row(L, langs, left, right, y, hit);
        y -= hit + g;
    }
    if (in->invitation) {
        int lines = portrait ? 2 : 1;
        int ih = imax(hit, iceil(L->font_invite * (1.22 * lines + 0.9)));
        int iw = imin(inner_w, imax(iround(0.62 * W), 24 * L->font_invite * (portrait ? 0 : 1)));
        if (portrait) iw = inner_w;
        if (langs && !portrait && !in->controls) {
            /* One row: the invitation, then the buttons at its right. */
            int bx = layout_lang_row(L, langs, right - iround(0.55 * inner_w), right, y, ih);
            int row_w = L->lang_buttons[langs - 1].x + L->lang_buttons[langs - 1].w - bx;
            iw = imin(iw, inner_w - row_w - g);
            int x0 = left + (inner_w - iw - g - row_w) / 2;
            for (int i = 0; i < langs; i++) L->lang_buttons[i].x += x0 + iw + g - bx;
            L->invite = rect(x0, y - ih, iw, ih);
        } else {
            L->invite = rect(left + (inner_w - iw) / 2, y - ih, iw, ih);
        }
        y -= ih + g;
        if (langs && portrait && !in->controls) {
            layout_lang_row(L, langs, left, right, y, hit);
            y -= hit + g;
        }
    }
    int ph = imax(4, iround(0.011 * H));
    L->progress = rect(left, y - ph, inner_w, ph);
    y -= ph + g;
    L->caption_lines = 2;
    /* Whole lines as the wrap advances them (iceil per line): two lines of
     * 1.22 em rounded once held only one at the floor (480x800). */
    int chh = L->caption_lines * iceil(L->font_caption * 1.22);
    L->caption = rect(left, y - chh, inner_w, chh);
    y -= chh + g;
    return y;
}

/* The ring in a D x D box at (rx, ry), and the counters beside it: the
 * phase word, the rep dots, the leg. The column is as tall as the ring or
 * as its text needs, whichever is more; the steps (below, down to
 * sbottom) give way. */
static void layout_ring_and_counters(sk_layout *L, int rx, int ry, int rw, int D, int right,
                                     int sbottom)
{
    int g = L->gap;
    L->ring_box = rect(rx, ry, D, D);
    /* The ring fills its box less a pixel for the feather. */
    L->ring_thick = imax(4, iround(D * 0.075));
    L->ring_r = D / 2 - L->ring_thick / 2 - 2;
    L->ring_cx = rx + D / 2;
    L->ring_cy = ry + D / 2;
    int r_inner = L->ring_r - L->ring_thick / 2;
    L->font_digits = imax(L->font_min, iround(0.95 * r_inner));

    int px = rx + D + 2 * g, pw = right - px;
    int phh = imax(iround(D * 0.42), iceil(L->font_min * 1.3));
    int rh = imax(iround(D * 0.26), iceil(L->font_small * 1.4));
    int lh = imax(D - phh - rh - g, iceil(L->font_small * 1.4));
    int col = phh + g / 2 + rh + g / 2 + lh;
    L->phase = rect(px, ry, pw, phh);
    L->reps = rect(px, ry + phh + g / 2, pw, rh);
    L->leg = rect(px, ry + phh + g / 2 + rh + g / 2, pw, lh);
    int row = imax(D, col);
    int sy = ry + row + g;
    L->steps = rect(rx, sy, rw, sbottom - sy);
}

/* The exercise screens' middle, from mid_top to mid_bottom: the sprite,
 * the ring with its counters, the steps. */
static void layout_middle(sk_layout *L, int left, int right, int mid_top, int mid_bottom)
{
    int g = L->gap, inner_w = right - left;
    int Hm = imax(0, mid_bottom - mid_top);
    int D, rx, rw, ry, sbottom;
    if (!L->portrait) {
        int sw = iround(inner_w * 0.46);
        L->sprite = rect(left, mid_top, sw, Hm);
        rx = left + sw + 2 * g;
        rw = right - rx;
        D = imin(iround(Hm * 0.55), iround(rw * 0.44));
        ry = mid_top;
        sbottom = ry + D + g + imax(Hm - D - g, 0);   /* the steps' box's bottom */
    } else {
        int sh = iround(Hm * 0.36);
        L->sprite = rect(left, mid_top, inner_w, sh);
        rx = left;
        rw = inner_w;
        ry = mid_top + sh + g;
        D = imin(iround(inner_w * 0.40), iround(Hm * 0.28));
        sbottom = mid_bottom;
    }
    layout_ring_and_counters(L, rx, ry, rw, imax(D, 8), right, sbottom);
    L->steps_wide = L->portrait ? rect(rx, ry, rw, mid_bottom - ry) : rect(rx, mid_top, rw, Hm);
}

/* Text screens: the whole middle, held to a readable line length; the
 * dialog centred over it. */
static void layout_text_screens(sk_layout *L, int left, int inner_w, int mid_top, int Hm)
{
    L->card_title = L->title;
    int cw = imin(inner_w, 34 * L->font_body);
    L->card_body = rect(left + (inner_w - cw) / 2, mid_top, cw, Hm);
    int dw = imin(inner_w, imax(iround(inner_w * 0.66), 16 * L->font_phase));
    int dh = imin(Hm, imax(iround(Hm * 0.7), 3 * L->font_phase));
    L->dialog = rect(left + (inner_w - dw) / 2, mid_top + (Hm - dh) / 2, dw, dh);
    L->dialog_radius = (float)L->gap * 1.5f;
    L->dialog_border = (float)(L->gap / 4 > 2 ? L->gap / 4 : 2);
    sk_rect d = L->dialog;
    int di = L->gap * 2;
    L->dialog_inner = (sk_rect){d.x + di, d.y + di, d.w - 2 * di, d.h - 2 * di};

    L->card_heading = (sk_rect){L->card_body.x, L->card_title.y, L->card_body.w, L->card_title.h};
    if (L->card_heading.x + L->card_heading.w > L->title.x + L->title.w)   /* the tag's room */
        L->card_heading.w = L->title.x + L->title.w - L->card_heading.x;
    sk_rect rule = {L->card_heading.x, L->card_heading.y + L->card_heading.h, L->font_title * 2,
                    L->gap / 2 > 3 ? L->gap / 2 : 3};
    if (rule.y + rule.h < L->card_body.y) L->card_rule = rule;
    L->card_text = (sk_rect){L->card_body.x, L->card_body.y + L->gap, L->card_body.w,
                             L->card_body.h - L->gap};
}

/* The finish screen: a ring closed all the way round (the shape of done)
 * above its title and text, in the card's body. */
static void layout_done(sk_layout *L)
{
    sk_rect body = L->card_body;
    float r = (float)(body.h * 0.2f);
    if (r > L->ring_r * 1.2f) r = L->ring_r * 1.2f;
    L->done_r = r;
    L->done_cx = body.x + body.w / 2.0f;
    L->done_cy = body.y + r + L->gap;
    L->done_thick = (float)L->ring_thick * 0.8f;
    int y = (int)(L->done_cy + r + L->gap * 2);
    L->done_title = (sk_rect){body.x, y, body.w, (int)(L->font_phase * 1.6f)};
    int ty = y + L->done_title.h + L->gap;
    L->done_text = (sk_rect){body.x, ty, body.w, body.y + body.h - ty};
}

/* The parts of the bottom row's controls, the invitation and the note. */
static void layout_bottom_parts(sk_layout *L)
{
    int bh = L->hit_min;   /* every control is hit_min tall */
    L->button_radius = bh * 0.22f;
    L->button_icon = bh * 0.34f;
    L->button_pad = (int)(bh * 0.16f);
    sk_rect b = L->invite;
    L->invite_icon = b.h * 0.5f;
    L->invite_dot_x = b.x + b.h * 0.6f;
    L->invite_dot_y = b.y + b.h / 2.0f;
    L->invite_text = (sk_rect){(int)(b.x + b.h * 1.1f), b.y, b.w - (int)(b.h * 1.1f) - b.h / 3, b.h};
    sk_rect n = L->note;
    L->note_dot_x = n.x + L->font_small * 0.35f;
    L->note_dot_y = n.y + n.h / 2.0f;
    L->note_dot_r = L->font_small * 0.3f;
    L->note_text = (sk_rect){n.x + L->font_small, n.y, n.w - L->font_small, n.h};
}

/* The parts inside the exercise boxes, the dialog, the welcome and the tag. */
static void layout_inner_parts(sk_layout *L)
{
    int g = L->gap;
    L->font_count = L->font_small * 6 / 5;
    L->font_text = L->font_body * 6 / 5;
    L->font_done = L->font_phase * 5 / 4;

    L->sprite_radius = (float)g;
    sk_rect s = L->sprite;
    L->sprite_inner = (sk_rect){s.x + g, s.y + g, s.w - 2 * g, s.h - 2 * g};
    L->ring_steps_r = L->ring_r + L->ring_thick / 2.0f;
    sk_rect dots = L->reps;
    int dot_h = imin(L->font_small * 3 / 2, dots.h);
    L->rep_dots = (sk_rect){dots.x, dots.y + (dots.h - dot_h) / 2, dots.w / 2, dot_h};
    L->rep_text_gap = g * 1.5f;
    sk_rect leg = L->leg;
    /* The figure (a pair of legs) is three quarters as wide as tall: the
     * word beside it has the rest ("Schmerzendes Bein" at the floor needs
     * nearly all of it in portrait 480x800). */
    int fig = imin(leg.h, L->font_small * 9 / 4), fig_w = fig * 3 / 4;
    L->leg_figure = (sk_rect){leg.x, leg.y + (leg.h - fig) / 2, fig_w, fig};
    L->leg_text = (sk_rect){leg.x + fig_w + g, leg.y, leg.w - fig_w - g, leg.h};

    L->dialog_veil = (sk_rect){0, L->title.y + L->title.h, L->w, L->caption.y - (L->title.y + L->title.h)};
    sk_rect in = L->dialog_inner;
    float r = in.h * 0.17f;
    L->dialog_ring_cx = in.x + in.w / 2.0f;
    L->dialog_ring_cy = in.y + r;
    L->dialog_ring_r = r - L->ring_thick * 0.3f;
    L->dialog_ring_thick = L->ring_thick * 0.6f;
    L->dialog_ring_steps_r = r + L->ring_thick * 0.3f;
    for (int ring = 0; ring < 2; ring++) {
        int ring_h = ring ? (int)(2 * r + g) : 0;
        sk_rect wb = {in.x, in.y + ring_h, in.w, (in.h - ring_h) * 6 / 10};
        L->dialog_word[ring] = wb;
        L->dialog_hint[ring] = (sk_rect){in.x, wb.y + wb.h, in.w, in.y + in.h - (wb.y + wb.h)};
    }

    L->panel_pad = g * 3 / 2;
    L->warn_bar_w = imax(g / 3, 3);
    L->warn_bar_inset = g;
    L->panel_radius = (float)g;
    L->welcome_top_h = L->card_text.h * 45 / 100;
    L->welcome_gap = g * 2;
    sk_rect ct = L->card_text;
    L->welcome_room = (sk_rect){ct.x, ct.y, ct.w, L->caption.y + L->caption.h - ct.y};

    sk_rect t = L->lang_tag;
    L->lang_tag_border = (float)imax(g / 6, 1);
    L->lang_tag_text = (sk_rect){t.x + t.h / 3, t.y, t.w - 2 * (t.h / 3), t.h};
}

void sk_layout_compute(const sk_layout_in *in, sk_layout *L)
{
    memset(L, 0, sizeof *L);
    L->in = *in;
    int W = imax(in->w, 64), H = imax(in->h, 64);
    int S = imin(W, H);
    /* A near-square screen taller than wide (5:4 turned on its side) still
     * has room beside the animation: only a clearly tall one stacks. */
    bool portrait = H * 100 > W * 130;
    L->w = W;
    L->h = H;
    L->portrait = portrait;
    int m = imax(4, iround(0.035 * S));
    L->margin = m;
    L->gap = imax(3, iround(0.018 * S));
    L->hit_min = sk_layout_hit_min(W, H, in->dpi);
    layout_fonts(L, W, H, portrait, L->hit_min);

    int left = m, right = W - m, top = m, bottom = H - m;
    int mid_bottom = layout_bottom(L, in, left, right, bottom);
    L->title_lines = portrait ? 2 : 1;
    int th = iceil(L->title_lines * L->font_title * 1.2);
    if (in->tag) {
        /* "Español" at the small font in the far corner: beside the title
         * in landscape; on a portrait screen, whose title row is narrow
         * and two lines tall, in a row of its own above it. */
        int tw = imin((right - left) / 3, iceil(L->font_small * 5.6));
        int tag_h = iceil(L->font_small * 1.6);
        L->lang_tag = rect(right - tw, top, tw, tag_h);
        if (portrait) top += tag_h + L->gap / 2;
    }
    L->title = rect(left, top, right - left, th);
    if (in->tag && !portrait) L->title.w -= L->lang_tag.w + L->gap;
    int mid_top = top + th + L->gap;
    layout_middle(L, left, right, mid_top, mid_bottom);
    layout_text_screens(L, left, right - left, mid_top, imax(0, mid_bottom - mid_top));
    layout_done(L);
    layout_bottom_parts(L);
    layout_inner_parts(L);
}

int sk_layout_hit_language(const sk_layout *l, int x, int y)
{
    for (int i = 0; i < SK_LANGUAGE_BUTTONS_MAX; i++)
        if (sk_rect_contains(l->lang_buttons[i], x, y)) return i;
    return -1;
}

sk_control sk_layout_hit(const sk_layout *l, int x, int y)
{
    for (int i = 0; i < SK_CTL_COUNT; i++)
        if (sk_rect_contains(l->controls[i], x, y)) return (sk_control)i;
    return SK_CTL_COUNT;
}

/* ---- text wrapping ---------------------------------------------------- */

#define WRAP_BUF 1100

static size_t u8_len(unsigned char c)
{
    if (c < 0xC0) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

typedef struct wrap_ctx {
    sk_text_measure_fn measure;
    void *user;
    int size;
    bool failed;
    bool whole_words;   /* a word broken between characters does not fit */
    char buf[WRAP_BUF];
} wrap_ctx;

/* Width of s[0..n) at the context's size; a line longer than the buffer
 * counts as too wide, so it gets broken. */
static int measure_n(wrap_ctx *c, const char *s, size_t n)
{
    if (n >= WRAP_BUF) return 1 << 28;
    memcpy(c->buf, s, n);
    c->buf[n] = '\0';
    int w = c->measure(c->user, c->buf, c->size);
    if (w < 0) {
        c->failed = true;
        return 1 << 28;
    }
    return w;
}

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

/* Lays paragraphs out at one size. Returns true when all of it fits in the
 * box (and the line limit). With keep_partial, stops at the last line that
 * fits vertically instead of failing early. */
/* Where the line starting at pos ends: after the longest run of whole
 * words that fits avail; a word wider than the box is broken between
 * characters (at least one is taken: then *fits is cleared). */
static size_t line_end(wrap_ctx *c, const char *t, size_t n, size_t pos, int avail, bool *fits)
{
    size_t best = pos;        /* end of the accepted run */
    size_t e = pos;
    while (e < n && t[e] != '\n') {
        size_t we = e;
        while (we < n && is_blank(t[we])) we++;
        while (we < n && !is_blank(t[we]) && t[we] != '\n') we++;
        if (measure_n(c, t + pos, we - pos) > avail) break;
        best = we;
        e = we;
    }
    if (best == pos && pos < n && t[pos] != '\n') {
        if (c->whole_words) *fits = false;
        size_t k = pos, last_fit = pos;
        while (k < n && !is_blank(t[k]) && t[k] != '\n') {
            size_t nk = k + u8_len((unsigned char)t[k]);
            if (nk > n) nk = n;
            if (measure_n(c, t + pos, nk - pos) > avail) break;
            last_fit = nk;
            k = nk;
        }
        if (last_fit == pos) {
            /* Not even one character fits: take it anyway. */
            *fits = false;
            last_fit = pos + u8_len((unsigned char)t[pos]);
            if (last_fit > n) last_fit = n;
        }
        best = last_fit;
    }
    return best;
}

static bool wrap_at(wrap_ctx *c, const char *const *paras, int np, const sk_wrap_opts *o,
                    bool keep_partial, sk_wrap *out)
{
    int avail = o->box_w - o->indent;
    float lh_mult = o->line_height > 0 ? o->line_height : 1.22f;
    float gap_mult = o->para_gap > 0 ? o->para_gap : 0.35f;
    int lh = iceil(c->size * lh_mult);
    int pg = iround(lh * gap_mult);
    out->font_px = c->size;
    out->line_h = lh;
    out->para_gap_px = pg;
    out->line_count = 0;
    out->height = 0;
    out->width = 0;
    out->fits = false;
    out->truncated = false;
    int max_lines = o->max_lines > 0 ? imin(o->max_lines, SK_WRAP_MAX_LINES) : SK_WRAP_MAX_LINES;
    bool fits = avail > 0;
    int height = 0;
    for (int p = 0; p < np; p++) {
        const char *t = paras[p] ? paras[p] : "";
        size_t n = strlen(t);
        size_t pos = 0;
        bool first = true;
        while (is_blank(t[pos])) pos++;
        for (;;) {
            size_t best = line_end(c, t, n, pos, avail, &fits);
            size_t le = best;
            while (le > pos && is_blank(t[le - 1])) le--;
            int add = (out->line_count > 0 && first && p > 0 ? pg : 0) + lh;
            if (out->line_count >= max_lines || height + add > o->box_h) {
                fits = false;
                if (keep_partial) {
                    out->truncated = true;
                    goto done;
                }
                out->height = height;
                return false;
            }
            sk_wrap_line *ln = &out->lines[out->line_count++];
            ln->para = p;
            ln->start = (int)pos;
            ln->len = (int)(le - pos);
            ln->width = ln->len ? measure_n(c, t + pos, le - pos) : 0;
            ln->first = first;
            if (ln->width + o->indent > out->width) out->width = ln->width + o->indent;
            height += add;
            first = false;
            pos = best;
            while (pos < n && is_blank(t[pos])) pos++;
            if (pos < n && t[pos] == '\n') {
                pos++;
                while (pos < n && is_blank(t[pos])) pos++;
                if (pos >= n) break;
            }
            if (pos >= n || c->failed) break;
        }
        if (c->failed) break;
    }
done:
    out->height = height;
    out->fits = fits && !c->failed && !out->truncated;
    return out->fits;
}

bool sk_text_wrap(const char *const *paras, int np, const sk_wrap_opts *o,
                  sk_text_measure_fn measure, void *user, sk_wrap *out)
{
    memset(out, 0, sizeof *out);
    if (!o || !measure || np < 0 || np > SK_WRAP_MAX_PARAS || (np > 0 && !paras) ||
        o->font_min <= 0 || o->font_max < o->font_min || o->box_w <= 0 || o->box_h < 0)
        return false;
    static wrap_ctx ctx_store;  /* 1 KB scratch; the kiosk draws on one thread */
    wrap_ctx *c = &ctx_store;
    c->measure = measure;
    c->user = user;
    c->failed = false;
    /* Largest size that fits, stepping down ~4 % a time (a 1 px step from
     * 150 px would measure the text 100 times): first with every word
     * whole (a long German word shrinks the text rather than lose its last
     * letter to the next line), then letting a word too long even at the
     * floor break between characters. */
    for (int pass = 0; pass < 2; pass++) {
        c->whole_words = pass == 0;
        int size = o->font_max;
        for (;;) {
            c->size = size;
            if (wrap_at(c, paras, np, o, false, out)) return true;
            if (c->failed) {
                memset(out, 0, sizeof *out);
                return false;
            }
            if (size == o->font_min) break;
            int next = imin(size - 1, (int)floor(size * 0.96));
            size = imax(next, o->font_min);
        }
    }
    c->whole_words = false;
    c->size = o->font_min;
    wrap_at(c, paras, np, o, true, out);
    if (c->failed) {
        memset(out, 0, sizeof *out);
        return false;
    }
    out->fits = false;
    return true;
}

bool sk_text_wrap1(const char *text, const sk_wrap_opts *o, sk_text_measure_fn measure,
                   void *user, sk_wrap *out)
{
    const char *p[1] = {text};
    return sk_text_wrap(p, 1, o, measure, user, out);
}
