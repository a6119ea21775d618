#include "sprite_sheet.h"

#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "text_util.h"

enum {
    K_IMAGES, K_FRAME_WIDTH, K_FRAME_HEIGHT, K_COLUMNS, K_FRAMES, K_FPS,
    K_ANCHOR_X, K_ANCHOR_Y, K_OTHER_LEG, K_COUNT
};
static const char *const sheet_keys[] = {
    "images", "frame_width", "frame_height", "columns", "frames", "fps",
    "anchor_x", "anchor_y", "other_leg", NULL
};

enum { C_FIRST, C_LAST, C_LOOP, C_FPS, C_REVERSE_OF, C_COUNT };
static const char *const clip_keys[] = {"first", "last", "loop", "fps", "reverse_of", NULL};

static const char *const known_clips[] = {
    "setup", "hold", "release", "setup.other", "hold.other", "release.other", NULL
};
static const char *const section_names[] = {
    "sheet", "clip.setup", "clip.hold", "clip.release", "clip.setup.other",
    "clip.hold.other", "clip.release.other", NULL
};

typedef struct raw_clip {
    char name[SK_CLIP_NAME_MAX];
    int line;                  /* first key seen */
    int key_line[C_COUNT];     /* 0 = not given */
    long first, last, fps;
    sk_loop_mode loop;
    char reverse_of[SK_CLIP_NAME_MAX];
} raw_clip;

typedef struct parse_ctx {
    sk_sprite_sheet *s;
    sk_diag *d;
    const char *name;
    int key_line[K_COUNT];
    long num[K_COUNT];
    char *images_text;
    raw_clip clips[SK_SHEET_MAX_CLIPS];
    int clip_count;
    int clips_dropped_line;
    int last_key;              /* sheet key of the previous line, or -1 */
    char bad_section[64];      /* last unknown section reported */
    bool bad_section_seen;
} parse_ctx;

