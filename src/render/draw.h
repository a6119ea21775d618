/* Convex polygons with a soft edge (the control icons, the finish tick) on
 * an SDL_Renderer; every other shape is in shapes.h. Sets the draw
 * blend mode it needs; 'alpha' scales the colour's own alpha. */
#ifndef SK_DRAW_H
#define SK_DRAW_H
#include <SDL.h>

/* A convex polygon (points in order, either winding, n <= 16) with a soft
 * edge about a pixel wide. */
void sk_draw_poly(SDL_Renderer *r, const SDL_FPoint *pts, int n, SDL_Color c, Uint8 alpha);
#endif
