/* Draws the figure and lays out the sheet. See bake.h. */
#include "bake.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calm clinical palette: a soft teal figure on a warm neutral mat. The
 * painful leg (the near one; the kiosk mirrors the sheet for the other) is
 * a warm coral in all three stretches, so a screen can point at it by
 * colour and a crossed leg reads as two legs, not one shape; the far
 * limbs are a clear step darker than the near arm. */
#define COL_PAIN SK_BAKE_COL_PAINFUL_LEG
#define COL_NEAR 0x9AD7D1
#define COL_BODY 0x6DB5B1
#define COL_FAR SK_BAKE_COL_OTHER_LEG
#define COL_FAR_ARM 0x5FA6A3   /* between the body and the other leg */
#define COL_HEAD 0x93D2CD
#define COL_HAIR 0x5A848B
#define COL_OUTLINE 0x244B57
#define COL_BALL 0xF4CE3E
#define COL_BALL_LINE 0x5E4A12
#define COL_BALL_SHINE 0xFFF6D2
#define COL_MAT_TOP 0xE6D9C4
#define COL_MAT_EDGE 0xC7B497
#define COL_MAT_LINE 0xA8957A
#define COL_SHADOW 0x4A3B2C

#define OUTLINE_PX 1.5
#define MAT_X0 (-0.47)
#define MAT_X1 0.50
#define MAT_Z 0.15   /* a 53 cm mat */
#define MAT_T 0.014

typedef struct { sk_vec3 a, b; double ra, rb; uint32_t col; } part;

typedef struct {
    const sk_pose_file *pf;
    double cy, sy, cp, sp;
} view;

static view view_of(const sk_pose_file *pf)
{
    view v = {pf, cos(pf->yaw), sin(pf->yaw), cos(pf->pitch), sin(pf->pitch)};
    return v;
}

/* Orthographic camera: turned by yaw about the vertical, then tipped down
 * by pitch. A sphere projects to a disc of the same radius, so a 3-D round
 * cone projects exactly to a 2-D one. */
static void project(const view *v, sk_vec3 p, double *sx, double *sy)
{
    double x = p.x - v->pf->origin_x;
    double hx = x * v->cy + p.z * v->sy;
    double depth = -x * v->sy + p.z * v->cy;
    double up = p.y * v->cp - depth * v->sp;
    *sx = v->pf->anchor_x + v->pf->scale * hx;
    *sy = v->pf->anchor_y - v->pf->scale * up;
}

static sk_vec3 P(double x, double y, double z) { sk_vec3 p = {x, y, z}; return p; }
static sk_vec3 add(sk_vec3 a, sk_vec3 b) { return P(a.x + b.x, a.y + b.y, a.z + b.z); }
static sk_vec3 mul(sk_vec3 a, double k) { return P(a.x * k, a.y * k, a.z * k); }
static sk_vec3 mid(sk_vec3 a, sk_vec3 b) { return P((a.x + b.x) / 2, (a.y + b.y) / 2, (a.z + b.z) / 2); }

static int push(part *ps, int n, sk_vec3 a, double ra, sk_vec3 b, double rb, uint32_t col)
{
    part p = {a, b, ra, rb, col};
    ps[n] = p;
    return n + 1;
}

static int leg_parts(const sk_skeleton *s, int side, uint32_t col, part *ps)
{
    int n = 0;
    n = push(ps, n, s->hip[side], 0.050, s->knee[side], 0.034, col);
    n = push(ps, n, s->knee[side], 0.033, s->ankle[side], 0.021, col);
    n = push(ps, n, s->ankle[side], 0.021, s->heel[side], 0.022, col);
    n = push(ps, n, s->heel[side], 0.022, s->toe[side], 0.013, col);
    return n;
}

static int arm_parts(const sk_skeleton *s, int side, uint32_t col, part *ps)
{
    int n = 0;
    n = push(ps, n, s->shoulder[side], 0.034, s->elbow[side], 0.023, col);
    n = push(ps, n, s->elbow[side], 0.022, s->wrist[side], 0.016, col);
    /* a mitten of a hand, a little fuller than the wrist, so it reads as a
     * hand (holding a thigh, a ball) from across a room */
    n = push(ps, n, s->wrist[side], 0.017, s->hand[side], 0.019, col);
    return n;
}

