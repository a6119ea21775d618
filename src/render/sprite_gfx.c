#include "sprite_gfx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct frame_loc {
    int tex;
    int x, y;   /* top-left in that texture */
} frame_loc;

struct sk_sprite_gfx {
    SDL_Renderer *r;
    SDL_Texture **tex;
    int *tex_w, *tex_h;
    int tex_count;
    frame_loc *frames;
    int frame_count;
    int frame_w, frame_h;
    size_t bytes;
};

static void set_err(char *err, size_t n, const char *name, const char *what, const char *detail)
{
    if (err && n)
        snprintf(err, n, "%s: %s%s%s", name ? name : "(sheet)", what, detail ? ": " : "",
                 detail ? detail : "");
}

void sk_sprite_gfx_destroy(sk_sprite_gfx *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->tex_count; i++)
        if (g->tex[i])
            SDL_DestroyTexture(g->tex[i]);
    free(g->tex);
    free(g->tex_w);
    free(g->tex_h);
    free(g->frames);
    free(g);
}

/* Linear filtering mixes a visible pixel with its transparent neighbours;
 * with straight alpha their (often black) colour would show as a dark
 * fringe around the figure. Give each fully transparent pixel next to an
 * opaque one that neighbour's colour (alpha stays 0). */
static void bleed_edges(sk_image *im)
{
    int w = im->width, h = im->height;
    uint8_t *p = im->rgba;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *q = p + ((size_t)y * w + x) * 4;
            if (q[3] != 0)
                continue;
            int sum[3] = {0, 0, 0}, n = 0;
            const int dx[4] = {-1, 1, 0, 0}, dy[4] = {0, 0, -1, 1};
            for (int k = 0; k < 4; k++) {
                int nx = x + dx[k], ny = y + dy[k];
                if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    continue;
                const uint8_t *o = p + ((size_t)ny * w + nx) * 4;
                if (o[3] == 0)
                    continue;
                sum[0] += o[0];
                sum[1] += o[1];
                sum[2] += o[2];
                n++;
            }
            if (n) {
                q[0] = (uint8_t)(sum[0] / n);
                q[1] = (uint8_t)(sum[1] / n);
                q[2] = (uint8_t)(sum[2] / n);
            }
        }
}

static int add_texture(sk_sprite_gfx *g, const sk_image *im, int x0, int y0, int w, int h,
                       char *err, size_t err_size, const char *name)
{
    /* RGBA32 is the byte order R,G,B,A in memory on any endianness: what
     * the PNG loader hands us. */
    SDL_Texture *t = SDL_CreateTexture(g->r, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w,
                                       h);
    if (!t) {
        set_err(err, err_size, name, "SDL_CreateTexture failed", SDL_GetError());
        return -1;
    }
    const uint8_t *src = im->rgba + ((size_t)y0 * im->width + x0) * 4;
    if (SDL_UpdateTexture(t, NULL, src, im->width * 4) != 0) {
        set_err(err, err_size, name, "SDL_UpdateTexture failed", SDL_GetError());
        SDL_DestroyTexture(t);
        return -1;
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    /* Not fatal: some renderers only do nearest; the figure still shows. */
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    int i = g->tex_count++;
    g->tex[i] = t;
    g->tex_w[i] = w;
    g->tex_h[i] = h;
    g->bytes += (size_t)w * h * 4;
    return i;
}

/* The largest texture side to use: the renderer's limit, SK_SPRITE_MAX_TEXTURE
 * and max_side (when > 0), whichever is least. */
static int texture_limit(SDL_Renderer *r, int max_side)
{
    int limit = SK_SPRITE_MAX_TEXTURE;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) == 0) {
        /* 0 means the renderer states no limit (the software renderer). */
        if (info.max_texture_width > 0 && info.max_texture_width < limit)
            limit = info.max_texture_width;
        if (info.max_texture_height > 0 && info.max_texture_height < limit)
            limit = info.max_texture_height;
    }
    if (max_side > 0 && max_side < limit)
        limit = max_side;
    return limit;
}

/* A tile of image i: up to per_col x per_row frames from row tr, column tc. */
typedef struct tile {
    int tr, tc, per_row, per_col, rows;
} tile;

/* Uploads the frames of the tile that the sheet uses (unused rows and
 * columns trimmed) as one texture and points those frames at it. False
 * when the upload failed (err says why). */
