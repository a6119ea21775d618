/* The program as systemd sees it: started with a notify socket and a
 * watchdog (as Type=notify, WatchdogSec= do), it must say READY=1 after
 * its first frame, ping WATCHDOG=1 about every half interval from the frame
 * loop, answer SIGHUP with RELOADING=1 then READY=1, and SIGTERM with
 * STOPPING=1 and a clean exit within a second. Headless (dummy video).
 * Then, with a watchdog too long for the frame loop's pings to come again,
 * the pings between long steps: none before the first frame (that would
 * arm systemd's watchdog during the start), one around each sprite sheet's
 * preload and between a reload's steps.
 * Skipped (77) when built without libsystemd. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "notify.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits up to 'timeout' s for a datagram; returns its text or NULL. */
static const char *next_msg(int fd, double timeout, char *buf, size_t size)
{
    struct timeval tv = {.tv_sec = (time_t)timeout,
                         .tv_usec = (suseconds_t)((timeout - (time_t)timeout) * 1e6)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n = recv(fd, buf, size - 1, 0);
    if (n < 0) return NULL;
    buf[n] = '\0';
    return buf;
}

/* EXTEND_TIMEOUT_USEC= messages seen by wait_for (start-up steps). */
static int g_extends;

/* Reads messages until one starts with 'want' or the time is up; counts the
 * WATCHDOG=1 pings seen on the way. */
static bool wait_for(int fd, const char *want, double timeout, int *pings, char *buf, size_t size)
{
    double end = now_s() + timeout;
    while (now_s() < end) {
        const char *m = next_msg(fd, end - now_s(), buf, size);
        if (!m) break;
        if (strcmp(m, "WATCHDOG=1") == 0) {
            if (pings) (*pings)++;
            if (strcmp(want, "WATCHDOG=1") == 0) return true;
            continue;
        }
        if (strncmp(m, want, strlen(want)) == 0) return true;
        if (strncmp(m, "EXTEND_TIMEOUT_USEC=", 20) == 0) g_extends++;
        printf("(message: %s)\n", m);
    }
    return false;
}

/* Starts the program as systemd would, with this socket and WATCHDOG_USEC. */
static pid_t start(const char *prog, const char *socket_path, const char *watchdog_usec)
{
    pid_t pid = fork();
    if (pid == 0) {
        char wpid[32];
        snprintf(wpid, sizeof wpid, "%ld", (long)getpid());
        setenv("NOTIFY_SOCKET", socket_path, 1);
        setenv("WATCHDOG_USEC", watchdog_usec, 1);
        setenv("WATCHDOG_PID", wpid, 1);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        execl(prog, prog, "--mode", "loop", "--mute", "--exit-after", "30", (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* WatchdogSec=600: the frame loop pings once (its first frame) and not
 * again within the test, so every other ping is one between steps. */
static void check_step_pings(const char *prog, int fd, const char *socket_path)
{
    pid_t pid = start(prog, socket_path, "600000000");
    CHECK(pid > 0, "fork");
    char buf[512];
    int pings = 0;
    g_extends = 0;
    bool ready = wait_for(fd, "READY=1", 60, &pings, buf, sizeof buf);
    CHECK(ready, "READY=1 after the first frame");
    printf("step pings: %d before READY, start extended %d times\n", pings, g_extends);
    /* A slow start that moves on is given time step by step (display,
     * video, window, renderer, content, scene, sound), not killed by
     * TimeoutStartSec half-way. */
    CHECK(g_extends >= 5, "the start timeout extended after each start-up step (%d)", g_extends);
    g_extends = 0;
    CHECK(pings == 1, "before READY only the first frame's ping, none between start-up steps (%d)",
          pings);
    /* The sheets the first frame did not need load one at a time after it. */
    pings = 0;
    CHECK(wait_for(fd, "STATUS=every sprite sheet loaded", 60, &pings, buf, sizeof buf),
          "STATUS= when the sprites are loaded");
    printf("step pings: %d around the sprite preload\n", pings);
    CHECK(pings >= 2, "pings around the preload of a sprite sheet (%d)", pings);

    kill(pid, SIGHUP);
    CHECK(wait_for(fd, "RELOADING=1", 20, NULL, buf, sizeof buf), "SIGHUP: RELOADING=1");
    pings = 0;
    CHECK(wait_for(fd, "READY=1", 20, &pings, buf, sizeof buf), "after the reload: READY=1");
    printf("step pings: %d between RELOADING and READY\n", pings);
    CHECK(pings >= 3, "pings between the reload's steps (content, scene): %d", pings);
    CHECK(g_extends == 0, "no start timeout extended once READY was sent (%d)", g_extends);

    kill(pid, SIGTERM);
    int status = 0;
    pid_t w;
    double t_term = now_s();
    while ((w = waitpid(pid, &status, WNOHANG)) == 0 && now_s() - t_term < 10) usleep(10000);
    CHECK(w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0, "clean exit after SIGTERM");
    if (w != pid) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
}

int main(void)
{
    if (!sk_notify_available()) {
        printf("built without libsystemd: nothing to check\n");
        return 77;
    }
    const char *bindir = getenv("SK_BINARY_DIR");
    char prog[1024];
    snprintf(prog, sizeof prog, "%s/stretch-kiosk", bindir ? bindir : ".");
    if (access(prog, X_OK) != 0) {
        fprintf(stderr, "no program at %s\n", prog);
        return EXIT_FAILURE;
    }

    char dir[] = "/tmp/sk_sdnotify_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s/notify", dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0, "socket: %s", strerror(errno));

    pid_t pid = start(prog, sa.sun_path, "2000000");   /* WatchdogSec=2: ping every 1 s */
    CHECK(pid > 0, "fork");
    char buf[512];
    int pings = 0;
    double t0 = now_s();
    /* Start-up (content, fonts, first frame) is slow under ASan or qemu. */
    bool ready = wait_for(fd, "READY=1", 60, &pings, buf, sizeof buf);
    CHECK(ready, "READY=1 after the first frame");
    if (ready) printf("READY after %.2f s: %s\n", now_s() - t0, buf);
    CHECK(pings >= 1, "a ping came with the first frame (%d)", pings);
    /* The sprite sheets load after the first frame, with pings around each
     * (counted in check_step_pings); the frame loop's own come after. */
    CHECK(wait_for(fd, "STATUS=every sprite sheet loaded", 60, NULL, buf, sizeof buf),
          "STATUS= when the sprites are loaded");

    /* 3.5 s of frames: pings every 1 s, i.e. 3 or 4 of them. */
    pings = 0;
    double end = now_s() + 3.5;
    while (now_s() < end)
        if (next_msg(fd, end - now_s(), buf, sizeof buf) && strcmp(buf, "WATCHDOG=1") == 0) pings++;
    printf("%d watchdog pings in 3.5 s (interval 1 s)\n", pings);
    CHECK(pings >= 3 && pings <= 4, "pings every half interval: %d in 3.5 s", pings);

    kill(pid, SIGHUP);
    CHECK(wait_for(fd, "RELOADING=1", 20, NULL, buf, sizeof buf), "SIGHUP: RELOADING=1");
    CHECK(wait_for(fd, "READY=1", 20, NULL, buf, sizeof buf), "after the reload: READY=1 again");

    double t_term = now_s();
    kill(pid, SIGTERM);
    CHECK(wait_for(fd, "STOPPING=1", 5, NULL, buf, sizeof buf), "SIGTERM: STOPPING=1");
    int status = 0;
    pid_t w;
    while ((w = waitpid(pid, &status, WNOHANG)) == 0 && now_s() - t_term < 10) usleep(10000);
    double took = now_s() - t_term;
    printf("exit %.3f s after SIGTERM, status %d\n", took, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    CHECK(w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0, "clean exit after SIGTERM");
    if (w != pid) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    /* 1 s is the promise; ASan and qemu get slack. */
    CHECK(took < 3.0, "exit within a second or so of SIGTERM (%.2f s)", took);

    check_step_pings(prog, fd, sa.sun_path);

    close(fd);
    unlink(sa.sun_path);
    rmdir(dir);
    return CHECK_DONE();
}
