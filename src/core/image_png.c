/* libpng's classic API inside setjmp, not the simplified png_image API:
 * the classic API lets us hand libpng our limits (png_set_user_limits,
 * png_set_chunk_malloc_max, png_set_chunk_cache_max) before it reads a
 * byte, turn every libpng error into our own message, and feed it from a
 * bounded memory buffer; the simplified API offers none of that and has had
 * recent CVEs of its own. The file is read whole (bounded by the size
 * limit) and checked by hand first (signature, IHDR size), so the common
 * faults get plain words instead of libpng's. */
#include "image_png.h"

#include <errno.h>
#include <fcntl.h>
#include <png.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void sk_image_free(sk_image *img)
{
    if (!img)
        return;
    free(img->rgba);
    img->rgba = NULL;
    img->width = img->height = 0;
}

static void set_err(char *err, size_t err_size, const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void set_err(char *err, size_t err_size, const char *name, const char *fmt, ...)
{
    if (!err || err_size == 0)
        return;
    int n = snprintf(err, err_size, "%s: ", name ? name : "(png)");
    if (n < 0 || (size_t)n >= err_size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, err_size - (size_t)n, fmt, ap);
    va_end(ap);
}

static void resolve_limits(const sk_png_limits *in, sk_png_limits *out)
{
    sk_png_limits l = {0};
    if (in)
        l = *in;
    if (!l.max_width)
        l.max_width = SK_PNG_DEFAULT_MAX_SIDE;
    if (!l.max_height)
        l.max_height = SK_PNG_DEFAULT_MAX_SIDE;
    if (!l.max_pixels)
        l.max_pixels = SK_PNG_DEFAULT_MAX_PIXELS;
    if (!l.max_file_bytes)
        l.max_file_bytes = SK_PNG_DEFAULT_MAX_FILE_BYTES;
    if (!l.max_chunk_bytes)
        l.max_chunk_bytes = SK_PNG_DEFAULT_MAX_CHUNK_BYTES;
    *out = l;
}

/* ---- decoding ------------------------------------------------------------ */

typedef struct decode_ctx {
    const uint8_t *data;
    size_t len, pos;
    char msg[256];          /* what libpng (or our reader) complained about */
    png_structp png;
    png_infop info;
    uint8_t *rgba;
    png_bytep *rows;
    uint32_t w, h;
    const sk_png_limits *lim;
} decode_ctx;

static void on_png_error(png_structp png, png_const_charp msg)
{
    decode_ctx *c = png_get_error_ptr(png);
    /* Our own reader sets c->msg before it calls png_error. */
    if (c->msg[0] == '\0') {
        const char *colon = strchr(msg, ':');
        if (strstr(msg, "CRC error") && colon && colon - msg <= 4)
            snprintf(c->msg, sizeof c->msg, "CRC error in the %.*s chunk (the file is damaged)",
                     (int)(colon - msg), msg);
        else if (strstr(msg, "CRC error"))
            snprintf(c->msg, sizeof c->msg, "CRC error (the file is damaged)");
        else
            snprintf(c->msg, sizeof c->msg, "corrupt PNG data (%s)", msg);
    }
    png_longjmp(png, 1);
}

static void on_png_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;  /* benign: an unknown or damaged ancillary chunk */
}