static bool upload_tile(sk_sprite_gfx *g, const sk_sprite_sheet *s, int i, tile k, char *err,
                        size_t err_size, const char *name)
{
    int used_cols = 0, used_rows = 0;
    for (int rr = k.tr; rr < k.tr + k.per_col && rr < k.rows; rr++)
        for (int cc = k.tc; cc < k.tc + k.per_row && cc < s->columns; cc++) {
            int f = s->first_frame[i] + rr * s->columns + cc;
            if (f < s->frames) {
                if (cc - k.tc + 1 > used_cols)
                    used_cols = cc - k.tc + 1;
                used_rows = rr - k.tr + 1;
            }
        }
    if (!used_cols)
        return true;
    int t = add_texture(g, &s->pixels[i], k.tc * s->frame_width, k.tr * s->frame_height,
                        used_cols * s->frame_width, used_rows * s->frame_height, err, err_size, name);
    if (t < 0)
        return false;
    for (int rr = k.tr; rr < k.tr + used_rows; rr++)
        for (int cc = k.tc; cc < k.tc + used_cols; cc++) {
            int f = s->first_frame[i] + rr * s->columns + cc;
            if (f < s->frames)
                g->frames[f] = (frame_loc){t, (cc - k.tc) * s->frame_width, (rr - k.tr) * s->frame_height};
        }
    return true;
}

sk_sprite_gfx *sk_sprite_gfx_create(SDL_Renderer *r, sk_sprite_sheet *s, int max_side,
                                    char *err, size_t err_size)
{
    const char *name = s && s->path ? s->path : "(sheet)";
    if (err && err_size)
        err[0] = '\0';
    if (!r || !s || s->frames <= 0 || s->image_count <= 0 || !s->pixels[0].rgba) {
        set_err(err, err_size, name, "no decoded pixels to upload", NULL);
        sk_sprite_sheet_free_pixels(s);
        return NULL;
    }
    int limit = texture_limit(r, max_side);
    if (s->frame_width > limit || s->frame_height > limit) {
        char what[160];
        snprintf(what, sizeof what, "a %dx%d frame does not fit a texture of at most %d px",
                 s->frame_width, s->frame_height, limit);
        set_err(err, err_size, name, what, NULL);
        sk_sprite_sheet_free_pixels(s);
        return NULL;
    }
    /* Tiles of whole frames: at most per_row x per_col frames a texture. */
    int per_row = limit / s->frame_width, per_col = limit / s->frame_height;
    if (per_row > s->columns)
        per_row = s->columns;
    int max_tiles = 0;
    for (int i = 0; i < s->image_count; i++) {
        int rows = s->image_height[i] / s->frame_height;
        max_tiles += ((s->columns + per_row - 1) / per_row) * ((rows + per_col - 1) / per_col);
    }
    sk_sprite_gfx *g = calloc(1, sizeof *g);
    if (g) {
        g->r = r;
        g->frame_w = s->frame_width;
        g->frame_h = s->frame_height;
        g->frame_count = s->frames;
        g->tex = calloc((size_t)max_tiles + 1, sizeof *g->tex);
        g->tex_w = calloc((size_t)max_tiles + 1, sizeof *g->tex_w);
        g->tex_h = calloc((size_t)max_tiles + 1, sizeof *g->tex_h);
        g->frames = calloc((size_t)s->frames, sizeof *g->frames);
    }
    if (!g || !g->tex || !g->tex_w || !g->tex_h || !g->frames) {
        set_err(err, err_size, name, "out of memory", NULL);
        sk_sprite_gfx_destroy(g);
        sk_sprite_sheet_free_pixels(s);
        return NULL;
    }
    for (int f = 0; f < s->frames; f++)
        g->frames[f].tex = -1;

    bool ok = true;
    for (int i = 0; ok && i < s->image_count; i++) {
        sk_image *im = &s->pixels[i];
        if (!im->rgba)
            continue;
        bleed_edges(im);
        int rows = im->height / s->frame_height;
        for (int tr = 0; ok && tr < rows; tr += per_col)
            for (int tc = 0; ok && tc < s->columns; tc += per_row)
                ok = upload_tile(g, s, i, (tile){tr, tc, per_row, per_col, rows}, err, err_size, name);
    }
    for (int f = 0; ok && f < s->frames; f++)
        if (g->frames[f].tex < 0) {
            set_err(err, err_size, name, "frames missing from the decoded images", NULL);
            ok = false;
        }
    sk_sprite_sheet_free_pixels(s);
    if (!ok) {
        sk_sprite_gfx_destroy(g);
        return NULL;
    }
    return g;
}

