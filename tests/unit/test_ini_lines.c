#include <stdio.h>
#include <unistd.h>

#include "check.h"
#include "ini_lines.h"
#include "text_util.h"

typedef struct seen {
    char log[4096];
    int calls;
} seen;

static bool record(void *user, const char *section, const char *key, const char *value,
                   int line, bool continued)
{
    seen *s = user;
    char row[256];
    snprintf(row, sizeof row, "%d %s.%s=%s%s|", line, section, key, value,
             continued ? " (cont)" : "");
    sk_strlcat(s->log, row, sizeof s->log);
    s->calls++;
    return true;
}

static bool refuse_reps(void *user, const char *section, const char *key, const char *value,
                        int line, bool continued)
{
    (void)section; (void)value; (void)continued;
    sk_diag *d = user;
    if (strcmp(key, "reps") == 0) {
        sk_diag_error(d, "x.ini", line, "reps refused");
        return false;
    }
    return true;
}

int main(void)
{
    sk_diag d;

    /* Line numbers, comments, blank lines, CRLF, continuation lines. */
    sk_diag_init(&d);
    seen s = {0};
    const char *text = "; comment\n[exercise.basic]\r\nname = Basic\n\n"
                       "step1 = Lie on your back,\n   knees bent.\n# other\n[card.x]\ntitle: T\n";
    CHECK(sk_ini_parse_text(text, strlen(text), "t.ini", record, &s, &d), "parsed");
    CHECK_INT(d.errors, 0);
    CHECK_STR(s.log, "3 exercise.basic.name=Basic|5 exercise.basic.step1=Lie on your back,|"
                     "6 exercise.basic.step1=knees bent. (cont)|9 card.x.title=T|");
    sk_diag_free(&d);

    /* Every syntax problem is reported, each with its line. */
    sk_diag_init(&d);
    memset(&s, 0, sizeof s);
    char longline[400];
    memset(longline, 'a', sizeof longline);
    memcpy(longline, "k = ", 4);
    longline[sizeof longline - 1] = '\0';
    char text2[1024];
    snprintf(text2, sizeof text2, "[a]\nno equals sign here\n[broken\n%s\n= value\nok = 1\n", longline);
    CHECK(sk_ini_parse_text(text2, strlen(text2), "bad.ini", record, &s, &d), "parsed");
    CHECK_INT(d.errors, 4);
    CHECK(sk_diag_contains(&d, 2, "expected 'key = value'"), "line 2");
    CHECK(sk_diag_contains(&d, 3, "no closing ']'"), "line 3");
    CHECK(sk_diag_contains(&d, 4, "399 characters long"), "line 4");
    CHECK(sk_diag_contains(&d, 5, "no key"), "line 5");
    CHECK(strstr(s.log, "6 ") != NULL, "the good line after the bad ones still reaches the handler");
    sk_diag_free(&d);

    /* A handler's refusal keeps its own message and parsing goes on. */
    sk_diag_init(&d);
    const char *text3 = "[x]\nreps = 4\nname = n\nreps = 5\n";
    sk_ini_parse_text(text3, strlen(text3), "x.ini", refuse_reps, &d, &d);
    CHECK_INT(d.errors, 2);
    CHECK(sk_diag_contains(&d, 2, "reps refused") && sk_diag_contains(&d, 4, "reps refused"), "both");
    sk_diag_free(&d);

    /* A byte-order mark before the first section is no error. */
    sk_diag_init(&d);
    memset(&s, 0, sizeof s);
    const char bom[] = "\xEF\xBB\xBF[a]\nk = v\n";
    CHECK(sk_ini_parse_text(bom, sizeof bom - 1, "bom.ini", record, &s, &d), "bom parsed");
    CHECK_INT(d.errors, 0);
    CHECK_STR(s.log, "2 a.k=v|");
    sk_diag_free(&d);

    /* Binary and non-UTF-8 text. */
    sk_diag_init(&d);
    const char bin[] = "[a]\nk = v\n\x01\x02\x00\xff";
    CHECK(!sk_ini_parse_text(bin, sizeof bin - 1, "bin.ini", record, &s, &d), "binary refused");
    CHECK(sk_diag_contains(&d, 3, "not a text file"), "binary message");
    sk_diag_free(&d);
    sk_diag_init(&d);
    const char latin1[] = "[a]\nname = caf\xe9\n";
    CHECK(!sk_ini_parse_text(latin1, sizeof latin1 - 1, "l1.ini", record, &s, &d), "latin1 refused");
    CHECK(sk_diag_contains(&d, 2, "not valid UTF-8"), "utf8 message");
    sk_diag_free(&d);

    /* Files: missing, a directory, too big. */
    sk_diag_init(&d);
    CHECK(!sk_ini_parse_file("/nonexistent/x.ini", NULL, 1000, record, &s, &d), "missing");
    CHECK(sk_diag_contains(&d, 0, "cannot open"), "missing message");
    CHECK(!sk_ini_parse_file("/tmp", NULL, 1000, record, &s, &d), "directory");
    CHECK(sk_diag_contains(&d, 0, "is a directory"), "dir message");
    char path[] = "/tmp/sk-ini-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    char big[3000];
    memset(big, ';', sizeof big);
    CHECK(write(fd, big, sizeof big) == (ssize_t)sizeof big, "write");
    close(fd);
    CHECK(!sk_ini_parse_file(path, "big.ini", 2000, record, &s, &d), "too big");
    CHECK(sk_diag_contains(&d, 0, "the limit is 2000 bytes"), "size message");
    unlink(path);
    sk_diag_print(&d, stdout);
    sk_diag_free(&d);
    return CHECK_DONE();
}