static void on_png_read(png_structp png, png_bytep out, size_t n)
{
    decode_ctx *c = png_get_io_ptr(png);
    if (n > c->len - c->pos) {
        snprintf(c->msg, sizeof c->msg, "truncated (the file ends early, after %zu bytes)",
                 c->len);
        png_error(png, "truncated");
    }
    memcpy(out, c->data + c->pos, n);
    c->pos += n;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Runs libpng. Everything it allocates hangs off *c so the caller can free
 * it whether or not we got here by longjmp. Returns true on success. */
static bool decode_run(decode_ctx *c)
{
    if (setjmp(png_jmpbuf(c->png)))
        return false;

    png_set_read_fn(c->png, c, on_png_read);
    png_set_user_limits(c->png, c->lim->max_width, c->lim->max_height);
    png_set_chunk_malloc_max(c->png, c->lim->max_chunk_bytes);
    png_set_chunk_cache_max(c->png, 256);   /* ancillary chunks kept */
    png_read_info(c->png, c->info);

    png_uint_32 w = 0, h = 0;
    int depth = 0, color = 0, interlace = 0;
    png_get_IHDR(c->png, c->info, &w, &h, &depth, &color, &interlace, NULL, NULL);

    png_set_expand(c->png);          /* palette -> RGB, grey < 8 -> 8, tRNS -> alpha */
    png_set_scale_16(c->png);        /* 16 -> 8 bits, rounded (not truncated) */
    png_set_gray_to_rgb(c->png);
    if (!(color & PNG_COLOR_MASK_ALPHA) && !png_get_valid(c->png, c->info, PNG_INFO_tRNS))
        png_set_add_alpha(c->png, 0xff, PNG_FILLER_AFTER);
    png_set_interlace_handling(c->png);
    png_read_update_info(c->png, c->info);

    if (png_get_rowbytes(c->png, c->info) != (size_t)w * 4 ||
        png_get_bit_depth(c->png, c->info) != 8 || png_get_channels(c->png, c->info) != 4) {
        snprintf(c->msg, sizeof c->msg, "unsupported PNG layout (colour type %d, %d bits)",
                 color, depth);
        return false;
    }
    c->w = w;
    c->h = h;
    c->rgba = malloc((size_t)w * h * 4);
    c->rows = malloc(sizeof(png_bytep) * h);
    if (!c->rgba || !c->rows) {
        snprintf(c->msg, sizeof c->msg, "out of memory for a %ux%u image", (unsigned)w,
                 (unsigned)h);
        return false;
    }
    for (uint32_t y = 0; y < h; y++)
        c->rows[y] = c->rgba + (size_t)y * w * 4;
    png_read_image(c->png, c->rows);
    png_read_end(c->png, NULL);   /* checks the chunks after the pixels, up to IEND */
    return true;
}

/* Walks the chunk lengths before libpng does: libpng 1.6.39 allocates a
 * chunk's declared length (an sPLT claiming 1.9 GB, found by fuzzing)
 * before it notices the file is far shorter. The whole file is in
 * memory, so a length past its end is plainly a truncated file. */
static bool chunks_fit(const uint8_t *p, size_t len, const sk_png_limits *lim_in, const char *name,
                       char *err, size_t err_size)
{
    const sk_png_limits lim = *lim_in;
    for (size_t at = 8; at + 8 <= len;) {
        uint32_t n = be32(p + at);
        char type[5] = {0};
        memcpy(type, p + at + 4, 4);
        for (int k = 0; k < 4; k++)
            if (!((type[k] >= 'A' && type[k] <= 'Z') || (type[k] >= 'a' && type[k] <= 'z')))
                type[k] = '?';
        if ((uint64_t)n + 12 > len - at) {
            set_err(err, err_size, name,
                    "truncated (the %s chunk claims %lu bytes; the file has %zu left)", type,
                    (unsigned long)n, len - at - 8);
            return false;
        }
        if (memcmp(type, "IDAT", 4) != 0 && n > lim.max_chunk_bytes) {
            set_err(err, err_size, name, "the %s chunk is %lu bytes; the limit is %zu", type,
                    (unsigned long)n, lim.max_chunk_bytes);
            return false;
        }
        if (!memcmp(type, "IEND", 4)) break;
        at += (size_t)n + 12;
    }
    return true;
}

/* The IHDR's size: not zero, and inside the limits. */
static bool size_fits(const uint8_t *p, const sk_png_limits *lim_in, const char *name, char *err,
                      size_t err_size)
{
    const sk_png_limits lim = *lim_in;
    uint32_t w = be32(p + 16), h = be32(p + 20);
    if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu) {
        set_err(err, err_size, name, "corrupt PNG: invalid size %ux%u", (unsigned)w,
                (unsigned)h);
        return false;
    }
    if (w > lim.max_width || h > lim.max_height) {
        if (lim.max_width == lim.max_height)
            set_err(err, err_size, name, "%ux%u exceeds the %u px limit", (unsigned)w,
                    (unsigned)h, (unsigned)lim.max_width);
        else
            set_err(err, err_size, name, "%ux%u exceeds the %ux%u px limit", (unsigned)w,
                    (unsigned)h, (unsigned)lim.max_width, (unsigned)lim.max_height);
        return false;
    }
    if ((uint64_t)w * h > lim.max_pixels) {
        set_err(err, err_size, name, "%ux%u = %llu pixels exceeds the budget of %llu pixels",
                (unsigned)w, (unsigned)h, (unsigned long long)w * h,
                (unsigned long long)lim.max_pixels);
        return false;
    }
    return true;
}

