#include "text_util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Length of the UTF-8 sequence led by byte c (1 for ASCII and for stray
 * continuation bytes, so a cut never loops). */
static size_t utf8_seq_len(unsigned char c)
{
    if (c < 0xC0) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

size_t sk_strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);
    if (size == 0) return len;
    size_t n = 0;
    while (n < len) {
        size_t seq = utf8_seq_len((unsigned char)src[n]);
        if (n + seq > size - 1) break;
        n += seq;
    }
    if (n > len) n = len;  /* a malformed tail sequence */
    memcpy(dst, src, n);
    dst[n] = '\0';
    return len;
}

size_t sk_strlcat(char *dst, const char *src, size_t size)
{
    size_t have = strnlen(dst, size);
    if (have == size) return size + strlen(src);
    return have + sk_strlcpy(dst + have, src, size - have);
}

char *sk_strdup(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

bool sk_str_append_line(char **s, const char *more)
{
    if (!*s) {
        char *p = sk_strdup(more);
        if (!p) return false;
        *s = p;
        return true;
    }
    size_t a = strlen(*s), b = strlen(more);
    char *p = realloc(*s, a + 1 + b + 1);
    if (!p) return false;
    p[a] = ' ';
    memcpy(p + a + 1, more, b + 1);
    *s = p;
    return true;
}

bool sk_utf8_valid(const char *str, size_t n, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else goto bad;
        if (i + len > n) goto bad;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += len;
    }
    return true;
bad:
    if (bad_offset) *bad_offset = i;
    return false;
}

size_t sk_utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

bool sk_parse_long(const char *s, long *out)
{
    if (!s) return false;
    while (isspace((unsigned char)*s)) s++;
    if (!*s) return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || errno == ERANGE) return false;
    while (isspace((unsigned char)*end)) end++;
    if (*end) return false;
    *out = v;
    return true;
}

int sk_edit_distance(const char *a, const char *b, int cap)
{
    /* Optimal string alignment: insertions, deletions, substitutions and
     * swaps of two neighbouring letters ("rpes" for "reps") each cost 1. */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return cap;
    int d[64][64];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int v = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb] < cap ? d[la][lb] : cap;
}

const char *sk_did_you_mean(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    int best_d = 3;
    int limit = strlen(word) <= 4 ? 1 : 2;
    for (const char *const *c = candidates; *c; c++) {
        int d = sk_edit_distance(word, *c, 3);
        if (d <= limit && d < best_d) {
            best_d = d;
            best = *c;
        }
    }
    if (best) return best;
    /* A name cut short: "walkaway" for "walkaway_seconds". */
    size_t n = strlen(word);
    for (const char *const *c = candidates; n >= 4 && *c; c++)
        if (strlen(*c) > n && strncmp(*c, word, n) == 0) return *c;
    return NULL;
}

int sk_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb || !ca) return ca - cb;
    }
}

char *sk_trim(char *s)
{
    char *start = s;
    while (isspace((unsigned char)*start)) start++;
    size_t n = strlen(start);
    while (n > 0 && isspace((unsigned char)start[n - 1])) n--;
    memmove(s, start, n);
    s[n] = '\0';
    return s;
}

bool sk_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    char buf[16];
    if (sk_strlcpy(buf, s, sizeof buf) >= sizeof buf) {
        /* blanks around a word may make it long */
        while (*s == ' ' || *s == '\t') s++;
        if (sk_strlcpy(buf, s, sizeof buf) >= sizeof buf) buf[sizeof buf - 1] = '\0';
    }
    sk_trim(buf);
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (sk_strcasecmp(buf, yes[i]) == 0) { *out = true; return true; }
        if (sk_strcasecmp(buf, no[i]) == 0) { *out = false; return true; }
    }
    return false;
}

bool sk_language_code_ok(const char *s)
{
    size_t i = 0;
    while (isalpha((unsigned char)s[i])) i++;
    if (i < 2 || i > 3) return false;
    if (s[i] == '\0') return true;
    if (s[i] != '-' && s[i] != '_') return false;
    size_t j = ++i;
    while (isalnum((unsigned char)s[i])) i++;
    return s[i] == '\0' && i - j >= 2 && i - j <= 8;
}

size_t sk_path_dir(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return sk_strlcpy(out, ".", size);
    if (slash == path) return sk_strlcpy(out, "/", size);
    size_t n = (size_t)(slash - path);
    if (size > 0) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(out, path, k);
        out[k] = '\0';
    }
    return n;
}

const char *sk_language_name(const char *code)
{
    static const char *const names[][2] = {
        {"en", "English"}, {"es", "Español"}, {"de", "Deutsch"}, {"fr", "Français"},
        {"it", "Italiano"}, {"pt", "Português"}, {"nl", "Nederlands"}, {"pl", "Polski"},
        {"tr", "Türkçe"}, {"sv", "Svenska"}, {"da", "Dansk"}, {"nb", "Norsk"},
    };
    if (!code) return "";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i][0]);
        /* "pt-BR" is Português too */
        if (strncasecmp(code, names[i][0], n) == 0 && (code[n] == '\0' || code[n] == '-'))
            return names[i][1];
    }
    return code;
}
