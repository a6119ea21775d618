/* The skeleton solver of the sprite baker: keys to joint positions, and
 * easing between keys. Reading pose files is pose_parse.c. See pose.h. */
#include "pose.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEG (3.14159265358979323846 / 180.0)

/* Rest heights above the mat, in H: the pelvis and the chest lie on the mat,
 * so their centres sit one radius up; the hip and shoulder joints sit near
 * the middle of the body's depth. */
#define PELVIS_R 0.058
#define CHEST_R 0.064
#define HIP_REST_Y PELVIS_R
#define SHOULDER_REST_Y 0.052
#define HEAD_R 0.060

/* ---------------------------------------------------------------- maths */

typedef struct { double m[3][3]; } mat3;

static sk_vec3 v3(double x, double y, double z) { sk_vec3 v = {x, y, z}; return v; }
static sk_vec3 vadd(sk_vec3 a, sk_vec3 b) { return v3(a.x + b.x, a.y + b.y, a.z + b.z); }
static sk_vec3 vsub(sk_vec3 a, sk_vec3 b) { return v3(a.x - b.x, a.y - b.y, a.z - b.z); }
static sk_vec3 vmul(sk_vec3 a, double k) { return v3(a.x * k, a.y * k, a.z * k); }
static double vdot(sk_vec3 a, sk_vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static double vlen(sk_vec3 a) { return sqrt(vdot(a, a)); }
static sk_vec3 vnorm(sk_vec3 a)
{
    double l = vlen(a);
    return l > 1e-12 ? vmul(a, 1.0 / l) : v3(1, 0, 0);
}
static sk_vec3 vlerp(sk_vec3 a, sk_vec3 b, double t) { return vadd(a, vmul(vsub(b, a), t)); }
static sk_vec3 vflipz(sk_vec3 a) { return v3(a.x, a.y, -a.z); }
static double lerp(double a, double b, double t) { return a + (b - a) * t; }
static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

static mat3 m_rx(double a)
{
    mat3 r = {{{1, 0, 0}, {0, cos(a), -sin(a)}, {0, sin(a), cos(a)}}};
    return r;
}
static mat3 m_ry(double a)
{
    mat3 r = {{{cos(a), 0, sin(a)}, {0, 1, 0}, {-sin(a), 0, cos(a)}}};
    return r;
}
static mat3 m_rz(double a)
{
    mat3 r = {{{cos(a), -sin(a), 0}, {sin(a), cos(a), 0}, {0, 0, 1}}};
    return r;
}
static mat3 m_mul(mat3 a, mat3 b)
{
    mat3 r;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            r.m[i][j] = a.m[i][0] * b.m[0][j] + a.m[i][1] * b.m[1][j] + a.m[i][2] * b.m[2][j];
    return r;
}
static sk_vec3 m_vec(mat3 a, sk_vec3 v)
{
    return v3(a.m[0][0] * v.x + a.m[0][1] * v.y + a.m[0][2] * v.z,
              a.m[1][0] * v.x + a.m[1][1] * v.y + a.m[1][2] * v.z,
              a.m[2][0] * v.x + a.m[2][1] * v.y + a.m[2][2] * v.z);
}
static sk_vec3 m_tvec(mat3 a, sk_vec3 v) /* transpose(a) * v: the inverse rotation */
{
    return v3(a.m[0][0] * v.x + a.m[1][0] * v.y + a.m[2][0] * v.z,
              a.m[0][1] * v.x + a.m[1][1] * v.y + a.m[2][1] * v.z,
              a.m[0][2] * v.x + a.m[1][2] * v.y + a.m[2][2] * v.z);
}

double sk_ease_apply(sk_ease e, double t)
{
    t = clampd(t, 0.0, 1.0);
    switch (e) {
    case SK_EASE_IN: return t * t;
    case SK_EASE_OUT: return 1.0 - (1.0 - t) * (1.0 - t);
    case SK_EASE_INOUT: return 0.5 - 0.5 * cos(t * 3.14159265358979323846);
    case SK_EASE_LINEAR: break;
    }
    return t;
}

/* ---------------------------------------------------------------- solving */

/* The body frame of a key: where the pelvis and shoulders are, and the
 * angle (about z) of the shoulder-to-hip line that limbs are measured from. */
typedef struct {
    sk_vec3 pelvis, shoulders;
    double tilt;
    double roll;
} body_frame;

static body_frame body_of(const sk_pose_key *k)
{
    body_frame b;
    /* circling over the ball: the pelvis goes round, rolling further onto
     * the ball on the near half of the circle */
    double ph = k->circle_phase * DEG;
    b.roll = (k->roll + k->circle_roll * sin(ph)) * DEG;
    b.pelvis = v3(k->hip_x + k->circle_r * cos(ph), HIP_REST_Y + k->lift, k->hip_z + k->circle_r * sin(ph));
    /* The shoulders stay on the mat: lifting the pelvis tilts the trunk. */
    double dy = b.pelvis.y - SHOULDER_REST_Y;
    double dx = sqrt(SK_SEG_TRUNK * SK_SEG_TRUNK - dy * dy);
    b.shoulders = v3(b.pelvis.x - dx, SHOULDER_REST_Y, k->hip_z * 0.3);
    b.tilt = atan2(b.pelvis.y - b.shoulders.y, b.pelvis.x - b.shoulders.x);
    return b;
}

static sk_vec3 hip_joint(const body_frame *b, int side)
{
    double s = side == SK_NEAR ? 1.0 : -1.0;
    return vadd(b->pelvis, v3(0, s * sin(b->roll) * SK_HIP_HALF, s * cos(b->roll) * SK_HIP_HALF));
}

static sk_vec3 shoulder_joint(const body_frame *b, int side)
{
    double s = side == SK_NEAR ? 1.0 : -1.0;
    double r = b->roll * 0.3;
    return vadd(b->shoulders, v3(0, s * sin(r) * SK_SHOULDER_HALF, s * cos(r) * SK_SHOULDER_HALF));
}

/* A two-segment limb posed by angles, in the near side's convention
 * (lateral = +z), then mirrored for the far side. bend_sign is -1 for a
 * knee (the shank folds towards the floor side of the thigh) and +1 for an
 * elbow. Returns the directions of the two segments and of the end piece. */
typedef struct { sk_vec3 d1, d2, d3, d4; } limb_dirs; /* d4: a foot's sole normal */

static limb_dirs limb_from_angles(double tilt, int side, double flex, double abd, double rot,
                                  double bend, double end, double bend_sign)
{
    mat3 r = m_mul(m_mul(m_rz(tilt + flex * DEG), m_ry(-abd * DEG)), m_rx(rot * DEG));
    mat3 r2 = m_mul(r, m_rz(bend_sign * bend * DEG));
    limb_dirs d;
    d.d1 = m_vec(r, v3(1, 0, 0));
    d.d2 = m_vec(r2, v3(1, 0, 0));
    /* the end piece: a foot at 90 degrees minus plantarflexion from the
     * shank (towards +y for a straight leg), a hand in line with the
     * forearm plus wrist flexion */
    double e = bend_sign < 0 ? (90.0 - end) : end;
    d.d3 = m_vec(m_mul(r2, m_rz(e * DEG)), v3(1, 0, 0));
    d.d4 = m_vec(m_mul(r2, m_rz(e * DEG)), v3(0, -1, 0));
    if (side == SK_FAR) {
        d.d1 = vflipz(d.d1);
        d.d2 = vflipz(d.d2);
        d.d3 = vflipz(d.d3);
        d.d4 = vflipz(d.d4);
    }
    return d;
}

/* Inverse of limb_from_angles: angles[5] = flex abd rot bend end. */
static void limb_to_angles(double tilt, int side, limb_dirs d, double bend_sign, double *a)
{
    if (side == SK_FAR) {
        d.d1 = vflipz(d.d1);
        d.d2 = vflipz(d.d2);
        d.d3 = vflipz(d.d3);
    }
    mat3 rt = m_rz(-tilt);
    sk_vec3 t = m_vec(rt, d.d1);
    double abd = asin(clampd(t.z, -1, 1));
    double flex = atan2(t.y, t.x);
    mat3 r0 = m_mul(m_rz(flex), m_ry(-abd));
    sk_vec3 s = m_tvec(r0, m_vec(rt, d.d2));
    double bend = acos(clampd(s.x, -1, 1));
    double rot = 0;
    if (sin(bend) > 1e-6)
        rot = bend_sign < 0 ? atan2(-s.z, -s.y) : atan2(s.z, s.y);
    mat3 r2 = m_mul(m_mul(r0, m_rx(rot)), m_rz(bend_sign * bend));
    sk_vec3 f = m_tvec(r2, m_vec(rt, d.d3));
    double e = atan2(f.y, f.x) / DEG;
    a[0] = flex / DEG;
    a[1] = abd / DEG;
    a[2] = rot / DEG;
    a[3] = bend / DEG;
    a[4] = bend_sign < 0 ? 90.0 - e : e;
}

/* Two-bone IK: the middle joint of a limb from root to end, bending
 * towards 'pole'. */
static sk_vec3 ik_mid(sk_vec3 root, sk_vec3 end, double l1, double l2, sk_vec3 pole)
{
    sk_vec3 d = vsub(end, root);
    double len = vlen(d);
    double maxlen = (l1 + l2) * 0.9999;
    if (len > maxlen)
        len = maxlen;
    if (len < fabs(l1 - l2) + 1e-6)
        len = fabs(l1 - l2) + 1e-6;
    sk_vec3 u = vnorm(d);
    double a = (l1 * l1 - l2 * l2 + len * len) / (2 * len);
    double h = sqrt(fmax(0.0, l1 * l1 - a * a));
    sk_vec3 n = vsub(pole, vmul(u, vdot(pole, u)));
    n = vnorm(n);
    return vadd(vadd(root, vmul(u, a)), vmul(n, h));
}

/* Leg geometry once the directions are known. */
static void place_leg(sk_skeleton *s, int side, sk_vec3 hip, limb_dirs d)
{
    s->hip[side] = hip;
    s->knee[side] = vadd(hip, vmul(d.d1, SK_SEG_THIGH));
    s->ankle[side] = vadd(s->knee[side], vmul(d.d2, SK_SEG_SHANK));
    /* heel and toe ball centres in the foot's frame (d3 along the foot, d4
     * out of the sole); with the foot flat these give heel radius 0.022
     * and toe radius 0.013 exactly on the mat */
    s->heel[side] = vadd(vadd(s->ankle[side], vmul(d.d4, 0.017)), vmul(d.d3, -0.013));
    s->toe[side] = vadd(vadd(s->ankle[side], vmul(d.d4, 0.026)), vmul(d.d3, 0.100));
    s->foot_f[side] = d.d3;
    s->foot_n[side] = d.d4;
}

static limb_dirs leg_dirs_plant(sk_vec3 hip, const sk_limb_key *l, int side, sk_vec3 *ankle)
{
    double s = side == SK_NEAR ? 1.0 : -1.0;
    *ankle = v3(l->v[0] + 0.035, SK_ANKLE_HEIGHT, hip.z + s * l->v[1]);
    /* knees point up and a little outwards */
    sk_vec3 knee = ik_mid(hip, *ankle, SK_SEG_THIGH, SK_SEG_SHANK, v3(0, 1, 0));
    limb_dirs d;
    d.d1 = vnorm(vsub(knee, hip));
    d.d2 = vnorm(vsub(*ankle, knee));
    d.d3 = v3(1, 0, 0);
    d.d4 = v3(0, -1, 0);
    return d;
}

/* The ankle laid across the other thigh, just above its knee, the knee
 * falling out to the side by 'v[1]' degrees from straight up. */
static limb_dirs leg_dirs_cross(const sk_skeleton *s, const body_frame *b, sk_vec3 hip,
                                const sk_limb_key *l, int side)
{
    int other = 1 - side;
    double sd = side == SK_NEAR ? 1.0 : -1.0;
    sk_vec3 h = s->hip[other], k = s->knee[other];
    sk_vec3 d = vnorm(vsub(k, h));
    /* the front of the thigh (the side away from the hamstrings): it faces
     * up for a raised thigh and towards the chest as the knee comes in,
     * turning smoothly, never flipping */
    sk_vec3 over = vnorm(v3(-d.y, d.x, 0));
    double r = lerp(0.050, 0.034, l->v[0]) + 0.021;
    sk_vec3 ankle = vadd(vlerp(h, k, l->v[0]), vmul(over, r));
    double a = l->v[1] * DEG;
    sk_vec3 knee = ik_mid(hip, ankle, SK_SEG_THIGH, SK_SEG_SHANK, v3(0, cos(a), sd * sin(a)));
    limb_dirs dd;
    dd.d1 = vnorm(vsub(knee, hip));
    dd.d2 = vnorm(vsub(ankle, knee));
    dd.d3 = dd.d1;
    dd.d4 = dd.d1;
    /* the foot: the file's plantarflexion in the leg's own plane */
    double ang[5];
    limb_to_angles(b->tilt, side, dd, -1, ang);
    return limb_from_angles(b->tilt, side, ang[0], ang[1], ang[2], ang[3], l->v[2], -1);
}

static sk_vec3 thigh_point(const sk_skeleton *s, int part, double t, double off, int arm_side)
{
    sk_vec3 h = s->hip[part], k = s->knee[part];
    sk_vec3 d = vnorm(vsub(k, h));
    /* the underside (hamstrings) of a raised thigh faces the floor and the feet */
    sk_vec3 under = vnorm(v3(d.y, -d.x, 0));
    sk_vec3 p = vadd(vlerp(h, k, t), vmul(under, off));
    p.z += (arm_side == SK_NEAR ? 1.0 : -1.0) * 0.035;
    return p;
}

/* 'pole' is where the elbow points, in the near side's convention. */
static limb_dirs arm_dirs_target(int side, sk_vec3 shoulder, sk_vec3 wrist, sk_vec3 hand_dir, sk_vec3 pole)
{
    double sd = side == SK_NEAR ? 1.0 : -1.0;
    sk_vec3 elbow = ik_mid(shoulder, wrist, SK_SEG_UPPER_ARM, SK_SEG_FOREARM, v3(pole.x, pole.y, sd * pole.z));
    limb_dirs d;
    d.d1 = vnorm(vsub(elbow, shoulder));
    d.d2 = vnorm(vsub(wrist, elbow));
    d.d3 = vnorm(hand_dir);
    d.d4 = v3(0, 0, 0);
    return d;
}

static void place_arm(sk_skeleton *s, int side, sk_vec3 shoulder, limb_dirs d)
{
    s->shoulder[side] = shoulder;
    s->elbow[side] = vadd(shoulder, vmul(d.d1, SK_SEG_UPPER_ARM));
    s->wrist[side] = vadd(s->elbow[side], vmul(d.d2, SK_SEG_FOREARM));
    s->hand[side] = vadd(s->wrist[side], vmul(d.d3, SK_SEG_HAND * 0.75));
}

/* Where an arm posed by a target points its elbow (near side's convention). */
static sk_vec3 arm_pole(sk_limb_mode mode)
{
    switch (mode) {
    case SK_LIMB_GRAB: return v3(0.1, -0.6, 1);
    case SK_LIMB_BALL: return v3(-0.2, 0.6, 1);
    default: return v3(0, -0.3, 1);
    }
}

static limb_dirs arm_dirs(const sk_skeleton *s, const body_frame *b, int side, const sk_limb_key *l)
{
    sk_vec3 sh = shoulder_joint(b, side);
    switch (l->mode) {
    case SK_LIMB_REACH:
        /* elbow out to the side, resting towards the mat */
        return arm_dirs_target(side, sh, v3(l->v[0], l->v[1], l->v[2]), v3(1, -0.2, 0), arm_pole(l->mode));
    case SK_LIMB_GRAB: {
        /* elbows down and out, hands wrapped round the back of the thigh
         * towards each other (fingers laced), not pointing up */
        double sd = side == SK_NEAR ? 1.0 : -1.0;
        return arm_dirs_target(side, sh, thigh_point(s, l->part, l->v[0], l->v[1], side),
                               v3(0.35, 0.3, -sd * 1.0), arm_pole(l->mode));
    }
    case SK_LIMB_BALL: {
        /* the hand round the ball from the outside; the elbow stays up off
         * the mat */
        double sd = side == SK_NEAR ? 1.0 : -1.0;
        sk_vec3 w = vadd(s->ball, v3(-0.01, 0.012, sd * 0.03));
        return arm_dirs_target(side, sh, w, v3(1, -0.4, -sd * 0.8), arm_pole(l->mode));
    }
    default:
        return limb_from_angles(b->tilt, side, l->v[0], l->v[1], l->v[2], l->v[3], l->v[4], +1);
    }
}

static void place_body(sk_skeleton *s, const body_frame *b, double neck_deg, double breath)
{
    s->pelvis_r = PELVIS_R;
    s->chest_r = CHEST_R + 0.009 * breath;  /* the chest top rises twice this: ~1.6 cm */
    s->pelvis = b->pelvis;
    s->roll = b->roll;
    sk_vec3 up_dir = vnorm(vsub(b->shoulders, b->pelvis)); /* towards the head */
    s->chest = vlerp(b->pelvis, b->shoulders, 0.74);
    s->chest.y = s->chest_r + (s->chest.y - SHOULDER_REST_Y) * 0.5;
    /* the neck leaves the shoulders in line with the trunk; the head rests
     * on the mat unless the neck flexes */
    s->neck = vadd(b->shoulders, vmul(up_dir, 0.045));
    s->neck.y = HEAD_R + 0.004;
    double a = atan2(up_dir.y, up_dir.x) - neck_deg * DEG;     /* head axis */
    sk_vec3 h = v3(cos(a), sin(a), 0);
    sk_vec3 face = v3(-h.y, h.x, 0);                            /* rotated towards +y */
    if (face.y < 0)
        face = vmul(face, -1);
    s->head = vadd(s->neck, vmul(h, 0.075));
    s->face = face;
    s->ball_on = false;
    (void)breath;
}

/* Builds the skeleton of a single key as written. */
void sk_pose_solve_key(const sk_pose_key *k, sk_skeleton *s)
{
    memset(s, 0, sizeof *s);
    body_frame b = body_of(k);
    place_body(s, &b, k->neck, k->breath);
    s->ball_on = k->ball_on;
    s->ball = k->ball;
    s->circle_phase = k->circle_phase * DEG;
    s->circle_arrow = k->circle_arrow;
    /* a crossed leg rests on the other one: solve that one first */
    for (int pass = 0; pass < 2; pass++) {
        for (int side = 0; side < 2; side++) {
            sk_vec3 hip = hip_joint(&b, side);
            const sk_limb_key *l = &k->leg[side];
            if ((l->mode == SK_LIMB_CROSS) != (pass == 1))
                continue;
            if (l->mode == SK_LIMB_PLANT) {
                sk_vec3 ankle;
                limb_dirs d = leg_dirs_plant(hip, l, side, &ankle);
                place_leg(s, side, hip, d);
            } else if (l->mode == SK_LIMB_CROSS) {
                place_leg(s, side, hip, leg_dirs_cross(s, &b, hip, l, side));
            } else {
                limb_dirs d = limb_from_angles(b.tilt, side, l->v[0], l->v[1], l->v[2], l->v[3], l->v[4], -1);
                place_leg(s, side, hip, d);
            }
        }
    }
    for (int side = 0; side < 2; side++)
        place_arm(s, side, shoulder_joint(&b, side), arm_dirs(s, &b, side, &k->arm[side]));
    for (int side = 0; side < 2; side++) {
        limb_dirs d = {vnorm(vsub(s->knee[side], s->hip[side])),
                       vnorm(vsub(s->ankle[side], s->knee[side])),
                       s->foot_f[side], s->foot_n[side]};
        double a[5];
        limb_to_angles(b.tilt, side, d, -1, a);
        s->hip_flex[side] = a[0];
        s->knee_flex[side] = a[3];
    }
}

static limb_dirs leg_dirs_of(const sk_skeleton *s, int side)
{
    limb_dirs d = {vnorm(vsub(s->knee[side], s->hip[side])), vnorm(vsub(s->ankle[side], s->knee[side])),
                   s->foot_f[side], s->foot_n[side]};
    return d;
}

static limb_dirs arm_dirs_of(const sk_skeleton *s, int side)
{
    limb_dirs d = {vnorm(vsub(s->elbow[side], s->shoulder[side])), vnorm(vsub(s->wrist[side], s->elbow[side])),
                   vnorm(vsub(s->hand[side], s->wrist[side])), v3(0, 0, 0)};
    return d;
}

static bool same_mode(const sk_limb_key *a, const sk_limb_key *b)
{
    return a->mode == b->mode && (a->mode != SK_LIMB_GRAB || a->part == b->part);
}

/* Pose between keys a and b at eased fraction t. Limbs posed the same way
 * in both keys interpolate what the file says (a planted heel stays put, a
 * hand keeps hold of the thigh); otherwise both keys are solved and their
 * joint angles are interpolated, so segments never stretch. */
/* The two keys solved whole, once, when some limb changes mode between
 * them (its in-between pose is then blended from the solved ends). */
typedef struct {
    const sk_pose_key *ka, *kb;
    body_frame ba, bb;
    sk_skeleton sa, sb;
    bool solved;
} key_ends;

static void solve_ends(key_ends *e)
{
    if (e->solved)
        return;
    sk_pose_solve_key(e->ka, &e->sa);
    sk_pose_solve_key(e->kb, &e->sb);
    e->solved = true;
}

/* The key at t between ka and kb for everything but the limbs. */
static sk_pose_key blend_body(const sk_pose_key *ka, const sk_pose_key *kb, double t)
{
    sk_pose_key m = *ka;
    m.hip_x = lerp(ka->hip_x, kb->hip_x, t);
    m.lift = lerp(ka->lift, kb->lift, t);
    m.hip_z = lerp(ka->hip_z, kb->hip_z, t);
    m.roll = lerp(ka->roll, kb->roll, t);
    m.neck = lerp(ka->neck, kb->neck, t);
    m.breath = lerp(ka->breath, kb->breath, t);
    m.circle_r = lerp(ka->circle_r, kb->circle_r, t);
    m.circle_phase = lerp(ka->circle_phase, kb->circle_phase, t);
    m.circle_roll = lerp(ka->circle_roll, kb->circle_roll, t);
    m.circle_arrow = lerp(ka->circle_arrow, kb->circle_arrow, t);
    if (ka->ball_on && kb->ball_on) {
        m.ball = vlerp(ka->ball, kb->ball, t);
    } else {
        m.ball_on = t < 1.0 ? ka->ball_on : kb->ball_on;
        m.ball = m.ball_on ? (ka->ball_on ? ka->ball : kb->ball) : ka->ball;
    }
    return m;
}

/* The legs of m at t: the keys' own values when both use the same mode,
 * else joint angles blended between the solved ends. */
static void blend_legs(key_ends *e, double t, sk_pose_key *m)
{
    for (int side = 0; side < 2; side++) {
        const sk_limb_key *la = &e->ka->leg[side], *lb = &e->kb->leg[side];
        if (same_mode(la, lb)) {
            for (int i = 0; i < 5; i++)
                m->leg[side].v[i] = lerp(la->v[i], lb->v[i], t);
            continue;
        }
        solve_ends(e);
        double aa[5], ab[5];
        limb_to_angles(e->ba.tilt, side, leg_dirs_of(&e->sa, side), -1, aa);
        limb_to_angles(e->bb.tilt, side, leg_dirs_of(&e->sb, side), -1, ab);
        m->leg[side].mode = SK_LIMB_ANGLES;
        for (int i = 0; i < 5; i++)
            m->leg[side].v[i] = lerp(aa[i], ab[i], t);
    }
}

/* One arm at t, placed on s (whose legs are already solved). */
static void blend_arm(key_ends *e, double t, int side, const body_frame *bm, sk_skeleton *s)
{
    const sk_limb_key *la = &e->ka->arm[side], *lb = &e->kb->arm[side];
    sk_vec3 sh = shoulder_joint(bm, side);
    if (same_mode(la, lb)) {
        sk_limb_key lm = *la;
        for (int i = 0; i < 5; i++)
            lm.v[i] = lerp(la->v[i], lb->v[i], t);
        place_arm(s, side, sh, arm_dirs(s, bm, side, &lm));
        return;
    }
    solve_ends(e);
    const sk_skeleton *sa = &e->sa, *sb = &e->sb;
    /* the hand turns from one key's direction to the other's */
    sk_vec3 hand = vnorm(vlerp(vnorm(vsub(sa->hand[side], sa->wrist[side])),
                               vnorm(vsub(sb->hand[side], sb->wrist[side])), t));
    limb_dirs d;
    if (la->mode != SK_LIMB_ANGLES && lb->mode != SK_LIMB_ANGLES) {
        /* from one hand target to another: the wrist moves straight and
         * the elbow turns from one key's way to the other's */
        d = arm_dirs_target(side, sh, vlerp(sa->wrist[side], sb->wrist[side], t), hand,
                            vlerp(arm_pole(la->mode), arm_pole(lb->mode), t));
    } else {
        double aa[5], ab[5], am[5];
        limb_to_angles(e->ba.tilt, side, arm_dirs_of(sa, side), +1, aa);
        limb_to_angles(e->bb.tilt, side, arm_dirs_of(sb, side), +1, ab);
        for (int i = 0; i < 5; i++)
            am[i] = lerp(aa[i], ab[i], t);
        d = limb_from_angles(bm->tilt, side, am[0], am[1], am[2], am[3], am[4], +1);
        d.d3 = hand;
    }
    place_arm(s, side, sh, d);
}

static void solve_between(const sk_pose_key *ka, const sk_pose_key *kb, double t, sk_skeleton *s)
{
    key_ends e = {.ka = ka, .kb = kb, .ba = body_of(ka), .bb = body_of(kb)};
    sk_pose_key m = blend_body(ka, kb, t);
    body_frame bm = body_of(&m);
    blend_legs(&e, t, &m);
    /* legs first: a grabbing hand needs the thigh */
    sk_pose_key legs_only = m;
    for (int side = 0; side < 2; side++)
        legs_only.arm[side].mode = SK_LIMB_ANGLES;
    sk_pose_solve_key(&legs_only, s);
    s->ball_on = m.ball_on;
    s->ball = m.ball;
    for (int side = 0; side < 2; side++)
        blend_arm(&e, t, side, &bm, s);
}

double sk_pose_clip_duration(const sk_pose_file *pf, int clip)
{
    const sk_pose_clip *c = &pf->clips[clip];
    double d = 0;
    for (int i = 1; i < c->key_count; i++)
        d += pf->keys[c->first_key + i].duration;
    return d;
}

int sk_pose_clip_fps(const sk_pose_file *pf, int clip)
{
    const sk_pose_clip *c = &pf->clips[clip];
    if (c->fps)
        return c->fps;
    double d = sk_pose_clip_duration(pf, clip);
    int steps = c->loop == SK_PLOOP_YES ? c->frames : c->frames - 1;
    if (d <= 0 || steps <= 0)
        return pf->fps;
    long fps = lround(steps / d);
    return fps < 1 ? 1 : fps > 60 ? 60 : (int)fps;
}

void sk_pose_solve_clip(const sk_pose_file *pf, int clip, double sec, sk_skeleton *out)
{
    const sk_pose_clip *c = &pf->clips[clip];
    const sk_pose_key *k = &pf->keys[c->first_key];
    double at = 0;
    for (int i = 1; i < c->key_count; i++) {
        double d = k[i].duration;
        if (sec <= at + d || i == c->key_count - 1) {
            double t = sk_ease_apply(k[i].ease, (sec - at) / d);
            solve_between(&k[i - 1], &k[i], t, out);
            return;
        }
        at += d;
    }
    sk_pose_solve_key(&k[0], out);
}

bool sk_skeleton_in_range(const sk_skeleton *s, char *err, size_t err_size)
{
    static const char *const side_name[2] = {"near", "far"};
    for (int side = 0; side < 2; side++) {
        if (s->knee_flex[side] < SK_KNEE_MIN - 0.5 || s->knee_flex[side] > SK_KNEE_MAX + 0.5) {
            snprintf(err, err_size, "%s knee flexion %.0f degrees is outside the human range %.0f..%.0f",
                     side_name[side], s->knee_flex[side], SK_KNEE_MIN, SK_KNEE_MAX);
            return false;
        }
        if (s->hip_flex[side] < SK_HIP_MIN - 0.5 || s->hip_flex[side] > SK_HIP_MAX + 0.5) {
            snprintf(err, err_size, "%s hip flexion %.0f degrees is outside the human range %.0f..%.0f",
                     side_name[side], s->hip_flex[side], SK_HIP_MIN, SK_HIP_MAX);
            return false;
        }
    }
    return true;
}
