/* Small drawing helpers on an SDL_Renderer: boxes, anti-aliased rounded
 * boxes and convex polygons (the control icons). Each sets the draw blend
 * mode it needs; 'alpha' scales the colour's own alpha. */
#ifndef SK_DRAW_H
#define SK_DRAW_H
#include <SDL.h>

void sk_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c);

/* A filled box with rounded corners and a soft (anti-aliased) edge. */
void sk_draw_round_box(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c);

/* A convex polygon (points in order, either winding, n <= 16) with a soft
 * edge about a pixel wide. */
void sk_draw_poly(SDL_Renderer *r, const SDL_FPoint *pts, int n, SDL_Color c, Uint8 alpha);
#endif