/* Every entry point starts alike: the limits resolved, no image, no error. */
static void begin(const sk_png_limits *limits, sk_png_limits *lim, sk_image *out, char *err,
                  size_t err_size)
{
    resolve_limits(limits, lim);
    if (out)
        memset(out, 0, sizeof *out);
    if (err && err_size)
        err[0] = '\0';
}

bool sk_png_decode_mem(const void *data, size_t len, const char *name,
                       const sk_png_limits *limits, sk_image *out,
                       char *err, size_t err_size)
{
    sk_png_limits lim;
    begin(limits, &lim, out, err, err_size);
    if (!out) {
        set_err(err, err_size, name, "no image to decode into");
        return false;
    }
    const uint8_t *p = data;
    if (len == 0 || !data) {
        set_err(err, err_size, name, "empty file");
        return false;
    }
    if (len > lim.max_file_bytes) {
        set_err(err, err_size, name, "%zu bytes exceeds the %zu byte limit", len,
                lim.max_file_bytes);
        return false;
    }
    if (len < 8 || png_sig_cmp(p, 0, 8) != 0) {
        /* A PNG cut inside its 8-byte signature is still "truncated". */
        if (len < 8 && png_sig_cmp(p, 0, len) == 0)
            set_err(err, err_size, name, "truncated (the file ends early, after %zu bytes)", len);
        else
            set_err(err, err_size, name, "not a PNG file");
        return false;
    }
    /* The IHDR must come first (13 bytes of data); read its size ourselves
     * so an absurd header gets a plain message before libpng sees it. */
    if (len < 8 + 8 + 13 + 4) {
        set_err(err, err_size, name, "truncated (the file ends early, after %zu bytes)", len);
        return false;
    }
    if (be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4) != 0) {
        set_err(err, err_size, name, "corrupt PNG: the first chunk is not a valid IHDR");
        return false;
    }
    if (!chunks_fit(p, len, &lim, name, err, err_size) || !size_fits(p, &lim, name, err, err_size))
        return false;

    decode_ctx c;
    memset(&c, 0, sizeof c);
    c.data = p;
    c.len = len;
    c.lim = &lim;
    c.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &c, on_png_error, on_png_warning);
    if (c.png)
        c.info = png_create_info_struct(c.png);
    if (!c.png || !c.info) {
        png_destroy_read_struct(c.png ? &c.png : NULL, NULL, NULL);
        set_err(err, err_size, name, "out of memory starting libpng");
        return false;
    }
    bool ok = decode_run(&c);
    png_destroy_read_struct(&c.png, &c.info, NULL);
    free(c.rows);
    if (!ok) {
        free(c.rgba);
        set_err(err, err_size, name, "%s", c.msg[0] ? c.msg : "corrupt PNG data");
        return false;
    }
    out->width = (int)c.w;
    out->height = (int)c.h;
    out->rgba = c.rgba;
    return true;
}

bool sk_png_read_rgba(const char *path, const sk_png_limits *limits, sk_image *out,
                      char *err, size_t err_size)
{
    sk_png_limits lim;
    begin(limits, &lim, out, err, err_size);
    if (!path || !*path) {
        set_err(err, err_size, "(png)", "no file name given");
        return false;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_err(err, err_size, path, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        set_err(err, err_size, path, "cannot stat: %s", strerror(errno));
        close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        set_err(err, err_size, path, "is a directory, not a PNG file");
        close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        set_err(err, err_size, path, "not a regular file");
        close(fd);
        return false;
    }
    if (st.st_size == 0) {
        set_err(err, err_size, path, "empty file");
        close(fd);
        return false;
    }
    if ((uint64_t)st.st_size > lim.max_file_bytes) {
        set_err(err, err_size, path, "%lld bytes exceeds the %zu byte limit",
                (long long)st.st_size, lim.max_file_bytes);
        close(fd);
        return false;
    }
    size_t size = (size_t)st.st_size;
    uint8_t *buf = malloc(size);
    if (!buf) {
        set_err(err, err_size, path, "out of memory reading %zu bytes", size);
        close(fd);
        return false;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            set_err(err, err_size, path, "read error: %s", strerror(errno));
            free(buf);
            close(fd);
            return false;
        }
        if (n == 0)
            break;  /* shrank under us: decode what is there */
        got += (size_t)n;
    }
    close(fd);
    bool ok = sk_png_decode_mem(buf, got, path, &lim, out, err, err_size);
    free(buf);
    return ok;
}

