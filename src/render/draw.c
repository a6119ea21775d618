#include "draw.h"

#include <math.h>

#include "shapes.h"   /* SK_RING_FEATHER: the same soft edge */

void sk_draw_poly(SDL_Renderer *r, const SDL_FPoint *pts, int n, SDL_Color c, Uint8 alpha)
{
    if (n < 3 || n > 16) return;
    /* Winding: make the outward normal of edge (a -> b) point away from the
     * centroid whichever way the caller listed the points. */
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += pts[i].x;
        cy += pts[i].y;
    }
    cx /= n;
    cy /= n;
    float area = 0;
    for (int i = 0; i < n; i++) {
        const SDL_FPoint *a = &pts[i], *b = &pts[(i + 1) % n];
        area += a->x * b->y - b->x * a->y;
    }
    float sgn = area > 0 ? 1.0f : -1.0f;
    const float f = SK_RING_FEATHER / 2;
    SDL_Vertex v[2 * 16 + 1];
    int idx[3 * 16 + 6 * 16];
    Uint8 a = (Uint8)((c.a * alpha + 127) / 255);
    for (int i = 0; i < n; i++) {
        const SDL_FPoint *p = &pts[(i + n - 1) % n], *q = &pts[i], *s = &pts[(i + 1) % n];
        /* Edge normals (outward), then the miter direction at q. */
        float e1x = q->x - p->x, e1y = q->y - p->y, e2x = s->x - q->x, e2y = s->y - q->y;
        float l1 = sqrtf(e1x * e1x + e1y * e1y), l2 = sqrtf(e2x * e2x + e2y * e2y);
        if (l1 < 1e-6f || l2 < 1e-6f) return;
        float n1x = sgn * e1y / l1, n1y = -sgn * e1x / l1;
        float n2x = sgn * e2y / l2, n2y = -sgn * e2x / l2;
        float mx = n1x + n2x, my = n1y + n2y;
        float ml = sqrtf(mx * mx + my * my);
        if (ml < 1e-3f) {
            mx = n1x;
            my = n1y;
            ml = 1;
        }
        mx /= ml;
        my /= ml;
        float cosh = mx * n1x + my * n1y;           /* cos of half the turn */
        float d = f / (cosh < 0.25f ? 0.25f : cosh);  /* keep edges parallel */
        v[2 * i] = (SDL_Vertex){{q->x - mx * d, q->y - my * d}, {c.r, c.g, c.b, a}, {0, 0}};
        v[2 * i + 1] = (SDL_Vertex){{q->x + mx * d, q->y + my * d}, {c.r, c.g, c.b, 0}, {0, 0}};
    }
    v[2 * n] = (SDL_Vertex){{cx, cy}, {c.r, c.g, c.b, a}, {0, 0}};
    int k = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        idx[k++] = 2 * n;
        idx[k++] = 2 * i;
        idx[k++] = 2 * j;
        idx[k++] = 2 * i;
        idx[k++] = 2 * i + 1;
        idx[k++] = 2 * j;
        idx[k++] = 2 * j;
        idx[k++] = 2 * i + 1;
        idx[k++] = 2 * j + 1;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, 2 * n + 1, idx, k);
}
