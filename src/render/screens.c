/* The screen builders: the timeline's view as items in the layout's
 * boxes (an exercise, a card, welcome, finish, dialogs, the controls). */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ring_geom.h"
#include "sprite_clock.h"
#include "text_util.h"

#define VEIL_ALPHA 215        /* a dialog's dimmed middle: the screen shows through */
#define RIPPLE_MS 2400        /* the invitation's fingertip breathes once in this */
#define RIPPLE_STEP_MS 50
/* Type, in tenths of the font size: a paragraph's marker ("12", ⚠) and a
 * bullet sit in an indent this wide; one line at the floor is this tall. */
#define MARK_INDENT_EM10 16
#define BULLET_INDENT_EM10 14
#define LINE_EM10 13
#define WELCOME_SHRINK_PERCENT 90   /* the welcome's text, a step smaller */

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
    sk_sc_add_rrect(d, R(L->sprite), L->sprite_radius, 0, pal(SK_COL_SURFACE), 255);
    (void)ex;
    sk_sc_load_sprite(sc, exi);   /* lazy_sprites: on first use */
    sk_sprite_gfx *g = exi >= 0 ? sc->gfx[exi] : NULL;
    SDL_Rect in = R(L->sprite_inner);
    if (!g) {
        item *it = sk_dl_add(d, IT_PLACEHOLDER);
        if (it) {
            it->box = (SDL_FRect){(float)in.x, (float)in.y, (float)in.w, (float)in.h};
            it->c1 = pal(SK_COL_SURFACE);
            it->c2 = pal(SK_COL_MUTED);
            sk_dl_key(d, it);
        }
        return;
    }
    int64_t elapsed = v->elapsed_ms;
    sk_sprite_pick pick = sk_sprite_clock_pick(sc->sheets[exi], v->phase->kind, elapsed, v->phase->leg);
    if (pick.clip && sk_sc_time_runs(v)) {
        /* The next sprite step that shows another frame; a clip that
         * holds its frame (played once) is looked at again 8 steps on. */
        int64_t fps = pick.clip->fps > 0 ? pick.clip->fps : 1;
        int64_t e = elapsed < 0 ? 0 : elapsed, step = e * fps / 1000, at = e;
        for (int k = 1; k <= 8; k++) {
            at = ((step + k) * 1000 + fps - 1) / fps;   /* first ms of that step */
            sk_sprite_pick nx = sk_sprite_clock_pick(sc->sheets[exi], v->phase->kind, at, v->phase->leg);
            if (nx.frame != pick.frame || nx.mirrored != pick.mirrored) break;
        }
        sk_sc_hint(sc, at - e);
    }
    item *it = sk_dl_add(d, IT_SPRITE);
    if (!it) return;
    it->box = (SDL_FRect){(float)in.x, (float)in.y, (float)in.w, (float)in.h};
    it->i1 = exi;
    it->i2 = pick.frame;
    it->i3 = pick.mirrored;
    it->c1 = pal(SK_COL_SURFACE);
    sk_dl_key(d, it);
}

/* Which step the voice is reading now (0-based); -1 when it reads
 * something else. The caption is a cue of this phase (timeline.h). */
