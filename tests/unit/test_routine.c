/* Routine files: the built-in routine, the table of bad files in
 * tests/data/routines/ (each names the problems it must produce in its own
 * "# expect LINE: text" and "# warn LINE: text" comments), files that are
 * not routines at all, and the fallback to the built-in routine. */
#include <dirent.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "routine.h"
#include "text_util.h"

extern const char sk_builtin_routine_ini[];
extern const size_t sk_builtin_routine_ini_len;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = (size_t)n;
    }
    return buf;
}

/* An item of the given level on that line whose message contains 'needle'. */
static bool has(const sk_diag *d, sk_diag_level level, int line, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].level == level && d->items[i].line == line &&
            strstr(d->items[i].message, needle))
            return true;
    return false;
}

/* One file of the table: every expected problem is there, on its line, and
 * nothing else is. */
static void check_table_file(const char *path)
{
    char *text = slurp(path, NULL);
    CHECK(text != NULL, "read %s", path);
    if (!text)
        return;
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = sk_routine_load(path, &d);
    int errors = 0, warnings = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        int num;
        char kind[8];
        int off = 0;
        if (sscanf(line, "# %7[a-z] %d: %n", kind, &num, &off) == 2 && off > 0 &&
            (strcmp(kind, "expect") == 0 || strcmp(kind, "warn") == 0)) {
            bool err = kind[0] == 'e';
            err ? errors++ : warnings++;
            CHECK(has(&d, err ? SK_DIAG_ERROR : SK_DIAG_WARNING, num, line + off),
                  "%s: expected %s on line %d: %s", path, err ? "an error" : "a warning", num,
                  line + off);
        }
        line = nl ? nl + 1 : NULL;
    }
    CHECK(errors + warnings > 0, "%s names no expected problem", path);
    CHECK(d.errors == errors && d.warnings == warnings,
          "%s: %d errors and %d warnings, expected %d and %d", path, d.errors, d.warnings, errors,
          warnings);
    CHECK((r == NULL) == (errors > 0), "%s: a routine comes back exactly when there is no error",
          path);
    if (d.errors != errors || d.warnings != warnings)
        sk_diag_print(&d, stderr);
    sk_routine_free(r);
    sk_diag_free(&d);
    free(text);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_table(void)
{
    char dir[1024];
    check_path(dir, sizeof dir, "tests/data/routines");
    DIR *dh = opendir(dir);
    CHECK(dh != NULL, "open %s", dir);
    if (!dh)
        return;
    char *names[128];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL && n < 128) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".ini") == 0)
            names[n++] = sk_strdup(e->d_name);
    }
    closedir(dh);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    CHECK(n >= 16, "the table has %d files", n);
    for (int i = 0; i < n; i++) {
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        check_table_file(path);
        free(names[i]);
    }
}

/* Each step and list item is the seed's own words (a step may be a
 * sentence of a longer seed step, never reworded). */
static void check_faithful(const sk_routine *r)
{
    char path[1024];
    char *seed = slurp(check_path(path, sizeof path, "tests/data/routines/seed-sciatica-exercises.txt"), NULL);
    CHECK(seed != NULL, "seed text");
    if (!seed)
        return;
    for (int i = 0; i < r->exercise_count; i++)
        for (int s = 0; s < r->exercises[i].step_count; s++)
            CHECK(strstr(seed, r->exercises[i].steps[s]) != NULL, "%s step %d is not the seed's words: %s",
                  r->exercises[i].id, s + 1, r->exercises[i].steps[s]);
    for (int i = 0; i < r->card_count; i++)
        if (r->cards[i].bullets)
            for (int s = 0; s < r->cards[i].line_count; s++)
                CHECK(strstr(seed, r->cards[i].lines[s]) != NULL, "card %s item %d: %s", r->cards[i].id,
                      s + 1, r->cards[i].lines[s]);
    free(seed);
}

