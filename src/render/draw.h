/* Small drawing helpers on an SDL_Renderer (filled and rounded boxes). */
#ifndef SK_DRAW_H
#define SK_DRAW_H
#include <SDL.h>

void sk_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c);
/* A filled box with rounded corners of the given radius, drawn with
 * SDL_RenderGeometry (anti-aliasing is left to the ring drawer). */
void sk_draw_round_box(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c);
#endif