static int find_key(const char *const *keys, const char *key)
{
    for (int i = 0; keys[i]; i++)
        if (strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

static void unknown_key(parse_ctx *c, int line, const char *section, const char *key,
                        const char *const *keys)
{
    const char *guess = sk_did_you_mean(key, keys);
    if (guess)
        sk_diag_error(c->d, c->name, line, "unknown key '%s' in [%s]; did you mean '%s'?", key,
                      section, guess);
    else
        sk_diag_error(c->d, c->name, line, "unknown key '%s' in [%s]", key, section);
}

/* A whole number in min..max, or an error naming the key, the range and
 * what was found. */
static bool parse_int(parse_ctx *c, int line, const char *key, const char *value, long min,
                      long max, long *out)
{
    long v;
    if (!sk_parse_long(value, &v)) {
        sk_diag_error(c->d, c->name, line, "%s must be a whole number %ld..%ld, got \"%s\"", key,
                      min, max, value);
        return false;
    }
    if (v < min || v > max) {
        sk_diag_error(c->d, c->name, line, "%s must be %ld..%ld, got %ld", key, min, max, v);
        return false;
    }
    *out = v;
    return true;
}

static bool valid_clip_name(const char *n)
{
    size_t len = strlen(n);
    if (len == 0 || len >= SK_CLIP_NAME_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = n[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' ||
              ch == '.'))
            return false;
    }
    return true;
}

static raw_clip *clip_for(parse_ctx *c, const char *name, int line)
{
    for (int i = 0; i < c->clip_count; i++)
        if (strcmp(c->clips[i].name, name) == 0)
            return &c->clips[i];
    if (c->clip_count >= SK_SHEET_MAX_CLIPS) {
        if (!c->clips_dropped_line) {
            c->clips_dropped_line = line;
            sk_diag_error(c->d, c->name, line, "too many clips: at most %d", SK_SHEET_MAX_CLIPS);
        }
        return NULL;
    }
    raw_clip *r = &c->clips[c->clip_count++];
    memset(r, 0, sizeof *r);
    sk_strlcpy(r->name, name, sizeof r->name);
    r->line = line;
    return r;
}

static void sheet_key(parse_ctx *c, int k, const char *value, int line)
{
    static const long lo[K_COUNT] = {0, SK_SHEET_MIN_FRAME_SIDE, SK_SHEET_MIN_FRAME_SIDE, 1, 1,
                                     1, 0, 0, 0};
    static const long hi[K_COUNT] = {0, SK_SHEET_MAX_FRAME_SIDE, SK_SHEET_MAX_FRAME_SIDE, 256,
                                     SK_SHEET_MAX_FRAMES, SK_SHEET_MAX_FPS,
                                     SK_SHEET_MAX_FRAME_SIDE - 1, SK_SHEET_MAX_FRAME_SIDE - 1, 0};
    switch (k) {
    case K_IMAGES:
        free(c->images_text);
        c->images_text = sk_strdup(value);
        if (!c->images_text)
            sk_diag_error(c->d, c->name, line, "out of memory");
        break;
    case K_OTHER_LEG:
        if (sk_strcasecmp(value, "mirror") == 0)
            c->s->other_leg = SK_OTHER_LEG_MIRROR;
        else if (sk_strcasecmp(value, "frames") == 0)
            c->s->other_leg = SK_OTHER_LEG_FRAMES;
        else
            sk_diag_error(c->d, c->name, line, "other_leg must be 'mirror' or 'frames', got \"%s\"",
                          value);
        break;
    default:
        if (!parse_int(c, line, sheet_keys[k], value, lo[k], hi[k], &c->num[k]))
            c->key_line[k] = -line;   /* given but bad: no "missing" error later */
        break;
    }
}

static void clip_key(parse_ctx *c, raw_clip *r, int k, const char *value, int line)
{
    long v;
    switch (k) {
    case C_FIRST:
    case C_LAST:
        if (parse_int(c, line, clip_keys[k], value, 0, SK_SHEET_MAX_FRAMES - 1, &v))
            *(k == C_FIRST ? &r->first : &r->last) = v;
        else
            r->key_line[k] = -line;
        break;
    case C_FPS:
        if (parse_int(c, line, "fps", value, 1, SK_SHEET_MAX_FPS, &v))
            r->fps = v;
        else
            r->key_line[k] = -line;
        break;
    case C_LOOP:
        if (sk_strcasecmp(value, "no") == 0)
            r->loop = SK_LOOP_NO;
        else if (sk_strcasecmp(value, "yes") == 0)
            r->loop = SK_LOOP_YES;
        else if (sk_strcasecmp(value, "pingpong") == 0)
            r->loop = SK_LOOP_PINGPONG;
        else
            sk_diag_error(c->d, c->name, line, "loop must be no, yes or pingpong, got \"%s\"", value);
        break;
    case C_REVERSE_OF:
        if (!valid_clip_name(value)) {
            sk_diag_error(c->d, c->name, line, "reverse_of must name a clip, got \"%s\"", value);
            r->key_line[k] = -line;
        } else {
            sk_strlcpy(r->reverse_of, value, sizeof r->reverse_of);
        }
        break;
    }
}

static bool on_key(void *user, const char *section, const char *key, const char *value,
                   int line, bool continued)
{
    parse_ctx *c = user;
    if (continued) {
        if (c->last_key == K_IMAGES && c->images_text) {
            /* inih strips "  ; comment" from key lines only, not from
             * continuation lines. */
            char more[SK_INI_MAX_LINE];
            sk_strlcpy(more, value, sizeof more);
            for (char *q = more; *q; q++)
                if ((*q == ';' || *q == '#') && (q == more || q[-1] == ' ' || q[-1] == '\t')) {
                    *q = '\0';
                    break;
                }
            if (!sk_str_append_line(&c->images_text, sk_trim(more)))
                sk_diag_error(c->d, c->name, line, "out of memory");
        } else {
            sk_diag_error(c->d, c->name, line,
                          "an indented line continues a value, and only 'images' may go on "
                          "over several lines");
        }
        return true;
    }
    c->last_key = -1;
    if (strcmp(section, "sheet") == 0) {
        int k = find_key(sheet_keys, key);
        if (k < 0) {
            unknown_key(c, line, section, key, sheet_keys);
            return true;
        }
        if (c->key_line[k]) {
            int prev = c->key_line[k] < 0 ? -c->key_line[k] : c->key_line[k];
            sk_diag_error(c->d, c->name, line, "%s is given twice (first on line %d)", key, prev);
            return true;
        }
        c->key_line[k] = line;
        c->last_key = k;
        sheet_key(c, k, value, line);
        return true;
    }
    if (strncmp(section, "clip.", 5) == 0 && valid_clip_name(section + 5)) {
        raw_clip *r = clip_for(c, section + 5, line);
        if (!r)
            return true;
        int k = find_key(clip_keys, key);
        if (k < 0) {
            unknown_key(c, line, section, key, clip_keys);
            return true;
        }
        if (r->key_line[k]) {
            int prev = r->key_line[k] < 0 ? -r->key_line[k] : r->key_line[k];
            sk_diag_error(c->d, c->name, line, "%s is given twice in [%s] (first on line %d)", key,
                          section, prev);
            return true;
        }
        r->key_line[k] = line;
        clip_key(c, r, k, value, line);
        return true;
    }
    /* Report an unknown section once, at its first key. */
    if (!c->bad_section_seen || strcmp(c->bad_section, section) != 0) {
        c->bad_section_seen = true;
        sk_strlcpy(c->bad_section, section, sizeof c->bad_section);
        const char *guess = sk_did_you_mean(section, section_names);
        if (guess)
            sk_diag_error(c->d, c->name, line, "unknown section [%s]; did you mean [%s]?", section,
                          guess);
        else if (section[0] == '\0')
            sk_diag_error(c->d, c->name, line, "'%s' comes before any [section]; it belongs "
                          "under [sheet]", key);
        else
            sk_diag_error(c->d, c->name, line, "unknown section [%s] (expected [sheet] or "
                          "[clip.NAME], NAME of a-z 0-9 _ - .)", section);
    }
    return true;
}

/* ---- checks after reading ------------------------------------------------ */

static bool ends_with_png(const char *n)
{
    size_t len = strlen(n);
    return len > 4 && sk_strcasecmp(n + len - 4, ".png") == 0;
}

static void split_images(parse_ctx *c)
{
    sk_sprite_sheet *s = c->s;
    int line = c->key_line[K_IMAGES];
    size_t dir_len = 0;
    const char *slash = strrchr(c->name, '/');
    if (slash)
        dir_len = (size_t)(slash - c->name) + 1;
    char *save = c->images_text;
    for (char *p = save; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p)
            break;
        char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != ',')
            p++;
        char keep = *p;
        *p = '\0';
        if (s->image_count >= SK_SHEET_MAX_IMAGES) {
            sk_diag_error(c->d, c->name, line, "images: at most %d files", SK_SHEET_MAX_IMAGES);
            *p = keep;
            break;
        }
        if (!ends_with_png(start)) {
            sk_diag_error(c->d, c->name, line, "images: \"%s\" is not a .png file", start);
        } else {
            size_t n = strlen(start);
            size_t need = (start[0] == '/' ? 0 : dir_len) + n + 1;
            char *full = malloc(need);
            if (!full) {
                sk_diag_error(c->d, c->name, line, "out of memory");
            } else {
                if (start[0] == '/') {
                    sk_strlcpy(full, start, need);
                } else {
                    memcpy(full, c->name, dir_len);
                    memcpy(full + dir_len, start, n + 1);
                }
                s->images[s->image_count++] = full;
            }
        }
        *p = keep;
    }
    if (s->image_count == 0 && line > 0)
        sk_diag_error(c->d, c->name, line, "images names no PNG file");
}

