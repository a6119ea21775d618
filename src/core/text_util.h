/* Small string helpers used across the core. No SDL.
 * Every function that writes into a buffer takes its size and always
 * NUL-terminates (when size > 0); none of them allocates unless its name
 * says "dup". */
#ifndef SK_TEXT_UTIL_H
#define SK_TEXT_UTIL_H
#include <stdbool.h>
#include <stddef.h>

/* Copies at most size-1 bytes of src into dst. Returns strlen(src), so the
 * caller can detect truncation (result >= size). Never splits a UTF-8
 * sequence: a cut falls before the sequence that would not fit. */
size_t sk_strlcpy(char *dst, const char *src, size_t size);

/* Appends src to the string in dst (size is dst's whole buffer). Returns
 * the length the result would have had without truncation. */
size_t sk_strlcat(char *dst, const char *src, size_t size);

/* malloc'd copy of s (NULL stays NULL). Returns NULL when out of memory. */
char *sk_strdup(const char *s);

/* Appends " " + more to *s (a malloc'd string, may be NULL), reallocating.
 * Used for INI continuation lines. Returns false when out of memory, leaving
 * *s unchanged. */
bool sk_str_append_line(char **s, const char *more);

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). On false, *bad_offset (if given)
 * is the offset of the first bad byte. */
bool sk_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* Number of code points in a valid UTF-8 string. */
size_t sk_utf8_length(const char *s);

/* Parses a whole decimal integer (optional sign, surrounding blanks allowed).
 * Returns false for empty text, junk, or a value outside long's range. */
bool sk_parse_long(const char *s, long *out);

/* Levenshtein distance between two short ASCII strings, capped at 'cap'
 * (returns cap when the distance is >= cap). For "did you mean". */
int sk_edit_distance(const char *a, const char *b, int cap);

/* Of the NULL-terminated list 'candidates', the one nearest 'word' when it
 * is close enough to be a likely typo (distance <= 2, or <= 1 for words of
 * 4 letters or fewer; two swapped neighbours count 1), else the first that
 * 'word' (4 letters or more) is the start of; NULL otherwise. */
const char *sk_did_you_mean(const char *word, const char *const *candidates);

/* Case-insensitive ASCII comparison. */
int sk_strcasecmp(const char *a, const char *b);

/* Removes blanks at both ends, in place. Returns s. */
char *sk_trim(char *s);

/* A yes/no word of a settings file: yes, true, on, 1 / no, false, off, 0
 * (any case, blanks around allowed). False when it is neither (*out is
 * then unchanged). */
bool sk_parse_bool(const char *s, bool *out);

/* A language code as kiosk.ini and routine files take it, BCP 47-ish:
 * 2-3 letters, optionally "-" or "_" and 2-8 letters or digits ("en",
 * "pt-BR", "de_CH"). Never holds '/' or '.', so it is safe in a file name. */
bool sk_language_code_ok(const char *s);
/* The language's own name for itself ("English", "Español", "Deutsch";
 * "pt-BR" is "Português"), for its button and the tag on screen; the code
 * itself when the table does not know it. Never NULL. */
const char *sk_language_name(const char *code);

/* The folder of 'path' ("a/b/c.ini" -> "a/b", "c.ini" -> ".", "/c" -> "/")
 * into out. Returns its length; >= size means it did not fit (out is then
 * cut short, or empty when size is 0). */
size_t sk_path_dir(const char *path, char *out, size_t size);
#endif
