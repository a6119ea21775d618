#include "check.h"
#include "text_util.h"

/* The shared helpers of the settings files: yes/no, language codes, a
 * path's folder. */
static void test_shared_parsers(void)
{
    bool b = false;
    CHECK(sk_parse_bool("Yes", &b) && b, "Yes");
    CHECK(sk_parse_bool(" off ", &b) && !b, "off with blanks");
    CHECK(sk_parse_bool("1", &b) && b && sk_parse_bool("FALSE", &b) && !b, "1, FALSE");
    b = true;
    CHECK(!sk_parse_bool("maybe", &b) && b, "maybe: no answer, unchanged");
    CHECK(!sk_parse_bool("", &b) && !sk_parse_bool("yess", &b), "empty, yess");
    CHECK(sk_parse_bool("yes                      ", &b) && b, "long blanks after");

    CHECK(sk_language_code_ok("en") && sk_language_code_ok("pt-BR") && sk_language_code_ok("de_CH") &&
              sk_language_code_ok("fil"), "good codes");
    CHECK(!sk_language_code_ok("e") && !sk_language_code_ok("english") && !sk_language_code_ok("en us") &&
              !sk_language_code_ok("../x") && !sk_language_code_ok("en-") && !sk_language_code_ok(""),
          "bad codes");

    char dir[16];
    CHECK_INT(sk_path_dir("a/b/c.ini", dir, sizeof dir), 3);
    CHECK_STR(dir, "a/b");
    sk_path_dir("c.ini", dir, sizeof dir);
    CHECK_STR(dir, ".");
    sk_path_dir("/c.ini", dir, sizeof dir);
    CHECK_STR(dir, "/");
    CHECK_INT(sk_path_dir("/etc/stretch-kiosk/kiosk.ini", dir, 8), 18);
    CHECK_STR(dir, "/etc/st");
    CHECK_INT(sk_path_dir("x/y", NULL, 0), 1);
}

int main(void)
{
    test_shared_parsers();
    char buf[8];
    CHECK_INT(sk_strlcpy(buf, "hello world", sizeof buf), 11);
    CHECK_STR(buf, "hello w");
    /* "é" is two bytes: a cut never splits it. */
    CHECK_INT(sk_strlcpy(buf, "abcdeé", 7), 7);
    CHECK_STR(buf, "abcde");
    sk_strlcpy(buf, "ab", sizeof buf);
    CHECK_INT(sk_strlcat(buf, "cdefghij", sizeof buf), 10);
    CHECK_STR(buf, "abcdefg");

    char *s = NULL;
    CHECK(sk_str_append_line(&s, "first"), "append to NULL");
    CHECK(sk_str_append_line(&s, "second"), "append");
    CHECK_STR(s, "first second");
    free(s);

    CHECK(sk_utf8_valid("plain", 5, NULL), "ascii");
    CHECK(sk_utf8_valid("caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", 14, NULL), "mixed");
    size_t bad = 99;
    CHECK(!sk_utf8_valid("ab\xc0\xaf", 4, &bad), "overlong");
    CHECK_INT(bad, 2);
    CHECK(!sk_utf8_valid("\xed\xa0\x80", 3, NULL), "surrogate");
    CHECK(!sk_utf8_valid("\xe2\x80", 2, NULL), "truncated sequence");
    CHECK(!sk_utf8_valid("\xff", 1, NULL), "0xff");
    CHECK_INT(sk_utf8_length("caf\xc3\xa9"), 4);

    long v;
    CHECK(sk_parse_long(" 30 ", &v) && v == 30, "30");
    CHECK(sk_parse_long("-5", &v) && v == -5, "-5");
    CHECK(!sk_parse_long("thirty", &v), "words");
    CHECK(!sk_parse_long("30s", &v), "suffix");
    CHECK(!sk_parse_long("", &v), "empty");
    CHECK(!sk_parse_long("99999999999999999999999", &v), "overflow");

    CHECK_INT(sk_edit_distance("hold_seconds", "hold_second", 5), 1);
    CHECK_INT(sk_edit_distance("kitten", "sitting", 9), 3);
    const char *keys[] = {"hold_seconds", "reps", "rest_seconds", "name", NULL};
    CHECK_STR(sk_did_you_mean("hold_secnds", keys), "hold_seconds");
    CHECK_STR(sk_did_you_mean("rep", keys), "reps");
    CHECK_STR(sk_did_you_mean("rpes", keys), "reps");   /* swapped letters */
    CHECK_INT(sk_edit_distance("rpes", "reps", 5), 1);
    CHECK(sk_did_you_mean("colour", keys) == NULL, "no near miss");
    CHECK_STR(sk_did_you_mean("hold_sec", keys), "hold_seconds");   /* cut short */

    char t[] = "  padded\t ";
    CHECK_STR(sk_trim(t), "padded");
    CHECK(sk_strcasecmp("Both", "both") == 0, "case");
    return CHECK_DONE();
}
