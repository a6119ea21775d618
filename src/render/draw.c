#include "render/draw.h"

#include <math.h>

void sk_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r, &rect);
}

void sk_draw_round_box(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c)
{
    if (radius * 2 > rect.w) radius = rect.w / 2;
    if (radius * 2 > rect.h) radius = rect.h / 2;
    if (radius <= 1) {
        sk_draw_fill(r, rect, c);
        return;
    }
    /* A fan around the centre through 4 quarter-circle corners. */
    enum { SEG = 8, N = 4 * (SEG + 1) };
    SDL_Vertex v[N + 1];
    float cx = rect.x + rect.w / 2.0f, cy = rect.y + rect.h / 2.0f;
    const float corner[4][2] = {
        {rect.x + rect.w - radius, rect.y + rect.h - radius},
        {rect.x + radius, rect.y + rect.h - radius},
        {rect.x + radius, rect.y + radius},
        {rect.x + rect.w - radius, rect.y + radius},
    };
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    int k = 1;
    for (int q = 0; q < 4; q++)
        for (int s = 0; s <= SEG; s++) {
            double a = (q + (double)s / SEG) * M_PI / 2;
            v[k++] = (SDL_Vertex){{corner[q][0] + (float)(radius * cos(a)),
                                   corner[q][1] + (float)(radius * sin(a))}, c, {0, 0}};
        }
    int idx[N * 3];
    for (int i = 0; i < N; i++) {
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % N;
    }
    SDL_RenderGeometry(r, NULL, v, N + 1, idx, N * 3);
}
