#include "frame_stats.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

double sk_process_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double sk_ms_since_process_start(void)
{
    /* Field 22 of /proc/self/stat: start time in clock ticks after boot. */
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');   /* the command name may hold spaces */
    if (!p) return -1;
    unsigned long long start = 0;
    int field = 2;
    for (char *tok = strtok(p + 1, " "); tok; tok = strtok(NULL, " ")) {
        if (++field == 22) {
            start = strtoull(tok, NULL, 10);
            break;
        }
    }
    struct timespec now;
    clock_gettime(CLOCK_BOOTTIME, &now);
    double now_ms = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return now_ms - start * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

void sk_frame_stats_begin(sk_frame_stats *s)
{
    s->frame_start_cpu = sk_process_cpu_ms();
}

void sk_frame_stats_drawn(sk_frame_stats *s, long long phase, uint64_t ttf_renders,
                          uint64_t textures)
{
    s->cpu_ms[s->count % SK_FRAME_STATS_MAX] = sk_process_cpu_ms() - s->frame_start_cpu;
    s->count++;
    s->drawn++;
    if (s->have_last && phase == s->last_phase) {
        s->steady++;
        s->steady_renders += ttf_renders - s->last_renders;
        s->steady_textures += textures - s->last_textures;
    }
    s->have_last = 1;
    s->last_phase = phase;
    s->last_renders = ttf_renders;
    s->last_textures = textures;
}

void sk_frame_stats_mark_loop(sk_frame_stats *s)
{
    s->loop_cpu0 = sk_process_cpu_ms();
    s->loop_wall0 = sk_ms_since_process_start();
}

void sk_frame_stats_skipped(sk_frame_stats *s)
{
    s->skipped++;
    s->skipped_cpu_ms += sk_process_cpu_ms() - s->frame_start_cpu;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long smaps_kb(const char *key)
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f) return -1;
    char line[256];
    long v = -1;
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':') {
            v = strtol(line + kl + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

void sk_frame_stats_print(const sk_frame_stats *s, double fps, FILE *out)
{
    int n = s->count < SK_FRAME_STATS_MAX ? s->count : SK_FRAME_STATS_MAX;
    double med = 0, p99 = 0;
    double *sorted = n ? malloc(sizeof(double) * (size_t)n) : NULL;
    if (sorted) {
        memcpy(sorted, s->cpu_ms, sizeof(double) * (size_t)n);
        qsort(sorted, (size_t)n, sizeof(double), cmp_d);
        med = sorted[n / 2];
        p99 = sorted[(int)(n * 0.99) < n ? (int)(n * 0.99) : n - 1];
        free(sorted);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double wall = sk_ms_since_process_start();
    fprintf(out, "bench: frames drawn %d, skipped %d (unchanged), of %.0f at the %.0f fps cap\n",
            s->drawn, s->skipped, wall / 1000.0 * fps, fps);
    fprintf(out, "bench: cpu per drawn frame median %.3f ms, p99 %.3f ms; per skipped wake-up %.3f ms\n",
            med, p99, s->skipped ? s->skipped_cpu_ms / s->skipped : 0.0);
    fprintf(out, "bench: steady-state frames %d: %.3f TTF renders and %.3f textures created per frame "
                 "(%llu, %llu in all)\n",
            s->steady, s->steady ? (double)s->steady_renders / s->steady : 0.0,
            s->steady ? (double)s->steady_textures / s->steady : 0.0,
            (unsigned long long)s->steady_renders, (unsigned long long)s->steady_textures);
    double cpu = sk_process_cpu_ms();
    fprintf(out, "bench: cpu %.2f s over %.2f s = %.1f %% of one core (whole process)\n",
            cpu / 1000.0, wall / 1000.0, 100.0 * cpu / wall);
    if (s->loop_wall0 > 0 && wall > s->loop_wall0)
        fprintf(out, "bench: cpu while looping (after the first frame) %.1f %% of one core\n",
                100.0 * (cpu - s->loop_cpu0) / (wall - s->loop_wall0));
    fprintf(out, "bench: peak RSS %.1f MB, PSS %.1f MB, Pss_Anon %.1f MB\n",
            ru.ru_maxrss / 1024.0, smaps_kb("Pss") / 1024.0, smaps_kb("Pss_Anon") / 1024.0);
}
