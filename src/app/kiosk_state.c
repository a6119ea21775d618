#include "kiosk_state.h"

#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "build_info.h"
#include "diag.h"
#include "hash.h"
#include "hours.h"
#include "state_file.h"
#include "text_util.h"

#define USAGE_MAX_BYTES (4u << 20)   /* 400 days of lines fit many times */

struct sk_kiosk_state {
    bool usage_on;
    sk_usage usage;
    char state_dir[4096], run_dir[4096];
    bool have_state_dir, have_run_dir;
    bool usage_failed, status_failed;  /* logged once, until it works again */
    uint64_t last_tick, last_usage_write, last_status_write;
    time_t started_wall;
    uint64_t started_ms;
    const sk_routine *hashed;          /* the routine the checksum is of */
    uint64_t checksum;
    bool unclean;                      /* the last run left its status.json */
    bool had_frame;
};

extern const char sk_builtin_routine_ini[];
extern const size_t sk_builtin_routine_ini_len;

static void write_usage(sk_kiosk_state *ks)
{
    if (!ks->usage_on || !ks->have_state_dir) return;
    size_t len = 0;
    char *text = sk_usage_format(&ks->usage, &len);
    if (!text) return;
    char why[4400];
    bool ok = sk_state_dir_make(ks->state_dir, why, sizeof why) &&
              sk_state_file_replace(ks->state_dir, SK_USAGE_FILE, text, len, why, sizeof why);
    free(text);
    if (!ok && !ks->usage_failed)
        fprintf(stderr, "stretch-kiosk: usage counts kept in memory only, until the kiosk stops: %s\n", why);
    else if (ok && ks->usage_failed)
        fprintf(stderr, "stretch-kiosk: usage counts written again to %s/%s\n", ks->state_dir, SK_USAGE_FILE);
    if (!ok) ks->usage.dirty = true;
    ks->usage_failed = !ok;
}