static void finish_clip(parse_ctx *c, raw_clip *r, sk_clip *out)
{
    sk_sprite_sheet *s = c->s;
    sk_strlcpy(out->name, r->name, sizeof out->name);
    out->line = r->line;
    out->loop = r->loop;
    out->fps = r->key_line[C_FPS] > 0 ? (int)r->fps : s->fps;
    out->first = out->last = -1;
    bool has_first = r->key_line[C_FIRST] != 0, has_last = r->key_line[C_LAST] != 0;
    if (r->key_line[C_REVERSE_OF] > 0) {
        if (has_first || has_last) {
            sk_diag_error(c->d, c->name, r->key_line[C_REVERSE_OF],
                          "[clip.%s] has both reverse_of and first/last; give one or the other",
                          r->name);
            return;
        }
        raw_clip *t = NULL;
        for (int i = 0; i < c->clip_count; i++)
            if (strcmp(c->clips[i].name, r->reverse_of) == 0)
                t = &c->clips[i];
        if (!t) {
            const char *names[SK_SHEET_MAX_CLIPS + 1];
            for (int i = 0; i < c->clip_count; i++)
                names[i] = c->clips[i].name;
            names[c->clip_count] = NULL;
            const char *guess = sk_did_you_mean(r->reverse_of, names);
            sk_diag_error(c->d, c->name, r->key_line[C_REVERSE_OF],
                          "reverse_of = %s: there is no [clip.%s]%s%s%s", r->reverse_of,
                          r->reverse_of, guess ? "; did you mean " : "", guess ? guess : "",
                          guess ? "?" : "");
            return;
        }
        if (t->key_line[C_REVERSE_OF] != 0) {
            sk_diag_error(c->d, c->name, r->key_line[C_REVERSE_OF],
                          "reverse_of = %s: that clip is itself a reverse_of; name a clip "
                          "with first and last", r->reverse_of);
            return;
        }
        if (t->key_line[C_FIRST] <= 0 || t->key_line[C_LAST] <= 0)
            return;   /* reported at that clip */
        out->first = (int)t->last;
        out->last = (int)t->first;
        if (r->key_line[C_FPS] <= 0 && t->key_line[C_FPS] > 0)
            out->fps = (int)t->fps;
        return;
    }
    if (!has_first || !has_last) {
        sk_diag_error(c->d, c->name, r->line, "[clip.%s] needs first and last (or reverse_of)",
                      r->name);
        return;
    }
    if (r->key_line[C_FIRST] < 0 || r->key_line[C_LAST] < 0)
        return;   /* already reported */
    bool ok = true;
    if (s->frames > 0 && r->first >= s->frames) {
        sk_diag_error(c->d, c->name, r->key_line[C_FIRST],
                      "first = %ld is outside the sheet's %d frames (0..%d)", r->first, s->frames,
                      s->frames - 1);
        ok = false;
    }
    if (s->frames > 0 && r->last >= s->frames) {
        sk_diag_error(c->d, c->name, r->key_line[C_LAST],
                      "last = %ld is outside the sheet's %d frames (0..%d)", r->last, s->frames,
                      s->frames - 1);
        ok = false;
    }
    if (ok && r->first > r->last) {
        sk_diag_error(c->d, c->name, r->key_line[C_LAST],
                      "last = %ld comes before first = %ld (to play frames backwards, make "
                      "another clip with reverse_of)", r->last, r->first);
        ok = false;
    }
    if (ok) {
        out->first = (int)r->first;
        out->last = (int)r->last;
    }
}

