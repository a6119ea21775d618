/* Replay scripts: the parser on good and bad text, files, and two scripted
 * runs of the timeline (walk-away; skip, back, stop, confirm). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "replay.h"
#include "timeline.h"

static bool parse(const char *text, sk_replay *r, sk_diag *d)
{
    sk_diag_init(d);
    return sk_replay_parse(text, strlen(text), "s.replay", r, d);
}

static void test_intent_names(void)
{
    for (int i = 0; i < SK_INTENT_COUNT; i++)
        CHECK_INT(sk_intent_from_name(sk_intent_name((sk_intent)i)), i);
    CHECK_STR(sk_intent_name(SK_INTENT_TOGGLE_PAUSE), "toggle_pause");
    CHECK_STR(sk_intent_name((sk_intent)99), "none");
    CHECK_STR(sk_intent_name((sk_intent)-1), "none");
    CHECK_INT(sk_intent_from_name("Toggle-Pause"), SK_INTENT_TOGGLE_PAUSE);
    CHECK_INT(sk_intent_from_name("STOP"), SK_INTENT_STOP);
    CHECK_INT(sk_intent_from_name("stopp"), SK_INTENT_NONE);
    CHECK_INT(sk_intent_from_name(""), SK_INTENT_NONE);
    CHECK_INT(sk_intent_from_name(NULL), SK_INTENT_NONE);
}

static void test_good(void)
{
    sk_replay r;
    sk_diag d;
    CHECK(parse("# a comment\n"
                "\n"
                "0 start\n"
                "  12.5\tpause   # trailing comment\r\n"
                "12.5 resume\n"
                "13.125 SKIP\n"
                "60. back\n"
                ".5e-0 stop\n",   /* bad on purpose? no: see below */
                &r, &d) == false,
          "'.5e-0' is not a time");
    CHECK(sk_diag_contains(&d, 8, "time must be seconds"), "message names the line");
    sk_diag_free(&d);

    CHECK(parse("# a comment\n"
                "\n"
                "0 start\n"
                "  12.5\tpause   # trailing comment\r\n"
                "12.5 resume\n"
                "13.125 SKIP\n"
                "60. back\n"
                "61 toggle-pause\n"
                "3600 quit",          /* no newline at the end */
                &r, &d),
          "good script");
    CHECK_INT(d.errors, 0);
    CHECK_INT(r.count, 7);
    if (r.count == 7) {
        CHECK_INT(r.events[0].at_ms, 0);
        CHECK_INT(r.events[0].intent, SK_INTENT_START);
        CHECK_INT(r.events[0].line, 3);
        CHECK_INT(r.events[1].at_ms, 12500);
        CHECK_INT(r.events[1].intent, SK_INTENT_PAUSE);
        CHECK_INT(r.events[2].at_ms, 12500);
        CHECK_INT(r.events[3].at_ms, 13125);
        CHECK_INT(r.events[3].intent, SK_INTENT_SKIP);
        CHECK_INT(r.events[4].at_ms, 60000);
        CHECK_INT(r.events[5].intent, SK_INTENT_TOGGLE_PAUSE);
        CHECK_INT(r.events[6].at_ms, 3600000);
        CHECK_INT(r.events[6].line, 9);
    }
    CHECK_INT(sk_replay_end_ms(&r), 3600000);
    int cur = 0;
    sk_replay_event ev;
    CHECK(sk_replay_next_due(&r, &cur, 0, &ev) && ev.intent == SK_INTENT_START, "due at 0");
    CHECK(!sk_replay_next_due(&r, &cur, 12499, &ev), "nothing yet");
    CHECK(sk_replay_next_due(&r, &cur, 20000, &ev) && ev.intent == SK_INTENT_PAUSE, "pause");
    CHECK(sk_replay_next_due(&r, &cur, 20000, &ev) && ev.intent == SK_INTENT_RESUME, "resume");
    CHECK(sk_replay_next_due(&r, &cur, 20000, &ev) && ev.intent == SK_INTENT_SKIP, "skip");
    CHECK(!sk_replay_next_due(&r, &cur, 20000, &ev), "then none");
    CHECK_INT(cur, 4);
    sk_replay_free(&r);
    sk_replay_free(&r);   /* twice is harmless */
    sk_diag_free(&d);

    CHECK(parse("\xEF\xBB\xBF" "1 start\n", &r, &d) && r.count == 1, "a BOM is skipped");
    sk_replay_free(&r);
    sk_diag_free(&d);
    sk_diag_init(&d);
    CHECK(sk_replay_parse(NULL, 0, "null", &r, &d) && r.count == 0, "no text at all");
    sk_diag_free(&d);
    CHECK(parse("", &r, &d) && r.count == 0, "empty script");
    CHECK_INT(sk_replay_end_ms(&r), 0);
    CHECK(!sk_replay_next_due(&r, &cur, 100, &ev), "empty: none due");
    sk_replay_free(&r);
    sk_diag_free(&d);
}

