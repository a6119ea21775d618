#include "ini_lines.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text_util.h"

/* The longest line content we hand to inih: its buffer is INI_MAX_LINE bytes
 * including the newline and the terminating NUL. */
#define MAX_CONTENT (SK_INI_MAX_LINE - 2)

typedef struct reader_ctx {
    const char *text, *end, *pos;
    const char *name;
    int line;              /* line number of the line last handed to inih */
    bool continuation;     /* that line continues the previous key's value */
    bool after_section;    /* no key seen since the last [section] */
    sk_ini_handler handler;
    void *user;
    sk_diag *d;
    char section[64];
} reader_ctx;

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Reports what inih would silently skip or misread, so every problem is
 * listed, not just the first. 'content' is one line without its newline. */
static void classify_line(reader_ctx *c, const char *content, size_t len)
{
    size_t i = 0;
    /* A UTF-8 byte-order mark (Notepad writes one) is not text: inih skips it too. */
    if (c->line == 1 && len >= 3 && !memcmp(content, "\xEF\xBB\xBF", 3)) i = 3;
    while (i < len && is_blank(content[i])) i++;
    c->continuation = false;
    if (i == len || content[i] == ';' || content[i] == '#')
        return;  /* blank or comment */
    if (i > 0 && !c->after_section) {
        c->continuation = true;
        return;
    }
    if (content[i] == '[') {
        const char *close = memchr(content + i, ']', len - i);
        if (!close)
            sk_diag_error(c->d, c->name, c->line, "section header has no closing ']'");
        else if ((size_t)(close - (content + i + 1)) >= 50)
            sk_diag_error(c->d, c->name, c->line, "section name is longer than 49 characters");
        c->after_section = true;
        return;
    }
    size_t eq = i;
    while (eq < len && content[eq] != '=' && content[eq] != ':') eq++;
    if (eq == len) {
        sk_diag_error(c->d, c->name, c->line,
                      "expected 'key = value', a [section] or a comment");
        return;
    }
    size_t key_len = eq - i;
    while (key_len > 0 && is_blank(content[i + key_len - 1])) key_len--;
    if (key_len == 0)
        sk_diag_error(c->d, c->name, c->line, "a value with no key before '='");
    else if (key_len >= 50)
        sk_diag_error(c->d, c->name, c->line, "key is longer than 49 characters");
    c->after_section = false;
}

/* inih's line reader (fgets-like) over the text in memory. */
static char *read_line(char *buf, int size, void *stream)
{
    reader_ctx *c = stream;
    if (c->pos >= c->end) return NULL;
    const char *nl = memchr(c->pos, '\n', (size_t)(c->end - c->pos));
    const char *line_end = nl ? nl : c->end;
    size_t len = (size_t)(line_end - c->pos);
    if (len > 0 && c->pos[len - 1] == '\r') len--;   /* CRLF files */
    c->line++;
    if (len > MAX_CONTENT || (int)len + 2 > size) {
        sk_diag_error(c->d, c->name, c->line,
                      "line is %zu characters long; the limit is %d (continue a long "
                      "value on the next line, indented)", len, MAX_CONTENT);
        buf[0] = '\n';
        buf[1] = '\0';
        c->continuation = false;
    } else {
        memcpy(buf, c->pos, len);
        buf[len] = '\n';
        buf[len + 1] = '\0';
        classify_line(c, buf, len);
    }
    c->pos = nl ? nl + 1 : c->end;
    return buf;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    reader_ctx *c = user;
    sk_ini_handler h = c->handler;
    /* inih only fills 'section' up to 49 bytes; the reader reported longer ones. */
    return h(c->user, section, key, value, c->line, c->continuation) ? 1 : 0;
}

/* Text checks before parsing: NUL bytes and control characters mean a binary
 * file; invalid UTF-8 is named by its line. */
static bool check_text(const char *text, size_t len, const char *name, sk_diag *d)
{
    size_t controls = 0;
    int first_control_line = 0, line = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') line++;
        else if (ch == 0 || (ch < 0x20 && ch != '\t' && ch != '\r') || ch == 0x7F) {
            if (!controls) first_control_line = line;
            controls++;
        }
    }
    if (controls) {
        sk_diag_error(d, name, first_control_line,
                      "holds %zu control or NUL byte%s: this is not a text file "
                      "(an INI file is plain UTF-8 text)", controls, controls == 1 ? "" : "s");
        return false;
    }
    size_t bad;
    if (!sk_utf8_valid(text, len, &bad)) {
        int bad_line = 1;
        for (size_t i = 0; i < bad; i++)
            if (text[i] == '\n') bad_line++;
        sk_diag_error(d, name, bad_line,
                      "text is not valid UTF-8 (byte 0x%02X at offset %zu); save the "
                      "file as UTF-8", (unsigned char)text[bad], bad);
        return false;
    }
    return true;
}

bool sk_ini_parse_text(const char *text, size_t len, const char *display_name,
                       sk_ini_handler handler, void *user, sk_diag *d)
{
    const char *name = display_name ? display_name : "(text)";
    if (!check_text(text, len, name, d)) return false;
    reader_ctx c = {
        .text = text, .end = text + len, .pos = text, .name = name,
        .after_section = true, .handler = handler, .user = user, .d = d,
    };
    int rc = ini_parse_stream(read_line, &c, on_key, &c);
    if (rc == -2) {
        sk_diag_error(d, name, 0, "out of memory while reading");
        return false;
    }
    /* rc > 0 names a line that we (or the handler) already reported. */
    return true;
}

char *sk_read_file_limited(const char *path, const char *display_name, size_t max_bytes,
                           size_t *len, sk_diag *d)
{
    const char *name = display_name ? display_name : path;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sk_diag_error(d, name, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        sk_diag_error(d, name, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        sk_diag_error(d, name, 0, "is a directory, not a file");
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        sk_diag_error(d, name, 0, "is not a regular file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        sk_diag_error(d, name, 0, "is %lld bytes; the limit is %zu bytes",
                      (long long)st.st_size, max_bytes);
        close(fd);
        return NULL;
    }
    /* Read at most max_bytes + 1: the file may grow after fstat. */
    char *buf = malloc(max_bytes + 2);
    if (!buf) {
        sk_diag_error(d, name, 0, "out of memory");
        close(fd);
        return NULL;
    }
    size_t got = 0;
    while (got <= max_bytes) {
        ssize_t n = read(fd, buf + got, max_bytes + 1 - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            sk_diag_error(d, name, 0, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (n == 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (got > max_bytes) {
        sk_diag_error(d, name, 0, "is larger than the limit of %zu bytes", max_bytes);
        free(buf);
        return NULL;
    }
    buf[got] = '\0';
    *len = got;
    return buf;
}

bool sk_ini_parse_file(const char *path, const char *display_name, size_t max_bytes,
                       sk_ini_handler handler, void *user, sk_diag *d)
{
    const char *name = display_name ? display_name : path;
    size_t len;
    char *text = sk_read_file_limited(path, name, max_bytes, &len, d);
    if (!text) return false;
    bool ok = sk_ini_parse_text(text, len, name, handler, user, d);
    free(text);
    return ok;
}
