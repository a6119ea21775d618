#include "bench_report.h"

#include <stdio.h>

void sk_bench_log_textures(const sk_scene *scene, const char *when)
{
    sk_scene_tex_stats t;
    sk_scene_texture_stats(scene, &t);
    fprintf(stderr, "bench: textures %s: sprites %.1f MB in %d, text %.1f MB in %d, other %.1f MB; "
                    "total %.1f MB, largest %dx%d\n",
            when, t.sprite_bytes / 1048576.0, t.sprite_textures, t.text_bytes / 1048576.0,
            t.text_textures, t.own_bytes / 1048576.0,
            (t.sprite_bytes + t.text_bytes + t.own_bytes) / 1048576.0, t.largest_w, t.largest_h);
}

void sk_bench_print(const sk_frame_stats *stats, const sk_scene *scene, SDL_Renderer *r, bool canvas,
                    double fps)
{
    sk_text_stats ts;
    sk_scene_text_stats(scene, &ts);
    sk_frame_stats_print(stats, fps, stderr);
    fprintf(stderr, "bench: text: %llu TTF renders, %llu textures created in all; %d held, %.1f MB\n",
            (unsigned long long)ts.ttf_renders, (unsigned long long)ts.textures_created,
            ts.entries, ts.texture_bytes / 1048576.0);
    sk_bench_log_textures(scene, "at exit");
    if (canvas && stats->drawn > 0) {
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(r, &w, &h);
        fprintf(stderr, "bench: canvas: %.0f %% of the picture redrawn per drawn frame\n",
                100.0 * (double)sk_scene_pixels_drawn(scene) / ((double)w * h) / stats->drawn);
    }
}
