/* --usage and --status: the kiosk's files read back for a person or a
 * script (kiosk_state.h). */
#include "kiosk_state.h"

#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "state_file.h"

static json_object *list_json(const sk_usage_list *l)
{
    json_object *o = json_object_new_object();
    for (int i = 0; i < l->count; i++)
        json_object_object_add(o, l->items[i].key, json_object_new_int64(l->items[i].count));
    return o;
}

void *sk_usage_day_json(const sk_usage_day *d)
{
    json_object *o = json_object_new_object();
    char date[16] = "";
    if (d->date) sk_usage_date_text(d->date, date, sizeof date);
    json_object_object_add(o, "date", d->date ? json_object_new_string(date) : NULL);
    const struct { const char *k; long v; } n[] = {
        {"loop_cycles", d->loop_cycles}, {"wake_taps", d->wake_taps},
        {"sessions_started", d->sessions_started}, {"sessions_completed", d->sessions_completed},
        {"sessions_stopped", d->sessions_stopped}, {"walkaways", d->walkaways},
        {"quiet_minutes", (long)(d->quiet_ms / 60000)}, {"screen_off_minutes", (long)(d->screen_off_ms / 60000)},
        {"starts", d->starts},
    };
    for (size_t i = 0; i < sizeof n / sizeof *n; i++)
        json_object_object_add(o, n[i].k, json_object_new_int64(n[i].v));
    json_object_object_add(o, "holds_completed", list_json(&d->holds));
    json_object_object_add(o, "stopped_in", list_json(&d->stopped_in));
    json_object_object_add(o, "walked_away_in", list_json(&d->walked_away_in));
    json_object_object_add(o, "start_problems", list_json(&d->start_problems));
    return o;
}

static long list_total(const sk_usage_list *l)
{
    long t = 0;
    for (int i = 0; i < l->count; i++) t += l->items[i].count;
    return t;
}

static void list_text(const sk_usage_list *l, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < l->count && at < size; i++) {
        int n = snprintf(buf + at, size - at, "%s%s %ld", i ? ", " : "", l->items[i].key, l->items[i].count);
        if (n < 0) break;
        at += (size_t)n;
    }
}

static void print_row(FILE *out, const char *label, const sk_usage_day *d)
{
    fprintf(out, "%-10s %6ld %6ld %8ld %5ld %7ld %6ld %6ld %6lld %6lld %6ld\n", label, d->loop_cycles,
            d->wake_taps, d->sessions_started, d->sessions_completed, d->sessions_stopped, d->walkaways,
            list_total(&d->holds), (long long)(d->quiet_ms / 60000), (long long)(d->screen_off_ms / 60000),
            d->starts);
}

static void print_table(FILE *out, const sk_usage *u, int from, const char *path)
{
    sk_usage_day total = {0};
    fprintf(out, "Usage counts from %s (local days)\n\n", path);
    fprintf(out, "%-10s %6s %6s %8s %5s %7s %6s %6s %6s %6s %6s\n", "date", "cycles", "wakes",
            "sessions", "done", "stopped", "walked", "holds", "quiet", "off", "starts");
    fprintf(out, "%-10s %6s %6s %8s %5s %7s %6s %6s %6s %6s\n", "", "(loop)", "(taps)", "started",
            "", "", "away", "", "(min)", "(min)");
    for (int i = from; i < u->count; i++) {
        char date[16];
        sk_usage_date_text(u->days[i].date, date, sizeof date);
        print_row(out, date, &u->days[i]);
        sk_usage_day_add(&total, &u->days[i]);
    }
    if (from >= u->count) fprintf(out, "(no day counted yet)\n");
    print_row(out, "total", &total);
    char buf[1024];
    const struct { const char *what; const sk_usage_list *l; } lists[] = {
        {"Holds completed, per stretch", &total.holds},
        {"Sessions stopped in", &total.stopped_in},
        {"Walked away in", &total.walked_away_in},
        {"Start problems", &total.start_problems},
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        list_text(lists[i].l, buf, sizeof buf);
        fprintf(out, "%s: %s\n", lists[i].what, buf[0] ? buf : "none");
    }
}