static void test_builtin(void)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = sk_routine_load_text(sk_builtin_routine_ini, sk_builtin_routine_ini_len,
                                         "(built-in)", NULL, &d);
    CHECK(r != NULL, "the built-in routine loads");
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    if (d.count)
        sk_diag_print(&d, stderr);
    sk_diag_free(&d);
    if (!r)
        return;
    CHECK_INT(r->exercise_count, 3);
    CHECK_INT(sk_routine_session_holds(r), 24);
    const char *ids[] = {"basic", "advanced", "ball"};
    for (int i = 0; i < 3 && i < r->exercise_count; i++) {
        const sk_exercise *e = &r->exercises[i];
        CHECK_STR(e->id, ids[i]);
        CHECK_INT(e->hold_seconds, 30);
        CHECK_INT(e->reps, 4);
        CHECK_INT(e->sides, SK_SIDES_BOTH);
        CHECK_INT(sk_exercise_legs(e), 2);
        CHECK_INT(e->get_ready_seconds, 5);
        CHECK(e->rest_seconds > 0, "rest between reps");
        CHECK(e->step_count >= 3, "%s has its steps", e->id);
        CHECK(e->caution != NULL && e->equipment != NULL, "%s: caution and equipment", e->id);
        CHECK(e->sprite_ref && strstr(e->sprite_ref, ids[i]), "%s: sprite named after it", e->id);
    }
    if (r->exercise_count == 3) {
        CHECK(strstr(r->exercises[0].caution, "moderate discomfort") &&
              strstr(r->exercises[0].caution, "intense pain") &&
              strstr(r->exercises[0].caution, "apply some more pressure"), "basic caution");
        CHECK(strstr(r->exercises[2].caution, "bruise easily") &&
              strstr(r->exercises[2].caution, "talk to a medical professional"), "ball caution");
        CHECK(strstr(r->exercises[2].equipment, "lacrosse ball or tennis ball") != NULL, "ball equipment");
    }
    const char *cards[] = {"what", "causes", "symptoms", "disclaimer", "references"};
    CHECK_INT(r->card_count, 5);
    for (int i = 0; i < 5 && i < r->card_count; i++)
        CHECK_STR(r->cards[i].id, cards[i]);
    if (r->card_count == 5) {
        CHECK(r->cards[1].bullets && r->cards[1].line_count == 6, "six causes as a list");
        CHECK(r->cards[2].bullets && r->cards[2].line_count == 3, "three symptoms as a list");
        CHECK(strstr(r->cards[3].lines[0], "qualified medical professional") != NULL, "disclaimer");
        CHECK_STR(r->cards[4].lines[0], "Davis D, Maini K, Vasudevan A. Sciatica. StatPearls 2022.");
        CHECK_STR(r->cards[4].lines[1], "Koes BW, van Tulder MW, Peul WC. Diagnosis and treatment "
                                        "of sciatica. BMJ 2007;334:1313–1317.");
    }
    CHECK(strstr(r->phrases.safety, "intense pain") != NULL, "safety note");
    CHECK(strstr(r->phrases.finish, "never hesitate to contact your doctor") != NULL, "closing line");
    CHECK_STR(r->phrases.count[3], "three");
    CHECK_STR(r->language, "en");
    check_faithful(r);

    /* sk_routine_builtin gives the same, marked as built-in, with no folder
     * until the caller names one. */
    sk_routine *b = sk_routine_builtin();
    CHECK(b && b->is_builtin && b->exercise_count == 3 && b->dir == NULL, "sk_routine_builtin");
    if (b) {
        CHECK_STR(b->exercises[0].sprite, "../sprites/basic.ini");
        CHECK(sk_routine_set_dir(b, "/opt/sk/routines"), "set_dir");
        CHECK_STR(b->exercises[0].sprite, "/opt/sk/routines/../sprites/basic.ini");
        CHECK_STR(b->dir, "/opt/sk/routines");
    }
    /* The English defaults in the code are the built-in file's [phrases]:
     * a routine without [phrases] reads the same words. */
    const char *bare = "[exercise.a]\nname = A\nstep1 = s\n";
    sk_routine *plain = sk_routine_load_text(bare, strlen(bare), "bare.ini", NULL, NULL);
    CHECK(plain != NULL, "bare routine");
    if (plain) {
        const char *const *pa = (const char *const *)&plain->phrases;
        const char *const *pb = (const char *const *)&r->phrases;
        for (size_t i = 0; i < sizeof plain->phrases / sizeof(char *); i++)
            CHECK(pa[i] && pb[i] && strcmp(pa[i], pb[i]) == 0, "phrase %zu: \"%s\" vs \"%s\"", i,
                  pa[i] ? pa[i] : "(null)", pb[i] ? pb[i] : "(null)");
        CHECK_STR(plain->title, "Stretches for sciatica");
    }
    sk_routine_free(plain);
    sk_routine_free(b);
    sk_routine_free(r);

    /* The embedded text is the file in the tree (the build is up to date),
     * and the file on disk passes the validator, sprite files included once
     * they exist. */
    char path[1024];
    size_t len = 0;
    char *disk = slurp(check_path(path, sizeof path, "assets/routines/sciatica.ini"), &len);
    CHECK(disk && len == sk_builtin_routine_ini_len && memcmp(disk, sk_builtin_routine_ini, len) == 0,
          "built-in text == assets/routines/sciatica.ini");
    free(disk);
    sk_diag_init(&d);
    r = sk_routine_load(path, &d);
    int missing_sprites = 0;
    for (const char *const *id = ids; id < ids + 3; id++) {
        char sprite[1024], rel[64];
        snprintf(rel, sizeof rel, "assets/sprites/%s.ini", *id);
        if (access(check_path(sprite, sizeof sprite, rel), F_OK) != 0)
            missing_sprites++;
    }
    int sprite_errors = 0;
    for (int i = 0; i < d.count; i++)
        if (strstr(d.items[i].message, "sprite file"))
            sprite_errors++;
    CHECK_INT(sprite_errors, missing_sprites);
    CHECK_INT(d.errors, missing_sprites);
    CHECK_INT(d.warnings, 0);
    if (missing_sprites)
        printf("note: %d sprite file(s) of assets/sprites not there yet\n", missing_sprites);
    if (d.errors != missing_sprites)
        sk_diag_print(&d, stderr);
    sk_routine_free(r);
    sk_diag_free(&d);
}