void sk_sprite_gfx_get_stats(const sk_sprite_gfx *g, sk_sprite_gfx_stats *st)
{
    memset(st, 0, sizeof *st);
    if (!g)
        return;
    st->texture_bytes = g->bytes;
    st->textures = g->tex_count;
    long best = -1;
    for (int i = 0; i < g->tex_count; i++)
        if ((long)g->tex_w[i] * g->tex_h[i] > best) {
            best = (long)g->tex_w[i] * g->tex_h[i];
            st->largest_w = g->tex_w[i];
            st->largest_h = g->tex_h[i];
        }
}

SDL_FRect sk_sprite_gfx_fit(const sk_sprite_gfx *g, const SDL_Rect *dst)
{
    SDL_FRect out = {(float)dst->x, (float)dst->y, 0, 0};
    if (!g || dst->w <= 0 || dst->h <= 0)
        return out;
    float sx = (float)dst->w / (float)g->frame_w, sy = (float)dst->h / (float)g->frame_h;
    float k = sx < sy ? sx : sy;
    out.w = (float)g->frame_w * k;
    out.h = (float)g->frame_h * k;
    out.x = (float)dst->x + ((float)dst->w - out.w) / 2.0f;
    out.y = (float)dst->y + ((float)dst->h - out.h) / 2.0f;
    return out;
}

bool sk_sprite_gfx_draw(const sk_sprite_gfx *g, int frame, bool mirrored, const SDL_Rect *dst)
{
    if (!g || !dst || frame < 0 || frame >= g->frame_count)
        return false;
    const frame_loc *loc = &g->frames[frame];
    SDL_Rect src = {loc->x, loc->y, g->frame_w, g->frame_h};
    SDL_FRect to = sk_sprite_gfx_fit(g, dst);
    if (to.w <= 0 || to.h <= 0)
        return true;
    return SDL_RenderCopyExF(g->r, g->tex[loc->tex], &src, &to, 0.0, NULL,
                             mirrored ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE) == 0;
}

/* ---- the placeholder ---------------------------------------------------- */

#define ARC_STEPS 10

static bool fill_round_rect(SDL_Renderer *r, SDL_FRect b, float rad, SDL_Color c)
{
    SDL_Vertex v[1 + 4 * (ARC_STEPS + 1)];
    int idx[3 * 4 * (ARC_STEPS + 1)];
    const float cx[4] = {b.x + b.w - rad, b.x + rad, b.x + rad, b.x + b.w - rad};
    const float cy[4] = {b.y + b.h - rad, b.y + b.h - rad, b.y + rad, b.y + rad};
    int n = 0;
    v[n++] = (SDL_Vertex){{b.x + b.w / 2, b.y + b.h / 2}, c, {0, 0}};
    for (int q = 0; q < 4; q++)
        for (int k = 0; k <= ARC_STEPS; k++) {
            double a = (q + (double)k / ARC_STEPS) * (M_PI / 2);
            v[n++] = (SDL_Vertex){{cx[q] + rad * (float)cos(a), cy[q] + rad * (float)sin(a)},
                                  c, {0, 0}};
        }
    int m = 0, outline = n - 1;
    for (int k = 0; k < outline; k++) {
        idx[m++] = 0;
        idx[m++] = 1 + k;
        idx[m++] = 1 + (k + 1) % outline;
    }
    return SDL_RenderGeometry(r, NULL, v, n, idx, m) == 0;
}

static bool thick_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float w,
                       SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return true;
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    SDL_Vertex v[4] = {
        {{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}},
        {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}},
    };
    const int idx[6] = {0, 1, 2, 0, 2, 3};
    return SDL_RenderGeometry(r, NULL, v, 4, idx, 6) == 0;
}

static bool ring(SDL_Renderer *r, float cx, float cy, float rad, float w, SDL_Color c)
{
    enum { N = 32 };
    SDL_Vertex v[2 * N];
    int idx[6 * N];
    for (int k = 0; k < N; k++) {
        double a = 2 * M_PI * k / N;
        float ca = (float)cos(a), sa = (float)sin(a);
        v[2 * k] = (SDL_Vertex){{cx + (rad - w / 2) * ca, cy + (rad - w / 2) * sa}, c, {0, 0}};
        v[2 * k + 1] = (SDL_Vertex){{cx + (rad + w / 2) * ca, cy + (rad + w / 2) * sa}, c, {0, 0}};
    }
    for (int k = 0; k < N; k++) {
        int a = 2 * k, b = 2 * ((k + 1) % N);
        int *p = idx + 6 * k;
        p[0] = a; p[1] = a + 1; p[2] = b + 1;
        p[3] = a; p[4] = b + 1; p[5] = b;
    }
    return SDL_RenderGeometry(r, NULL, v, 2 * N, idx, 6 * N) == 0;
}