int sk_usage_report(const char *dir_override, int days, bool json, FILE *out, FILE *err)
{
    char dir[4096], why[4400], name[4200];
    if (!sk_state_dir("state", dir_override, true, dir, sizeof dir)) {
        fprintf(err, "stretch-kiosk: no folder for usage counts: set --state-dir\n");
        return 1;
    }
    snprintf(name, sizeof name, "%s/%s", dir, SK_USAGE_FILE);
    size_t len = 0;
    char *text = sk_state_file_read(dir, SK_USAGE_FILE, 64u << 20, &len, why, sizeof why);
    if (!text) {
        fprintf(err, "stretch-kiosk: %s%s\n", why, strstr(why, ": missing") ? " (no counts yet)" : "");
        return 1;
    }
    sk_usage u;
    sk_diag d;
    sk_diag_init(&d);
    bool ok = sk_usage_init(&u) && sk_usage_parse(text, len, name, &u, &d);
    free(text);
    sk_diag_print(&d, err);
    sk_diag_free(&d);
    if (!ok) return 1;
    int from = days > 0 && u.count > days ? u.count - days : 0;
    if (json) {
        json_object *o = json_object_new_object(), *arr = json_object_new_array();
        sk_usage_day total = {0};
        for (int i = from; i < u.count; i++) {
            json_object_array_add(arr, sk_usage_day_json(&u.days[i]));
            sk_usage_day_add(&total, &u.days[i]);
        }
        json_object_object_add(o, "file", json_object_new_string(name));
        json_object_object_add(o, "days", arr);
        json_object_object_add(o, "total", sk_usage_day_json(&total));
        fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
    } else {
        print_table(out, &u, from, name);
    }
    sk_usage_free(&u);
    return 0;
}

/* ---- --status ---------------------------------------------------------- */

