/* The routine model: what the kiosk teaches, loaded from an INI file.
 * No SDL. See README.md "Routine files" for the format.
 *
 * Ownership: sk_routine_load* return a routine the caller frees with
 * sk_routine_free. All strings inside are owned by the routine, valid UTF-8,
 * never NULL unless the field says "may be NULL".
 */
#ifndef SK_ROUTINE_H
#define SK_ROUTINE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"

#define SK_MAX_EXERCISES 32
#define SK_MAX_STEPS 8
#define SK_MAX_CARDS 16
#define SK_MAX_CARD_LINES 8
#define SK_ROUTINE_MAX_BYTES (256 * 1024)   /* a routine file is a page of text */
#define SK_MAX_TEXT 1000                    /* bytes in one text value */
#define SK_MAX_NAME 120                     /* bytes in a name or a title */
#define SK_MAX_ID 32                        /* bytes in an id: [a-z0-9_-]+ */

/* Which legs an exercise is done on. */
typedef enum {
    SK_SIDES_BOTH,     /* the painful leg first, then the other leg */
    SK_SIDES_PAINFUL,  /* the painful leg only */
    SK_SIDES_NONE      /* no side (e.g. a whole-body movement) */
} sk_sides;

typedef enum { SK_LEG_NONE, SK_LEG_PAINFUL, SK_LEG_OTHER } sk_leg;

typedef struct sk_exercise {
    char *id;            /* [a-z0-9_-]+, unique: names the section */
    char *name;          /* "Basic supine piriformis stretch" */
    char *summary;       /* one short sentence for the loop; may be NULL */
    char *equipment;     /* "A lacrosse or tennis ball"; may be NULL */
    char *caution;       /* shown with the intro; may be NULL */
    char *steps[SK_MAX_STEPS];
    int step_count;      /* >= 1 */
    char *sprite;        /* sprite descriptor path, resolved against the
                            routine file's folder (as written when the
                            routine has no folder, e.g. the built-in one
                            before sk_routine_set_dir); may be NULL */
    char *sprite_ref;    /* the sprite path as written in the file; may be NULL */
    int sprite_line;     /* line of the sprite key, 0 when none */
    int hold_seconds;    /* 1..600, default 30 */
    int reps;            /* per leg in a guided session, 1..20, default 4 */
    int rest_seconds;    /* between reps, 0..300, default 10 */
    int get_ready_seconds; /* 0..60, default 5 */
    int intro_seconds;   /* minimum time on the intro screen, 3..120, default 12 */
    sk_sides sides;      /* default both */
    int line;            /* line of the [exercise.ID] header */
} sk_exercise;

/* An info card of the unattended loop. */
typedef struct sk_card {
    char *id;
    char *title;
    char *lines[SK_MAX_CARD_LINES];  /* paragraphs or bullet items */
    int line_count;      /* >= 1 */
    bool bullets;        /* lines are a bulleted list */
    int seconds;         /* minimum time on screen, 3..120, default 12 */
    int line;
} sk_card;

/* Words the kiosk says and shows that are not part of an exercise, so a
 * clinic can translate everything. Defaults are English. */
typedef struct sk_phrases {
    char *welcome_title;     /* "Stretches for sciatica" */
    char *welcome;           /* the welcome line */
    char *safety;            /* safety note of the welcome screen */
    char *get_ready;         /* "Get ready" */
    char *hold;              /* "Hold" */
    char *relax;             /* "Relax" */
    char *rep_of;            /* "{n} of {total}": {n} and {total} replaced */
    char *painful_leg;       /* "Painful leg" */
    char *other_leg;         /* "Other leg" */
    char *switch_legs;       /* "Switch to your other leg" */
    char *next_stretch;      /* "Next stretch: {name}" */
    char *finish_title;      /* "Well done" */
    char *finish;            /* the closing line */
    char *tap_to_start;      /* "Tap to start a guided session" */
    char *paused;            /* "Paused" */
    char *still_there;       /* "Are you still there?" */
    char *fallback_note;     /* "Showing the built-in routine: ..." */
    char *count[4];          /* [1..3] = "one", "two", "three"; [0] = "" */
    /* Words on the session's controls and prompts (shown, not spoken). */
    char *back;                 /* "Back" */
    char *pause;                /* "Pause" */
    char *resume;               /* "Resume" */
    char *skip;                 /* "Skip" */
    char *stop;                 /* "Stop" */
    char *stop_again;           /* "Tap Stop again to end the session" */
    char *tap_to_go_on;         /* "Tap anywhere to go on" */
    char *tap_resume;           /* "Tap Resume to go on" */

} sk_phrases;

/* How the unattended loop plays. */
typedef struct sk_loop_settings {
    int reps;            /* holds per leg in each loop demo, 1..20, default 1 */
    bool full_protocol;  /* true: the loop plays the guided session's reps */
    bool both_legs;      /* demo the other leg too, default true */
    bool cards;          /* show info cards between stretches, default true */
} sk_loop_settings;

typedef struct sk_routine {
    char *path;          /* the file it came from ("(built-in)" for that) */
    char *dir;           /* folder against which relative paths resolve;
                            NULL for the built-in routine until
                            sk_routine_set_dir */
    char *title;         /* [routine] title */
    char *language;      /* "en": names assets/voice/<language>/ */
    sk_phrases phrases;
    sk_loop_settings loop;
    sk_exercise exercises[SK_MAX_EXERCISES];
    int exercise_count;  /* >= 1 */
    sk_card cards[SK_MAX_CARDS];
    int card_count;
    bool is_builtin;
} sk_routine;

/* Loads and validates a routine file. Every problem goes to d as
 * "file:line: message". Returns NULL when there is any error (warnings
 * alone still give a routine). */
sk_routine *sk_routine_load(const char *path, sk_diag *d);

/* The same from text in memory; 'name' is what messages call it and 'dir'
 * where relative paths resolve (may be NULL: then they are not checked). */
sk_routine *sk_routine_load_text(const char *text, size_t len, const char *name,
                                 const char *dir, sk_diag *d);

/* The routine compiled into the program (assets/routines/sciatica.ini at
 * build time). Never fails short of running out of memory. */
sk_routine *sk_routine_builtin(void);

/* Loads 'path'; when it has errors, prints them to 'log' (may be NULL) and
 * returns the built-in routine with is_builtin set, so the kiosk always has
 * content. *fell_back tells which happened. */
sk_routine *sk_routine_load_or_builtin(const char *path, FILE *log, bool *fell_back);

void sk_routine_free(sk_routine *r);

/* Sets the folder relative sprite paths resolve against and re-resolves
 * them. For the built-in routine the caller passes "<assets>/routines", the
 * folder the file came from. Checks nothing on disk. Returns false when out
 * of memory (the routine is left as it was). */
bool sk_routine_set_dir(sk_routine *r, const char *dir);

/* Total holds in a guided session: sum over exercises of reps x legs. */
int sk_routine_session_holds(const sk_routine *r);

/* Number of legs an exercise is done on (2 for both, else 1). */
int sk_exercise_legs(const sk_exercise *e);

/* Expands "{n}", "{total}" and "{name}" in a phrase into out (bounded).
 * Unknown placeholders are copied as they are. */
void sk_phrase_format(char *out, size_t size, const char *phrase, int n, int total,
                      const char *name);
#endif
