/* SK_BENCH=1's lines about the scene: its texture memory (for benchmarks
 * and a Pi's small GPU memory; the sprites are also logged by the scene
 * when they load), and at exit the loop's figures with the text cache and
 * the canvas's share of the picture redrawn. All on stderr. */
#ifndef SK_BENCH_REPORT_H
#define SK_BENCH_REPORT_H
#include <SDL.h>
#include <stdbool.h>

#include "frame_stats.h"
#include "scene.h"

void sk_bench_log_textures(const sk_scene *scene, const char *when);

/* r: the renderer drawn with (its output size); canvas: whether the scene
 * draws through the canvas (then the share redrawn is printed). */
void sk_bench_print(const sk_frame_stats *stats, const sk_scene *scene, SDL_Renderer *r, bool canvas,
                    double fps);
#endif