static const char *str_at(json_object *o, const char *a, const char *b)
{
    json_object *v;
    if (!json_object_object_get_ex(o, a, &v)) return NULL;
    if (b && !json_object_object_get_ex(v, b, &v)) return NULL;
    return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static long long int_at(json_object *o, const char *a, long long fallback)
{
    json_object *v;
    if (!json_object_object_get_ex(o, a, &v) || !json_object_is_type(v, json_type_int)) return fallback;
    return (long long)json_object_get_int64(v);
}

/* A pid that runs stretch-kiosk (not a pid reused by another program). */
static bool kiosk_running(long long pid)
{
    if (pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno != EPERM)) return false;
    char path[64], comm[64] = "";
    snprintf(path, sizeof path, "/proc/%lld/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f) return true;   /* hidden (ProtectProc): the pid lives, trust it */
    bool ok = fgets(comm, sizeof comm, f) && !strncmp(comm, "stretch-kiosk", 13);
    fclose(f);
    return ok;
}

/* NULL when all is well, else what is wrong. */
static const char *judge(json_object *o, time_t now, char *buf, size_t size)
{
    long long pid = int_at(o, "pid", 0), updated = int_at(o, "updated_unix", 0);
    long long frame = int_at(o, "last_frame_unix", 0), every = int_at(o, "frame_at_least_every_ms", 0);
    if (!kiosk_running(pid)) {
        snprintf(buf, size, "not running (pid %lld is gone; status.json is from a run that did not stop cleanly)", pid);
        return buf;
    }
    if (now - updated > SK_STATUS_STALE_S) {
        snprintf(buf, size, "stale: status.json not rewritten for %lld s (limit %d s): the frame loop is stuck",
                 (long long)(now - updated), SK_STATUS_STALE_S);
        return buf;
    }
    if (!frame) {
        long long up = int_at(o, "uptime_s", 0);
        snprintf(buf, size, "no frame presented in %lld s since the start (limit %d s)", up, SK_STATUS_STALE_S);
        return up > SK_STATUS_STALE_S ? buf : NULL;
    }
    if (every > 0 && now - frame > SK_STATUS_STALE_S) {
        snprintf(buf, size, "stale: the last frame was presented %lld s ago (limit %d s)",
                 (long long)(now - frame), SK_STATUS_STALE_S);
        return buf;
    }
    return NULL;
}

static void print_status(FILE *out, json_object *o, const char *verdict)
{
    json_object *today = NULL;
    json_object_object_get_ex(o, "today", &today);
    const char *stretch = str_at(o, "screen", "stretch_name");
    json_object *fb = NULL;
    bool fell_back = json_object_object_get_ex(o, "fallback", &fb) && json_object_get_boolean(fb);
    fprintf(out, "stretch-kiosk %s: %s\n", str_at(o, "version", NULL) ? str_at(o, "version", NULL) : "?",
            verdict ? verdict : fell_back ? "running, but on the built-in routine (see routine below)" : "OK");
    fprintf(out, "  routine:    \"%s\" (%s)\n", str_at(o, "routine", "title") ? str_at(o, "routine", "title") : "?",
            str_at(o, "routine", "checksum") ? str_at(o, "routine", "checksum") : "?");
    fprintf(out, "              %s\n", str_at(o, "routine", "why") ? str_at(o, "routine", "why") : "");
    fprintf(out, "  mode:       %s; on screen: %s, %s%s%s\n", str_at(o, "mode", NULL) ? str_at(o, "mode", NULL) : "?",
            str_at(o, "screen", "mode") ? str_at(o, "screen", "mode") : "?",
            str_at(o, "screen", "phase") ? str_at(o, "screen", "phase") : "?", stretch ? ", " : "",
            stretch ? stretch : "");
    json_object *scr = NULL, *v;
    json_object_object_get_ex(o, "screen", &scr);
    bool off = scr && json_object_object_get_ex(scr, "screen_off", &v) && json_object_get_boolean(v);
    bool quiet = scr && json_object_object_get_ex(scr, "quiet", &v) && json_object_get_boolean(v);
    fprintf(out, "  screen:     %s%s; sound %s\n", off ? "off (screen-off hours)" : "on",
            quiet ? ", quiet hours" : "", str_at(o, "audio", NULL) ? str_at(o, "audio", NULL) : "?");
    json_object *disp = NULL;
    json_object_object_get_ex(o, "display", &disp);
    fprintf(out, "  display:    %s, renderer %s, %lldx%lld\n",
            str_at(o, "display", "video_driver") ? str_at(o, "display", "video_driver") : "?",
            str_at(o, "display", "renderer") ? str_at(o, "display", "renderer") : "?",
            int_at(disp, "width", 0), int_at(disp, "height", 0));
    fprintf(out, "  up since:   %s (%lld s), last frame %s, status written %s\n",
            str_at(o, "started", NULL) ? str_at(o, "started", NULL) : "?", int_at(o, "uptime_s", 0),
            str_at(o, "last_frame", NULL) ? str_at(o, "last_frame", NULL) : "none yet",
            str_at(o, "updated", NULL) ? str_at(o, "updated", NULL) : "?");
    if (today)
        fprintf(out, "  today:      %lld loop cycles, %lld sessions started, %lld completed, %lld stopped, "
                     "%lld walk-aways, %lld wake taps\n",
                int_at(today, "loop_cycles", 0), int_at(today, "sessions_started", 0),
                int_at(today, "sessions_completed", 0), int_at(today, "sessions_stopped", 0),
                int_at(today, "walkaways", 0), int_at(today, "wake_taps", 0));
}

int sk_status_report(const char *dir_override, bool json, FILE *out, FILE *err)
{
    char dir[4096], why[4400];
    if (!sk_state_dir("runtime", dir_override, true, dir, sizeof dir)) {
        fprintf(err, "stretch-kiosk: not running: no folder for status.json (set --state-dir)\n");
        return 1;
    }
    char *text = sk_state_file_read(dir, SK_STATUS_FILE, 1u << 20, NULL, why, sizeof why);
    if (!text) {
        if (json) fprintf(out, "{ \"running\": false, \"problem\": \"no status.json\" }\n");
        fprintf(err, "stretch-kiosk: not running: %s\n", why);
        return 1;
    }
    enum json_tokener_error jerr = json_tokener_success;
    json_object *o = json_tokener_parse_verbose(text, &jerr);
    free(text);
    if (!o || !json_object_is_type(o, json_type_object)) {
        fprintf(err, "stretch-kiosk: %s/%s: not the JSON the kiosk writes (%s)\n", dir, SK_STATUS_FILE,
                o ? "not an object" : json_tokener_error_desc(jerr));
        json_object_put(o);
        return 1;
    }
    char buf[512];
    const char *verdict = judge(o, time(NULL), buf, sizeof buf);
    if (json) {
        json_object_object_add(o, "running", json_object_new_boolean(!verdict || strncmp(verdict, "not running", 11)));
        json_object_object_add(o, "problem", verdict ? json_object_new_string(verdict) : NULL);
        json_object_object_add(o, "stale_after_s", json_object_new_int(SK_STATUS_STALE_S));
        fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
    } else {
        print_status(out, o, verdict);
    }
    if (verdict) fprintf(err, "stretch-kiosk: %s\n", verdict);
    json_object_put(o);
    return verdict ? 1 : 0;
}
