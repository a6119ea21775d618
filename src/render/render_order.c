#include "render_order.h"

#include <stddef.h>
#include <strings.h>

static const char *find(const char *name, const char *const *avail, int n)
{
    if (!name || !*name) return NULL;
    for (int i = 0; i < n; i++)
        if (avail[i] && !strcasecmp(avail[i], name)) return avail[i];
    return NULL;
}

static void add(sk_render_order *o, const char *name)
{
    if (!name || o->count >= SK_RENDER_ORDER_MAX) return;
    for (int i = 0; i < o->count; i++)
        if (o->names[i] == name) return;
    o->names[o->count++] = name;
}

void sk_render_order_make(const char *video_driver, const char *forced,
                          const char *const *available, int navailable, sk_render_order *out)
{
    out->count = 0;
    out->forced_missing = 0;
    out->why = NULL;
    const int kms = video_driver && !strcasecmp(video_driver, "kmsdrm");
    static const char *const kms_order[] = {"opengles2", "opengl", "software"};
    static const char *const desk_order[] = {"opengl", "opengles2", "software"};
    const char *const *base = kms ? kms_order : desk_order;
    const char *f = find(forced, available, navailable);
    if (f) {
        add(out, f);
        out->why = "SDL_RENDER_DRIVER asks for it";
    } else if (forced && *forced) {
        out->forced_missing = 1;
    }
    for (int i = 0; i < 3; i++) add(out, find(base[i], available, navailable));
    if (!out->why)
        out->why = kms ? "KMSDRM: GLES first (the default \"opengl\" renderer showed only the "
                         "background on KMSDRM with Mesa)"
                       : "SDL's usual order";
}
