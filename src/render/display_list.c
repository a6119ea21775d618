/* The display list: items, their keys (what an item is) and hashes (what
 * it draws); the shapes and icons added to it. */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- display list ----------------------------------------------------- */

item *sk_dl_add(dlist *d, it_kind k)
{
    if (d->n >= MAX_ITEMS) return NULL;
    item *it = &d->items[d->n++];
    memset(it, 0, sizeof *it);
    it->kind = k;
    it->alpha = 255;
    it->text = -1;
    return it;
}

int sk_dl_str(dlist *d, const char *s, size_t n)
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
void sk_dl_key(dlist *d, item *it)
{
    uint64_t h = SK_HASH_INIT;
    h = sk_hash_int(h, it->kind);
    h = sk_hash_bytes(h, &it->c1, sizeof it->c1);
    h = sk_hash_int(h, (long long)lroundf(it->box.x));
    h = sk_hash_int(h, (long long)lroundf(it->box.y));
    h = sk_hash_int(h, (long long)lroundf(it->box.w));
    h = sk_hash_int(h, (long long)lroundf(it->box.h));
    h = sk_hash_int(h, it->px);
    h = sk_hash_int(h, it->weight);
    switch (it->kind) {
    case IT_TEXT: h = sk_hash_str(h, d->arena + it->text); break;
    case IT_DOTS: h = sk_hash_int(sk_hash_int(h, it->i1), it->i2); break;
    case IT_LEGS: h = sk_hash_int(h, it->i1); break;
    case IT_COUNT: h = sk_hash_int(h, it->i1); break;
    case IT_SPRITE: h = sk_hash_int(h, it->i1); break;
    case IT_RRECT: h = sk_hash_bytes(h, &it->c2, sizeof it->c2); h = sk_hash_int(h, (long long)(it->f2 * 8)); break;
    case IT_POLY:
        h = sk_hash_bytes(h, it->pts, sizeof(SDL_FPoint) * (size_t)it->i1);
        break;
    default: break;
    }
    it->key = h;
}

bool sk_dl_has_key(const dlist *d, uint64_t k)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].key == k && !d->items[i].warm_only) return true;
    return false;
}

/* Everything an item contributes to the pixels, as draw_item draws it
 * with 'fade': equal hashes, equal draw calls, equal pixels. */
uint64_t sk_dl_hash_item(uint64_t h, const dlist *d, const item *it, Uint8 fade)
{
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only || a == 0) return h;   /* draws nothing */
    h = sk_hash_int(h, it->kind);
    h = sk_hash_int(h, a);
    h = sk_hash_bytes(h, &it->c1, sizeof it->c1);
    h = sk_hash_bytes(h, &it->c2, sizeof it->c2);
    h = sk_hash_bytes(h, &it->box, sizeof it->box);
    h = sk_hash_bytes(h, &it->f1, sizeof it->f1);
    h = sk_hash_bytes(h, &it->f2, sizeof it->f2);
    h = sk_hash_bytes(h, &it->f3, sizeof it->f3);
    h = sk_hash_int(sk_hash_int(sk_hash_int(h, it->i1), it->i2), it->i3);
    h = sk_hash_int(sk_hash_int(h, it->px), it->weight);
    if (it->kind == IT_TEXT) h = sk_hash_str(h, d->arena + it->text);
    if (it->kind == IT_POLY) h = sk_hash_bytes(h, it->pts, sizeof(SDL_FPoint) * (size_t)it->i1);
    return h;
}

/* ---- shapes ----------------------------------------------------------- */

void sk_sc_add_rrect(dlist *d, SDL_Rect b, float radius, float stroke, SDL_Color c, Uint8 alpha)
{
    item *it = sk_dl_add(d, IT_RRECT);
    if (!it) return;
    it->box = (SDL_FRect){(float)b.x, (float)b.y, (float)b.w, (float)b.h};
    it->f1 = radius;
    it->f2 = stroke;
    it->c1 = c;
    it->alpha = alpha;
    sk_dl_key(d, it);
}

void sk_sc_add_poly(dlist *d, const SDL_FPoint *p, int n, SDL_Color c)
{
    item *it = sk_dl_add(d, IT_POLY);
    if (!it || n > 6) return;
    memcpy(it->pts, p, sizeof(SDL_FPoint) * (size_t)n);
    it->i1 = n;
    it->c1 = c;
    sk_dl_key(d, it);
}