static int body_parts(const sk_skeleton *s, part *ps)
{
    int n = 0;
    sk_vec3 h = s->head;
    sk_vec3 axis = P(h.x - s->neck.x, h.y - s->neck.y, 0);
    double al = hypot(axis.x, axis.y);
    axis = mul(axis, 1.0 / al);
    sk_vec3 f = s->face;
    sk_vec3 shoulders = mid(s->shoulder[0], s->shoulder[1]);
    /* trunk: the hull of a left and a right half (the body is wider than
     * it is deep: hips 0.191 H, shoulders 0.259 H), pelvis to chest to the
     * shoulders */
    for (int side = -1; side <= 1; side += 2) {
        /* the pelvis rolls with the hips (onto the ball), the chest less */
        sk_vec3 pz = P(0, sin(s->roll) * 0.040 * side, cos(s->roll) * 0.040 * side);
        sk_vec3 cz = P(0, sin(s->roll * 0.3) * 0.062 * side, 0.062 * side);
        n = push(ps, n, add(s->pelvis, pz), s->pelvis_r, add(s->chest, cz), s->chest_r, COL_BODY);
        n = push(ps, n, add(s->chest, cz), s->chest_r,
                 add(P(shoulders.x + 0.005, shoulders.y + 0.004, shoulders.z), cz), 0.046, COL_BODY);
    }
    /* neck */
    n = push(ps, n, shoulders, 0.034, s->neck, 0.026, COL_BODY);
    /* head: cranium, and the jaw towards the face and the neck */
    sk_vec3 jaw = add(add(h, mul(f, 0.028)), mul(axis, -0.034));
    n = push(ps, n, add(h, mul(f, -0.004)), 0.060, jaw, 0.036, COL_HAIR);
    /* the face and jaw over the hair leave a crescent of hair at the crown
     * and the back of the head: it shows which way the head lies */
    n = push(ps, n, add(add(h, mul(f, 0.010)), mul(axis, -0.014)), 0.048, jaw, 0.036, COL_HEAD);
    /* nose, so the face reads as turned to the ceiling */
    sk_vec3 nose = add(add(h, mul(f, 0.061)), mul(axis, -0.004));
    n = push(ps, n, add(h, mul(f, 0.040)), 0.012, nose, 0.008, COL_HEAD);
    return n;
}

/* Draws the parts of one group: the outlines of all of them first, then
 * all the fills, so a limb has one clean outline around the union of its
 * pieces and a line only where it passes over another group. */
static void draw_group(const view *v, const part *ps, int n, sk_canvas *c, sk_mask *m)
{
    double k = v->pf->scale;
    sk_mask_clear(m);
    for (int i = 0; i < n; i++) {
        double ax, ay, bx, by;
        project(v, ps[i].a, &ax, &ay);
        project(v, ps[i].b, &bx, &by);
        sk_mask_round_cone(m, ax, ay, ps[i].ra * k + OUTLINE_PX, bx, by, ps[i].rb * k + OUTLINE_PX, 0, 1);
    }
    sk_canvas_fill(c, m, sk_rgb_hex(COL_OUTLINE), 1.0);
    for (int i = 0; i < n; i++) {
        double ax, ay, bx, by;
        project(v, ps[i].a, &ax, &ay);
        project(v, ps[i].b, &bx, &by);
        sk_mask_clear(m);
        sk_mask_round_cone(m, ax, ay, ps[i].ra * k, bx, by, ps[i].rb * k, 0, 1);
        sk_canvas_fill(c, m, sk_rgb_hex(ps[i].col), 1.0);
    }
}

static void quad(const view *v, sk_vec3 a, sk_vec3 b, sk_vec3 c, sk_vec3 d, double *xy)
{
    project(v, a, &xy[0], &xy[1]);
    project(v, b, &xy[2], &xy[3]);
    project(v, c, &xy[4], &xy[5]);
    project(v, d, &xy[6], &xy[7]);
}