static void test_bad(void)
{
    static const struct {
        const char *text;
        int line;
        const char *needle;
    } cases[] = {
        {"1 start\nabc pause\n", 2, "time must be seconds like 12 or 12.5"},
        {"-1 start\n", 1, "got \"-1\""},
        {"1.2345 start\n", 1, "at most 3 decimals"},
        {"1e3 start\n", 1, "got \"1e3\""},
        {". start\n", 1, "time must be seconds"},
        {"99999999999999999999999 start\n", 1, "time must be 0..31622400 seconds"},
        {"31622400.001 start\n", 1, "time must be 0..31622400 seconds"},
        {"\n\n5\n", 3, "missing intent after the time 5"},
        {"1 strat\n", 1, "unknown intent \"strat\" (did you mean \"start\"?)"},
        {"1 jump\n", 1, "unknown intent \"jump\" (one of start, pause"},
        {"1 none\n", 1, "unknown intent \"none\""},
        {"1 start now\n", 1, "unexpected \"now\" after the intent"},
        {"5 start\n4 stop\n", 2, "time 4 is before the previous event's 5"},
        {"1 start\n2 pause\xff\n", 2, "not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sk_replay r;
        sk_diag d;
        bool ok = parse(cases[i].text, &r, &d);
        CHECK(!ok, "case %zu must fail", i);
        CHECK(r.count == 0 && r.events == NULL, "case %zu: nothing kept", i);
        CHECK(sk_diag_contains(&d, cases[i].line, cases[i].needle),
              "case %zu: want line %d \"%s\"; got \"%s:%d: %s\"", i, cases[i].line,
              cases[i].needle, d.count ? d.items[0].file : "", d.count ? d.items[0].line : -1,
              d.count ? d.items[0].message : "(none)");
        sk_diag_free(&d);
    }

    /* every bad line is reported, not just the first */
    sk_replay r;
    sk_diag d;
    CHECK(!parse("x start\n1 strat\n2 pause extra\n3 pause\n", &r, &d), "three bad lines");
    CHECK_INT(d.errors, 3);
    CHECK(sk_diag_contains(&d, 1, "time"), "line 1");
    CHECK(sk_diag_contains(&d, 2, "strat"), "line 2");
    CHECK(sk_diag_contains(&d, 3, "extra"), "line 3");
    sk_diag_free(&d);

    /* NUL bytes: binary junk */
    sk_diag_init(&d);
    CHECK(!sk_replay_parse("1 start\n\0\0\0", 11, "bin.replay", &r, &d), "binary");
    CHECK(sk_diag_contains(&d, 0, "NUL"), "says why");
    sk_diag_free(&d);

    /* an over-long line */
    char longline[400];
    memset(longline, ' ', sizeof longline);
    memcpy(longline, "1 start", 7);
    longline[sizeof longline - 1] = '\0';
    CHECK(!parse(longline, &r, &d), "long line");
    CHECK(sk_diag_contains(&d, 1, "the limit is 200"), "long line message");
    sk_diag_free(&d);
}

static void test_files(void)
{
    char path[] = "/tmp/sk-replay-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "temp file");
    if (fd < 0)
        return;
    const char *text = "1 start\n2 stopp\n";
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write");
    close(fd);
    sk_replay r;
    sk_diag d;
    sk_diag_init(&d);
    CHECK(!sk_replay_load(path, &r, &d), "bad file");
    CHECK(sk_diag_contains(&d, 2, "did you mean \"stop\""), "near miss");
    char line[256];
    FILE *mem = tmpfile();
    if (mem) {
        sk_diag_print(&d, mem);
        rewind(mem);
        CHECK(fgets(line, sizeof line, mem) != NULL, "printed");
        char want[128];
        snprintf(want, sizeof want, "%s:2: unknown intent \"stopp\"", path);
        CHECK(strncmp(line, want, strlen(want)) == 0, "file:line: message, got %s", line);
        fclose(mem);
    }
    sk_diag_free(&d);
    unlink(path);

    sk_diag_init(&d);
    CHECK(!sk_replay_load("/nonexistent/x.replay", &r, &d), "missing file");
    CHECK(sk_diag_contains(&d, 0, "cannot open"), "says so");
    sk_diag_free(&d);
    sk_diag_init(&d);
    CHECK(!sk_replay_load("/tmp", &r, &d), "a directory");
    CHECK(d.errors == 1, "one error");
    sk_diag_free(&d);

    /* the project's own replay scripts parse */
    static const char *const files[] = {"tests/data/replay/walkaway.replay",
                                        "tests/data/replay/skips.replay",
                                        "tests/data/replay/stop-unconfirmed.replay"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char p[512];
        check_path(p, sizeof p, files[i]);
        if (access(p, R_OK) != 0)
            continue;
        sk_diag_init(&d);
        CHECK(sk_replay_load(p, &r, &d), "%s parses", files[i]);
        sk_diag_print(&d, stderr);
        sk_diag_free(&d);
        sk_replay_free(&r);
    }
}

/* ---- scripted runs of the timeline ------------------------------------- */

typedef struct trace {
    char lines[64][96];
    int n;
} trace;

static void note(trace *t, const char *fmt, const char *a, const char *b)
{
    if (t->n < 64)
        snprintf(t->lines[t->n++], sizeof t->lines[0], fmt, a, b);
}

/* Runs the timeline over a script in 100 ms steps; notes each intent, each
 * phase start (kind and mode) and the session's start and end. */
static sk_timeline *run(const char *script, int64_t until_ms, trace *t, sk_routine *r)
{
    sk_replay rp;
    sk_diag d;
    CHECK(parse(script, &rp, &d), "script parses");
    sk_diag_free(&d);
    sk_timeline *tl = sk_timeline_create(r, NULL);
    if (!tl)
        return NULL;
    int cur = 0;
    t->n = 0;
    for (int64_t now = 0; now <= until_ms; now += 100) {
        sk_replay_event ev;
        while (sk_replay_next_due(&rp, &cur, now, &ev)) {
            sk_timeline_intent(tl, ev.intent);
            note(t, "intent %s%s", sk_intent_name(ev.intent), "");
        }
        sk_event e;
        while (sk_timeline_poll(tl, &e)) {
            if (e.kind == SK_EV_PHASE_STARTED && e.mode == SK_TL_SESSION) {
                sk_tl_view v;
                sk_timeline_view(tl, &v);
                note(t, "phase %s%s", sk_phase_name(v.phase->kind), "");
            } else if (e.kind == SK_EV_SESSION_STARTED) {
                note(t, "session started%s%s", "", "");
            } else if (e.kind == SK_EV_SESSION_STOPPED) {
                note(t, "session stopped%s%s", "", "");
            } else if (e.kind == SK_EV_SESSION_FINISHED) {
                note(t, "session finished%s%s", "", "");
            }
        }
        sk_timeline_step(tl, 100);
    }
    sk_replay_free(&rp);
    return tl;
}

static void check_trace(const trace *t, const char *const *want, int n)
{
    CHECK_INT(t->n, n);
    for (int i = 0; i < n && i < t->n; i++)
        CHECK_STR(t->lines[i], want[i]);
    if (t->n != n)
        for (int i = 0; i < t->n; i++)
            fprintf(stderr, "  trace: %s\n", t->lines[i]);
}

static void test_scripted(void)
{
    sk_routine *r = sk_routine_builtin();
    CHECK(r != NULL, "built-in routine");
    if (!r)
        return;
    trace t;
    /* tap to start -> pause -> walk away -> still there? -> the loop */
    sk_timeline *tl = run("2 start\n20 pause\n", 200000, &t, r);
    static const char *const walk[] = {
        "intent start", "session started", "phase welcome", "phase intro",
        "intent pause", "phase still-there", "session stopped",
    };
    check_trace(&t, walk, 7);
    sk_tl_view v;
    sk_timeline_view(tl, &v);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.sessions_ended, 1);
    sk_timeline_free(tl);

    /* tap -> skip x3 -> back -> stop -> confirm */
    tl = run("1 start\n3 skip\n4 skip\n5 skip\n6.5 back\n8 stop\n8.8 stop\n", 20000, &t, r);
    static const char *const skips[] = {
        "intent start", "session started", "phase welcome",
        "intent skip",  "phase intro",     "intent skip",
        "phase get-ready", "intent skip",  "phase hold",
        "intent back",  "phase get-ready", "intent stop",
        "intent stop",  "session stopped",
    };
    check_trace(&t, skips, 14);
    sk_timeline_view(tl, &v);
    CHECK_INT(v.mode, SK_TL_LOOP);
    sk_timeline_free(tl);

    /* one stop alone does nothing lasting */
    tl = run("1 start\n3 stop\n", 30000, &t, r);
    sk_timeline_view(tl, &v);
    CHECK_INT(v.mode, SK_TL_SESSION);
    CHECK(!v.stop_pending, "the stop expired");
    CHECK_INT(v.sessions_ended, 0);
    sk_timeline_free(tl);
    sk_routine_free(r);
}

int main(void)
{
    test_intent_names();
    test_good();
    test_bad();
    test_files();
    test_scripted();
    return CHECK_DONE();
}