static bool disc(SDL_Renderer *r, float cx, float cy, float rad, SDL_Color c)
{
    enum { N = 16 };
    SDL_Vertex v[N + 1];
    int idx[3 * N];
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    for (int k = 0; k < N; k++) {
        double a = 2 * M_PI * k / N;
        v[k + 1] = (SDL_Vertex){{cx + rad * (float)cos(a), cy + rad * (float)sin(a)}, c, {0, 0}};
        idx[3 * k] = 0;
        idx[3 * k + 1] = 1 + k;
        idx[3 * k + 2] = 1 + (k + 1) % N;
    }
    return SDL_RenderGeometry(r, NULL, v, N + 1, idx, 3 * N) == 0;
}

bool sk_sprite_gfx_draw_placeholder(SDL_Renderer *r, const SDL_Rect *dst, SDL_Color panel,
                                    SDL_Color ink)
{
    if (!r || !dst || dst->w < 4 || dst->h < 4)
        return true;
    SDL_BlendMode old;
    SDL_GetRenderDrawBlendMode(r, &old);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_FRect b = {(float)dst->x, (float)dst->y, (float)dst->w, (float)dst->h};
    float side = b.w < b.h ? b.w : b.h;
    bool ok = fill_round_rect(r, b, side * 0.08f, panel);

    /* The icon: a figure lying on a mat with one knee up, in a 2:1 box
     * taking 60 % of the panel's width (or what its height allows). */
    float iw = b.w * 0.6f;
    if (iw > b.h * 0.6f * 2)
        iw = b.h * 0.6f * 2;
    /* the drawing spans y 0.2..0.45 icon widths: centre that band */
    float ox = b.x + (b.w - iw) / 2, oy = b.y + b.h / 2 - 0.33f * iw;
    float lw = iw * 0.035f;
    if (lw < 1.5f)
        lw = 1.5f;
#define PX(u) (ox + (u) * iw)
#define PY(v) (oy + (v) * iw)
    SDL_Color soft = ink;
    soft.a = (Uint8)(ink.a / 2);
    /* joints in icon units (x and y both in icon widths) */
    static const float body[][2] = {
        {0.18f, 0.395f},  /* shoulder */
        {0.52f, 0.405f},  /* hip */
        {0.67f, 0.215f},  /* knee */
        {0.80f, 0.405f},  /* ankle */
        {0.88f, 0.41f},   /* toes */
    };
    ok &= thick_line(r, PX(0.03f), PY(0.445f), PX(0.97f), PY(0.445f), lw * 0.7f, soft); /* mat */
    ok &= ring(r, PX(0.12f), PY(0.365f), iw * 0.05f, lw, ink);                        /* head */
    for (int k = 0; k < 4; k++)
        ok &= thick_line(r, PX(body[k][0]), PY(body[k][1]), PX(body[k + 1][0]),
                         PY(body[k + 1][1]), lw, ink);
    for (int k = 0; k < 5; k++)   /* round joints */
        ok &= disc(r, PX(body[k][0]), PY(body[k][1]), lw / 2, ink);
#undef PX
#undef PY
    SDL_SetRenderDrawBlendMode(r, old);
    return ok;
}

size_t sk_sprite_gfx_log_total(sk_sprite_gfx *const *g, int n, FILE *out)
{
    size_t total = 0;
    int sheets = 0, textures = 0, lw = 0, lh = 0;
    for (int i = 0; i < n; i++) {
        if (!g[i])
            continue;
        sk_sprite_gfx_stats st;
        sk_sprite_gfx_get_stats(g[i], &st);
        total += st.texture_bytes;
        textures += st.textures;
        sheets++;
        if ((long)st.largest_w * st.largest_h > (long)lw * lh) {
            lw = st.largest_w;
            lh = st.largest_h;
        }
    }
    if (out) {
        fprintf(out, "sprites: %d sheet%s, %d texture%s, %.1f MB of %.1f MB (largest %dx%d)\n",
                sheets, sheets == 1 ? "" : "s", textures, textures == 1 ? "" : "s",
                total / 1048576.0, SK_SPRITE_TEXTURE_BUDGET / 1048576.0, lw, lh);
        if (total > SK_SPRITE_TEXTURE_BUDGET)
            fprintf(out, "sprites: warning: texture memory %.1f MB is over the %.1f MB budget "
                    "(a Raspberry Pi may run out of GPU memory)\n",
                    total / 1048576.0, SK_SPRITE_TEXTURE_BUDGET / 1048576.0);
    }
    return total;
}