static int spoken_step(const sk_tl_view *v, const sk_exercise *ex)
{
    const sk_cue *c = v->caption;
    if (!c || c->says != SK_CUE_STEP || c->step < 1 || c->step > ex->step_count) return -1;
    return c->step - 1;
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
    /* The paragraph being read aloud: a step, the equipment or the caution. */
    int reading = speaking;
    sk_cue_says says = v->caption ? v->caption->says : SK_CUE_OTHER;
    for (int i = 0; reading < 0 && i < n; i++)
        if ((says == SK_CUE_EQUIPMENT && paras[i] == ex->equipment) ||
            (says == SK_CUE_CAUTION && paras[i] == ex->caution))
            reading = i;
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
                      .indent = fmax * MARK_INDENT_EM10 / 10};
    const sk_wrap *w = sk_sc_wrap(sc, paras, n, &o, SK_FONT_REGULAR);
    if (!w) return;
    if (w->fits) {
        sk_sc_add_paras(sc, d, paras, st, n, box, fmax, fmin, SK_FONT_REGULAR, AL_LEFT, false,
                        MARK_INDENT_EM10, 255);
        return;
    }
    sk_sc_build_step_pages(sc, d, v, paras, st, n, box, reading, &o, MARK_INDENT_EM10);
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
    if (word) sk_sc_add_line(sc, d, word, pb, L->font_phase, L->font_min, SK_FONT_BOLD, a, AL_LEFT, true, 255);
    /* Rep dots and "2 of 4". */
    if (p->reps > 0 && p->rep > 0) {
        int filled = p->rep - (p->kind == SK_PH_REST ? 0 : 1);
        if (p->kind == SK_PH_HOLD || p->kind == SK_PH_REST) filled = p->rep;
        SDL_Rect dots = R(L->reps), db = R(L->rep_dots);
        item *it = sk_dl_add(d, IT_DOTS);
        if (it) {
            it->box = (SDL_FRect){(float)db.x, (float)db.y, (float)db.w, (float)db.h};
            it->i1 = filled;
            it->i2 = p->reps;
            it->c1 = text;
            it->c2 = muted;
            sk_dl_key(d, it);
        }
        sk_rep_row row;
        sk_rep_row_fit((float)db.w, (float)db.h, p->reps, &row);
        int used = (int)(row.natural_pitch * (p->reps - 1) + row.natural_d + L->rep_text_gap);
        if (used > db.w) used = db.w;
        char rep[128];
        sk_phrase_format(rep, sizeof rep, ph->rep_of, p->rep, p->reps, NULL);
        SDL_Rect tb = {dots.x + used, dots.y, dots.w - used, dots.h};
        sk_sc_add_line(sc, d, rep, tb, L->font_count, L->font_min, SK_FONT_REGULAR, muted, AL_LEFT, true,
                       255);
    }
    /* Which leg: a figure (the solid leg is the one to stretch) and the word. */
    if (p->leg != SK_LEG_NONE) {
        const char *lw = p->leg == SK_LEG_PAINFUL ? ph->painful_leg : ph->other_leg;
        SDL_Rect fig = R(L->leg_figure);
        item *it = sk_dl_add(d, IT_LEGS);
        if (it) {
            it->box = (SDL_FRect){(float)fig.x, (float)fig.y, (float)fig.w, (float)fig.h};
            it->i1 = p->leg == SK_LEG_OTHER;
            it->c1 = text;
            it->c2 = muted;
            sk_dl_key(d, it);
        }
        sk_sc_add_line(sc, d, lw, R(L->leg_text), L->font_count, L->font_min, SK_FONT_BOLD, text, AL_LEFT,
                       true, 255);
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
        int total = (int)((v->resume_total_ms + 999) / 1000);
        double rem = sk_sc_quantise_left(sc, v->resume_count_ms, v->resume_total_ms,
                                   sk_sc_ring_steps(L->ring_steps_r), !v->paused);
        item *it = sk_dl_add(d, IT_COUNT);
        if (it) {
            it->box = (SDL_FRect){cx, cy, 0, 0};
            it->f1 = (float)L->ring_r;
            it->f2 = (float)L->ring_thick;
            it->f3 = (float)rem;
            it->i1 = total;
            it->c1 = a;
            it->c2 = track;
            sk_dl_key(d, it);
        }
        secs = sk_sc_seconds_left(sc, v->resume_count_ms, !v->paused);
    } else {
        int64_t dur = p->duration_ms > 0 ? p->duration_ms : 1;
        bool runs = sk_sc_time_runs(v);
        double rem = sk_sc_quantise_left(sc, v->remaining_ms, dur,
                                   sk_sc_ring_steps(L->ring_steps_r), runs);
        secs = sk_sc_seconds_left(sc, v->remaining_ms, runs);
        item *it = sk_dl_add(d, p->kind == SK_PH_GET_READY ? IT_COUNT : IT_HOLD);
        if (it) {
            it->box = (SDL_FRect){cx, cy, 0, 0};
            it->f1 = (float)L->ring_r;
            it->f2 = (float)L->ring_thick;
            it->f3 = (float)rem;
            it->i1 = (int)((dur + 999) / 1000);
            it->c1 = a;
            it->c2 = track;
            sk_dl_key(d, it);
        }
    }
    sk_sc_add_number(sc, d, secs, cx, cy, p->kind == SK_PH_HOLD && v->resume_count_ms <= 0 ? pal(SK_COL_TEXT) : a);
}