static void draw_mat(const view *v, sk_canvas *c, sk_mask *m, sk_mask *top)
{
    double ox = v->pf->origin_x;
    double x0 = ox + MAT_X0, x1 = ox + MAT_X1;
    double xy[8];
    /* the front edge (its thickness), then the top */
    sk_mask_clear(m);
    quad(v, P(x0, 0, MAT_Z), P(x1, 0, MAT_Z), P(x1, -MAT_T, MAT_Z), P(x0, -MAT_T, MAT_Z), xy);
    sk_mask_convex(m, xy, 4);
    quad(v, P(x1, 0, -MAT_Z), P(x1, 0, MAT_Z), P(x1, -MAT_T, MAT_Z), P(x1, -MAT_T, -MAT_Z), xy);
    sk_mask_convex(m, xy, 4);
    sk_canvas_fill(c, m, sk_rgb_hex(COL_MAT_EDGE), 1.0);
    sk_mask_clear(top);
    quad(v, P(x0, 0, -MAT_Z), P(x1, 0, -MAT_Z), P(x1, 0, MAT_Z), P(x0, 0, MAT_Z), xy);
    sk_mask_convex(top, xy, 4);
    sk_canvas_fill(c, top, sk_rgb_hex(COL_MAT_TOP), 1.0);
    /* a thin line along the front edge of the top keeps the mat crisp when
     * scaled up */
    sk_mask_clear(m);
    double ax, ay, bx, by;
    project(v, P(x0, 0, MAT_Z), &ax, &ay);
    project(v, P(x1, 0, MAT_Z), &bx, &by);
    sk_mask_round_cone(m, ax, ay, 0.6, bx, by, 0.6, 0, 1);
    sk_canvas_fill(c, m, sk_rgb_hex(COL_MAT_LINE), 0.8);
}

/* A soft shadow on the mat under every part, darker where the part is
 * close to the mat and fading as it rises. */
static void draw_shadow(const view *v, const part *ps, int n, sk_canvas *c, sk_mask *m, const sk_mask *top)
{
    double k = v->pf->scale;
    sk_mask_clear(m);
    for (int i = 0; i < n; i++) {
        double ha = ps[i].a.y - ps[i].ra, hb = ps[i].b.y - ps[i].rb;
        double h = fmin(ha, hb);
        double strength = exp(-fmax(0.0, h) / 0.06);
        if (strength < 0.02)
            continue;
        double ax, ay, bx, by;
        project(v, P(ps[i].a.x, 0, ps[i].a.z), &ax, &ay);
        project(v, P(ps[i].b.x, 0, ps[i].b.z), &bx, &by);
        double feather = 0.03 * k;
        sk_mask_round_cone(m, ax, ay, ps[i].ra * k * 0.9 + feather * 0.2, bx, by,
                           ps[i].rb * k * 0.9 + feather * 0.2, feather, strength);
    }
    sk_mask_multiply(m, top);
    sk_canvas_fill(c, m, sk_rgb_hex(COL_SHADOW), 0.22);
}

/* The arrow round the ball while the pelvis circles over it: a flat
 * screen-space ellipse about the ball's foot (a true circle on the mat
 * would be a sliver from this low camera), trailing 230 degrees behind an
 * arrowhead that goes round with the pelvis. The half behind the ball is
 * drawn before the body (the buttock hides it), the half in front last. */
#define ARROW_RX 0.105   /* H */
#define ARROW_RY 0.034
#define ARROW_TRAIL 230.0
#define ARROW_PX 1.3     /* half the line's width, before its outline */
#define COL_ARROW 0xFFF4DC

static void draw_circle_arrow(const view *v, const sk_skeleton *s, sk_canvas *c, sk_mask *m, bool front)
{
    if (!s->ball_on || s->circle_arrow < 0.01)
        return;
    const double pi = 3.14159265358979323846;
    double k = v->pf->scale, cx, cy;
    project(v, P(s->ball.x, 0, s->ball.z), &cx, &cy);
    /* where the pelvis is on its circle, as seen: the camera turns the
     * world phase by its yaw (screen y grows downwards, so the near half
     * of the circle is the lower half of the ellipse) */
    double head = s->circle_phase - v->pf->yaw;
    double rx = ARROW_RX * k, ry = ARROW_RY * k;
    int steps = 46;
    for (int pass = 0; pass < 2; pass++) {   /* the outline, then the fill */
        sk_mask_clear(m);
        double grow = pass == 0 ? OUTLINE_PX : 0.0;
        for (int i = 0; i < steps; i++) {
            double a0 = head - ARROW_TRAIL * pi / 180.0 * (1.0 - (double)i / steps);
            double a1 = head - ARROW_TRAIL * pi / 180.0 * (1.0 - (double)(i + 1) / steps);
            double am = (a0 + a1) / 2;
            if ((sin(am) >= 0) != front)
                continue;
            /* the tail thins and fades in towards its start */
            double w = ARROW_PX * (0.45 + 0.55 * (double)(i + 1) / steps);
            sk_mask_round_cone(m, cx + rx * cos(a0), cy + ry * sin(a0), w + grow, cx + rx * cos(a1),
                               cy + ry * sin(a1), w + grow, 0, 1);
        }
        if ((sin(head) >= 0) == front) {
            /* the arrowhead: a triangle along the tangent at the head */
            double hx = cx + rx * cos(head), hy = cy + ry * sin(head);
            double tx = -rx * sin(head), ty = ry * cos(head);
            double tl = hypot(tx, ty);
            tx /= tl;
            ty /= tl;
            double len = 0.034 * k + grow * 1.6, half = 0.018 * k + grow;
            double xy[6] = {hx + tx * len * 0.75, hy + ty * len * 0.75,
                            hx - tx * len * 0.25 - ty * half, hy - ty * len * 0.25 + tx * half,
                            hx - tx * len * 0.25 + ty * half, hy - ty * len * 0.25 - tx * half};
            sk_mask_convex(m, xy, 3);
        }
        sk_canvas_fill(c, m, sk_rgb_hex(pass == 0 ? COL_OUTLINE : COL_ARROW), s->circle_arrow * 0.9);
    }
}

