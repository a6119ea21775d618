#include "text_cache.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "text_util.h"

#define MAX_FONTS 32
#define MAX_ENTRIES 512
/* Text textures: with the sprites (22 MB) the whole stays under 32 MB of a
 * Pi's small CMA pool. What the screen on show uses is never evicted, so a
 * steady frame still renders nothing; past the budget, texts unused for a
 * while go first. */
#define BUDGET_BYTES (9u << 20)
#define IDLE_FRAMES 600            /* unused this long -> may be evicted */

typedef struct font_slot {
    int px;
    sk_font_weight weight;
    TTF_Font *font;
} font_slot;

typedef struct entry {
    uint64_t hash;
    char *text;
    int px, wrap_w;
    sk_font_weight weight;
    SDL_Color colour;
    SDL_Texture *tex;
    int w, h;
    uint64_t last_used;
} entry;

struct sk_text_cache {
    SDL_Renderer *r;
    char font_dir[1024];
    font_slot fonts[MAX_FONTS];
    int font_count;
    TTF_Font *measure[2];        /* one per weight, resized to measure */
    int measure_px[2];
    bool font_failed_logged;
    entry entries[MAX_ENTRIES];
    int count;
    uint64_t frame;
    sk_text_stats stats;
};

static uint64_t hash_key(const char *s, int px, sk_font_weight wt, int wrap)
{
    return sk_hash_int(sk_hash_int(sk_hash_int(sk_hash_str(SK_HASH_INIT, s), px), wt), wrap);
}

sk_text_cache *sk_text_cache_create(SDL_Renderer *r, const char *font_dir)
{
    sk_text_cache *tc = calloc(1, sizeof *tc);
    if (!tc) return NULL;
    tc->r = r;
    sk_strlcpy(tc->font_dir, font_dir, sizeof tc->font_dir);
    if (!TTF_WasInit() && TTF_Init() != 0)
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "TTF_Init failed: %s", TTF_GetError());
    return tc;
}

void sk_text_cache_clear(sk_text_cache *tc)
{
    for (int i = 0; i < tc->count; i++) {
        SDL_DestroyTexture(tc->entries[i].tex);
        free(tc->entries[i].text);
    }
    tc->count = 0;
    tc->stats.entries = 0;
    tc->stats.texture_bytes = 0;
}

void sk_text_cache_destroy(sk_text_cache *tc)
{
    if (!tc) return;
    sk_text_cache_clear(tc);
    for (int i = 0; i < tc->font_count; i++) TTF_CloseFont(tc->fonts[i].font);
    for (int i = 0; i < 2; i++)
        if (tc->measure[i]) TTF_CloseFont(tc->measure[i]);
    free(tc);
}

static TTF_Font *open_font(sk_text_cache *tc, int px, sk_font_weight weight)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", tc->font_dir,
             weight == SK_FONT_BOLD ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
    TTF_Font *f = TTF_OpenFont(path, px);
    if (!f) {
        if (!tc->font_failed_logged)
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION,
                         "%s: cannot open font (%s); text will be missing", path, TTF_GetError());
        tc->font_failed_logged = true;
    }
    return f;
}

static TTF_Font *get_font(sk_text_cache *tc, int px, sk_font_weight weight)
{
    for (int i = 0; i < tc->font_count; i++)
        if (tc->fonts[i].px == px && tc->fonts[i].weight == weight) return tc->fonts[i].font;
    if (tc->font_failed_logged) return NULL;
    TTF_Font *f = open_font(tc, px, weight);
    if (!f) return NULL;
    if (tc->font_count == MAX_FONTS) {  /* drop the oldest size; its textures stay valid */
        TTF_CloseFont(tc->fonts[0].font);
        memmove(tc->fonts, tc->fonts + 1, sizeof(font_slot) * (MAX_FONTS - 1));
        tc->font_count--;
    }
    tc->fonts[tc->font_count++] = (font_slot){px, weight, f};
    return f;
}

bool sk_text_cache_has_font(sk_text_cache *tc)
{
    return get_font(tc, 24, SK_FONT_REGULAR) != NULL;
}

bool sk_text_measure(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                     int *w, int *h)
{
    int k = weight == SK_FONT_BOLD ? 1 : 0;
    if (!tc->measure[k]) {
        if (tc->font_failed_logged) return false;
        tc->measure[k] = open_font(tc, px, weight);
        if (!tc->measure[k]) return false;
        tc->measure_px[k] = px;
    }
    if (tc->measure_px[k] != px) {
        if (TTF_SetFontSize(tc->measure[k], px) != 0) return false;
        tc->measure_px[k] = px;
    }
    tc->stats.measures++;
    return TTF_SizeUTF8(tc->measure[k], utf8, w, h) == 0;
}

