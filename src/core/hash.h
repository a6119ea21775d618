/* FNV-1a, 64 bit: keys for caches and the frame's signature. Not for
 * anything an attacker chooses. */
#ifndef SK_HASH_H
#define SK_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SK_HASH_INIT 1469598103934665603ull

static inline uint64_t sk_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}
static inline uint64_t sk_hash_int(uint64_t h, long long v) { return sk_hash_bytes(h, &v, sizeof v); }
/* A NULL string hashes apart from every real one (even ""). */
static inline uint64_t sk_hash_str(uint64_t h, const char *s)
{
    return s ? sk_hash_bytes(h, s, strlen(s) + 1) : sk_hash_int(h, -7);
}
#endif