/* The [sheet] keys: the required ones there, sizes in range, the anchor
 * inside the frame; then the image list. */
static void finish_sheet(parse_ctx *c)
{
    sk_sprite_sheet *s = c->s;
    static const int required[] = {K_IMAGES, K_FRAME_WIDTH, K_FRAME_HEIGHT, K_COLUMNS, K_FRAMES};
    bool any_sheet = false;
    for (int k = 0; k < K_COUNT; k++)
        any_sheet |= c->key_line[k] != 0;
    if (!any_sheet) {
        sk_diag_error(c->d, c->name, 0, "no [sheet] section (it names the images and the "
                      "frame size)");
    } else {
        for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
            if (c->key_line[required[i]] == 0)
                sk_diag_error(c->d, c->name, 0, "[sheet] needs %s", sheet_keys[required[i]]);
    }
    s->images_line = c->key_line[K_IMAGES];
    s->frame_width = c->key_line[K_FRAME_WIDTH] > 0 ? (int)c->num[K_FRAME_WIDTH] : 0;
    s->frame_height = c->key_line[K_FRAME_HEIGHT] > 0 ? (int)c->num[K_FRAME_HEIGHT] : 0;
    s->columns = c->key_line[K_COLUMNS] > 0 ? (int)c->num[K_COLUMNS] : 0;
    s->frames = c->key_line[K_FRAMES] > 0 ? (int)c->num[K_FRAMES] : 0;
    s->fps = c->key_line[K_FPS] > 0 ? (int)c->num[K_FPS] : 10;
    if (s->columns > 0 && s->frame_width > 0 &&
        (long)s->columns * s->frame_width > (long)SK_PNG_DEFAULT_MAX_SIDE)
        sk_diag_error(c->d, c->name, c->key_line[K_COLUMNS],
                      "%d columns of %d px make rows %ld px wide; the limit is %u px", s->columns,
                      s->frame_width, (long)s->columns * s->frame_width,
                      (unsigned)SK_PNG_DEFAULT_MAX_SIDE);
    /* The anchor defaults to the middle of the bottom edge. */
    s->anchor_x = s->frame_width / 2;
    s->anchor_y = s->frame_height > 0 ? s->frame_height - 1 : 0;
    if (c->key_line[K_ANCHOR_X] > 0) {
        s->anchor_x = (int)c->num[K_ANCHOR_X];
        if (s->frame_width > 0 && s->anchor_x >= s->frame_width)
            sk_diag_error(c->d, c->name, c->key_line[K_ANCHOR_X],
                          "anchor_x must be inside the frame, 0..%d, got %d", s->frame_width - 1,
                          s->anchor_x);
    }
    if (c->key_line[K_ANCHOR_Y] > 0) {
        s->anchor_y = (int)c->num[K_ANCHOR_Y];
        if (s->frame_height > 0 && s->anchor_y >= s->frame_height)
            sk_diag_error(c->d, c->name, c->key_line[K_ANCHOR_Y],
                          "anchor_y must be inside the frame, 0..%d, got %d", s->frame_height - 1,
                          s->anchor_y);
    }
    if (c->images_text)
        split_images(c);
}

