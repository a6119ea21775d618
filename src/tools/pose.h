/* Pose keyframes for the sprite baker: a side-view figure lying on a mat,
 * described by joint angles (or by a planted heel / a hand target that the
 * baker solves for), keyframed in text files (assets/poses/<id>.pose) and
 * interpolated with easing. Build-time only; no SDL, no clock.
 *
 * Units: lengths in body heights H (segment lengths from Drillis and
 * Contini 1966, as tabled in Winter), angles in degrees in the files and
 * radians inside. World axes: x along the body towards the feet, y up from
 * the mat's top surface, z lateral towards the viewer (the "near" side).
 *
 * The file format is documented in assets/poses/README.md.
 */
#ifndef SK_TOOLS_POSE_H
#define SK_TOOLS_POSE_H
#include <stdbool.h>
#include <stddef.h>

/* Segment lengths as fractions of standing height. */
#define SK_SEG_THIGH 0.245
#define SK_SEG_SHANK 0.246
#define SK_SEG_FOOT 0.152
#define SK_SEG_UPPER_ARM 0.186
#define SK_SEG_FOREARM 0.146
#define SK_SEG_HAND 0.108
#define SK_SEG_TRUNK 0.290   /* shoulder joint to hip joint */
#define SK_SEG_HEAD 0.130    /* crown to chin */
#define SK_HIP_HALF 0.085    /* half the distance between the hip joints */
#define SK_SHOULDER_HALF 0.105
#define SK_ANKLE_HEIGHT 0.039
/* A lacrosse ball is 6.3 cm, 0.036 H on a 1.75 m person; it is drawn 1.4
 * times that (8.8 cm) so it reads across a waiting room, and the buttock
 * rests on the ball as drawn: the lift is this diameter. */
#define SK_BALL_TRUE_DIAMETER 0.036
#define SK_BALL_DIAMETER 0.050

/* Human range (DESIGN.md); every baked frame is checked against it. */
#define SK_KNEE_MIN 0.0
#define SK_KNEE_MAX 140.0
#define SK_HIP_MIN (-10.0)
#define SK_HIP_MAX 120.0

typedef struct sk_vec3 { double x, y, z; } sk_vec3;

typedef enum { SK_EASE_LINEAR, SK_EASE_IN, SK_EASE_OUT, SK_EASE_INOUT } sk_ease;

/* How one limb is posed in a keyframe. */
typedef enum {
    SK_LIMB_ANGLES,  /* flex, abd, rot, bend, end (foot plantarflexion / wrist) */
    SK_LIMB_PLANT,   /* legs: heel planted at (a, b) = heel x, heel z offset */
    SK_LIMB_CROSS,   /* legs: ankle resting on the other thigh: t along it,
                        knee direction (deg from up towards the side), plantarflexion */
    SK_LIMB_REACH,   /* arms: wrist at world point (a, b, c) */
    SK_LIMB_GRAB,    /* arms: wrist under a thigh: part, t along it, offset */
    SK_LIMB_BALL,    /* arms: wrist at the ball (holding it) */
} sk_limb_mode;

typedef struct sk_limb_key {
    sk_limb_mode mode;
    double v[5];     /* meaning depends on mode (see above), degrees for angles */
    int part;        /* SK_LIMB_GRAB: 0 = near thigh, 1 = far thigh */
} sk_limb_key;

enum { SK_NEAR = 0, SK_FAR = 1 };

typedef struct sk_pose_key {
    char name[32];
    double duration;      /* seconds from the previous key of the clip */
    sk_ease ease;
    int line;             /* where it starts in the file, for messages */
    double hip_x, lift, hip_z, roll; /* pelvis: x, lift above rest, lateral shift, roll (deg) */
    double neck;          /* head flexion, degrees (chin towards chest) */
    double breath;        /* 0..1: chest rise */
    double circle_r, circle_phase, circle_roll; /* pelvis circling: radius, degrees, roll swing */
    double circle_arrow;  /* 0..1: opacity of the arrow drawn round the ball */
    sk_limb_key leg[2], arm[2];
    bool ball_on;
    sk_vec3 ball;         /* centre of the ball, when ball_on */
} sk_pose_key;

