/* Sprite sheets: one or more PNG files cut into equal frames, described by a
 * small INI file (the format is in README.md, "Sprite sheets"). No SDL.
 *
 * Frames are numbered from 0 and laid out row by row, 'columns' to a row,
 * starting at the top left of the first image; when an image is full
 * (columns x floor(height / frame_height) frames) they continue in the next
 * image. Clips name frame ranges of the sheet (setup, hold, release, and
 * their ".other" twins when the other leg has its own frames).
 *
 * Every problem is reported to the sk_diag as "descriptor:line: message";
 * a PNG that will not decode is reported at the line of 'images' with the
 * PNG loader's text ("...basic.ini:3: .../basic-0.png: truncated ...").
 */
#ifndef SK_SPRITE_SHEET_H
#define SK_SPRITE_SHEET_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "image_png.h"

#define SK_SHEET_MAX_IMAGES 8
#define SK_SHEET_MAX_CLIPS 16
#define SK_SHEET_MAX_FRAMES 1024
#define SK_SHEET_MAX_FPS 60
#define SK_SHEET_MIN_FRAME_SIDE 8
#define SK_SHEET_MAX_FRAME_SIDE 2048     /* a frame must fit one texture on a Pi 3 */
#define SK_SHEET_MAX_BYTES (64 * 1024)   /* descriptor file size */
#define SK_SHEET_MAX_PIXELS (4096ull * 4096ull)  /* all images of one sheet */
#define SK_CLIP_NAME_MAX 32

typedef enum { SK_LOOP_NO, SK_LOOP_YES, SK_LOOP_PINGPONG } sk_loop_mode;
typedef enum { SK_OTHER_LEG_MIRROR, SK_OTHER_LEG_FRAMES } sk_other_leg_mode;

typedef struct sk_clip {
    char name[SK_CLIP_NAME_MAX];   /* "setup", "hold", "release", "hold.other" */
    int first, last;     /* frame numbers, inclusive; first > last plays
                            backwards (what reverse_of = makes) */
    sk_loop_mode loop;   /* no: plays once and holds its last frame */
    int fps;             /* 1..SK_SHEET_MAX_FPS; the sheet's fps unless set */
    int line;            /* descriptor line of the clip (its first key) */
} sk_clip;

typedef struct sk_sprite_sheet {
    char *path;                          /* the descriptor, as given */
    char *images[SK_SHEET_MAX_IMAGES];   /* PNG paths, resolved against the
                                            descriptor's directory */
    int image_count;
    int images_line;
    int frame_width, frame_height;
    int columns;                         /* frames per row, in every image */
    int frames;                          /* total, across all images */
    int fps;
    int anchor_x, anchor_y;              /* frame pixels: the point that stays put */
    sk_other_leg_mode other_leg;
    sk_clip clips[SK_SHEET_MAX_CLIPS];
    int clip_count;
    /* Decoded pixels, one per image (filled by sk_sprite_sheet_load; freed
     * by sk_sprite_sheet_free_pixels once they are on the GPU). */
    sk_image pixels[SK_SHEET_MAX_IMAGES];
    int image_width[SK_SHEET_MAX_IMAGES];  /* kept after the pixels are freed */
    int image_height[SK_SHEET_MAX_IMAGES];
    int first_frame[SK_SHEET_MAX_IMAGES];  /* first frame number in each image */
} sk_sprite_sheet;

/* Reads and checks the descriptor only (no PNG is opened). Returns a
 * malloc'd sheet, or NULL when there were errors (all of them are in d;
 * warnings alone do not fail). Free with sk_sprite_sheet_free. */
sk_sprite_sheet *sk_sprite_sheet_parse(const char *path, sk_diag *d);

/* The same from text in memory (tests, fuzzers); 'path' names it in
 * messages and is the base for image paths. */
sk_sprite_sheet *sk_sprite_sheet_parse_text(const char *text, size_t len, const char *path,
                                            sk_diag *d);

/* Parses the descriptor, then decodes every image and checks that the
 * frames fit them. Returns the sheet with its pixels, or NULL with every
 * problem in d. Blocks on file reads and decoding. */
sk_sprite_sheet *sk_sprite_sheet_load(const char *path, sk_diag *d);

/* Decodes and checks the images of a parsed sheet. Returns false (problems
 * in d, pixels freed) when one is missing, bad, or does not hold its frames. */
bool sk_sprite_sheet_load_pixels(sk_sprite_sheet *s, sk_diag *d);

void sk_sprite_sheet_free_pixels(sk_sprite_sheet *s);
void sk_sprite_sheet_free(sk_sprite_sheet *s);   /* NULL is fine */

/* The clip called 'name', or NULL. */
const sk_clip *sk_sprite_sheet_clip(const sk_sprite_sheet *s, const char *name);

/* Where frame 'frame' lives: image index and top-left pixel in it. Needs
 * pixels or at least image sizes known (after load); returns false for a
 * frame out of range or before the images were loaded. */
bool sk_sprite_sheet_locate(const sk_sprite_sheet *s, int frame, int *image, int *x, int *y);

/* The frames image 'i' can hold (columns x whole rows); 0 before load. */
int sk_sprite_sheet_image_capacity(const sk_sprite_sheet *s, int i);
#endif