/* The clips: known names, the ones a sheet needs. */
static void finish_clips(parse_ctx *c)
{
    sk_sprite_sheet *s = c->s;
    for (int i = 0; i < c->clip_count; i++) {
        raw_clip *r = &c->clips[i];
        if (find_key(known_clips, r->name) < 0) {
            const char *guess = sk_did_you_mean(r->name, known_clips);
            if (guess)
                sk_diag_warn(c->d, c->name, r->line,
                             "[clip.%s] is not a clip the kiosk plays; did you mean [clip.%s]?",
                             r->name, guess);
            else
                sk_diag_warn(c->d, c->name, r->line,
                             "[clip.%s] is not a clip the kiosk plays (it plays setup, hold, "
                             "release and their .other twins)", r->name);
        }
        if (s->other_leg == SK_OTHER_LEG_MIRROR && strstr(r->name, ".other"))
            sk_diag_warn(c->d, c->name, r->line,
                         "[clip.%s] is not used: other_leg = mirror (set other_leg = frames to "
                         "use it)", r->name);
        finish_clip(c, r, &s->clips[s->clip_count++]);
    }
    const char *need[4] = {"setup", "hold", NULL, NULL};
    if (s->other_leg == SK_OTHER_LEG_FRAMES) {
        need[2] = "setup.other";
        need[3] = "hold.other";
    }
    for (int i = 0; i < 4; i++)
        if (need[i] && !sk_sprite_sheet_clip(s, need[i]))
            sk_diag_error(c->d, c->name, 0, "no [clip.%s]: a sheet needs the clips setup and "
                          "hold%s", need[i],
                          s->other_leg == SK_OTHER_LEG_FRAMES ? " (and, with other_leg = frames, "
                          "setup.other and hold.other)" : "");
    if (s->other_leg == SK_OTHER_LEG_FRAMES && sk_sprite_sheet_clip(s, "release") &&
        !sk_sprite_sheet_clip(s, "release.other"))
        sk_diag_error(c->d, c->name, sk_sprite_sheet_clip(s, "release")->line,
                      "there is a [clip.release] but no [clip.release.other] (other_leg = frames)");
}

static void finish(parse_ctx *c)
{
    finish_sheet(c);
    finish_clips(c);
}

static sk_sprite_sheet *parse_common(const char *text, size_t len, const char *path,
                                     sk_diag *d)
{
    sk_sprite_sheet *s = calloc(1, sizeof *s);
    parse_ctx *c = calloc(1, sizeof *c);
    if (!s || !c || !(s->path = sk_strdup(path))) {
        sk_diag_error(d, path, 0, "out of memory");
        free(c);
        sk_sprite_sheet_free(s);
        return NULL;
    }
    c->s = s;
    c->d = d;
    c->name = path;
    c->last_key = -1;
    int errors_before = d->errors;
    bool read;
    if (text)
        read = sk_ini_parse_text(text, len, path, on_key, c, d);
    else
        read = sk_ini_parse_file(path, path, SK_SHEET_MAX_BYTES, on_key, c, d);
    if (read)
        finish(c);
    free(c->images_text);
    free(c);
    if (!read || d->errors > errors_before) {
        sk_sprite_sheet_free(s);
        return NULL;
    }
    return s;
}

sk_sprite_sheet *sk_sprite_sheet_parse(const char *path, sk_diag *d)
{
    return parse_common(NULL, 0, path, d);
}

sk_sprite_sheet *sk_sprite_sheet_parse_text(const char *text, size_t len, const char *path,
                                            sk_diag *d)
{
    return parse_common(text ? text : "", text ? len : 0, path, d);
}

/* ---- images --------------------------------------------------------------- */

int sk_sprite_sheet_image_capacity(const sk_sprite_sheet *s, int i)
{
    if (!s || i < 0 || i >= s->image_count || s->frame_width <= 0 || s->frame_height <= 0 ||
        s->image_width[i] < s->columns * s->frame_width)
        return 0;
    return s->columns * (s->image_height[i] / s->frame_height);
}