void sk_bake_draw(const sk_pose_file *pf, const sk_skeleton *s, sk_canvas *c)
{
    view v = view_of(pf);
    sk_mask m = {0}, top = {0};
    if (!sk_mask_init(&m, c->w, c->h) || !sk_mask_init(&top, c->w, c->h)) {
        sk_mask_free(&m);
        sk_mask_free(&top);
        return;
    }
    memset(c->px, 0, (size_t)c->w * (size_t)c->h * 4 * sizeof *c->px);

    part groups[SK_GROUP_COUNT][16];
    int counts[SK_GROUP_COUNT] = {0};
    counts[SK_GROUP_FAR_ARM] = arm_parts(s, SK_FAR, COL_FAR_ARM, groups[SK_GROUP_FAR_ARM]);
    counts[SK_GROUP_FAR_LEG] = leg_parts(s, SK_FAR, COL_FAR, groups[SK_GROUP_FAR_LEG]);
    counts[SK_GROUP_BODY] = body_parts(s, groups[SK_GROUP_BODY]);
    counts[SK_GROUP_NEAR_ARM] = arm_parts(s, SK_NEAR, COL_NEAR, groups[SK_GROUP_NEAR_ARM]);
    counts[SK_GROUP_NEAR_LEG] = leg_parts(s, SK_NEAR, COL_PAIN, groups[SK_GROUP_NEAR_LEG]);
    if (s->ball_on)
        counts[SK_GROUP_BALL] = push(groups[SK_GROUP_BALL], 0, s->ball, SK_BALL_DIAMETER / 2, s->ball,
                                     SK_BALL_DIAMETER / 2, COL_BALL);

    draw_mat(&v, c, &m, &top);
    part all[SK_GROUP_COUNT * 16];
    int na = 0;
    for (int g = 0; g < SK_GROUP_COUNT; g++)
        for (int i = 0; i < counts[g]; i++)
            all[na++] = groups[g][i];
    draw_shadow(&v, all, na, c, &m, &top);
    draw_circle_arrow(&v, s, c, &m, false);

    for (int i = 0; i < pf->order_count; i++) {
        int g = pf->order[i];
        if (g == SK_GROUP_BALL && counts[g] > 0) {
            /* the ball has its own darker outline */
            double bx, by, k = pf->scale;
            project(&v, s->ball, &bx, &by);
            double r = SK_BALL_DIAMETER / 2 * k;
            sk_mask_clear(&m);
            sk_mask_round_cone(&m, bx, by, r + OUTLINE_PX, bx, by, r + OUTLINE_PX, 0, 1);
            sk_canvas_fill(c, &m, sk_rgb_hex(COL_BALL_LINE), 1.0);
            sk_mask_clear(&m);
            sk_mask_round_cone(&m, bx, by, r, bx, by, r, 0, 1);
            sk_canvas_fill(c, &m, sk_rgb_hex(COL_BALL), 1.0);
            /* a soft highlight towards the light (up, left) makes it a ball */
            sk_mask_clear(&m);
            sk_mask_round_cone(&m, bx - r * 0.32, by - r * 0.34, r * 0.30, bx - r * 0.32, by - r * 0.34, r * 0.30,
                               r * 0.25, 1);
            sk_canvas_fill(c, &m, sk_rgb_hex(COL_BALL_SHINE), 0.75);
            continue;
        }
        draw_group(&v, groups[g], counts[g], c, &m);
    }
    draw_circle_arrow(&v, s, c, &m, true);
    sk_mask_free(&m);
    sk_mask_free(&top);
}

