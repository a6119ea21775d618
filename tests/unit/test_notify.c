/* systemd notification: the watchdog ping interval from WATCHDOG_USEC, and,
 * when built with libsystemd, what reaches a notify socket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "notify.h"

static void test_interval(void)
{
    CHECK_INT(sk_notify_ping_interval_for("10000000", NULL, 42), 5000);   /* WatchdogSec=10 */
    CHECK_INT(sk_notify_ping_interval_for("10000000", "42", 42), 5000);
    CHECK_INT(sk_notify_ping_interval_for("10000000", "43", 42), 0);      /* meant for another */
    CHECK_INT(sk_notify_ping_interval_for("10000000", "x", 42), 0);
    CHECK_INT(sk_notify_ping_interval_for(NULL, NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("", NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("0", NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("-5", NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("10s", NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("999999999999999999999999", NULL, 42), 0);
    CHECK_INT(sk_notify_ping_interval_for("1000", NULL, 42), 1);           /* never 0 when on */
    CHECK_INT(sk_notify_ping_interval_for("3000000", NULL, 42), 1500);
}

/* With libsystemd: a datagram socket stands in for systemd's. */
static void test_socket(void)
{
    if (!sk_notify_available()) {
        printf("built without libsystemd: checking the no-ops\n");
        setenv("WATCHDOG_USEC", "2000000", 1);
        CHECK(!sk_notify_ready("x"), "no-op ready");
        CHECK(!sk_notify_watchdog_tick(0), "no-op ping");
        return;
    }
    char dir[] = "/tmp/sk_notify_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s/notify", dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK(fd >= 0, "socket");
    CHECK(bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0, "bind");
    struct timeval tv = {.tv_sec = 2};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setenv("NOTIFY_SOCKET", sa.sun_path, 1);
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    setenv("WATCHDOG_USEC", "2000000", 1);   /* 2 s: ping every 1000 ms */

    char buf[600];
    ssize_t n;
#define RECV_IS(want)                                                   \
    do {                                                                \
        n = recv(fd, buf, sizeof buf - 1, 0);                           \
        buf[n > 0 ? n : 0] = '\0';                                      \
        CHECK_STR(buf, want);                                           \
    } while (0)

    /* Before the first ping or READY, a step does not arm the watchdog. */
    CHECK(!sk_notify_watchdog_step(50), "no step ping before the watchdog is armed");
    CHECK(sk_notify_ready("showing the loop\nsecond line"), "ready");
    RECV_IS("READY=1\nSTATUS=showing the loop second line");
    CHECK(sk_notify_status("audio device lost"), "status");
    RECV_IS("STATUS=audio device lost");
    CHECK(sk_notify_reloading(), "reloading");
    RECV_IS("RELOADING=1");

    CHECK_INT(sk_notify_ping_interval_ms(), 1000);
    CHECK(sk_notify_watchdog_tick(100000), "first tick pings");
    RECV_IS("WATCHDOG=1");
    CHECK(!sk_notify_watchdog_tick(100500), "half an interval later: no ping");
    CHECK(!sk_notify_watchdog_tick(100999), "just before: no ping");
    CHECK(sk_notify_watchdog_tick(101000), "a full interval later: ping");
    RECV_IS("WATCHDOG=1");
    int pings = 0;
    for (uint64_t t = 101000; t <= 111000; t += 33)   /* 10 s of frames at ~30 fps */
        pings += sk_notify_watchdog_tick(t);
    CHECK(pings == 9 || pings == 10, "%d pings in 10 s", pings);
    for (int i = 0; i < pings; i++) RECV_IS("WATCHDOG=1");
    CHECK(sk_notify_watchdog_step(111010), "a step pings whatever the interval");
    RECV_IS("WATCHDOG=1");
    CHECK(sk_notify_watchdog_step(111020), "and again after the next step");
    RECV_IS("WATCHDOG=1");
    CHECK(!sk_notify_watchdog_tick(112000), "the step was the last ping for the frame loop");
    CHECK(sk_notify_watchdog_tick(112020), "a full interval after the step: ping");
    RECV_IS("WATCHDOG=1");

    CHECK(sk_notify_stopping(), "stopping");
    RECV_IS("STOPPING=1");

    /* No socket: nothing sent, nothing fails loudly. */
    unsetenv("NOTIFY_SOCKET");
    CHECK(!sk_notify_ready(NULL), "no socket");
    close(fd);
    unlink(sa.sun_path);
    rmdir(dir);
}

int main(void)
{
    test_interval();
    test_socket();
    printf("wall clock synchronised here: %s\n", sk_notify_wall_clock_synced() ? "yes" : "no");
    return CHECK_DONE();
}
