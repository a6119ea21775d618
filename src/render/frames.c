#include "render/frames.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "image_png.h"

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int sk_render_frames(sk_content *content, const sk_scene_opts *scene_opts,
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
    sk_scene *scene = r ? sk_scene_create(r, content->routine, scene_opts) : NULL;
    if (!scene) {
        fprintf(stderr, "render-frames: cannot set up drawing: %s\n", SDL_GetError());
        goto out;
    }
    if (job->session) sk_timeline_intent(content->timeline, SK_INTENT_START);
    long long now = 0;
    for (int i = 0; i < job->at_count; i++) {
        /* Whole steps of one 60 Hz frame, as the window would. */
        while (now < times[i]) {
            long long dt = times[i] - now < 16 ? times[i] - now : 16;
            sk_timeline_step(content->timeline, dt);
            now += dt;
            sk_event ev;
            while (sk_timeline_poll(content->timeline, &ev)) {}
        }
        sk_tl_view v;
        sk_timeline_view(content->timeline, &v);
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
