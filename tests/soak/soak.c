/* Soak: simulated hours of the loop plus random guided sessions through the
 * real drawing path (SDL's software renderer on a surface), on a fake clock.
 *
 *   sk_soak HOURS [WxH]     e.g. sk_soak 24 for the full day (README)
 *
 * Checks, each printed with its figure:
 *   - RSS growth after the warm-up (a scripted session through every screen,
 *     then the first sixth of the run) stays under 1 MB (skipped under AddressSanitizer, whose
 *     quarantine holds freed memory on purpose; there LeakSanitizer checks
 *     at exit instead);
 *   - open file descriptors do not grow;
 *   - the text cache creates no textures once every screen has been seen
 *     (all text is the routine's, so after warm-up nothing is new);
 *   - every session ends, and at most one runs at a time.
 * The random choices come from a fixed seed: the same run every time. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "kiosk_step.h"
#include "scene.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    if (d) closedir(d);
    return n;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

int main(int argc, char **argv)
{
    double hours = argc > 1 ? atof(argv[1]) : 1.0;
    int w = 480, h = 270;
    if (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2) return 2;
    const char *src = getenv("SK_SOURCE_DIR");
    char assets[4096];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");

    sk_content c;
    sk_timeline_opts opts = {.walkaway_ms = 60000};
    if (!sk_content_load(&c, NULL, assets, &opts, stderr)) return 1;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    sk_scene_opts so = {.assets_dir = assets, .touch = true};
    sk_scene *scene = r ? sk_scene_create(r, c.routine, &so) : NULL;
    if (!scene) {
        fprintf(stderr, "soak: cannot set up drawing: %s\n", SDL_GetError());
        return 1;
    }

    /* Time moves as the program moves it (kiosk_step.h). */
    sk_kiosk k;
    sk_kiosk_init(&k, c.timeline, NULL, 0);

    /* Warm-up: every screen once, so fonts and texts that are first needed
     * late are not mistaken for growth: a whole session to its end, then
     * pause and walk away ("still there?"), then stop with confirmation. */
    {
        sk_tl_view v;
        int64_t guard = 0;
        sk_timeline_intent(c.timeline, SK_INTENT_START);
        do {
            sk_kiosk_step(&k, 100, NULL);
            sk_timeline_view(c.timeline, &v);
            sk_scene_draw(scene, &v, w, h);
        } while (v.mode != SK_TL_LOOP && (guard += 100) < 4 * 3600 * 1000);
        static const struct { int64_t after_ms; sk_intent in; } script[] = {
            {0, SK_INTENT_START}, {20000, SK_INTENT_PAUSE}, {120000, SK_INTENT_START},
            {5000, SK_INTENT_STOP}, {500, SK_INTENT_STOP}, {5000, SK_INTENT_NONE},
        };
        for (size_t i = 0; i < sizeof script / sizeof script[0]; i++) {
            for (int64_t t = 0; t < script[i].after_ms; t += 100) {
                sk_kiosk_step(&k, 100, NULL);
                sk_timeline_view(c.timeline, &v);
                sk_scene_draw(scene, &v, w, h);
            }
            if (script[i].in != SK_INTENT_NONE) sk_timeline_intent(c.timeline, script[i].in);
        }
    }

    const int64_t total_ms = (int64_t)(hours * 3600.0 * 1000.0);
    const int64_t step_ms = 100;            /* a frame every 100 ms of fake time */
    const int64_t warm_ms = total_ms / 6;
    long rss_warm = 0, rss_max_after = 0;
    int fds_warm = -1, fds_max_after = 0;
    uint64_t tex_warm = 0;
    long frames = 0, intents = 0;
    int failures = 0;
    for (int64_t t = 0; t < total_ms; t += step_ms) {
        /* About four visitors an hour start a session; in a session, a
         * random button now and then, sometimes walking away. */
        uint32_t roll = next_rand() % 36000;
        sk_tl_view v;
        sk_timeline_view(c.timeline, &v);
        if (v.mode == SK_TL_LOOP && roll < 4) {
            sk_timeline_intent(c.timeline, SK_INTENT_START);
            intents++;
        } else if (v.mode == SK_TL_SESSION && roll < 40) {
            static const sk_intent pick[] = {SK_INTENT_PAUSE, SK_INTENT_RESUME, SK_INTENT_SKIP,
                                             SK_INTENT_BACK, SK_INTENT_STOP, SK_INTENT_ACTIVITY};
            sk_timeline_intent(c.timeline, pick[next_rand() % 6]);
            intents++;
        }
        sk_kiosk_step(&k, step_ms, NULL);
        sk_timeline_view(c.timeline, &v);
        if (v.sessions_started - v.sessions_ended > 1 || v.remaining_ms < 0) {
            fprintf(stderr, "soak: at %lld ms: %d sessions started, %d ended, %lld ms left\n",
                    (long long)t, v.sessions_started, v.sessions_ended, (long long)v.remaining_ms);
            failures++;
            break;
        }
        sk_scene_draw(scene, &v, w, h);
        frames++;
        if (t + step_ms >= warm_ms && fds_warm < 0) {
            rss_warm = rss_kb();
            fds_warm = open_fds();
            sk_text_stats ts;
            sk_scene_text_stats(scene, &ts);
            tex_warm = ts.textures_created;
        } else if (fds_warm >= 0 && frames % 600 == 0) {
            long rss = rss_kb();
            int fds = open_fds();
            if (rss > rss_max_after) rss_max_after = rss;
            if (fds > fds_max_after) fds_max_after = fds;
        }
    }
    sk_tl_view v;
    sk_timeline_view(c.timeline, &v);
    sk_text_stats ts;
    sk_scene_text_stats(scene, &ts);
    long growth = rss_max_after > rss_warm ? rss_max_after - rss_warm : 0;
    printf("soak: %.2f simulated hours, %ld frames at %dx%d, %ld intents, %d sessions started, "
           "%d ended\n", hours, frames, w, h, intents, v.sessions_started, v.sessions_ended);
    printf("soak: RSS after warm-up %ld kB, highest later %ld kB, growth %ld kB%s\n", rss_warm,
           rss_max_after, growth, UNDER_ASAN ? " (not judged under ASan)" : "");
    printf("soak: open fds after warm-up %d, highest later %d\n", fds_warm, fds_max_after);
    printf("soak: text textures created after warm-up: %llu (cache holds %d, %zu bytes)\n",
           (unsigned long long)(ts.textures_created - tex_warm), ts.entries, ts.texture_bytes);
    int passed = 0;
    if (!UNDER_ASAN) {
        if (growth < 1024) passed++;
        else { fprintf(stderr, "soak: RSS grew by %ld kB after warm-up\n", growth); failures++; }
    }
    if (fds_max_after <= fds_warm) passed++;
    else { fprintf(stderr, "soak: open fds grew from %d to %d\n", fds_warm, fds_max_after); failures++; }
    if (v.sessions_started - v.sessions_ended <= 1 && v.sessions_started > 0) passed++;
    else { fprintf(stderr, "soak: sessions started %d ended %d\n", v.sessions_started, v.sessions_ended); failures++; }

    sk_scene_destroy(scene);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    sk_content_free(&c);
    if (TTF_WasInit()) TTF_Quit();
    SDL_Quit();
    printf("%d passed, %d failed\n", passed, failures);
    return failures ? 1 : 0;
}
