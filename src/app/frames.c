#include "frames.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "image_png.h"
#include "kiosk_step.h"

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

typedef struct trace_ctx {
    const sk_languages *langs;
    const sk_kiosk *k;
    bool on;
} trace_ctx;

static void trace_event(const trace_ctx *tc, const sk_event *ev)
{
    double t = ev->time_ms / 1000.0;
    const sk_content *c = &tc->langs->c[sk_kiosk_language(tc->k)];
    bool several = tc->langs->count > 1;
    switch (ev->kind) {
    case SK_EV_VOICE:
        if (several && ev->cue)
            printf("t=%.3f voice=%s lang=%s clip=%s\n", t, ev->cue->key, c->routine->language,
                   sk_voice_catalog_clip_ms(c->voice, ev->cue->key) >= 0 ? "yes" : "no");
        break;
    case SK_EV_PHASE_STARTED: {
        sk_tl_view v;
        sk_timeline_view(c->timeline, &v);
        const sk_phase *p = v.phase;
        const char *mode = v.mode == SK_TL_LOOP ? "loop" : v.mode == SK_TL_START ? "start" : "session";
        const char *ex = p->exercise >= 0 ? c->routine->exercises[p->exercise].id : "-";
        const char *leg = p->leg == SK_LEG_PAINFUL ? "painful" : p->leg == SK_LEG_OTHER ? "other" : "-";
        printf("t=%.3f phase=%s mode=%s exercise=%s leg=%s rep=%d/%d%s%s\n", t,
               sk_phase_name(p->kind), mode, ex, leg, p->rep, p->reps, several ? " lang=" : "",
               several ? c->routine->language : "");
        break;
    }
    case SK_EV_SESSION_STARTED: printf("t=%.3f session-started\n", t); break;
    case SK_EV_SESSION_FINISHED: printf("t=%.3f session-finished\n", t); break;
    case SK_EV_SESSION_STOPPED: printf("t=%.3f session-stopped\n", t); break;
    case SK_EV_LOOP_WRAPPED: printf("t=%.3f loop-wrapped\n", t); break;
    default: break;
    }
}

static void on_intent(void *user, int64_t at_ms, sk_intent in, bool changed)
{
    const trace_ctx *t = user;
    if (t->on)
        printf("t=%.3f intent=%s%s\n", at_ms / 1000.0, sk_intent_name(in), changed ? "" : " (no effect)");
}

static void on_event(void *user, const sk_event *ev)
{
    const trace_ctx *t = user;
    if (t->on) trace_event(t, ev);
}

int sk_render_frames(sk_languages *langs, const sk_scene_opts *scene_opts,
                     const sk_frames_job *job)
{
    if (mkdir(job->out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: cannot create the folder: %s\n", job->out_dir, strerror(errno));
        return 1;
    }
    struct stat st;
    if (stat(job->out_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: is not a folder\n", job->out_dir);
        return 1;
    }
    long long *times = malloc(sizeof(long long) * (size_t)job->at_count);
    if (!times) return 1;
    memcpy(times, job->at_ms, sizeof(long long) * (size_t)job->at_count);
    qsort(times, (size_t)job->at_count, sizeof *times, cmp_ll);

    int rc = 1;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, job->width, job->height, 32,
                                                       SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    sk_content *content = &langs->c[0];
    sk_scene *scene = r ? sk_scene_create(r, content->routine, scene_opts) : NULL;
    if (!scene) {
        SK_LOG_SDL_FAILED("render-frames: cannot set up drawing",
                          !surf ? "SDL_CreateRGBSurfaceWithFormat" : !r ? "SDL_CreateSoftwareRenderer"
                                                                       : "sk_scene_create");
        goto out;
    }
    /* Time moves in 16 ms steps (one 60 Hz frame, as the window would). */
    sk_kiosk k;
    sk_kiosk_init(&k, content->timeline, job->replay, 16);
    sk_timeline *tls[SK_LANGUAGES_MAX];
    for (int i = 0; i < langs->count; i++) tls[i] = langs->c[i].timeline;
    sk_kiosk_set_languages(&k, tls, langs->count, langs->per_stretch);
    trace_ctx tc = {langs, &k, job->trace};
    const sk_kiosk_hooks hooks = {on_intent, on_event, &tc};
    sk_event ev;
    if (job->session) {
        while (sk_timeline_poll(content->timeline, &ev)) {}  /* the loop's first phase */
        sk_timeline_intent(content->timeline, SK_INTENT_START);
    }
    while (sk_timeline_poll(content->timeline, &ev)) on_event(&tc, &ev);
    for (int i = 0; i < job->at_count; i++) {
        if (times[i] > k.now_ms) sk_kiosk_step(&k, times[i] - k.now_ms, &hooks);
        sk_tl_view v;
        sk_timeline_view(k.tl, &v);
        sk_scene_draw(scene, &v, job->width, job->height);
        SDL_RenderFlush(r);
        char path[4096], err[SK_PNG_ERR_SIZE];
        snprintf(path, sizeof path, "%s/frame-%06lldms.png", job->out_dir, times[i]);
        if (!sk_png_write_rgba(path, surf->w, surf->h, surf->pixels, (size_t)surf->pitch, err,
                               sizeof err)) {
            fprintf(stderr, "%s\n", err);
            goto out;
        }
        printf("%s\n", path);
    }
    rc = 0;
out:
    sk_scene_destroy(scene);
    if (r) SDL_DestroyRenderer(r);
    if (surf) SDL_FreeSurface(surf);
    free(times);
    return rc;
}
