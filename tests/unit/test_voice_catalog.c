/* The voice catalog: keys, Ogg lengths, sidecars, the cue list and
 * --check's voice warnings. No audio device. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "text_util.h"
#include "voice_catalog.h"

static char tmpdir[256];

static void write_file(const char *dir, const char *name, const void *data, size_t n)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f) return;
    fwrite(data, 1, n, f);
    fclose(f);
}

static size_t read_file(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    size_t n = fread(buf, 1, size, f);
    fclose(f);
    return n;
}

static void test_keys(void)
{
    CHECK(sk_voice_key_valid("hold"), "hold");
    CHECK(sk_voice_key_valid("rep.2.4"), "rep.2.4");
    CHECK(sk_voice_key_valid("card.what_is-it.3"), "card");
    CHECK(!sk_voice_key_valid(""), "empty");
    CHECK(!sk_voice_key_valid(NULL), "NULL");
    CHECK(!sk_voice_key_valid(".hidden"), "leading dot");
    CHECK(!sk_voice_key_valid("a..b"), "dot dot");
    CHECK(!sk_voice_key_valid("../../etc/passwd"), "traversal");
    CHECK(!sk_voice_key_valid("a/b"), "slash");
    CHECK(!sk_voice_key_valid("a b"), "space");
    char longkey[100];
    memset(longkey, 'a', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    CHECK(!sk_voice_key_valid(longkey), "too long");
    char out[64];
    CHECK(sk_voice_dir(out, sizeof out, "/usr/share/stretch-kiosk", "pt-BR"), "dir");
    CHECK_STR(out, "/usr/share/stretch-kiosk/voice/pt-BR");
    CHECK(!sk_voice_dir(out, 10, "/usr/share/stretch-kiosk", "en"), "too small");
}

static void test_ogg_length(void)
{
    char p[512];
    /* hold.ogg: sox --i says its length; the catalog must agree within a
     * sample or two (granule position / rate). */
    int64_t ms = sk_voice_ogg_ms(check_path(p, sizeof p, "assets/voice/en/hold.ogg"));
    CHECK(ms > 200 && ms < 2000, "hold.ogg lasts %lld ms", (long long)ms);
    CHECK_INT(sk_voice_ogg_ms(check_path(p, sizeof p, "assets/voice/en/hold.txt")), -1);
    CHECK_INT(sk_voice_ogg_ms("/nonexistent/x.ogg"), -1);

    /* a truncated clip (header only) has no end page we can trust: either
     * -1 or a length no longer than the whole */
    static char buf[200000];
    size_t n = read_file(check_path(p, sizeof p, "assets/voice/en/basic.step2.ogg"), buf, sizeof buf);
    CHECK(n > 10000, "read a clip (%zu bytes)", n);
    int64_t whole = sk_voice_ogg_ms(p);
    write_file(tmpdir, "cut.ogg", buf, 4000);
    char cut[512];
    snprintf(cut, sizeof cut, "%s/cut.ogg", tmpdir);
    int64_t part = sk_voice_ogg_ms(cut);
    CHECK(part < whole, "cut clip %lld < %lld", (long long)part, (long long)whole);
    write_file(tmpdir, "junk.ogg", "OggS junk that is no vorbis at all", 34);
    snprintf(cut, sizeof cut, "%s/junk.ogg", tmpdir);
    CHECK_INT(sk_voice_ogg_ms(cut), -1);
    write_file(tmpdir, "empty.ogg", "", 0);
    snprintf(cut, sizeof cut, "%s/empty.ogg", tmpdir);
    CHECK_INT(sk_voice_ogg_ms(cut), -1);
}

static void test_catalog(void)
{
    char p[512];
    sk_voice_catalog *c = sk_voice_catalog_create(check_path(p, sizeof p, "assets/voice/en"));
    CHECK(c != NULL, "create");
    const sk_voice_clip *hold = sk_voice_catalog_find(c, "hold");
    CHECK(hold && hold->exists && hold->ms > 0, "hold found");
    CHECK(hold && hold->text && strcmp(hold->text, "Hold") == 0, "sidecar '%s'",
          hold && hold->text ? hold->text : "(none)");
    CHECK(sk_voice_catalog_find(c, "hold") == hold, "cached");
    const sk_voice_clip *none = sk_voice_catalog_find(c, "no.such.key");
    CHECK(none && !none->exists && none->ms == -1 && !none->text, "missing clip");
    CHECK(sk_voice_catalog_find(c, "../hold") == NULL, "bad key");
    CHECK_INT(sk_voice_catalog_clip_ms(c, "no.such.key"), -1);
    CHECK_INT(sk_voice_catalog_clip_ms(c, "hold"), hold ? hold->ms : 0);
    /* many lookups grow the cache */
    for (int i = 0; i < 300; i++) {
        char k[32];
        snprintf(k, sizeof k, "k%d", i);
        CHECK(sk_voice_catalog_find(c, k) != NULL, "find %s", k);
    }
    CHECK(sk_voice_catalog_find(c, "hold") == hold, "still cached");
    sk_voice_catalog_free(c);

    /* a folder that does not exist: every clip missing, nothing fails */
    c = sk_voice_catalog_create("/nonexistent/voice/xx");
    CHECK(sk_voice_catalog_clip_ms(c, "hold") == -1, "no folder");
    sk_voice_catalog_free(c);
}

static int count_char(const char *s, char ch)
{
    int n = 0;
    for (; *s; s++) n += *s == ch;
    return n;
}

