/* Bakes a pose file into a sprite sheet: draws every frame of every clip
 * (figure, mat, soft floor shadow, ball) and lays the frames out in one
 * RGBA8 image, plus the INI descriptor that src/sprite_sheet.h reads.
 * Build-time only; deterministic (same pose file, same bytes). */
#ifndef SK_TOOLS_BAKE_H
#define SK_TOOLS_BAKE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pose.h"
#include "raster.h"

/* The painful leg's fill colour (0xRRGGBB), the same in every stretch: a
 * warm coral against the teal figure, so a screen can name it ("the coral
 * leg") or match a leg indicator to it. The far (other) leg is a darker
 * teal, SK_BAKE_COL_OTHER_LEG. */
#define SK_BAKE_COL_PAINFUL_LEG 0xEE8A5F
#define SK_BAKE_COL_OTHER_LEG 0x4A8A8B

typedef struct sk_baked_sheet {
    int width, height;    /* whole image */
    int frames;
    uint8_t *rgba;        /* malloc'd, straight RGBA8, stride width*4 */
    int clip_first[SK_POSE_MAX_CLIPS], clip_last[SK_POSE_MAX_CLIPS];
} sk_baked_sheet;

void sk_baked_sheet_free(sk_baked_sheet *b);

/* Draws one skeleton into c (cleared to transparent first; c has the
 * frame's size). */
void sk_bake_draw(const sk_pose_file *pf, const sk_skeleton *s, sk_canvas *c);

/* The time (seconds into the clip) that frame i of clip k shows. */
double sk_bake_frame_time(const sk_pose_file *pf, int clip, int i);

/* Bakes the whole sheet. Returns false with a message in err when a frame
 * leaves the human joint range or memory runs out. */
bool sk_bake_sheet(const sk_pose_file *pf, sk_baked_sheet *out, char *err, size_t err_size);

/* The descriptor text for a baked sheet whose image file is 'image_name'.
 * Returns a malloc'd string (NULL when out of memory). */
char *sk_bake_descriptor(const sk_pose_file *pf, const sk_baked_sheet *b, const char *image_name);
#endif
