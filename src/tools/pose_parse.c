/* Reading pose files (assets/poses/<id>.pose) into keys and clips for the
 * sprite baker; the format is in assets/poses/README.md. Every error names
 * the file and the line. See pose.h. */
#include "pose.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEG (3.14159265358979323846 / 180.0)

static bool fail(char *err, size_t n, const char *name, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static bool fail(char *err, size_t n, const char *name, int line, const char *fmt, ...)
{
    if (!err || n == 0)
        return false;
    int k = line > 0 ? snprintf(err, n, "%s:%d: ", name, line) : snprintf(err, n, "%s: ", name);
    if (k < 0 || (size_t)k >= n)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, n - (size_t)k, fmt, ap);
    va_end(ap);
    return false;
}

/* ------------------------------------------------------------- words */

#define MAX_TOK 12
typedef struct { char *t[MAX_TOK]; int n; } toks;

static int split(char *line, toks *tk)
{
    tk->n = 0;
    char *p = line;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p || *p == '#')
            break;
        if (tk->n == MAX_TOK)
            return -1;
        tk->t[tk->n++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
    }
    return tk->n;
}

static bool num(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static bool nums(const toks *tk, int from, int count, double *out)
{
    if (tk->n != from + count)
        return false;
    for (int i = 0; i < count; i++)
        if (!num(tk->t[from + i], &out[i]))
            return false;
    return true;
}

static bool whole(const char *s, int lo, int hi, int *out)
{
    double v;
    if (!num(s, &v) || v != floor(v) || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* ------------------------------------------------------------- the parser */

/* Where the reading is: the file so far, the key being filled (NULL before
 * the first key of a clip) and what the next key starts from. */
typedef struct {
    sk_pose_file *pf;
    sk_pose_key cur;
    sk_pose_key *key;
    sk_pose_clip *clip;
    const char *name;
    int line;
    char *err;
    size_t err_size;
} parser;

#define FAIL(ps, ...) fail((ps)->err, (ps)->err_size, (ps)->name, (ps)->line, __VA_ARGS__)

static const char *const group_names[SK_GROUP_COUNT] = {
    "far_arm", "far_leg", "body", "ball", "near_arm", "near_leg"};

static void default_key(sk_pose_key *k)
{
    memset(k, 0, sizeof *k);
    k->ease = SK_EASE_INOUT;
    for (int s = 0; s < 2; s++) {
        k->leg[s].mode = SK_LIMB_PLANT;
        k->leg[s].v[0] = 0.36;
        k->arm[s].mode = SK_LIMB_ANGLES;
        k->arm[s].v[0] = 6;
        k->arm[s].v[1] = 10;
        k->arm[s].v[3] = 10;
    }
}

static void default_file(sk_pose_file *pf)
{
    memset(pf, 0, sizeof *pf);
    pf->frame_w = 320;
    pf->frame_h = 176;
    pf->columns = 6;
    pf->fps = 10;
    pf->scale = 300;
    pf->anchor_x = 160;
    pf->anchor_y = 150;
    snprintf(pf->other_leg, sizeof pf->other_leg, "mirror");
    static const int default_order[] = {SK_GROUP_FAR_ARM, SK_GROUP_FAR_LEG, SK_GROUP_BALL,
                                        SK_GROUP_BODY, SK_GROUP_NEAR_ARM, SK_GROUP_NEAR_LEG};
    pf->order_count = 6;
    memcpy(pf->order, default_order, sizeof default_order);
}

/* "order g1 g2 ...": the draw groups, back to front. */
static bool order_line(parser *ps, const toks *tk)
{
    sk_pose_file *pf = ps->pf;
    if (tk->n - 1 > SK_POSE_MAX_ORDER)
        return FAIL(ps, "too many groups in order");
    pf->order_count = 0;
    for (int i = 1; i < tk->n; i++) {
        int g = -1;
        for (int j = 0; j < SK_GROUP_COUNT; j++)
            if (strcmp(tk->t[i], group_names[j]) == 0)
                g = j;
        if (g < 0)
            return FAIL(ps, "unknown group \"%s\" in order", tk->t[i]);
        pf->order[pf->order_count++] = g;
    }
    return true;
}

typedef enum { LINE_OK, LINE_BAD, LINE_NOT_MINE } line_result;

/* The sheet's own settings, before or between clips. */
static line_result sheet_line(parser *ps, const toks *tk)
{
    sk_pose_file *pf = ps->pf;
    const char *w = tk->t[0];
    double v[2];
    const char *bad = NULL;
    if (strcmp(w, "sheet") == 0 && tk->n == 2) {
        snprintf(pf->id, sizeof pf->id, "%s", tk->t[1]);
    } else if (strcmp(w, "title") == 0 && tk->n >= 2) {
        /* the words after "title", single-spaced */
        pf->title[0] = '\0';
        for (int i = 1; i < tk->n; i++) {
            size_t have = strlen(pf->title);
            snprintf(pf->title + have, sizeof pf->title - have, "%s%s", i > 1 ? " " : "", tk->t[i]);
        }
    } else if (strcmp(w, "frame") == 0) {
        if (tk->n != 3 || !whole(tk->t[1], 16, 2048, &pf->frame_w) || !whole(tk->t[2], 16, 2048, &pf->frame_h))
            bad = "frame needs width and height, 16..2048 px";
    } else if (strcmp(w, "columns") == 0) {
        if (tk->n != 2 || !whole(tk->t[1], 1, 64, &pf->columns))
            bad = "columns must be 1..64";
    } else if (strcmp(w, "fps") == 0) {
        if (tk->n != 2 || !whole(tk->t[1], 1, 60, &pf->fps))
            bad = "fps must be 1..60";
    } else if (strcmp(w, "scale") == 0) {
        if (!nums(tk, 1, 1, v) || v[0] < 10 || v[0] > 4000)
            bad = "scale must be 10..4000 px per body height";
        else
            pf->scale = v[0];
    } else if (strcmp(w, "camera") == 0) {
        if (!nums(tk, 1, 2, v) || fabs(v[0]) > 80 || fabs(v[1]) > 80)
            bad = "camera needs yaw and pitch, -80..80 degrees";
        else {
            pf->yaw = v[0] * DEG;
            pf->pitch = v[1] * DEG;
        }
    } else if (strcmp(w, "origin") == 0) {
        if (!nums(tk, 1, 1, v))
            bad = "origin needs one number";
        else
            pf->origin_x = v[0];
    } else if (strcmp(w, "anchor") == 0) {
        if (tk->n != 3 || !whole(tk->t[1], 0, pf->frame_w, &pf->anchor_x)
            || !whole(tk->t[2], 0, pf->frame_h, &pf->anchor_y))
            bad = "anchor must lie inside the frame";
    } else if (strcmp(w, "other_leg") == 0 && tk->n == 2) {
        snprintf(pf->other_leg, sizeof pf->other_leg, "%s", tk->t[1]);
    } else if (strcmp(w, "order") == 0) {
        return order_line(ps, tk) ? LINE_OK : LINE_BAD;
    } else {
        return LINE_NOT_MINE;
    }
    if (bad) {
        FAIL(ps, "%s", bad);
        return LINE_BAD;
    }
    return LINE_OK;
}

/* "clip NAME FRAMES no|yes|pingpong [FPS]" */
static bool clip_line(parser *ps, const toks *tk)
{
    sk_pose_file *pf = ps->pf;
    if (pf->clip_count == SK_POSE_MAX_CLIPS)
        return FAIL(ps, "too many clips (at most %d)", SK_POSE_MAX_CLIPS);
    if (ps->clip && ps->clip->key_count < 2)
        return FAIL(ps, "clip \"%s\" needs at least two keys", ps->clip->name);
    sk_pose_clip *clip = &pf->clips[pf->clip_count];
    ps->clip = clip;
    memset(clip, 0, sizeof *clip);
    if (tk->n < 4 || tk->n > 5 || !whole(tk->t[2], 1, 256, &clip->frames))
        return FAIL(ps, "clip needs: name frames loop [fps]");
    snprintf(clip->name, sizeof clip->name, "%s", tk->t[1]);
    if (strcmp(tk->t[3], "no") == 0) clip->loop = SK_PLOOP_NO;
    else if (strcmp(tk->t[3], "yes") == 0) clip->loop = SK_PLOOP_YES;
    else if (strcmp(tk->t[3], "pingpong") == 0) clip->loop = SK_PLOOP_PINGPONG;
    else return FAIL(ps, "loop must be no, yes or pingpong, got \"%s\"", tk->t[3]);
    if (tk->n == 5 && !whole(tk->t[4], 1, 60, &clip->fps))
        return FAIL(ps, "clip fps must be 1..60");
    clip->first_key = pf->key_count;
    pf->clip_count++;
    if (ps->key)
        ps->cur = *ps->key;   /* the next clip starts from where this one ended */
    ps->key = NULL;
    return true;
}

/* "key NAME DURATION EASE": a new key, starting from the one before it. */
static bool key_line(parser *ps, const toks *tk)
{
    sk_pose_file *pf = ps->pf;
    double dur;
    if (!ps->clip)
        return FAIL(ps, "a key must follow a clip line");
    if (pf->key_count == SK_POSE_MAX_KEYS)
        return FAIL(ps, "too many keys (at most %d)", SK_POSE_MAX_KEYS);
    if (tk->n != 4 || !num(tk->t[2], &dur) || dur < 0 || dur > 60)
        return FAIL(ps, "key needs: name duration(0..60 s) ease");
    if (ps->key)
        ps->cur = *ps->key;
    sk_pose_key *key = &pf->keys[pf->key_count++];
    ps->key = key;
    *key = ps->cur;
    snprintf(key->name, sizeof key->name, "%s", tk->t[1]);
    key->duration = dur;
    key->line = ps->line;
    if (strcmp(tk->t[3], "linear") == 0) key->ease = SK_EASE_LINEAR;
    else if (strcmp(tk->t[3], "in") == 0) key->ease = SK_EASE_IN;
    else if (strcmp(tk->t[3], "out") == 0) key->ease = SK_EASE_OUT;
    else if (strcmp(tk->t[3], "inout") == 0) key->ease = SK_EASE_INOUT;
    else return FAIL(ps, "ease must be linear, in, out or inout, got \"%s\"", tk->t[3]);
    if (ps->clip->key_count > 0 && key->duration <= 0)
        return FAIL(ps, "only a clip's first key may have duration 0");
    ps->clip->key_count++;
    return true;
}

/* A limb line: "near_leg angles F A R K P", "near_leg plant X [Z]",
 * "near_arm angles F A R E [W]", "near_arm reach X Y Z",
 * "near_arm grab near_thigh|far_thigh T OFFSET", "near_arm ball". */
static bool parse_limb(const toks *tk, bool arm, sk_limb_key *l, const char **why)
{
    sk_limb_key n;
    memset(&n, 0, sizeof n);
    const char *mode = tk->n > 1 ? tk->t[1] : "";
    if (strcmp(mode, "angles") == 0) {
        n.mode = SK_LIMB_ANGLES;
        if (!nums(tk, 2, 5, n.v) && !nums(tk, 2, 4, n.v)) {
            *why = "angles needs 4 or 5 numbers: flex abduction rotation bend [end]";
            return false;
        }
    } else if (!arm && strcmp(mode, "plant") == 0) {
        n.mode = SK_LIMB_PLANT;
        if (!nums(tk, 2, 1, n.v) && !nums(tk, 2, 2, n.v)) {
            *why = "plant needs the heel's x and optionally its sideways offset";
            return false;
        }
    } else if (!arm && strcmp(mode, "cross") == 0) {
        n.mode = SK_LIMB_CROSS;
        if (!nums(tk, 2, 3, n.v) || n.v[0] < 0 || n.v[0] > 1) {
            *why = "cross needs: fraction along the other thigh (0..1), knee direction, plantarflexion";
            return false;
        }
    } else if (arm && strcmp(mode, "reach") == 0) {
        n.mode = SK_LIMB_REACH;
        if (!nums(tk, 2, 3, n.v)) {
            *why = "reach needs x y z";
            return false;
        }
    } else if (arm && strcmp(mode, "grab") == 0) {
        n.mode = SK_LIMB_GRAB;
        if (tk->n != 5 || (strcmp(tk->t[2], "near_thigh") != 0 && strcmp(tk->t[2], "far_thigh") != 0)
            || !num(tk->t[3], &n.v[0]) || !num(tk->t[4], &n.v[1])) {
            *why = "grab needs near_thigh|far_thigh, a fraction along it and an offset";
            return false;
        }
        n.part = strcmp(tk->t[2], "near_thigh") == 0 ? SK_NEAR : SK_FAR;
    } else if (arm && strcmp(mode, "ball") == 0 && tk->n == 2) {
        n.mode = SK_LIMB_BALL;
    } else {
        *why = arm ? "an arm is 'angles', 'reach', 'grab' or 'ball'"
                   : "a leg is 'angles', 'plant' or 'cross'";
        return false;
    }
    *l = n;
    return true;
}

/* A setting of the key being filled: pelvis, limbs, ball and the rest. */
static bool key_setting(parser *ps, const toks *tk)
{
    const char *w = tk->t[0];
    sk_pose_key *key = ps->key;
    double v[3];
    const char *why = NULL;
    if (!key)   /* a key property before any key: it belongs nowhere */
        return FAIL(ps, "unknown setting \"%s\"", w);
    if (strcmp(w, "pelvis") == 0) {
        if (!nums(tk, 1, 2, v) || v[1] < 0 || v[1] > 0.3)
            return FAIL(ps, "pelvis needs x and lift (lift 0..0.3)");
        key->hip_x = v[0];
        key->lift = v[1];
    } else if (strcmp(w, "hip_z") == 0 && nums(tk, 1, 1, v)) {
        key->hip_z = v[0];
    } else if (strcmp(w, "roll") == 0 && nums(tk, 1, 1, v) && fabs(v[0]) <= 30) {
        key->roll = v[0];
    } else if (strcmp(w, "neck") == 0 && nums(tk, 1, 1, v) && v[0] >= -10 && v[0] <= 60) {
        key->neck = v[0];
    } else if (strcmp(w, "circle") == 0 && nums(tk, 1, 3, v) && v[0] >= 0 && v[0] <= 0.1) {
        key->circle_r = v[0];
        key->circle_phase = v[1];
        key->circle_roll = v[2];
    } else if (strcmp(w, "circle_arrow") == 0 && nums(tk, 1, 1, v) && v[0] >= 0 && v[0] <= 1) {
        key->circle_arrow = v[0];
    } else if (strcmp(w, "breath") == 0 && nums(tk, 1, 1, v) && v[0] >= 0 && v[0] <= 1) {
        key->breath = v[0];
    } else if (strcmp(w, "ball") == 0) {
        if (tk->n == 2 && strcmp(tk->t[1], "off") == 0) {
            key->ball_on = false;
        } else if (nums(tk, 1, 3, v)) {
            key->ball_on = true;
            key->ball = (sk_vec3){v[0], v[1], v[2]};
        } else {
            return FAIL(ps, "ball needs x y z or \"off\"");
        }
    } else if (strcmp(w, "near_leg") == 0 || strcmp(w, "far_leg") == 0) {
        if (!parse_limb(tk, false, &key->leg[w[0] == 'n' ? SK_NEAR : SK_FAR], &why))
            return FAIL(ps, "%s: %s", w, why);
    } else if (strcmp(w, "near_arm") == 0 || strcmp(w, "far_arm") == 0) {
        if (!parse_limb(tk, true, &key->arm[w[0] == 'n' ? SK_NEAR : SK_FAR], &why))
            return FAIL(ps, "%s: %s", w, why);
    } else {
        return FAIL(ps, "unknown or malformed setting \"%s\"", w);
    }
    return true;
}

static bool one_line(parser *ps, const toks *tk)
{
    const char *w = tk->t[0];
    if (strcmp(w, "clip") == 0)
        return clip_line(ps, tk);
    if (strcmp(w, "key") == 0)
        return key_line(ps, tk);
    line_result r = sheet_line(ps, tk);
    if (r != LINE_NOT_MINE)
        return r == LINE_OK;
    return key_setting(ps, tk);
}

/* After the last line: a whole file, and every keyframe a human pose. */
static bool whole_file(parser *ps)
{
    sk_pose_file *pf = ps->pf;
    ps->line = 0;
    if (!pf->id[0])
        return FAIL(ps, "no \"sheet <id>\" line");
    if (pf->clip_count == 0)
        return FAIL(ps, "no clips");
    if (ps->clip && ps->clip->key_count < 2)
        return FAIL(ps, "clip \"%s\" needs at least two keys", ps->clip->name);
    for (int i = 0; i < pf->key_count; i++) {
        sk_skeleton s;
        char why[160];
        sk_pose_solve_key(&pf->keys[i], &s);
        ps->line = pf->keys[i].line;
        if (!sk_skeleton_in_range(&s, why, sizeof why))
            return FAIL(ps, "key \"%s\": %s", pf->keys[i].name, why);
    }
    return true;
}

bool sk_pose_parse(const char *text, const char *name, sk_pose_file *pf, char *err, size_t err_size)
{
    default_file(pf);
    parser ps = {.pf = pf, .name = name, .err = err, .err_size = err_size};
    default_key(&ps.cur);
    const char *p = text;
    while (*p) {
        char line[256];
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        ps.line++;
        if (len >= sizeof line)
            return FAIL(&ps, "line longer than %zu characters", sizeof line - 1);
        memcpy(line, p, len);
        line[len] = '\0';
        p = eol ? eol + 1 : p + len;
        toks tk;
        if (split(line, &tk) < 0)
            return FAIL(&ps, "too many words on one line");
        if (tk.n > 0 && !one_line(&ps, &tk))
            return false;
    }
    return whole_file(&ps);
}

bool sk_pose_load(const char *path, sk_pose_file *out, char *err, size_t err_size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(err, err_size, path, 0, "cannot open: %s", strerror(errno));
    char *buf = malloc(65536);
    if (!buf) {
        fclose(f);
        return fail(err, err_size, path, 0, "out of memory");
    }
    size_t n = fread(buf, 1, 65535, f);
    bool too_big = n == 65535 && fgetc(f) != EOF;
    bool read_err = ferror(f);
    fclose(f);
    if (too_big || read_err) {
        free(buf);
        return fail(err, err_size, path, 0, too_big ? "larger than 64 KB" : "read error");
    }
    buf[n] = '\0';
    if (strlen(buf) != n) {
        free(buf);
        return fail(err, err_size, path, 0, "contains a NUL byte: not a text file");
    }
    bool ok = sk_pose_parse(buf, path, out, err, err_size);
    free(buf);
    return ok;
}