static char *temp_file(const char *data, size_t len)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/sk-routine-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return NULL;
    CHECK(write(fd, data, len) == (ssize_t)len, "write");
    close(fd);
    return path;
}

static void test_not_routines(void)
{
    sk_diag d;

    sk_diag_init(&d);
    CHECK(sk_routine_load("/tmp", &d) == NULL, "a directory");
    CHECK(sk_diag_contains(&d, 0, "is a directory"), "directory message");
    sk_diag_free(&d);

    sk_diag_init(&d);
    CHECK(sk_routine_load("/nonexistent/routine.ini", &d) == NULL, "missing");
    CHECK(sk_diag_contains(&d, 0, "cannot open"), "missing message");
    sk_diag_free(&d);

    /* 300 KB of comments: over the size limit before anything is parsed. */
    size_t big = 300 * 1024;
    char *text = malloc(big);
    for (size_t i = 0; i < big; i++)
        text[i] = (i % 64 == 63) ? '\n' : '#';
    char *path = temp_file(text, big);
    sk_diag_init(&d);
    CHECK(path && sk_routine_load(path, &d) == NULL, "300 KB file refused");
    CHECK(sk_diag_contains(&d, 0, "the limit is 262144 bytes"), "size message");
    CHECK_INT(d.errors, 1);
    if (path)
        unlink(path);
    sk_diag_free(&d);
    sk_diag_init(&d);
    CHECK(sk_routine_load_text(text, big, "big.ini", NULL, &d) == NULL, "300 KB text refused");
    CHECK(sk_diag_contains(&d, 0, "the limit is 262144 bytes"), "text size message");
    sk_diag_free(&d);
    free(text);

    /* NUL bytes: binary junk, reported once with its line. */
    const char nul[] = "[exercise.a]\nname = A\nstep1 = one\0two\0\0\n";
    path = temp_file(nul, sizeof nul - 1);
    sk_diag_init(&d);
    CHECK(path && sk_routine_load(path, &d) == NULL, "NUL bytes refused");
    CHECK(sk_diag_contains(&d, 3, "not a text file"), "NUL message on line 3");
    CHECK_INT(d.errors, 1);
    if (path)
        unlink(path);
    sk_diag_free(&d);

    /* Too many exercises and cards: one error each, at the first extra. */
    size_t cap = 64 * 1024, n = 0;
    char *many = malloc(cap);
    for (int i = 0; i < SK_MAX_EXERCISES + 3; i++)
        n += (size_t)snprintf(many + n, cap - n, "[exercise.e%d]\nname = E\nstep1 = S\n", i);
    for (int i = 0; i < SK_MAX_CARDS + 2; i++)
        n += (size_t)snprintf(many + n, cap - n, "[card.c%d]\ntitle = C\ntext1 = T\n", i);
    sk_diag_init(&d);
    CHECK(sk_routine_load_text(many, n, "many.ini", NULL, &d) == NULL, "too many refused");
    CHECK(sk_diag_contains(&d, 3 * SK_MAX_EXERCISES + 1, "too many exercises: at most 32"), "exercises");
    CHECK(sk_diag_contains(&d, 3 * (SK_MAX_EXERCISES + 3) + 3 * SK_MAX_CARDS + 1,
                           "too many cards: at most 16"), "cards");
    CHECK_INT(d.errors, 2);
    sk_diag_print(&d, stdout);
    sk_diag_free(&d);
    free(many);
}

