#include "sheet_prefetch.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

struct sk_sheet_prefetch {
    char *path;
    SDL_Thread *thread;        /* NULL once joined */
    sk_sprite_sheet *sheet;    /* the thread's result; NULL once handed over */
    sk_diag diag;              /* the thread's problems */
    bool taken;
};

/* The thread touches only its own struct's path, sheet and diag, and the
 * loader keeps no global state (image_png.h); joining is the hand-over. */
static int SDLCALL decode(void *user)
{
    sk_sheet_prefetch *p = user;
    p->sheet = sk_sprite_sheet_load(p->path, &p->diag);
    return 0;
}

sk_sheet_prefetch *sk_sheet_prefetch_start(const char *path)
{
    if (!path) return NULL;
    sk_sheet_prefetch *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    sk_diag_init(&p->diag);
    p->path = sk_strdup(path);
    if (p->path) p->thread = SDL_CreateThread(decode, "sheet-prefetch", p);
    if (!p->thread) {
        free(p->path);
        free(p);
        return NULL;
    }
    return p;
}

static void join(sk_sheet_prefetch *p)
{
    if (!p->thread) return;
    SDL_WaitThread(p->thread, NULL);
    p->thread = NULL;
}

bool sk_sheet_prefetch_take(sk_sheet_prefetch *p, const char *path, sk_sprite_sheet **out, sk_diag *d)
{
    if (!p || p->taken || !path || strcmp(path, p->path)) return false;
    join(p);
    p->taken = true;
    *out = p->sheet;
    p->sheet = NULL;
    sk_diag_take(d, &p->diag);
    return true;
}

void sk_sheet_prefetch_done(sk_sheet_prefetch *p)
{
    if (!p) return;
    join(p);
    p->taken = true;
    sk_sprite_sheet_free(p->sheet);
    p->sheet = NULL;
    sk_diag_free(&p->diag);
}

void sk_sheet_prefetch_free(sk_sheet_prefetch *p)
{
    if (!p) return;
    join(p);
    sk_sprite_sheet_free(p->sheet);
    sk_diag_free(&p->diag);
    free(p->path);
    free(p);
}

bool sk_sheet_prefetch_hook(void *user, const char *path, sk_sprite_sheet **out, sk_diag *d)
{
    return sk_sheet_prefetch_take(user, path, out, d);
}
