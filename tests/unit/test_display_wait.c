/* Which outputs count as "a display is there" (display_wait.h), on fake
 * sysfs and /dev/dri trees in a temporary folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "display_wait.h"

static char root[256], drm[300], dev[300];

static void put(const char *rel, const char *text, mode_t mode)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    FILE *f = fopen(p, "w");
    if (!f) { perror(p); exit(2); }
    fputs(text, f);
    fclose(f);
    chmod(p, mode);
}

static void dir(const char *rel)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    mkdir(p, 0755);
}

/* A connector folder with its status, as the kernel lays it out. */
static void connector(const char *name, const char *status)
{
    char rel[300];
    snprintf(rel, sizeof rel, "drm/%s", name);
    dir(rel);
    snprintf(rel, sizeof rel, "drm/%s/status", name);
    put(rel, status, 0644);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/sk-display-wait-XXXXXX");
    if (!mkdtemp(root)) { perror("mkdtemp"); return 2; }
    snprintf(drm, sizeof drm, "%s/drm", root);
    snprintf(dev, sizeof dev, "%s/dri", root);
    sk_display_found f;

    /* No GPU driver loaded yet: no /sys/class/drm at all. */
    CHECK(!sk_display_find(drm, dev, &f), "no drm folder");
    CHECK_INT(f.connected, 0);

    /* The driver is there but nothing is plugged in (a Pi 4: v3d card0
     * with no connectors, vc4 card1 with two HDMI and a writeback). */
    dir("drm");
    dir("dri");
    dir("drm/card0");
    dir("drm/renderD128");
    put("drm/version", "drm 1.1.0 20060810\n", 0644);
    connector("card1-HDMI-A-1", "disconnected\n");
    connector("card1-HDMI-A-2", "disconnected\n");
    connector("card1-Writeback-1", "unknown\n");
    put("dri/card0", "", 0666);
    put("dri/card1", "", 0666);
    CHECK(!sk_display_find(drm, dev, &f), "nothing connected");
    CHECK_INT(f.connected, 0);

    /* The screen on the second HDMI port, but udev has not yet given the
     * node its group: not usable yet. (access(2) ignores modes for root,
     * so only checked when not root.) */
    connector("card1-HDMI-A-2", "connected\n");
    if (geteuid() != 0) {
        put("dri/card1", "", 0600);
        char p[600];
        snprintf(p, sizeof p, "%s/dri/card1", root);
        chmod(p, 0000);
        CHECK(!sk_display_find(drm, dev, &f), "node not openable");
        CHECK_INT(f.connected, 1);
        CHECK_INT(f.unusable, 1);
        chmod(p, 0666);
    } else {
        printf("note: run as root: the not-yet-openable node is not checked (access(2) "
               "grants root everything); the missing node below still is\n");
    }
    /* The node missing altogether (devtmpfs not there yet). */
    snprintf(dev, sizeof dev, "%s/no-such-dri", root);
    CHECK(!sk_display_find(drm, dev, &f), "node missing");
    CHECK_INT(f.unusable, 1);
    snprintf(dev, sizeof dev, "%s/dri", root);

    CHECK(sk_display_find(drm, dev, &f), "connected and openable");
    CHECK_STR(f.connector, "card1-HDMI-A-2");
    CHECK_STR(f.card, "card1");
    CHECK_INT(f.connected, 1);
    CHECK_INT(f.unusable, 0);

    /* Two connected: the first in name order, the same on every boot. */
    connector("card1-HDMI-A-1", "connected");   /* no newline: still counts */
    CHECK(sk_display_find(drm, dev, &f), "two connected");
    CHECK_STR(f.connector, "card1-HDMI-A-1");
    CHECK_INT(f.connected, 2);

    /* Names that only look alike are not connectors. */
    connector("card1-HDMI-A-1", "disconnected\n");
    connector("card1-HDMI-A-2", "disconnected\n");
    connector("cardX-DSI-1", "connected\n");
    connector("card2-", "connected\n");
    connector("renderD128-x", "connected\n");
    CHECK(!sk_display_find(drm, dev, &f), "look-alikes");
    CHECK_INT(f.connected, 0);

    /* A NULL out is allowed. */
    connector("card1-DSI-1", "connected\n");
    CHECK(sk_display_find(drm, dev, NULL), "NULL out");

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return CHECK_DONE();
}
