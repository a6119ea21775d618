/* Text drawn with SDL_ttf, rendered once and kept as textures.
 *
 * SDL_ttf allocates a new surface on every render, so the kiosk never
 * renders the same text twice: each (text, size, weight, wrap width) becomes
 * one white texture, tinted at draw time with SDL_SetTextureColorMod (so a
 * phase word in three colours is still one texture), kept until it has gone
 * unused for a while and the cache is over its budget. In a steady-state
 * frame nothing is rendered and no texture is created; the counters below
 * let tests prove it.
 *
 * Fonts are opened once per (size, weight) for rendering; measuring uses one
 * font per weight resized with TTF_SetFontSize, so shrinking text to fit
 * tries many sizes without opening many fonts. Failure to open the font file is
 * reported once; then every call draws nothing and returns false, so the
 * kiosk still shows its shapes, rings and animation.
 */
#ifndef SK_TEXT_CACHE_H
#define SK_TEXT_CACHE_H
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct sk_text_cache sk_text_cache;

typedef struct sk_text_stats {
    uint64_t ttf_renders;       /* TTF_Render* calls since creation */
    uint64_t textures_created;  /* SDL_CreateTexture* calls since creation */
    uint64_t measures;          /* TTF_SizeUTF8 calls (layout work) */
    int entries;                /* textures held now */
    size_t texture_bytes;       /* their size, 4 bytes a pixel */
} sk_text_stats;

typedef enum { SK_FONT_REGULAR, SK_FONT_BOLD } sk_font_weight;

/* Opens nothing yet: fonts load on first use from font_dir
 * ("<assets>/fonts"). Returns NULL only when out of memory. */
sk_text_cache *sk_text_cache_create(SDL_Renderer *r, const char *font_dir);
void sk_text_cache_destroy(sk_text_cache *tc);

/* A texture for the text, made on first request. wrap_w > 0 wraps at that
 * width (SDL_ttf's own word wrap). *w and *h get its size. NULL when the
 * font cannot be opened or the text is empty. The texture belongs to the
 * cache; it stays valid until the next sk_text_cache_end_frame. */
SDL_Texture *sk_text_get(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                         SDL_Color colour, int wrap_w, int *w, int *h);

/* The size the text would have, without rendering (TTF_SizeUTF8). */
bool sk_text_measure(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                     int *w, int *h);

/* Draws the text with its top-left at (x, y), alpha 0..255. Returns false
 * when nothing could be drawn. */
bool sk_text_draw(sk_text_cache *tc, const char *utf8, int px, sk_font_weight weight,
                  SDL_Color colour, int wrap_w, int x, int y, Uint8 alpha, int *w, int *h);

/* Call once a frame: ages entries and frees the long-unused ones when over
 * budget. */
void sk_text_cache_end_frame(sk_text_cache *tc);

/* Drops every texture (e.g. after the renderer lost its targets). */
void sk_text_cache_clear(sk_text_cache *tc);

void sk_text_cache_stats(const sk_text_cache *tc, sk_text_stats *out);

/* The font's ascent and line height (TTF_FontAscent / TTF_FontHeight) at
 * this size, for placing numerals by their baseline. False without a font. */
bool sk_text_metrics(sk_text_cache *tc, int px, sk_font_weight weight, int *ascent, int *height);

/* True when at least one font could be opened. */
bool sk_text_cache_has_font(sk_text_cache *tc);
#endif