bool sk_text_metrics(sk_text_cache *tc, int px, sk_font_weight weight, int *ascent, int *height)
{
    TTF_Font *f = get_font(tc, px, weight);
    if (!f) return false;
    if (ascent) *ascent = TTF_FontAscent(f);
    if (height) *height = TTF_FontHeight(f);
    return true;
}

static void evict_if_needed(sk_text_cache *tc)
{
    while (tc->count > 0 &&
           (tc->count >= MAX_ENTRIES || tc->stats.texture_bytes > BUDGET_BYTES)) {
        int oldest = 0;
        for (int i = 1; i < tc->count; i++)
            if (tc->entries[i].last_used < tc->entries[oldest].last_used) oldest = i;
        if (tc->entries[oldest].last_used + 2 > tc->frame) return;  /* all in use now */
        entry *e = &tc->entries[oldest];
        tc->stats.texture_bytes -= (size_t)e->w * (size_t)e->h * 4;
        SDL_DestroyTexture(e->tex);
        free(e->text);
        tc->entries[oldest] = tc->entries[--tc->count];
    }
    tc->stats.entries = tc->count;
}

SDL_Texture *sk_text_get(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                         SDL_Color colour, int wrap_w, int *w, int *h)
{
    if (!utf8 || !*utf8 || px < 4) return NULL;
    uint64_t hv = hash_key(utf8, px, weight, wrap_w);
    for (int i = 0; i < tc->count; i++) {
        entry *e = &tc->entries[i];
        if (e->hash == hv && e->px == px && e->weight == weight && e->wrap_w == wrap_w &&
            !strcmp(e->text, utf8)) {
            SDL_SetTextureColorMod(e->tex, colour.r, colour.g, colour.b);
            e->last_used = tc->frame;
            if (w) *w = e->w;
            if (h) *h = e->h;
            return e->tex;
        }
    }
    TTF_Font *f = get_font(tc, px, weight);
    if (!f) return NULL;
    evict_if_needed(tc);
    if (tc->count >= MAX_ENTRIES) return NULL;
    tc->stats.ttf_renders++;
    const SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = wrap_w > 0 ? TTF_RenderUTF8_Blended_Wrapped(f, utf8, white, (Uint32)wrap_w)
                                : TTF_RenderUTF8_Blended(f, utf8, white);
    if (!s) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "TTF_RenderUTF8_Blended failed: %s",
                     TTF_GetError());
        return NULL;
    }
    tc->stats.textures_created++;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(tc->r, s);
    int sw = s->w, sh = s->h;
    SDL_FreeSurface(s);
    if (!tex) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "SDL_CreateTextureFromSurface failed: %s",
                     SDL_GetError());
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureColorMod(tex, colour.r, colour.g, colour.b);
    char *copy = sk_strdup(utf8);
    if (!copy) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    tc->entries[tc->count++] = (entry){hv, copy, px, wrap_w, weight, colour, tex, sw, sh, tc->frame};
    tc->stats.texture_bytes += (size_t)sw * (size_t)sh * 4;
    tc->stats.entries = tc->count;
    if (w) *w = sw;
    if (h) *h = sh;
    return tex;
}

bool sk_text_draw(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                  SDL_Color colour, int wrap_w, int x, int y, Uint8 alpha, int *w, int *h)
{
    int tw, th;
    SDL_Texture *t = sk_text_get(tc, utf8, px, weight, colour, wrap_w, &tw, &th);
    if (!t) return false;
    SDL_SetTextureAlphaMod(t, (Uint8)((alpha * colour.a + 127) / 255));
    SDL_Rect dst = {x, y, tw, th};
    SDL_RenderCopy(tc->r, t, NULL, &dst);
    if (w) *w = tw;
    if (h) *h = th;
    return true;
}

void sk_text_cache_end_frame(sk_text_cache *tc)
{
    tc->frame++;
    if (tc->stats.texture_bytes > BUDGET_BYTES) {
        for (int i = 0; i < tc->count;) {
            entry *e = &tc->entries[i];
            if (e->last_used + IDLE_FRAMES < tc->frame) {
                tc->stats.texture_bytes -= (size_t)e->w * (size_t)e->h * 4;
                SDL_DestroyTexture(e->tex);
                free(e->text);
                tc->entries[i] = tc->entries[--tc->count];
            } else {
                i++;
            }
        }
        tc->stats.entries = tc->count;
    }
}

void sk_text_cache_stats(const sk_text_cache *tc, sk_text_stats *out)
{
    *out = tc->stats;
}