double sk_bake_frame_time(const sk_pose_file *pf, int clip, int i)
{
    const sk_pose_clip *c = &pf->clips[clip];
    double d = sk_pose_clip_duration(pf, clip);
    if (c->frames <= 1)
        return 0;
    /* a looping clip must not repeat its first frame at the end */
    if (c->loop == SK_PLOOP_YES)
        return d * i / c->frames;
    return d * i / (c->frames - 1);
}

void sk_baked_sheet_free(sk_baked_sheet *b)
{
    free(b->rgba);
    memset(b, 0, sizeof *b);
}

bool sk_bake_sheet(const sk_pose_file *pf, sk_baked_sheet *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    int total = 0;
    for (int k = 0; k < pf->clip_count; k++) {
        out->clip_first[k] = total;
        total += pf->clips[k].frames;
        out->clip_last[k] = total - 1;
    }
    int rows = (total + pf->columns - 1) / pf->columns;
    out->frames = total;
    out->width = pf->columns * pf->frame_w;
    out->height = rows * pf->frame_h;
    if (out->width > 2048 || out->height > 2048) {
        snprintf(err, err_size, "%s: the sheet would be %dx%d, over the 2048 px texture limit",
                 pf->id, out->width, out->height);
        return false;
    }
    out->rgba = calloc((size_t)out->width * (size_t)out->height, 4);
    sk_canvas c = {0};
    if (!out->rgba || !sk_canvas_init(&c, pf->frame_w, pf->frame_h)) {
        sk_baked_sheet_free(out);
        sk_canvas_free(&c);
        snprintf(err, err_size, "%s: out of memory", pf->id);
        return false;
    }
    int f = 0;
    for (int k = 0; k < pf->clip_count; k++) {
        for (int i = 0; i < pf->clips[k].frames; i++, f++) {
            sk_skeleton s;
            sk_pose_solve_clip(pf, k, sk_bake_frame_time(pf, k, i), &s);
            char why[160];
            if (!sk_skeleton_in_range(&s, why, sizeof why)) {
                snprintf(err, err_size, "%s: clip %s frame %d: %s", pf->id, pf->clips[k].name, i, why);
                sk_canvas_free(&c);
                sk_baked_sheet_free(out);
                return false;
            }
            sk_bake_draw(pf, &s, &c);
            int col = f % pf->columns, row = f / pf->columns;
            uint8_t *dst = out->rgba + ((size_t)row * pf->frame_h * out->width + (size_t)col * pf->frame_w) * 4;
            sk_canvas_to_rgba8(&c, dst, (size_t)out->width * 4);
        }
    }
    sk_canvas_free(&c);
    return true;
}

static void cat(char *buf, size_t size, size_t *len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static void cat(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    if (*len >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (k > 0)
        *len += (size_t)k;
}

char *sk_bake_descriptor(const sk_pose_file *pf, const sk_baked_sheet *b, const char *image_name)
{
    size_t size = 8192, len = 0;
    char *t = malloc(size);
    if (!t)
        return NULL;
    t[0] = '\0';
    static const char *const loops[] = {"no", "yes", "pingpong"};
    cat(t, size, &len, "; %s\n", pf->title[0] ? pf->title : pf->id);
    cat(t, size, &len, "; Baked by sprite-baker from assets/poses/%s.pose; do not edit by hand:\n"
                       "; change the pose file and run `cmake --build <dir> --target bake-sprites`.\n",
        pf->id);
    cat(t, size, &len, "[sheet]\nimages = %s\nframe_width = %d\nframe_height = %d\ncolumns = %d\n"
                       "frames = %d\nfps = %d\nanchor_x = %d\nanchor_y = %d\nother_leg = %s\n",
        image_name, pf->frame_w, pf->frame_h, pf->columns, b->frames, pf->fps, pf->anchor_x,
        pf->anchor_y, pf->other_leg);
    bool has_release = false;
    for (int k = 0; k < pf->clip_count; k++) {
        const sk_pose_clip *c = &pf->clips[k];
        if (strcmp(c->name, "release") == 0)
            has_release = true;
        cat(t, size, &len, "\n[clip.%s]\nfirst = %d\nlast = %d\nloop = %s\n", c->name, b->clip_first[k],
            b->clip_last[k], loops[c->loop]);
        int fps = sk_pose_clip_fps(pf, k);
        if (fps != pf->fps)
            cat(t, size, &len, "fps = %d\n", fps);
    }
    if (!has_release)
        cat(t, size, &len, "\n; getting out of the stretch is getting into it, backwards\n"
                           "[clip.release]\nreverse_of = setup\n");
    if (len >= size) {
        free(t);
        return NULL;
    }
    return t;
}