static void test_list_cues(void)
{
    sk_routine *r = sk_routine_builtin();
    CHECK(r != NULL, "builtin");
    if (!r) return;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int conflicts = -1;
    int n = sk_voice_list_cues(r, f, &conflicts);
    fclose(f);
    CHECK(n > 40, "%d cues", n);
    CHECK_INT(conflicts, 0);
    CHECK_INT(count_char(buf, '\n'), n);
    CHECK_INT(count_char(buf, '\t'), n);
    const char *want[] = {"welcome\t", "safety\t", "get_ready\tGet ready\n", "count.3\t",
                          "count.1\t", "hold\tHold\n", "relax\tRelax\n", "switch\t", "finish\t",
                          "still_there\t", "basic.step1\t", "next.advanced\t", "rep.2.4\t",
                          ".name\t", "card."};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        CHECK(strstr(buf, want[i]) != NULL, "cue list has %s", want[i]);
    /* each key once, and each a valid file name */
    char *copy = sk_strdup(buf);
    char keys[200][64];
    int lines = 0;
    for (char *line = strtok(copy, "\n"); line && lines < 200; line = strtok(NULL, "\n")) {
        line[strcspn(line, "\t")] = '\0';
        CHECK(sk_voice_key_valid(line), "key %s", line);
        for (int i = 0; i < lines; i++) CHECK(strcmp(keys[i], line) != 0, "%s twice", line);
        snprintf(keys[lines++], sizeof keys[0], "%s", line);
    }
    CHECK_INT(lines, n);
    free(copy);
    free(buf);
    sk_routine_free(r);
}

/* The shipped clips and the routine are in sync: every cue has a clip and
 * its sidecar holds the caption's words. Regenerates nothing: when this
 * fails, run kiosk/make-voice and commit the clips. */
static void test_sync(void)
{
    char p[512];
    sk_routine *r = sk_routine_builtin();
    if (!r) return;
    sk_diag d;
    sk_diag_init(&d);
    int w = sk_voice_check(r, check_path(p, sizeof p, "assets/voice/en"), &d);
    if (w) sk_diag_print(&d, stderr);
    CHECK(!sk_diag_contains(&d, -1, "missing"), "every cue has its clip (run kiosk/make-voice)");
    CHECK(!sk_diag_contains(&d, -1, "other words"), "every clip says its caption (run kiosk/make-voice)");
    CHECK(!sk_diag_contains(&d, -1, "no "), "every clip has its sidecar");
    CHECK_INT(d.errors, 0);
    sk_diag_free(&d);
    sk_routine_free(r);
}

/* --check's warnings on a voice folder of our own making. */
static void test_check_warnings(void)
{
    char p[512], dir[300];
    sk_routine *r = sk_routine_builtin();
    if (!r) return;
    snprintf(dir, sizeof dir, "%s/en", tmpdir);
    mkdir(dir, 0700);

    sk_diag d;
    sk_diag_init(&d);
    int w = sk_voice_check(r, dir, &d);
    CHECK(w == 6, "empty folder: 5 missing + a summary, got %d", w);
    CHECK(sk_diag_contains(&d, -1, "voice clip missing"), "missing");
    CHECK(sk_diag_contains(&d, -1, "more voice clips missing"), "summary");
    CHECK_INT(d.errors, 0);
    sk_diag_free(&d);

    /* Copy the real clips, then change one sidecar and drop another. */
    static char buf[400000];
    char line[2048];
    char *list = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&list, &len);
    sk_voice_list_cues(r, f, NULL);
    fclose(f);
    FILE *in = fmemopen(list, len, "r");
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\t")] = '\0';
        for (int ext = 0; ext < 2; ext++) {
            char name[128];
            snprintf(name, sizeof name, "%s.%s", line, ext ? "txt" : "ogg");
            char src[600];
            snprintf(src, sizeof src, "assets/voice/en/%s", name);
            size_t n = read_file(check_path(p, sizeof p, src), buf, sizeof buf);
            write_file(dir, name, buf, n);
        }
    }
    fclose(in);
    free(list);
    write_file(dir, "hold.txt", "Hold it\n", 8);
    snprintf(p, sizeof p, "%s/relax.txt", dir);
    unlink(p);
    /* a sidecar edited by hand with extra blanks and no newline still matches */
    write_file(dir, "get_ready.txt", "  Get ready  ", 13);
    sk_diag_init(&d);
    w = sk_voice_check(r, dir, &d);
    (void)w;
    CHECK(sk_diag_contains(&d, -1, "other words"), "changed caption");
    CHECK(sk_diag_contains(&d, -1, "Hold it"), "names the words");
    CHECK(sk_diag_contains(&d, -1, "relax.txt"), "no sidecar");
    CHECK(!sk_diag_contains(&d, -1, "get_ready.ogg"), "blanks do not count");
    sk_diag_free(&d);

    /* A clip far longer than a get-ready: the 30 s step clip under the
     * name of the count "one" cannot fit the second it has. */
    size_t n = read_file(check_path(p, sizeof p, "assets/voice/en/basic.step2.ogg"), buf, sizeof buf);
    write_file(dir, "count.1.ogg", buf, n);
    sk_diag_init(&d);
    sk_voice_check(r, dir, &d);
    CHECK(sk_diag_contains(&d, -1, "\"count.1\" lasts"), "too long for its phase");
    sk_diag_free(&d);
    sk_routine_free(r);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/sk-voice-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) return 1;
    test_keys();
    test_ogg_length();
    test_catalog();
    test_list_cues();
    test_sync();
    test_check_warnings();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
    return CHECK_DONE();
}
