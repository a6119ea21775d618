/* Minimal test helpers: CHECK(cond, fmt, ...) records a failure with its
 * file and line and goes on; CHECK_DONE() prints the ctest-readable summary
 * "N passed, N failed" and returns the exit code. */
#ifndef SK_TESTS_CHECK_H
#define SK_TESTS_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed_, check_failed_;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (cond) {                                                        \
            check_passed_++;                                               \
        } else {                                                           \
            check_failed_++;                                               \
            fprintf(stderr, "%s:%d: FAILED %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                  \
            fputc('\n', stderr);                                           \
        }                                                                  \
    } while (0)

static inline int check_str_eq_(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}
static inline const char *check_str_show_(const char *s) { return s ? s : "(null)"; }
#define CHECK_STR(a, b)                                                    \
    CHECK(check_str_eq_((a), (b)), "\"%s\" != \"%s\"",                    \
          check_str_show_(a), check_str_show_(b))

#define CHECK_INT(a, b)                                                    \
    CHECK((long long)(a) == (long long)(b), "%lld != %lld",               \
          (long long)(a), (long long)(b))

#define CHECK_DONE()                                                       \
    (printf("%d passed, %d failed\n", check_passed_, check_failed_),       \
     check_failed_ ? EXIT_FAILURE : EXIT_SUCCESS)

/* Path under the source tree, from ctest's SK_SOURCE_DIR. */
static inline const char *check_path(char *buf, size_t n, const char *rel)
{
    const char *root = getenv("SK_SOURCE_DIR");
    snprintf(buf, n, "%s/%s", root ? root : ".", rel);
    return buf;
}
#endif