bool sk_sprite_sheet_load_pixels(sk_sprite_sheet *s, sk_diag *d)
{
    int errors_before = d->errors;
    sk_png_limits lim = {.max_pixels = SK_SHEET_MAX_PIXELS};
    unsigned long long total_px = 0;
    for (int i = 0; i < s->image_count; i++) {
        char err[SK_PNG_ERR_SIZE];
        if (!sk_png_read_rgba(s->images[i], &lim, &s->pixels[i], err, sizeof err)) {
            sk_diag_error(d, s->path, s->images_line, "%s", err);
            continue;
        }
        int w = s->pixels[i].width, h = s->pixels[i].height;
        s->image_width[i] = w;
        s->image_height[i] = h;
        total_px += (unsigned long long)w * h;
        int need_w = s->columns * s->frame_width;
        if (w < need_w)
            sk_diag_error(d, s->path, s->images_line,
                          "%s: %d px wide, but %d columns of %d px need %d px", s->images[i], w,
                          s->columns, s->frame_width, need_w);
        if (h < s->frame_height)
            sk_diag_error(d, s->path, s->images_line,
                          "%s: %d px tall, less than one frame (%d px)", s->images[i], h,
                          s->frame_height);
        else if (h % s->frame_height != 0 && i < s->image_count - 1)
            sk_diag_warn(d, s->path, s->images_line,
                         "%s: %d px is not a whole number of %d px rows; the last %d px are "
                         "not used", s->images[i], h, s->frame_height, h % s->frame_height);
    }
    if (total_px > SK_SHEET_MAX_PIXELS)
        sk_diag_error(d, s->path, s->images_line,
                      "the images hold %llu pixels together; the limit for one sheet is %llu",
                      total_px, (unsigned long long)SK_SHEET_MAX_PIXELS);
    if (d->errors == errors_before) {
        int next = 0;
        for (int i = 0; i < s->image_count; i++) {
            s->first_frame[i] = next;
            if (next >= s->frames)
                sk_diag_warn(d, s->path, s->images_line,
                             "%s holds none of the %d frames (they end in an earlier image)",
                             s->images[i], s->frames);
            next += sk_sprite_sheet_image_capacity(s, i);
        }
        if (next < s->frames)
            sk_diag_error(d, s->path, s->images_line,
                          "the images hold %d frames of %dx%d in %d columns, but the sheet "
                          "says frames = %d", next, s->frame_width, s->frame_height, s->columns,
                          s->frames);
    }
    if (d->errors > errors_before) {
        sk_sprite_sheet_free_pixels(s);
        return false;
    }
    return true;
}

sk_sprite_sheet *sk_sprite_sheet_load(const char *path, sk_diag *d)
{
    sk_sprite_sheet *s = sk_sprite_sheet_parse(path, d);
    if (s && !sk_sprite_sheet_load_pixels(s, d)) {
        sk_sprite_sheet_free(s);
        return NULL;
    }
    return s;
}

void sk_sprite_sheet_free_pixels(sk_sprite_sheet *s)
{
    if (!s)
        return;
    for (int i = 0; i < SK_SHEET_MAX_IMAGES; i++)
        sk_image_free(&s->pixels[i]);
}

void sk_sprite_sheet_free(sk_sprite_sheet *s)
{
    if (!s)
        return;
    sk_sprite_sheet_free_pixels(s);
    for (int i = 0; i < SK_SHEET_MAX_IMAGES; i++)
        free(s->images[i]);
    free(s->path);
    free(s);
}

const sk_clip *sk_sprite_sheet_clip(const sk_sprite_sheet *s, const char *name)
{
    if (!s || !name)
        return NULL;
    for (int i = 0; i < s->clip_count; i++)
        if (strcmp(s->clips[i].name, name) == 0 && s->clips[i].first >= 0)
            return &s->clips[i];
    return NULL;
}

bool sk_sprite_sheet_locate(const sk_sprite_sheet *s, int frame, int *image, int *x, int *y)
{
    if (!s || frame < 0 || frame >= s->frames || s->columns <= 0)
        return false;
    for (int i = 0; i < s->image_count; i++) {
        int cap = sk_sprite_sheet_image_capacity(s, i);
        if (frame >= s->first_frame[i] && frame < s->first_frame[i] + cap) {
            int k = frame - s->first_frame[i];
            if (image)
                *image = i;
            if (x)
                *x = (k % s->columns) * s->frame_width;
            if (y)
                *y = (k / s->columns) * s->frame_height;
            return true;
        }
    }
    return false;
}