static void build_exercise(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    int exi = p->exercise;
    const sk_exercise *ex = &sc->rt->exercises[exi];
    sk_sc_add_line(sc, d, ex->name, R(L->title), L->font_title, L->font_min, SK_FONT_BOLD, pal(SK_COL_TEXT),
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

/* A text screen's title and the accent rule under it (a shape with the
 * colour). */
static void add_heading(sk_scene *sc, dlist *d, const char *title, SDL_Color c)
{
    const sk_layout *L = &sc->L;
    sk_sc_add_line(sc, d, title, R(L->card_heading), L->font_title, L->font_min, SK_FONT_BOLD, c, AL_LEFT,
                   true, 255);
    SDL_Rect rule = R(L->card_rule);
    if (!sk_rect_empty(L->card_rule)) sk_sc_add_pill(d, rule, 0, c);
}

static void build_text_screen(sk_scene *sc, dlist *d, const char *title, SDL_Color title_c,
                              const char *const *paras, const para_style *st, int n, bool bullets)
{
    const sk_layout *L = &sc->L;
    add_heading(sc, d, title, title_c);
    sk_sc_add_paras(sc, d, paras, st, n, R(L->card_text), L->font_text, L->font_min, SK_FONT_REGULAR, AL_LEFT,
              true, bullets ? BULLET_INDENT_EM10 : 0, 255);
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

/* How the welcome screen's two texts share the body: the welcome's font
 * and box height, the height it takes, the safety note's wrap, and
 * whether either is cut short. */
typedef struct {
    int wfont, top_h, wh;
    const sk_wrap *note;
    bool cut;
} welcome_fit;

/* The safety note is never cut short while the welcome can give it room:
 * the welcome's text gets smaller (to the floor) until the note fits whole
 * (a long translation on a narrow portrait screen); if it still does not,
 * the note takes what it needs and the welcome is cut instead. The note is
 * measured as it is drawn (sk_sc_wrap_indented: the indent follows the
 * size chosen). */
static welcome_fit fit_welcome(sk_scene *sc, SDL_Rect body, int pad)
{
    const sk_layout *L = &sc->L;
    const sk_phrases *ph = &sc->rt->phrases;
    const char *wp[1] = {ph->welcome}, *p[1] = {ph->safety};
    bool safety = ph->safety && *ph->safety;
    welcome_fit f = {.wfont = L->font_text, .top_h = L->welcome_top_h};
    const sk_wrap *ww = NULL;
    sk_wrap_opts o;
    for (;;) {
        sk_wrap_opts wo = {.box_w = body.w, .box_h = f.top_h, .font_max = f.wfont, .font_min = L->font_min};
        ww = ph->welcome ? sk_sc_wrap(sc, wp, 1, &wo, SK_FONT_REGULAR) : NULL;
        f.wh = ww ? ww->height : 0;
        o = (sk_wrap_opts){.box_w = body.w - 2 * pad, .box_h = body.h - f.wh - L->welcome_gap - 2 * pad,
                           .font_max = L->font_body, .font_min = L->font_min};
        f.note = safety && o.box_h > 0
                     ? sk_sc_wrap_indented(sc, p, 1, &o, MARK_INDENT_EM10, SK_FONT_REGULAR) : NULL;
        if (!safety || (f.note && !f.note->truncated) || !ph->welcome || f.wfont <= L->font_min) break;
        int smaller = f.wfont * WELCOME_SHRINK_PERCENT / 100;
        f.wfont = smaller > L->font_min ? smaller : L->font_min;
    }
    if (!safety || !ph->welcome || (f.note && !f.note->truncated)) {
        /* The welcome may use all the room the note leaves, not only its
         * share. */
        int room = body.h - (f.note ? f.note->height + 2 * pad + L->welcome_gap : 0);
        if (ww && ww->truncated && room > f.top_h) {
            sk_wrap_opts wo = {.box_w = body.w, .box_h = room, .font_max = f.wfont, .font_min = L->font_min};
            ww = sk_sc_wrap(sc, wp, 1, &wo, SK_FONT_REGULAR);
            if (ww) {
                f.top_h = room;
                f.wh = ww->height;
            }
        }
        f.cut = ww && ww->truncated;
        return f;
    }
    /* Last resort: the note first, in all but one line of the welcome. */
    int one_line = L->font_min * LINE_EM10 / 10;
    o.box_h = body.h - one_line - L->welcome_gap - 2 * pad;
    f.note = o.box_h > 0 ? sk_sc_wrap_indented(sc, p, 1, &o, MARK_INDENT_EM10, SK_FONT_REGULAR) : NULL;
    f.top_h = body.h - (f.note ? f.note->height + 2 * pad : 0) - L->welcome_gap;
    sk_wrap_opts wo = {.box_w = body.w, .box_h = f.top_h, .font_max = L->font_min, .font_min = L->font_min};
    ww = f.top_h > 0 ? sk_sc_wrap(sc, wp, 1, &wo, SK_FONT_REGULAR) : NULL;
    f.wfont = L->font_min;
    f.wh = ww ? (ww->height < f.top_h ? ww->height : f.top_h) : 0;
    f.cut = true;
    return f;
}

static void build_welcome(sk_scene *sc, dlist *d)
{
    const sk_layout *L = &sc->L;
    const sk_phrases *ph = &sc->rt->phrases;
    add_heading(sc, d, ph->welcome_title, acc(SK_ACC_INTRO));
    SDL_Rect body = R(L->card_text);
    /* The welcome above; the safety note in a panel of its own below, with
     * a warning sign, so it reads as the one thing not to skip. The two
     * sit together in the middle of the body, or of the room down over the
     * empty caption box when they need it. */
    int pad = L->panel_pad;
    welcome_fit f = fit_welcome(sc, body, pad);
    if (f.cut && L->welcome_room.h > body.h) {
        body = R(L->welcome_room);
        f = fit_welcome(sc, body, pad);
    }
    const sk_wrap *w = f.note;
    const char *p[1] = {ph->safety};
    int wh = f.wh, ph_h = w ? w->height + 2 * pad : 0;
    int total = wh + (w ? L->welcome_gap + ph_h : 0);
    int y0 = body.y + (body.h - total) / 2;
    if (y0 < body.y) y0 = body.y;
    SDL_Rect top = {body.x, y0, body.w, f.top_h};
    sk_sc_add_line(sc, d, ph->welcome, top, f.wfont, L->font_min, SK_FONT_REGULAR, pal(SK_COL_TEXT), AL_LEFT,
             false, 255);
    if (!w) return;
    SDL_Rect panel = {body.x, y0 + wh + L->welcome_gap, body.w, ph_h};
    SDL_Rect in = inset(panel, pad, pad);
    para_style st = {pal(SK_COL_TEXT), "\xe2\x9a\xa0", pal(SK_COL_WARN)};
    sk_sc_add_rrect(d, panel, L->panel_radius, 0, pal(SK_COL_SURFACE), 255);
    SDL_Rect bar = {panel.x, panel.y + L->warn_bar_inset, L->warn_bar_w, panel.h - 2 * L->warn_bar_inset};
    sk_sc_add_pill(d, bar, 0, pal(SK_COL_WARN));
    sk_sc_add_paras(sc, d, p, &st, 1, in, L->font_body, L->font_min, SK_FONT_REGULAR, AL_LEFT, false,
                    MARK_INDENT_EM10, 255);
}

static void build_finish(sk_scene *sc, dlist *d)
{
    const sk_layout *L = &sc->L;
    const sk_phrases *ph = &sc->rt->phrases;
    SDL_Color g = acc(SK_ACC_FINISH);
    /* A ring closed all the way round with a tick in it: the shape of done. */
    float r = L->done_r, cx = L->done_cx, cy = L->done_cy;
    item *it = sk_dl_add(d, IT_HOLD);
    if (it) {
        it->box = (SDL_FRect){cx, cy, 0, 0};
        it->f1 = r;
        it->f2 = L->done_thick;
        it->f3 = 1;
        it->c1 = g;
        it->c2 = pal(SK_COL_TRACK);
        sk_dl_key(d, it);
    }
    sk_sc_add_tick(d, cx, cy, r, g);
    sk_sc_add_line(sc, d, ph->finish_title, R(L->done_title), L->font_done, L->font_min, SK_FONT_BOLD,
                   g, AL_CENTRE, true, 255);
    sk_sc_add_line(sc, d, ph->finish, R(L->done_text), L->font_text, L->font_min, SK_FONT_REGULAR,
                   pal(SK_COL_TEXT), AL_CENTRE, false, 255);
}

/* A dimmed middle and a panel with a big word: paused, still there. */
static void build_dialog(sk_scene *sc, dlist *d, const sk_tl_view *v, const char *word,
                         const char *hint, SDL_Color c, bool ring)
{
    const sk_layout *L = &sc->L;
    for (int i = 0; i < d->n; i++) d->items[i].veiled = true;
    SDL_Color bg = pal(SK_COL_BG);
    bg.a = VEIL_ALPHA;
    sk_sc_add_rrect(d, R(L->dialog_veil), 0, 0, bg, 255);
    SDL_Rect box = R(L->dialog);
    sk_sc_add_rrect(d, box, L->dialog_radius, 0, pal(SK_COL_SURFACE), 255);
    sk_sc_add_rrect(d, box, L->dialog_radius, L->dialog_border, c, 255);
    if (ring) {
        int64_t dur = v->phase->duration_ms > 0 ? v->phase->duration_ms : 1;
        item *it = sk_dl_add(d, IT_HOLD);
        if (it) {
            it->box = (SDL_FRect){L->dialog_ring_cx, L->dialog_ring_cy, 0, 0};
            it->f1 = L->dialog_ring_r;
            it->f2 = L->dialog_ring_thick;
            it->f3 = (float)sk_sc_quantise_left(sc, v->remaining_ms, dur,
                                                sk_sc_ring_steps(L->dialog_ring_steps_r),
                                                sk_sc_time_runs(v));
            it->c1 = c;
            it->c2 = pal(SK_COL_TRACK);
            sk_dl_key(d, it);
        }
    }
    sk_sc_add_line(sc, d, word, R(L->dialog_word[ring]), L->font_phase, L->font_min, SK_FONT_BOLD, c,
                   AL_CENTRE, true, 255);
    sk_sc_add_line(sc, d, hint, R(L->dialog_hint[ring]), L->font_body, L->font_min, SK_FONT_REGULAR,
                   pal(SK_COL_TEXT), AL_CENTRE, false, 255);
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
        sk_sc_add_rrect(d, b, L->button_radius, 0, fill, 255);
        float s = L->button_icon;
        int pad = L->button_pad;
        /* Icon, then the word beside it; both centred as a group. */
        int tw_max = b.w - pad * 2 - (int)s - pad / 2;
        SDL_Rect tb = {0, b.y, tw_max, b.h};
        int fpx = L->font_button;
        int tw = sk_sc_tex_w(sc, word, fpx, SK_FONT_BOLD);
        if (tw > tw_max) tw = tw_max;
        int group = (int)s + pad / 2 + tw;
        float ix = b.x + (b.w - group) / 2.0f;
        sk_sc_add_icon(d, (sk_control)i, v->paused, ix, b.y + (b.h - s) / 2, s, ink);
        tb.x = (int)(ix + s + pad / 2);
        sk_sc_add_line(sc, d, word, tb, fpx, L->font_min, SK_FONT_BOLD, ink, AL_LEFT, true, 255);
    }
}

static void build_invite(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    const sk_layout *L = &sc->L;
    SDL_Rect b = R(L->invite);
    SDL_Color fill = acc(SK_ACC_INTRO), ink = pal(SK_COL_ON_ACCENT);
    sk_sc_add_pill(d, b, 0, fill);
    /* The fingertip's ripple breathes once in RIPPLE_MS, in steps of
     * RIPPLE_STEP_MS: smooth to the eye, and a 60 Hz screen need not
     * redraw for a ripple grown by a tenth of a pixel. */
    int64_t in_cycle = v->clock_ms % RIPPLE_MS;
    float ph = (float)((in_cycle / RIPPLE_STEP_MS) * RIPPLE_STEP_MS / (double)RIPPLE_MS);
    sk_sc_hint(sc, RIPPLE_STEP_MS - in_cycle % RIPPLE_STEP_MS);
    sk_sc_add_fingertip(d, L->invite_dot_x, L->invite_dot_y, L->invite_icon, ph, ink);
    sk_sc_add_line(sc, d, sc->rt->phrases.tap_to_start, R(L->invite_text), L->font_invite, L->font_min, SK_FONT_BOLD, ink,
             AL_CENTRE, true, 255);
}

/* A kiosk of several languages: a button for each, labelled in its own
 * language (the one on screen filled), and the small tag naming the one
 * on screen. */
static void build_languages(sk_scene *sc, dlist *d)
{
    const sk_layout *L = &sc->L;
    const char *now = sk_language_name(sc->rt->language);
    for (int i = 0; i < L->in.languages && i < sc->opts.languages; i++) {
        SDL_Rect b = R(L->lang_buttons[i]);
        const char *name = sc->opts.language_names[i];
        if (b.w <= 0 || !name) continue;
        bool on = strcmp(name, now) == 0;
        SDL_Color fill = on ? acc(SK_ACC_INTRO) : pal(SK_COL_SURFACE);
        SDL_Color ink = on ? pal(SK_COL_ON_ACCENT) : pal(SK_COL_TEXT);
        sk_sc_add_rrect(d, b, L->button_radius, 0, fill, 255);
        SDL_Rect tb = inset(b, L->button_pad, 0);
        sk_sc_add_line(sc, d, name, tb, L->font_button, L->font_min, SK_FONT_BOLD, ink, AL_CENTRE, true, 255);
    }
    if (!sk_rect_empty(L->lang_tag)) {
        SDL_Rect t = R(L->lang_tag);
        sk_sc_add_pill(d, t, L->lang_tag_border, pal(SK_COL_MUTED));
        sk_sc_add_line(sc, d, now, R(L->lang_tag_text), L->font_small, L->font_min, SK_FONT_REGULAR,
                       pal(SK_COL_MUTED), AL_CENTRE, true, 255);
    }
}

void sk_sc_build(sk_scene *sc, dlist *d, const sk_tl_view *v)
{
    d->n = 0;
    d->used = 0;
    const sk_layout *L = &sc->L;
    const sk_phase *p = v->phase;
    if (!p) return;
    /* Several languages: the view's routine is the one on screen. They
     * share the stretches and sprites (languages.h), so the sheets
     * loaded for one serve all. */
    if (v->routine) sc->rt = v->routine;
    bool ex_phase = p->exercise >= 0 && p->exercise < sc->rt->exercise_count &&
                    (p->kind == SK_PH_INTRO || p->kind == SK_PH_GET_READY || p->kind == SK_PH_HOLD ||
                     p->kind == SK_PH_REST || p->kind == SK_PH_SWITCH);
    if (p->kind == SK_PH_CARD && p->card >= 0 && p->card < sc->rt->card_count) build_card(sc, d, v);
    else if (p->kind == SK_PH_WELCOME) build_welcome(sc, d);
    else if (p->kind == SK_PH_FINISH) build_finish(sc, d);
    else if (ex_phase) build_exercise(sc, d, v);

    sk_sc_build_caption(sc, d, v);
    item *bar = sk_dl_add(d, IT_BAR);
    if (bar) {
        SDL_Rect pb = R(L->progress);
        bar->box = (SDL_FRect){(float)pb.x, (float)pb.y, (float)pb.w, (float)pb.h};
        bar->f3 = sk_sc_quantise_progress(sc, v, pb.w);
        bar->c1 = acc(phase_accent(v));
        bar->c2 = pal(SK_COL_TRACK);
        sk_dl_key(d, bar);
    }
    if (!sk_rect_empty(L->controls[0])) build_controls(sc, d, v);
    if (!sk_rect_empty(L->invite)) build_invite(sc, d, v);
    if (L->in.languages || L->in.tag) build_languages(sc, d);
    if (!sk_rect_empty(L->note) && sc->rt->phrases.fallback_note) {
        sk_sc_add_disc(d, L->note_dot_x, L->note_dot_y, L->note_dot_r, 0, pal(SK_COL_WARN), 255);
        sk_sc_add_line(sc, d, sc->rt->phrases.fallback_note, R(L->note_text), L->font_small, L->font_min,
                 SK_FONT_REGULAR, pal(SK_COL_MUTED), AL_LEFT, true, 255);
    }
    if (v->still_there || p->kind == SK_PH_STILL_THERE)
        build_dialog(sc, d, v, sc->rt->phrases.still_there, W_TAP_TO_GO_ON, acc(SK_ACC_INTRO), true);
    else if (v->paused)
        build_dialog(sc, d, v, sc->rt->phrases.paused,
                     sk_rect_empty(L->controls[SK_CTL_PAUSE]) ? NULL : W_TAP_RESUME,
                     acc(SK_ACC_GET_READY), false);
}
