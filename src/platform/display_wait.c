#include "display_wait.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text_util.h"

/* "card12-HDMI-A-1" -> "card12"; false for "card0", "renderD128",
 * "version". */
static bool connector_card(const char *name, char *card, size_t size)
{
    if (strncmp(name, "card", 4) != 0) return false;
    const char *p = name + 4;
    if (*p < '0' || *p > '9') return false;
    while (*p >= '0' && *p <= '9') p++;
    if (*p != '-' || p[1] == 0) return false;
    size_t n = (size_t)(p - name);
    if (n + 1 > size) return false;
    memcpy(card, name, n);
    card[n] = 0;
    return true;
}

static bool status_connected(const char *drm_dir, const char *name)
{
    char path[512];
    if (snprintf(path, sizeof path, "%s/%s/status", drm_dir, name) >= (int)sizeof path) return false;
    FILE *f = fopen(path, "r");
    if (!f) return false;
    char buf[32] = {0};
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return strcmp(buf, "connected\n") == 0 || strcmp(buf, "connected") == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool sk_display_find(const char *drm_dir, const char *dev_dir, sk_display_found *out)
{
    sk_display_found tmp;
    if (!out) out = &tmp;
    memset(out, 0, sizeof *out);
    DIR *d = opendir(drm_dir);
    if (!d) return false;
    /* Name order, so "the first" is the same on every boot. */
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        char card[32];
        if (!connector_card(e->d_name, card, sizeof card)) continue;
        names[n] = strdup(e->d_name);
        if (names[n]) n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    bool found = false;
    for (int i = 0; i < n; i++) {
        char card[32];
        connector_card(names[i], card, sizeof card);
        if (status_connected(drm_dir, names[i])) {
            out->connected++;
            char node[512];
            bool usable = snprintf(node, sizeof node, "%s/%s", dev_dir, card) < (int)sizeof node &&
                          access(node, R_OK | W_OK) == 0;
            if (!usable) {
                out->unusable++;
            } else if (!found) {
                found = true;
                sk_strlcpy(out->connector, names[i], sizeof out->connector);
                sk_strlcpy(out->card, card, sizeof out->card);
            }
        }
        free(names[i]);
    }
    return found;
}
