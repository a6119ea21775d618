/* platform/state_file: the atomic replace under SIGKILL, a full disk, an
 * unwritable folder; the folders' order of choice. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "state_file.h"
#include "usage.h"

/* Under AddressSanitizer each fork costs several times as much: fewer
 * kills keep the test near 20 s there too. */
#if defined(__SANITIZE_ADDRESS__)
#define KILLS 1000
#else
#define KILLS 2000
#endif

/* Two files that differ in length and in every line: a torn write of
 * either would show as a line of the other or a cut line. */
static char *make_text(int days, long mark, size_t *len)
{
    sk_usage u;
    sk_usage_init(&u);
    int date = 20250101;
    for (int i = 0; i < days; i++, date++) {
        if (date % 100 > 28) date = date - date % 100 + 101;
        sk_usage_set_day(&u, date);
        for (long k = 0; k < mark; k++) sk_usage_wake_tap(&u);
    }
    char *t = sk_usage_format(&u, len);
    sk_usage_free(&u);
    return t;
}

/* Each reading must be one of the two texts, whole. */
static void killed_writers(const char *dir)
{
    size_t la, lb;
    char *a = make_text(300, 3, &la), *b = make_text(200, 7, &lb);
    char why[512];
    CHECK(sk_state_file_replace(dir, "usage.csv", a, la, why, sizeof why), "first write: %s", why);
    int torn = 0, old_seen = 0, new_seen = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    unsigned seed = 12345;
    for (int i = 0; i < KILLS; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            for (int k = 0;; k++) {
                const char *t = k % 2 ? a : b;
                sk_state_file_replace(dir, "usage.csv", t, k % 2 ? la : lb, NULL, 0);
            }
        }
        /* Killed somewhere in a write: 0..2 ms in. */
        seed = seed * 1103515245u + 12345u;
        struct timespec d = {0, (long)((seed >> 8) % 2000) * 1000};
        nanosleep(&d, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        size_t n = 0;
        char *got = sk_state_file_read(dir, "usage.csv", 1 << 20, &n, why, sizeof why);
        bool is_a = got && n == la && !memcmp(got, a, la), is_b = got && n == lb && !memcmp(got, b, lb);
        if (!is_a && !is_b) torn++;
        old_seen += is_a;
        new_seen += is_b;
        /* ... and the reader parses it without a complaint. */
        if (got && (i % 100) == 0) {
            sk_usage u;
            sk_diag dg;
            sk_diag_init(&dg);
            sk_usage_init(&u);
            sk_usage_parse(got, n, "usage.csv", &u, &dg);
            CHECK(dg.count == 0 && (u.count == 300 || u.count == 200), "kill %d: %d days, %d messages", i,
                  u.count, dg.count);
            sk_diag_free(&dg);
            sk_usage_free(&u);
        }
        free(got);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%d writers killed in %.1f s: %d torn, file was the one (%d) or the other (%d)\n", KILLS, s,
           torn, old_seen, new_seen);
    CHECK_INT(torn, 0);
    CHECK(old_seen > 0 && new_seen > 0, "the kills landed at different points (%d, %d)", old_seen, new_seen);
    free(a);
    free(b);
}

/* A full disk: the old file stays, the reason is named. */
static void full_disk(const char *base)
{
    char dir[512], why[512];
    snprintf(dir, sizeof dir, "%s/tiny", base);
    mkdir(dir, 0700);
    bool mounted = false;
    if (geteuid() == 0) {
        mounted = mount("tmpfs", dir, "tmpfs", 0, "size=64k") == 0;
        CHECK(mounted, "root, but no tmpfs: %s", strerror(errno));
    }
    size_t la, lb;
    char *a = make_text(5, 1, &la), *b = make_text(SK_USAGE_MAX_DAYS, 40, &lb);
    CHECK(sk_state_file_replace(dir, "usage.csv", a, la, why, sizeof why), "small write: %s", why);
    if (mounted) {
        /* Fill what is left, then the big file cannot go in. */
        int fd = open(strcat(strcpy(why, dir), "/filler"), O_WRONLY | O_CREAT, 0600);
        char block[4096] = {0};
        while (write(fd, block, sizeof block) > 0) {}
        close(fd);
        bool ok = sk_state_file_replace(dir, "usage.csv", b, lb, why, sizeof why);
        CHECK(!ok && strstr(why, "No space left"), "full disk: %s", ok ? "written" : why);
    } else {
        chmod(dir, 0500);   /* not root: an unwritable folder stands in */
        bool ok = sk_state_file_replace(dir, "usage.csv", b, lb, why, sizeof why);
        CHECK(!ok && strstr(why, "Permission denied"), "unwritable: %s", ok ? "written" : why);
        chmod(dir, 0700);
    }
    printf("full or unwritable: %s\n", why);
    size_t n = 0;
    char *got = sk_state_file_read(dir, "usage.csv", 1 << 20, &n, why, sizeof why);
    CHECK(got && n == la && !memcmp(got, a, la), "the old file is still whole");
    free(got);
    if (mounted) umount(dir);
    free(a);
    free(b);
}

static void folders(void)
{
    char buf[512];
    setenv("STATE_DIRECTORY", "/var/lib/x:/var/lib/y", 1);
    CHECK(sk_state_dir("state", NULL, false, buf, sizeof buf) && !strcmp(buf, "/var/lib/x"), "%s", buf);
    CHECK(sk_state_dir("state", "/o", false, buf, sizeof buf) && !strcmp(buf, "/o"), "%s", buf);
    unsetenv("STATE_DIRECTORY");
    setenv("XDG_STATE_HOME", "/home/u/st", 1);
    CHECK(sk_state_dir("state", NULL, false, buf, sizeof buf) && !strcmp(buf, "/home/u/st/stretch-kiosk"), "%s", buf);
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", "/home/u", 1);
    CHECK(sk_state_dir("state", NULL, false, buf, sizeof buf) &&
              !strcmp(buf, "/home/u/.local/state/stretch-kiosk"), "%s", buf);
    unsetenv("RUNTIME_DIRECTORY");
    setenv("XDG_RUNTIME_DIR", "/run/user/1000", 1);
    CHECK(sk_state_dir("runtime", NULL, false, buf, sizeof buf) && !strcmp(buf, "/run/user/1000/stretch-kiosk"),
          "%s", buf);
    unsetenv("XDG_RUNTIME_DIR");
    CHECK(!sk_state_dir("runtime", NULL, false, buf, sizeof buf), "no runtime folder: never the current one");
    char why[512];
    CHECK(!sk_state_file_read("/nonexistent", "x", 10, NULL, why, sizeof why) && strstr(why, ": missing"), "%s", why);
}

int main(void)
{
    char base[] = "/tmp/sk-state-XXXXXX";
    CHECK(mkdtemp(base) != NULL, "mkdtemp");
    killed_writers(base);
    full_disk(base);
    folders();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
    CHECK(system(cmd) == 0, "clean up");
    return CHECK_DONE();
}