typedef enum { SK_PLOOP_NO, SK_PLOOP_YES, SK_PLOOP_PINGPONG } sk_pose_loop;

typedef struct sk_pose_clip {
    char name[32];
    int frames;           /* frames baked for this clip */
    int fps;              /* as written; 0 = from the keys' durations */
    sk_pose_loop loop;
    int first_key, key_count;
} sk_pose_clip;

#define SK_POSE_MAX_KEYS 64
#define SK_POSE_MAX_CLIPS 8
#define SK_POSE_MAX_ORDER 8

/* Draw groups, back to front, as named in the file's "order" line. */
typedef enum {
    SK_GROUP_FAR_ARM, SK_GROUP_FAR_LEG, SK_GROUP_BODY, SK_GROUP_BALL,
    SK_GROUP_NEAR_ARM, SK_GROUP_NEAR_LEG, SK_GROUP_COUNT
} sk_group;

typedef struct sk_pose_file {
    char id[32];          /* "basic": names the output files */
    char title[96];
    int frame_w, frame_h, columns, fps;
    double scale;         /* pixels per body height */
    double yaw, pitch;    /* camera, degrees */
    double origin_x;      /* world x drawn at the anchor */
    int anchor_x, anchor_y;
    char other_leg[16];   /* "mirror" */
    int order[SK_POSE_MAX_ORDER];
    int order_count;
    sk_pose_key keys[SK_POSE_MAX_KEYS];
    int key_count;
    sk_pose_clip clips[SK_POSE_MAX_CLIPS];
    int clip_count;
} sk_pose_file;

/* Parses a pose file. On failure returns false and writes
 * "path:line: message" into err (always NUL-terminated). */
bool sk_pose_load(const char *path, sk_pose_file *out, char *err, size_t err_size);
/* The same from text in memory ('name' is used in messages). */
bool sk_pose_parse(const char *text, const char *name, sk_pose_file *out,
                   char *err, size_t err_size);

/* One solved skeleton: joint positions in world units. */
typedef struct sk_skeleton {
    sk_vec3 pelvis, chest, neck, head, face;    /* body landmarks */
    sk_vec3 hip[2], knee[2], ankle[2], heel[2], toe[2], foot_f[2], foot_n[2];
    sk_vec3 shoulder[2], elbow[2], wrist[2], hand[2];
    double chest_r, pelvis_r;
    double roll;          /* pelvis roll, radians, near side up */
    double circle_phase;  /* pelvis circling phase, radians */
    double circle_arrow;  /* 0..1: the circling arrow's opacity */
    bool ball_on;
    sk_vec3 ball;
    /* measured anatomical angles, degrees, for the range check */
    double hip_flex[2], knee_flex[2];
} sk_skeleton;

double sk_ease_apply(sk_ease e, double t);

/* Solves the pose of one clip at time 'sec' seconds from its start. */
void sk_pose_solve_clip(const sk_pose_file *pf, int clip, double sec, sk_skeleton *out);
/* Total duration of a clip in seconds. */
double sk_pose_clip_duration(const sk_pose_file *pf, int clip);
/* The frame rate the clip plays at: the file's, or the one that makes its
 * frames last as long as its keys say (rounded, 1..60), so that seconds
 * in a pose file are seconds on the screen. */
int sk_pose_clip_fps(const sk_pose_file *pf, int clip);
/* Solves a single key as it stands. */
void sk_pose_solve_key(const sk_pose_key *k, sk_skeleton *out);

/* True when every joint is in the human range; otherwise writes which one. */
bool sk_skeleton_in_range(const sk_skeleton *s, char *err, size_t err_size);
#endif
