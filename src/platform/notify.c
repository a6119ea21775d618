#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1   /* adjtimex */
#endif
#include "notify.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/timex.h>
#include <unistd.h>

#ifdef SK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

bool sk_notify_available(void)
{
#ifdef SK_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

static bool parse_u64(const char *s, unsigned long long *out)
{
    if (!s || !*s) return false;
    unsigned long long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return false;
        unsigned digit = (unsigned)(*s - '0');
        if (v > (~0ULL - digit) / 10) return false;
        v = v * 10 + digit;
    }
    *out = v;
    return true;
}

uint64_t sk_notify_ping_interval_for(const char *watchdog_usec, const char *watchdog_pid,
                                     long my_pid)
{
    unsigned long long usec, pid;
    if (!parse_u64(watchdog_usec, &usec) || usec == 0) return 0;
    if (watchdog_pid && *watchdog_pid) {
        if (!parse_u64(watchdog_pid, &pid) || pid != (unsigned long long)my_pid) return 0;
    }
    uint64_t ms = (uint64_t)(usec / 2000ULL);   /* half the timeout, in ms */
    return ms ? ms : 1;
}

uint64_t sk_notify_ping_interval_ms(void)
{
    return sk_notify_ping_interval_for(getenv("WATCHDOG_USEC"), getenv("WATCHDOG_PID"),
                                       (long)getpid());
}

static bool send_state(const char *state)
{
#ifdef SK_HAVE_SYSTEMD
    /* unset_environment = 0: a reload sends READY again on the same socket. */
    return sd_notify(0, state) > 0;
#else
    (void)state;
    return false;
#endif
}

static bool send_with_status(const char *head, const char *status)
{
    if (!status) return send_state(head);
    /* STATUS= ends at the newline; keep the text to one line. */
    char buf[512];
    size_t n = strlen(head);
    if (n + 8 >= sizeof buf) return false;
    memcpy(buf, head, n);
    memcpy(buf + n, "\nSTATUS=", 8);
    n += 8;
    for (const char *s = status; *s && n + 1 < sizeof buf; s++)
        buf[n++] = (*s == '\n' || *s == '\r') ? ' ' : *s;
    buf[n] = '\0';
    return send_state(buf);
}

static struct {
    bool initialised, pinged_once, armed, ready;
    uint64_t interval_ms, last_ping_ms;
} wd;

bool sk_notify_ready(const char *status)
{
    wd.ready = true;
    bool sent = send_with_status("READY=1", status);
    if (sent) wd.armed = true;   /* systemd arms its watchdog at READY */
    return sent;
}

bool sk_notify_start_step(const char *done)
{
    if (wd.ready) return false;
    char head[64], status[200];
    snprintf(head, sizeof head, "EXTEND_TIMEOUT_USEC=%llu",
             (unsigned long long)SK_NOTIFY_START_STEP_MS * 1000ULL);
    snprintf(status, sizeof status, "starting: %s", done ? done : "");
    return send_with_status(head, status);
}
bool sk_notify_reloading(void) { return send_state("RELOADING=1"); }
bool sk_notify_stopping(void) { return send_state("STOPPING=1"); }

bool sk_notify_status(const char *text)
{
    if (!text) return false;
    char buf[512];
    size_t n = 0;
    memcpy(buf, "STATUS=", 7);
    n = 7;
    for (const char *s = text; *s && n + 1 < sizeof buf; s++)
        buf[n++] = (*s == '\n' || *s == '\r') ? ' ' : *s;
    buf[n] = '\0';
    return send_state(buf);
}

static bool watchdog_on(void)
{
    if (!wd.initialised) {
        wd.initialised = true;
        wd.interval_ms = sk_notify_ping_interval_ms();
    }
    return wd.interval_ms != 0;
}

static bool ping(uint64_t now_ms)
{
    wd.pinged_once = true;
    wd.last_ping_ms = now_ms;
    bool sent = send_state("WATCHDOG=1");
    if (sent) wd.armed = true;
    return sent;
}

bool sk_notify_watchdog_tick(uint64_t now_ms)
{
    if (!watchdog_on()) return false;
    if (wd.pinged_once && now_ms - wd.last_ping_ms < wd.interval_ms) return false;
    return ping(now_ms);
}

bool sk_notify_watchdog_step(uint64_t now_ms)
{
    if (!watchdog_on() || !wd.armed) return false;
    return ping(now_ms);
}

bool sk_notify_wall_clock_synced(void)
{
    const char *test = getenv("SK_TEST_WALL_CLOCK_SYNCED");
    if (test && (!strcmp(test, "0") || !strcmp(test, "1"))) return test[0] == '1';
    struct stat st;
    if (stat("/run/systemd/timesync/synchronized", &st) == 0) return true;
    struct timex tx;
    memset(&tx, 0, sizeof tx);   /* modes = 0: read only */
    int state = adjtimex(&tx);
    return state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
}