static void test_format_details(void)
{
    sk_diag d;
    /* A translation overrides only what it names; continuation lines join
     * with a space; CRLF is fine; the file order of exercises and
     * cards is kept; sides and legs. */
    const char *t = "[phrases]\r\nhold = Halten\r\n[exercise.z]\r\nname = Zed\r\n"
                    "step1 = first half\r\n   second half\r\nsides = painful\r\nreps = 3\r\n"
                    "[card.k]\r\ntitle = K\r\nitem1 = x\r\n[exercise.a]\r\nname = A\r\nstep1 = s\r\n"
                    "sides = none\r\nhold_seconds = 600\r\n";
    sk_diag_init(&d);
    sk_routine *r = sk_routine_load_text(t, strlen(t), "de.ini", NULL, &d);
    CHECK(r != NULL && d.errors == 0 && d.warnings == 0, "translation loads");
    if (d.count)
        sk_diag_print(&d, stderr);
    if (r) {
        CHECK_STR(r->phrases.hold, "Halten");
        CHECK_STR(r->phrases.relax, "Relax");
        CHECK_STR(r->title, "Stretches for sciatica");
        CHECK_STR(r->exercises[0].id, "z");
        CHECK_STR(r->exercises[1].id, "a");
        CHECK_STR(r->exercises[0].steps[0], "first half second half");
        CHECK_INT(r->exercises[0].line, 3);
        CHECK_INT(r->exercises[1].hold_seconds, 600);
        CHECK_INT(r->exercises[1].intro_seconds, 12);
        CHECK_INT(sk_exercise_legs(&r->exercises[0]), 1);
        CHECK_INT(sk_exercise_legs(&r->exercises[1]), 1);
        CHECK_INT(sk_routine_session_holds(r), 3 + 4);
        CHECK(r->cards[0].bullets && r->cards[0].seconds == 12, "card defaults");
        CHECK(r->loop.reps == 1 && !r->loop.full_protocol && r->loop.both_legs && r->loop.cards,
              "loop defaults");
    }
    sk_routine_free(r);
    sk_diag_free(&d);

    /* An indented line after a key continues it, even when it looks like
     * a [section]; indented right after a header, it is a key. */
    const char *cont = "[exercise.a]\nname = A\nstep1 = see\n  [note]\n[card.c]\n  title = C\nitem1 = i\n";
    sk_diag_init(&d);
    r = sk_routine_load_text(cont, strlen(cont), "cont.ini", NULL, &d);
    CHECK(r && d.errors == 0 && r->card_count == 1 && strcmp(r->exercises[0].steps[0], "see [note]") == 0,
          "continuation that looks like a section");
    sk_routine_free(r);
    sk_diag_free(&d);

    /* Messages print as file:line: message, sorted by line. */
    const char *bad = "[exercise.a]\nname = A\nstep1 = s\nreps = 99\nhold_seconds = thirty\n";
    sk_diag_init(&d);
    CHECK(sk_routine_load_text(bad, strlen(bad), "my.ini", NULL, &d) == NULL, "bad text");
    char out[512] = {0};
    FILE *f = fmemopen(out, sizeof out - 1, "w");
    sk_diag_print(&d, f);
    fclose(f);
    CHECK_STR(out, "my.ini:4: reps must be 1..20, got \"99\"\n"
                   "my.ini:5: hold_seconds must be 1..600, got \"thirty\"\n");
    sk_diag_free(&d);

    char buf[64];
    sk_phrase_format(buf, sizeof buf, "{n} of {total}", 2, 4, NULL);
    CHECK_STR(buf, "2 of 4");
    sk_phrase_format(buf, sizeof buf, "Next stretch: {name}", 0, 0, "Ball");
    CHECK_STR(buf, "Next stretch: Ball");
    sk_phrase_format(buf, sizeof buf, "{x} {n", 1, 1, NULL);
    CHECK_STR(buf, "{x} {n");
    sk_phrase_format(buf, 4, "\xC3\xA4\xC3\xA4", 0, 0, NULL);   /* never half a character */
    CHECK_STR(buf, "\xC3\xA4");
    sk_phrase_format(buf, 6, "ab{name}", 0, 0, "\xE2\x80\x93\xE2\x80\x93");
    CHECK_STR(buf, "ab\xE2\x80\x93");
    sk_phrase_format(buf, sizeof buf, NULL, 0, 0, NULL);
    CHECK_STR(buf, "");
}

