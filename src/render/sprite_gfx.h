/* A sprite sheet on the GPU, and drawing its frames. SDL2 renderer.
 *
 * Upload cuts each image of the sheet into textures of whole frames, none
 * wider or taller than SK_SPRITE_MAX_TEXTURE (2048, the VideoCore IV limit
 * of a Raspberry Pi 3) nor than the renderer's max_texture_width/height, so
 * a sheet bigger than that is split across several textures. The decoded
 * RGBA is freed once it is on the GPU. Textures use linear filtering and
 * straight alpha blending; fully transparent pixels get the colour of an
 * opaque neighbour first, so filtering draws no dark fringe.
 *
 * When a sheet failed to load, sk_sprite_gfx_draw_placeholder draws a calm
 * panel with an outline figure in its place.
 */
#ifndef SK_SPRITE_GFX_H
#define SK_SPRITE_GFX_H
#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "sprite_sheet.h"

#define SK_SPRITE_MAX_TEXTURE 2048
#define SK_SPRITE_TEXTURE_BUDGET (24u * 1024u * 1024u)  /* all built-in sheets */

typedef struct sk_sprite_gfx sk_sprite_gfx;

typedef struct sk_sprite_gfx_stats {
    size_t texture_bytes;        /* width*height*4 summed over the textures */
    int textures;
    int largest_w, largest_h;    /* the largest texture (by area) */
} sk_sprite_gfx_stats;

/* Uploads the sheet's decoded pixels (after sk_sprite_sheet_load).
 * 'max_side' forces a smaller texture limit (tests); 0 = the smaller of
 * SK_SPRITE_MAX_TEXTURE and the renderer's limit. Always frees the sheet's
 * pixels (they are not needed after this, whether it worked or not).
 * Returns NULL on failure, with "sheet: what" in err (may be NULL): no
 * pixels, a frame larger than the texture limit, or an SDL call that
 * failed (named, with SDL_GetError()); nothing is left allocated.
 * The result does not refer to the sheet: free either in any order. */
sk_sprite_gfx *sk_sprite_gfx_create(SDL_Renderer *r, sk_sprite_sheet *sheet, int max_side,
                                    char *err, size_t err_size);
void sk_sprite_gfx_destroy(sk_sprite_gfx *g);   /* NULL is fine */

void sk_sprite_gfx_get_stats(const sk_sprite_gfx *g, sk_sprite_gfx_stats *st);

/* The rectangle a frame takes inside 'dst': as large as fits, keeping the
 * frame's aspect ratio, centred. */
SDL_FRect sk_sprite_gfx_fit(const sk_sprite_gfx *g, const SDL_Rect *dst);

/* Draws frame 'frame' into 'dst' (see sk_sprite_gfx_fit), flipped
 * left-to-right when 'mirrored'. Returns false (drawing nothing) for a
 * frame out of range or when SDL_RenderCopyExF fails. */
bool sk_sprite_gfx_draw(const sk_sprite_gfx *g, int frame, bool mirrored, const SDL_Rect *dst);

/* The neutral stand-in for an animation that failed to load: a rounded
 * panel in 'panel' colour with a simple outline figure (lying on a mat,
 * one knee up) in 'ink', inside 'dst'. Text such as "Animation
 * unavailable" is the caller's (it owns the fonts). Returns false when an
 * SDL draw call fails. */
bool sk_sprite_gfx_draw_placeholder(SDL_Renderer *r, const SDL_Rect *dst, SDL_Color panel,
                                    SDL_Color ink);

/* Writes one line about the texture memory of 'n' uploaded sheets (NULL
 * entries are skipped) to 'out', e.g.
 *   "sprites: 3 sheets, 6 textures, 17.2 MB of 24.0 MB (largest 1920x1232)"
 * and a warning when the total is over SK_SPRITE_TEXTURE_BUDGET. Returns
 * the total bytes. */
size_t sk_sprite_gfx_log_total(sk_sprite_gfx *const *g, int n, FILE *out);
#endif
