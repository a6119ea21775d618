/* PNG files in and out, through libpng directly. No SDL.
 *
 * Reading: any colour type and bit depth (palette, grey 1/2/4/8/16, RGB,
 * grey+alpha, RGBA, 16-bit, tRNS, Adam7 interlaced) becomes straight
 * (not premultiplied) RGBA, 8 bits a channel, rows top to bottom, stride
 * width*4. Gamma and colour-space chunks are ignored: sprite art is drawn
 * and shown in the same sRGB space, so the stored samples are used as is.
 *
 * Every read is bounded: the file size, the width and height (also handed
 * to libpng through png_set_user_limits), the total pixel count and the
 * size of any ancillary chunk (png_set_chunk_malloc_max). A file that breaks
 * a limit, or is missing, a directory, empty, not a PNG, truncated or
 * corrupt (CRC, bad zlib data) gives false and one line of error text that
 * names the file and what is wrong, e.g.
 *   "assets/sprites/basic-0.png: truncated (the file ends early)".
 * Nothing leaks on any error path. Functions never block on anything but
 * the file system, and keep no global state (safe from several threads on
 * different images).
 */
#ifndef SK_IMAGE_PNG_H
#define SK_IMAGE_PNG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SK_PNG_DEFAULT_MAX_SIDE 8192u                 /* px, width and height */
#define SK_PNG_DEFAULT_MAX_PIXELS (4096ull * 4096ull) /* 64 MB once RGBA */
#define SK_PNG_DEFAULT_MAX_FILE_BYTES (64u << 20)
#define SK_PNG_DEFAULT_MAX_CHUNK_BYTES (4u << 20)     /* iCCP, zTXt, ... */
#define SK_PNG_ERR_SIZE 512   /* a comfortable size for the err buffers */

/* Zero-initialise; a 0 field takes its default above. */
typedef struct sk_png_limits {
    uint32_t max_width, max_height;
    uint64_t max_pixels;
    size_t max_file_bytes;
    size_t max_chunk_bytes;
} sk_png_limits;

/* A decoded picture. 'rgba' is malloc'd, width*height*4 bytes, owned by
 * whoever holds the struct; sk_image_free releases it (and zeroes the
 * struct; safe on a zeroed or already freed image). */
typedef struct sk_image {
    int width, height;
    uint8_t *rgba;
} sk_image;

void sk_image_free(sk_image *img);

/* Decodes the PNG file at 'path'. 'limits' may be NULL (all defaults).
 * On success returns true and fills *out (the caller frees it). On failure
 * returns false, leaves *out zeroed and writes "path: what is wrong" into
 * err (err may be NULL; err_size bytes, always NUL-terminated). */
bool sk_png_read_rgba(const char *path, const sk_png_limits *limits, sk_image *out,
                      char *err, size_t err_size);

/* The same for a PNG already in memory; 'name' is what the error calls it.
 * Used by the file reader and by the fuzzer. */
bool sk_png_decode_mem(const void *data, size_t len, const char *name,
                       const sk_png_limits *limits, sk_image *out,
                       char *err, size_t err_size);

/* Writes 'pixels' (straight RGBA8, rows top to bottom, 'stride' bytes from
 * one row to the next, >= w*4) as an 8-bit RGBA PNG at 'path'. The data go
 * to a temporary file in the same directory, are flushed to disk and then
 * renamed over 'path', so a crash or power cut leaves either the old file
 * or the whole new one, never half a file. Output is deterministic (no
 * time stamp). Returns false with "path: what is wrong" in err (may be
 * NULL) and no temporary file left behind. Blocks on the file system. */
bool sk_png_write_rgba(const char *path, int w, int h, const uint8_t *pixels,
                       size_t stride, char *err, size_t err_size);
#endif