void sk_sc_add_disc(dlist *d, float cx, float cy, float radius, float stroke, SDL_Color c, Uint8 alpha)
{
    item *it = sk_dl_add(d, IT_DISC);
    if (!it) return;
    it->box = (SDL_FRect){cx, cy, 0, 0};
    it->f1 = radius;
    it->f2 = stroke;
    it->c1 = c;
    it->alpha = alpha;
    sk_dl_key(d, it);
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
    sk_sc_add_poly(d, p, 3, c);
}

void sk_sc_add_icon(dlist *d, sk_control ctl, bool paused, float x, float y, float s, SDL_Color c)
{
    float bw = s * 0.2f;
    switch (ctl) {
    case SK_CTL_BACK: {
        SDL_Rect bar = {(int)(x + s * 0.05f), (int)y, (int)bw, (int)s};
        sk_sc_add_rrect(d, bar, bw / 3, 0, c, 255);
        icon_triangle(d, x + s * 0.2f, y, s * 0.8f, false, c);
        break;
    }
    case SK_CTL_SKIP: {
        icon_triangle(d, x, y, s * 0.8f, true, c);
        SDL_Rect bar = {(int)(x + s * 0.78f), (int)y, (int)bw, (int)s};
        sk_sc_add_rrect(d, bar, bw / 3, 0, c, 255);
        break;
    }
    case SK_CTL_PAUSE:
        if (paused) {
            icon_triangle(d, x, y, s, true, c);
        } else {
            SDL_Rect a = {(int)(x + s * 0.18f), (int)y, (int)(s * 0.24f), (int)s};
            SDL_Rect b = {(int)(x + s * 0.58f), (int)y, (int)(s * 0.24f), (int)s};
            sk_sc_add_rrect(d, a, s * 0.06f, 0, c, 255);
            sk_sc_add_rrect(d, b, s * 0.06f, 0, c, 255);
        }
        break;
    case SK_CTL_STOP: {
        SDL_Rect sq = {(int)(x + s * 0.1f), (int)(y + s * 0.1f), (int)(s * 0.8f), (int)(s * 0.8f)};
        sk_sc_add_rrect(d, sq, s * 0.12f, 0, c, 255);
        break;
    }
    default: break;
    }
}

void sk_sc_add_pill(dlist *d, SDL_Rect b, float stroke, SDL_Color c)
{
    sk_sc_add_rrect(d, b, (b.w < b.h ? b.w : b.h) / 2.0f, stroke, c, 255);
}

/* ---- the other glyphs ------------------------------------------------- */

void sk_sc_add_tick(dlist *d, float cx, float cy, float r, SDL_Color c)
{
    float s = r * 0.55f;
    SDL_FPoint tick1[4] = {{cx - s * 0.95f, cy + s * 0.05f}, {cx - s * 0.7f, cy - s * 0.2f},
                           {cx - s * 0.2f, cy + s * 0.3f}, {cx - s * 0.38f, cy + s * 0.6f}};
    SDL_FPoint tick2[4] = {{cx - s * 0.38f, cy + s * 0.6f}, {cx - s * 0.2f, cy + s * 0.3f},
                           {cx + s * 0.75f, cy - s * 0.65f}, {cx + s * 0.98f, cy - s * 0.4f}};
    sk_sc_add_poly(d, tick1, 4, c);
    sk_sc_add_poly(d, tick2, 4, c);
}

void sk_sc_add_fingertip(dlist *d, float cx, float cy, float s, float phase, SDL_Color c)
{
    sk_sc_add_disc(d, cx, cy, s * 0.22f, 0, c, 255);
    item *it = sk_dl_add(d, IT_DISC);
    if (!it) return;
    it->box = (SDL_FRect){cx, cy, 0, 0};
    it->f1 = s * (0.3f + 0.25f * phase);
    it->f2 = s * 0.07f > 1.5f ? s * 0.07f : 1.5f;
    it->c1 = c;
    it->alpha = (Uint8)(255 * (1 - phase));
    /* key without the radius: the ripple is one thing that moves */
    it->key = sk_hash_str(SK_HASH_INIT, "ripple");
}