static void test_fallback(void)
{
    char path[1024], log[4096] = {0};
    bool fell = false;
    FILE *f = fmemopen(log, sizeof log - 1, "w");
    sk_routine *r = sk_routine_load_or_builtin(check_path(path, sizeof path, "tests/data/routines/bad-numbers.ini"),
                                               f, &fell);
    fclose(f);
    CHECK(r && fell && r->is_builtin && r->exercise_count == 3, "bad file: the built-in routine");
    CHECK(strstr(log, "bad-numbers.ini:11: hold_seconds must be 1..600, got \"thirty\"") != NULL,
          "errors logged: %s", log);
    CHECK(strstr(log, "built-in routine") != NULL, "fallback logged");
    sk_routine_free(r);

    r = sk_routine_load_or_builtin("/nonexistent.ini", NULL, &fell);
    CHECK(r && fell && r->is_builtin, "missing file: the built-in routine");
    sk_routine_free(r);

    r = sk_routine_load_or_builtin(check_path(path, sizeof path, "tests/data/routines/warn-phrases.ini"),
                                   NULL, &fell);
    CHECK(r && !fell && !r->is_builtin && r->exercise_count == 1, "good file: loaded");
    CHECK(r && strcmp(r->dir + strlen(r->dir) - strlen("tests/data/routines"), "tests/data/routines") == 0,
          "dir of the file");
    sk_routine_free(r);
}

/* The README's complete example is a valid routine. */
static void test_readme_example(void)
{
    char path[1024];
    char *readme = slurp(check_path(path, sizeof path, "README.md"), NULL);
    CHECK(readme != NULL, "README.md");
    if (!readme)
        return;
    const char *sec = strstr(readme, "### A complete example");
    const char *start = sec ? strstr(sec, "```ini\n") : NULL;
    const char *end = start ? strstr(start + 7, "```") : NULL;
    CHECK(start && end, "the README has the example");
    if (start && end) {
        start += 7;
        sk_diag d;
        sk_diag_init(&d);
        sk_routine *r = sk_routine_load_text(start, (size_t)(end - start), "README.md example", NULL, &d);
        CHECK(r && d.errors == 0 && d.warnings == 0, "the README example is valid");
        if (d.count)
            sk_diag_print(&d, stderr);
        CHECK(r && r->exercise_count == 1 && r->card_count == 2 && strcmp(r->language, "de") == 0 &&
              strcmp(r->phrases.still_there, "Are you still there?") == 0, "example content");
        sk_routine_free(r);
        sk_diag_free(&d);
    }
    free(readme);
}

int main(void)
{
    test_builtin();
    test_table();
    test_not_routines();
    test_format_details();
    test_fallback();
    test_readme_example();
    return CHECK_DONE();
}