static bool pid_alive(long pid)
{
    if (pid <= 0 || pid == (long)getpid()) return false;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

/* A status.json whose program is gone: the last run ended without
 * shutting down (with RuntimeDirectoryPreserve=restart it survives). */
static bool left_by_dead_run(const char *dir)
{
    char why[4200];
    char *text = sk_state_file_read(dir, SK_STATUS_FILE, 1u << 20, NULL, why, sizeof why);
    if (!text) return false;
    json_object *o = json_tokener_parse(text), *pid;
    bool dead = o && json_object_object_get_ex(o, "pid", &pid) && !pid_alive((long)json_object_get_int64(pid));
    json_object_put(o);
    free(text);
    return dead;
}

/* Raspberry Pi OS's overlay file system (or a folder in memory): every
 * write is gone at the next boot. Said once, at start. */
static void say_if_in_memory(const char *dir, FILE *log)
{
    struct statfs fs;
    char p[4096];
    sk_strlcpy(p, dir, sizeof p);
    /* The folder may not be made yet: ask the nearest one that is. */
    while (statfs(p, &fs) != 0) {
        char *slash = strrchr(p, '/');
        if (!slash || slash == p) return;
        *slash = '\0';
    }
    if (fs.f_type == 0x794c7630 /* OVERLAYFS_SUPER_MAGIC */ || fs.f_type == 0x01021994 /* TMPFS_MAGIC */)
        fprintf(log, "stretch-kiosk: %s is on an overlay or in memory: the usage counts last until "
                     "the next reboot\n", dir);
}

/* usage.csv into ks->usage, its bad lines logged. */
static void load_usage(sk_kiosk_state *ks, FILE *log)
{
    if (!ks->have_state_dir) return;
    say_if_in_memory(ks->state_dir, log);
    char why[4200];
    size_t len = 0;
    char *text = sk_state_file_read(ks->state_dir, SK_USAGE_FILE, USAGE_MAX_BYTES, &len, why, sizeof why);
    if (!text) {
        if (!strstr(why, ": missing")) fprintf(log, "stretch-kiosk: %s: counting from nothing\n", why);
        return;
    }
    char name[4200];
    snprintf(name, sizeof name, "%s/%s", ks->state_dir, SK_USAGE_FILE);
    sk_diag d;
    sk_diag_init(&d);
    sk_usage_parse(text, len, name, &ks->usage, &d);
    sk_diag_print(&d, log);
    sk_diag_free(&d);
    free(text);
}

sk_kiosk_state *sk_kiosk_state_open(bool usage_on, const char *dir_override, FILE *log)
{
    sk_kiosk_state *ks = calloc(1, sizeof *ks);
    if (!ks) return NULL;
    if (!sk_usage_init(&ks->usage)) {
        free(ks);
        return NULL;
    }
    ks->usage_on = usage_on;
    ks->started_wall = time(NULL);
    ks->have_state_dir = sk_state_dir("state", dir_override, false, ks->state_dir, sizeof ks->state_dir);
    ks->have_run_dir = sk_state_dir("runtime", dir_override, false, ks->run_dir, sizeof ks->run_dir);
    if (usage_on && !ks->have_state_dir)
        fprintf(log, "stretch-kiosk: no folder for the usage counts (no $STATE_DIRECTORY, "
                     "$XDG_STATE_HOME or $HOME): kept in memory only\n");
    if (!ks->have_run_dir)
        fprintf(log, "stretch-kiosk: no folder for status.json (no $RUNTIME_DIRECTORY or "
                     "$XDG_RUNTIME_DIR): --status will not find this kiosk\n");
    if (ks->have_run_dir) ks->unclean = left_by_dead_run(ks->run_dir);
    if (usage_on) load_usage(ks, log);
    return ks;
}

/* The day on the wall clock, yyyymmdd, or 0 while it reads before 2024
 * (a Pi before NTP). Unlike hours, counts do not wait for NTP: a clock
 * that booted behind (fake-hwclock) counts into the newest day already
 * counted (sk_usage_set_day never goes back), and a kiosk whose network
 * has no NTP still counts. */
static int trusted_day(time_t now)
{
    struct tm tm;
    if (!localtime_r(&now, &tm)) return 0;
    if (sk_hours_trusted_minute(true, now, &tm) < 0) return 0;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

void sk_kiosk_state_set_usage(sk_kiosk_state *ks, bool usage_on, FILE *log)
{
    if (!ks || usage_on == ks->usage_on) return;
    if (usage_on) {
        /* Counting again: from the counts on disk, not over them. */
        sk_usage_free(&ks->usage);
        if (!sk_usage_init(&ks->usage)) {
            fprintf(log, "stretch-kiosk: usage: out of memory: not counting\n");
            return;
        }
        ks->usage_on = true;
        load_usage(ks, log);
        sk_usage_set_day(&ks->usage, trusted_day(time(NULL)));
        fprintf(log, "stretch-kiosk: usage counts on again (kiosk.ini's usage = yes)\n");
    } else {
        write_usage(ks);   /* what was counted so far is kept */
        ks->usage_on = false;
        fprintf(log, "stretch-kiosk: usage counts off (kiosk.ini's usage = no); usage.csv is kept "
                     "as it is\n");
    }
}

void sk_kiosk_state_started(sk_kiosk_state *ks, unsigned problems)
{
    if (!ks) return;
    if (ks->unclean) problems |= SK_USAGE_START_UNCLEAN;
    if (ks->usage_on) sk_usage_set_day(&ks->usage, trusted_day(time(NULL)));
    sk_usage_started(&ks->usage, problems);
    write_usage(ks);
}

void sk_kiosk_state_event(sk_kiosk_state *ks, const sk_timeline *tl, const sk_routine *r,
                          const sk_event *ev)
{
    if (ks && ks->usage_on) sk_usage_event(&ks->usage, tl, r, ev);
}

void sk_kiosk_state_wake_tap(sk_kiosk_state *ks)
{
    if (ks && ks->usage_on) sk_usage_wake_tap(&ks->usage);
}

bool sk_kiosk_state_due(const sk_kiosk_state *ks, uint64_t now_ms)
{
    return ks && (ks->last_tick == 0 || now_ms - ks->last_tick >= 1000);
}

static uint64_t routine_checksum(sk_kiosk_state *ks, const sk_routine *r)
{
    if (ks->hashed == r) return ks->checksum;
    ks->hashed = r;
    if (r->is_builtin) {
        ks->checksum = sk_hash_bytes(SK_HASH_INIT, sk_builtin_routine_ini, sk_builtin_routine_ini_len);
        return ks->checksum;
    }
    char why[4200], dir[4096];
    sk_path_dir(r->path, dir, sizeof dir);
    const char *base = strrchr(r->path, '/');
    size_t len = 0;
    char *text = sk_state_file_read(dir, base ? base + 1 : r->path, 1u << 20, &len, why, sizeof why);
    ks->checksum = text ? sk_hash_bytes(SK_HASH_INIT, text, len) : 0;
    free(text);
    return ks->checksum;
}

static void add_str(json_object *o, const char *k, const char *v)
{
    json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static void add_time(json_object *o, const char *k, time_t t)
{
    struct tm tm;
    char buf[40] = "";
    if (gmtime_r(&t, &tm)) strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    add_str(o, k, buf);
}

static json_object *routine_json(sk_kiosk_state *ks, const sk_status_facts *f)
{
    json_object *o = json_object_new_object();
    char sum[32], why[4200];
    snprintf(sum, sizeof sum, "fnv1a64:%016llx", (unsigned long long)routine_checksum(ks, f->routine));
    add_str(o, "title", f->routine->title);
    add_str(o, "path", f->routine->path);
    add_str(o, "checksum", sum);
    add_str(o, "configured", f->configured);
    json_object_object_add(o, "builtin", json_object_new_boolean(f->routine->is_builtin));
    if (f->fell_back)
        snprintf(why, sizeof why, "%s has errors (the log names them): the built-in routine is shown",
                 f->configured ? f->configured : "the routine");
    else if (!f->configured)
        snprintf(why, sizeof why, "no routine configured: the built-in routine");
    else
        snprintf(why, sizeof why, "the configured routine");
    add_str(o, "why", why);
    return o;
}

static json_object *screen_json(const sk_status_facts *f)
{
    json_object *o = json_object_new_object();
    sk_tl_view v;
    sk_timeline_view(f->timeline, &v);
    static const char *const modes[] = {"loop", "session", "start"};
    add_str(o, "mode", modes[v.mode]);
    add_str(o, "phase", v.phase ? sk_phase_name(v.phase->kind) : NULL);
    int ex = v.phase ? v.phase->exercise : -1;
    add_str(o, "stretch", ex >= 0 && ex < f->routine->exercise_count ? f->routine->exercises[ex].id : NULL);
    add_str(o, "stretch_name", ex >= 0 && ex < f->routine->exercise_count ? f->routine->exercises[ex].name : NULL);
    json_object_object_add(o, "paused", json_object_new_boolean(v.paused));
    json_object_object_add(o, "still_there", json_object_new_boolean(v.still_there));
    json_object_object_add(o, "screen_off", json_object_new_boolean(f->screen_off));
    json_object_object_add(o, "quiet", json_object_new_boolean(f->quiet));
    return o;
}

static void write_status(sk_kiosk_state *ks, const sk_status_facts *f, time_t now)
{
    if (!ks->have_run_dir) return;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "pid", json_object_new_int64(getpid()));
    add_str(o, "version", SK_VERSION);
    add_time(o, "updated", now);
    json_object_object_add(o, "updated_unix", json_object_new_int64(now));
    add_time(o, "started", ks->started_wall);
    json_object_object_add(o, "uptime_s", json_object_new_int64((int64_t)((f->now_ms - ks->started_ms) / 1000)));
    json_object_object_add(o, "routine", routine_json(ks, f));
    json_object_object_add(o, "fallback", json_object_new_boolean(f->fell_back));
    add_str(o, "mode", f->mode);
    json_object_object_add(o, "screen", screen_json(f));
    add_str(o, "audio", f->audio);
    json_object *d = json_object_new_object();
    add_str(d, "video_driver", f->video_driver);
    add_str(d, "renderer", f->renderer);
    json_object_object_add(d, "width", json_object_new_int(f->width));
    json_object_object_add(d, "height", json_object_new_int(f->height));
    json_object_object_add(o, "display", d);
    /* The last frame on the wall clock, from its age on the monotonic one. */
    if (f->last_present_ms) {
        time_t at = now - (time_t)((f->now_ms - f->last_present_ms) / 1000);
        add_time(o, "last_frame", at);
        json_object_object_add(o, "last_frame_unix", json_object_new_int64(at));
    } else {
        add_str(o, "last_frame", NULL);
    }
    json_object_object_add(o, "frame_at_least_every_ms", json_object_new_int64((int64_t)f->present_every_ms));
    json_object_object_add(o, "usage", json_object_new_boolean(ks->usage_on));
    const sk_usage_day *today = sk_usage_today(&ks->usage);
    sk_usage_day none = {0};
    json_object_object_add(o, "today", sk_usage_day_json(ks->usage_on && today ? today : &none));
    size_t len = 0;
    const char *text = json_object_to_json_string_length(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    char why[4400];
    bool ok = sk_state_dir_make(ks->run_dir, why, sizeof why) &&
              sk_state_file_replace(ks->run_dir, SK_STATUS_FILE, text, len, why, sizeof why);
    json_object_put(o);
    if (!ok && !ks->status_failed) fprintf(stderr, "stretch-kiosk: no status.json: %s\n", why);
    ks->status_failed = !ok;
}

void sk_kiosk_state_tick(sk_kiosk_state *ks, const sk_status_facts *f)
{
    if (!ks) return;
    if (ks->last_tick == 0) {
        ks->started_ms = ks->last_usage_write = f->now_ms;
        ks->last_status_write = 0;
    } else if (ks->usage_on) {
        /* A stall (a suspended machine) counts as at most 5 s. */
        uint64_t dt = f->now_ms - ks->last_tick;
        sk_usage_hours(&ks->usage, (int64_t)(dt > 5000 ? 5000 : dt), f->quiet, f->screen_off);
    }
    ks->last_tick = f->now_ms;
    time_t now = time(NULL);
    if (ks->usage_on) sk_usage_set_day(&ks->usage, trusted_day(now));
    if (ks->usage.dirty && f->now_ms - ks->last_usage_write >= SK_USAGE_EVERY_MS) {
        ks->last_usage_write = f->now_ms;
        write_usage(ks);
    }
    /* ... and at once when the first frame is on screen. */
    bool first_frame = f->last_present_ms && !ks->had_frame;
    ks->had_frame = f->last_present_ms != 0;
    if (ks->last_status_write == 0 || first_frame ||
        f->now_ms - ks->last_status_write >= SK_STATUS_EVERY_MS) {
        ks->last_status_write = f->now_ms;
        write_status(ks, f, now);
    }
}

void sk_kiosk_state_close(sk_kiosk_state *ks)
{
    if (!ks) return;
    if (ks->usage.dirty) write_usage(ks);
    if (ks->have_run_dir) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", ks->run_dir, SK_STATUS_FILE);
        unlink(path);
    }
    sk_usage_free(&ks->usage);
    free(ks);
}