/* ---- encoding ------------------------------------------------------------ */

typedef struct encode_ctx {
    char msg[256];
    png_structp png;
    png_infop info;
    FILE *fp;
    png_bytep *rows;
} encode_ctx;

static void on_png_write_error(png_structp png, png_const_charp msg)
{
    encode_ctx *c = png_get_error_ptr(png);
    if (c->msg[0] == '\0')
        snprintf(c->msg, sizeof c->msg, "libpng: %s", msg);
    png_longjmp(png, 1);
}

static bool encode_run(encode_ctx *c, int w, int h, const uint8_t *pixels, size_t stride)
{
    if (setjmp(png_jmpbuf(c->png)))
        return false;
    png_init_io(c->png, c->fp);
    png_set_IHDR(c->png, c->info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB_ALPHA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(c->png, c->info);
    for (int y = 0; y < h; y++)
        c->rows[y] = (png_bytep)(pixels + (size_t)y * stride);
    png_write_image(c->png, c->rows);
    png_write_end(c->png, NULL);
    return true;
}

bool sk_png_write_rgba(const char *path, int w, int h, const uint8_t *pixels,
                       size_t stride, char *err, size_t err_size)
{
    if (err && err_size)
        err[0] = '\0';
    if (!path || !*path) {
        set_err(err, err_size, "(png)", "no file name given");
        return false;
    }
    if (w <= 0 || h <= 0 || w > (1 << 20) || h > (1 << 20) || !pixels ||
        stride < (size_t)w * 4) {
        set_err(err, err_size, path, "invalid image to write (%dx%d, stride %zu)", w, h, stride);
        return false;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        set_err(err, err_size, path, "out of memory");
        return false;
    }
    /* Same directory as the target, so rename() is atomic. */
    snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        set_err(err, err_size, path, "cannot create a temporary file beside it: %s",
                strerror(errno));
        free(tmp);
        return false;
    }
    /* mkstemp makes 0600; a picture is for everyone to read. */
    mode_t um = umask(0);
    umask(um);
    fchmod(fd, 0666 & ~um);

    encode_ctx c;
    memset(&c, 0, sizeof c);
    c.fp = fdopen(fd, "wb");
    bool ok = false;
    if (!c.fp) {
        snprintf(c.msg, sizeof c.msg, "fdopen: %s", strerror(errno));
        close(fd);
    } else {
        c.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &c, on_png_write_error,
                                        on_png_warning);
        if (c.png)
            c.info = png_create_info_struct(c.png);
        c.rows = malloc(sizeof(png_bytep) * (size_t)h);
        if (!c.png || !c.info || !c.rows)
            snprintf(c.msg, sizeof c.msg, "out of memory");
        else
            ok = encode_run(&c, w, h, pixels, stride);
        if (c.png)
            png_destroy_write_struct(&c.png, c.info ? &c.info : NULL);
        free(c.rows);
        if (ok && (fflush(c.fp) != 0 || ferror(c.fp))) {
            snprintf(c.msg, sizeof c.msg, "write error: %s", strerror(errno));
            ok = false;
        }
        if (ok && fsync(fileno(c.fp)) != 0 && errno != EINVAL) {
            snprintf(c.msg, sizeof c.msg, "fsync: %s", strerror(errno));
            ok = false;
        }
        if (fclose(c.fp) != 0 && ok) {
            snprintf(c.msg, sizeof c.msg, "close: %s", strerror(errno));
            ok = false;
        }
    }
    if (ok && rename(tmp, path) != 0) {
        snprintf(c.msg, sizeof c.msg, "cannot rename the temporary file into place: %s",
                 strerror(errno));
        ok = false;
    }
    if (!ok) {
        unlink(tmp);
        set_err(err, err_size, path, "%s", c.msg[0] ? c.msg : "write failed");
    }
    free(tmp);
    return ok;
}
