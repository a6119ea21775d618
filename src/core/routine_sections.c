/* Routine files, pass 2 (routine_parts.h): the key tables with their
 * defaults and ranges, and each [section] interpreted into the model. */
#include "routine_parts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

/* ------------------------------------------------------------------------ */
/* Defaults and key tables                                                  */

static const struct {
    const char *key;
    size_t offset;
    const char *english;
} phrase_keys[] = {
    {"welcome_title", offsetof(sk_phrases, welcome_title), "Stretches for sciatica"},
    {"welcome", offsetof(sk_phrases, welcome),
     "Three simple exercises that can help relieve most cases of sciatica. "
     "You will need floor space and a small ball."},
    {"safety", offsetof(sk_phrases, safety),
     "Those suffering from more severe symptoms should consult with a qualified "
     "medical professional. Aim for moderate discomfort, and stop if you feel intense pain."},
    {"get_ready", offsetof(sk_phrases, get_ready), "Get ready"},
    {"hold", offsetof(sk_phrases, hold), "Hold"},
    {"relax", offsetof(sk_phrases, relax), "Relax"},
    {"rep_of", offsetof(sk_phrases, rep_of), "{n} of {total}"},
    {"painful_leg", offsetof(sk_phrases, painful_leg), "Painful leg"},
    {"other_leg", offsetof(sk_phrases, other_leg), "Other leg"},
    {"switch_legs", offsetof(sk_phrases, switch_legs), "Switch to your other leg"},
    {"next_stretch", offsetof(sk_phrases, next_stretch), "Next stretch: {name}"},
    {"finish_title", offsetof(sk_phrases, finish_title), "Well done"},
    {"finish", offsetof(sk_phrases, finish),
     "Just remember, if you have questions, never hesitate to contact your doctor "
     "and/or physical therapist!"},
    {"tap_to_start", offsetof(sk_phrases, tap_to_start), "Tap to start a guided session"},
    {"paused", offsetof(sk_phrases, paused), "Paused"},
    {"still_there", offsetof(sk_phrases, still_there), "Are you still there?"},
    {"fallback_note", offsetof(sk_phrases, fallback_note),
     "Showing the built-in routine: the routine file has errors."},
    {"count1", offsetof(sk_phrases, count) + 1 * sizeof(char *), "one"},
    {"count2", offsetof(sk_phrases, count) + 2 * sizeof(char *), "two"},
    {"count3", offsetof(sk_phrases, count) + 3 * sizeof(char *), "three"},
    {"back", offsetof(sk_phrases, back), "Back"},
    {"pause", offsetof(sk_phrases, pause), "Pause"},
    {"resume", offsetof(sk_phrases, resume), "Resume"},
    {"skip", offsetof(sk_phrases, skip), "Skip"},
    {"stop", offsetof(sk_phrases, stop), "Stop"},
    {"stop_again", offsetof(sk_phrases, stop_again), "Tap Stop again to end the session"},
    {"tap_to_go_on", offsetof(sk_phrases, tap_to_go_on), "Tap anywhere to go on"},
    {"tap_resume", offsetof(sk_phrases, tap_resume), "Tap Resume to go on"},
};
#define PHRASE_COUNT ((int)(sizeof phrase_keys / sizeof phrase_keys[0]))

static const char *const routine_keys[] = {
    "title", "language", "loop_reps", "loop_full_protocol", "loop_both_legs", "loop_cards", NULL,
};
enum { RK_TITLE, RK_LANGUAGE, RK_LOOP_REPS, RK_LOOP_FULL, RK_LOOP_BOTH, RK_LOOP_CARDS, RK_COUNT };

static const char *const exercise_keys[] = {
    "name", "summary", "equipment", "caution",
    "step1", "step2", "step3", "step4", "step5", "step6", "step7", "step8",
    "hold_seconds", "reps", "rest_seconds", "get_ready_seconds", "intro_seconds",
    "sides", "sprite", NULL,
};
enum {
    EK_NAME, EK_SUMMARY, EK_EQUIPMENT, EK_CAUTION, EK_STEP1,
    EK_HOLD = EK_STEP1 + SK_MAX_STEPS, EK_REPS, EK_REST, EK_GET_READY, EK_INTRO,
    EK_SIDES, EK_SPRITE, EK_COUNT
};

static const char *const card_keys[] = {
    "title",
    "text1", "text2", "text3", "text4", "text5", "text6", "text7", "text8",
    "item1", "item2", "item3", "item4", "item5", "item6", "item7", "item8",
    "seconds", NULL,
};
enum { CK_TITLE, CK_TEXT1, CK_ITEM1 = CK_TEXT1 + SK_MAX_CARD_LINES,
       CK_SECONDS = CK_ITEM1 + SK_MAX_CARD_LINES, CK_COUNT };

static const char *phrase_key_list[PHRASE_COUNT + 1];

typedef struct range { int lo, hi, def; } range;
static const range R_HOLD = {1, 600, 30}, R_REPS = {1, 20, 4}, R_REST = {0, 300, 10},
                   R_GET_READY = {0, 60, 5}, R_INTRO = {3, 120, 12},
                   R_CARD_SECONDS = {3, 120, 12}, R_LOOP_REPS = {1, 20, 1};

static int key_index(const char *const *keys, const char *key)
{
    for (int i = 0; keys[i]; i++)
        if (strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

/* "step12" with prefix "step": true and *num = 12. */
static bool numbered_key(const char *key, const char *prefix, long *num)
{
    size_t n = strlen(prefix);
    if (strncmp(key, prefix, n) != 0 || key[n] < '0' || key[n] > '9')
        return false;
    for (const char *p = key + n; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return sk_parse_long(key + n, num);
}

static void unknown_key(loader *L, const raw_kv *kv, const char *section,
                        const char *const *keys)
{
    long num;
    if (keys == exercise_keys && numbered_key(kv->key, "step", &num) && num > SK_MAX_STEPS) {
        ERR(L, kv->line, "too many steps: %s in [%s] (at most %d, step1..step%d)", kv->key,
            section, SK_MAX_STEPS, SK_MAX_STEPS);
        return;
    }
    if (keys == card_keys && (numbered_key(kv->key, "text", &num) || numbered_key(kv->key, "item", &num)) &&
        num > SK_MAX_CARD_LINES) {
        ERR(L, kv->line, "too many lines: %s in [%s] (at most %d)", kv->key, section,
            SK_MAX_CARD_LINES);
        return;
    }
    const char *near = sk_did_you_mean(kv->key, keys);
    if (near)
        ERR(L, kv->line, "unknown key \"%s\" in [%s]; did you mean \"%s\"?", kv->key, section, near);
    else
        ERR(L, kv->line, "unknown key \"%s\" in [%s]", kv->key, section);
}

/* Records the first line of each key of a section; reports repeats. */
static bool first_time(loader *L, int *seen, int idx, const raw_kv *kv)
{
    if (seen[idx]) {
        ERR(L, kv->line, "%s given twice in this section (first on line %d)", kv->key, seen[idx]);
        return false;
    }
    seen[idx] = kv->line;
    return true;
}

/* A text value: non-empty, at most 'max' bytes. Returns a malloc'd copy or
 * NULL after reporting. */
static char *take_text(loader *L, const raw_kv *kv, size_t max)
{
    char *v = kv->value;
    if (!v[0]) {
        ERR(L, kv->line, "%s is empty (remove the line to leave it out)", kv->key);
        return NULL;
    }
    size_t n = strlen(v);
    if (n > max) {
        ERR(L, kv->line, "%s is too long: %zu bytes, at most %zu", kv->key, n, max);
        return NULL;
    }
    char *copy = sk_strdup(v);
    if (!copy)
        L->oom = true;
    return copy;
}

static void set_text(loader *L, char **field, const raw_kv *kv, size_t max)
{
    char *v = take_text(L, kv, max);
    if (v) {
        free(*field);
        *field = v;
    }
}

static void set_int(loader *L, int *field, const raw_kv *kv, range rg)
{
    long v;
    if (!sk_parse_long(kv->value, &v) || v < rg.lo || v > rg.hi) {
        ERR(L, kv->line, "%s must be %d..%d, got \"%.40s\"", kv->key, rg.lo, rg.hi, kv->value);
        return;
    }
    *field = (int)v;
}

static void set_bool(loader *L, bool *field, const raw_kv *kv)
{
    if (sk_parse_bool(kv->value, field))
        return;
    ERR(L, kv->line, "%s must be true or false, got \"%.40s\"", kv->key, kv->value);
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > SK_MAX_ID)
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    return true;
}

/* Checks the {placeholders} of a phrase: warns about unknown ones and about
 * missing ones the kiosk needs to show the number or the name. */
static void check_placeholders(loader *L, const raw_kv *kv, const char *const *known,
                               const char *const *wanted)
{
    const char *s = kv->value;
    while ((s = strchr(s, '{')) != NULL) {
        const char *close = strchr(s, '}');
        if (!close)
            break;
        size_t n = (size_t)(close - s - 1);
        bool ok = false;
        for (int i = 0; known && known[i]; i++)
            if (strlen(known[i]) == n && strncmp(known[i], s + 1, n) == 0)
                ok = true;
        if (!ok)
            WARN(L, kv->line, "%s: unknown placeholder {%.*s} is shown as it is", kv->key,
                 (int)(n > 30 ? 30 : n), s + 1);
        s = close + 1;
    }
    for (int i = 0; wanted && wanted[i]; i++) {
        char ph[24];
        snprintf(ph, sizeof ph, "{%s}", wanted[i]);
        if (!strstr(kv->value, ph))
            WARN(L, kv->line, "%s has no %s: the kiosk cannot show it", kv->key, ph);
    }
}

static void do_routine(loader *L, const raw_kv *kv, int n)
{
    sk_routine *r = L->r;
    int seen[RK_COUNT] = {0};
    for (int i = 0; i < n; i++) {
        int k = key_index(routine_keys, kv[i].key);
        if (k < 0) {
            unknown_key(L, &kv[i], "routine", routine_keys);
            continue;
        }
        if (!first_time(L, seen, k, &kv[i]))
            continue;
        switch (k) {
        case RK_TITLE: {
            char *v = take_text(L, &kv[i], SK_MAX_NAME);
            if (v) {
                free(r->title);
                r->title = v;
                L->title_set = true;
            }
            break;
        }
        case RK_LANGUAGE:
            if (!sk_language_code_ok(kv[i].value)) {
                ERR(L, kv[i].line,
                    "language must be a short code such as \"en\" or \"pt-BR\", got \"%.40s\"",
                    kv[i].value);
                break;
            }
            set_text(L, &r->language, &kv[i], 16);
            break;
        case RK_LOOP_REPS:
            set_int(L, &r->loop.reps, &kv[i], R_LOOP_REPS);
            L->loop_reps_line = kv[i].line;
            break;
        case RK_LOOP_FULL: set_bool(L, &r->loop.full_protocol, &kv[i]); break;
        case RK_LOOP_BOTH: set_bool(L, &r->loop.both_legs, &kv[i]); break;
        case RK_LOOP_CARDS: set_bool(L, &r->loop.cards, &kv[i]); break;
        }
    }
}

static void do_phrases(loader *L, const raw_kv *kv, int n)
{
    static const char *const rep_ph[] = {"n", "total", NULL};
    static const char *const name_ph[] = {"name", NULL};
    int seen[PHRASE_COUNT] = {0};
    for (int i = 0; i < n; i++) {
        int k = key_index(phrase_key_list, kv[i].key);
        if (k < 0) {
            unknown_key(L, &kv[i], "phrases", phrase_key_list);
            continue;
        }
        if (!first_time(L, seen, k, &kv[i]))
            continue;
        char **field = (char **)((char *)&L->r->phrases + phrase_keys[k].offset);
        set_text(L, field, &kv[i], SK_MAX_TEXT);
        if (strcmp(kv[i].key, "rep_of") == 0)
            check_placeholders(L, &kv[i], rep_ph, rep_ph);
        else if (strcmp(kv[i].key, "next_stretch") == 0)
            check_placeholders(L, &kv[i], name_ph, name_ph);
        else
            check_placeholders(L, &kv[i], NULL, NULL);
    }
}

static void free_exercise(sk_exercise *e)
{
    free(e->id);
    free(e->name);
    free(e->summary);
    free(e->equipment);
    free(e->caution);
    for (int i = 0; i < SK_MAX_STEPS; i++)
        free(e->steps[i]);
    free(e->sprite);
    free(e->sprite_ref);
    memset(e, 0, sizeof *e);
}

static void free_card(sk_card *c)
{
    free(c->id);
    free(c->title);
    for (int i = 0; i < SK_MAX_CARD_LINES; i++)
        free(c->lines[i]);
    memset(c, 0, sizeof *c);
}

static void do_exercise(loader *L, sk_exercise *e, const char *section, int header_line,
                        const raw_kv *kv, int n)
{
    e->hold_seconds = R_HOLD.def;
    e->reps = R_REPS.def;
    e->rest_seconds = R_REST.def;
    e->get_ready_seconds = R_GET_READY.def;
    e->intro_seconds = R_INTRO.def;
    e->sides = SK_SIDES_BOTH;
    e->line = header_line;
    int seen[EK_COUNT] = {0};
    char *steps[SK_MAX_STEPS] = {0};
    for (int i = 0; i < n; i++) {
        const raw_kv *p = &kv[i];
        int k = key_index(exercise_keys, p->key);
        if (k < 0) {
            unknown_key(L, p, section, exercise_keys);
            continue;
        }
        if (!first_time(L, seen, k, p))
            continue;
        if (k >= EK_STEP1 && k < EK_STEP1 + SK_MAX_STEPS) {
            steps[k - EK_STEP1] = take_text(L, p, SK_MAX_TEXT);
            continue;
        }
        switch (k) {
        case EK_NAME: set_text(L, &e->name, p, SK_MAX_NAME); break;
        case EK_SUMMARY: set_text(L, &e->summary, p, SK_MAX_TEXT); break;
        case EK_EQUIPMENT: set_text(L, &e->equipment, p, SK_MAX_TEXT); break;
        case EK_CAUTION: set_text(L, &e->caution, p, SK_MAX_TEXT); break;
        case EK_HOLD: set_int(L, &e->hold_seconds, p, R_HOLD); break;
        case EK_REPS: set_int(L, &e->reps, p, R_REPS); break;
        case EK_REST: set_int(L, &e->rest_seconds, p, R_REST); break;
        case EK_GET_READY: set_int(L, &e->get_ready_seconds, p, R_GET_READY); break;
        case EK_INTRO: set_int(L, &e->intro_seconds, p, R_INTRO); break;
        case EK_SIDES: {
            static const char *const sides[] = {"both", "painful", "none", NULL};
            int s = key_index(sides, p->value);
            if (s >= 0) {
                e->sides = (sk_sides)s;
                break;
            }
            const char *near = sk_did_you_mean(p->value, sides);
            if (near)
                ERR(L, p->line, "sides must be both, painful or none, got \"%.40s\"; did you mean \"%s\"?",
                    p->value, near);
            else
                ERR(L, p->line, "sides must be both, painful or none, got \"%.40s\"", p->value);
            break;
        }
        case EK_SPRITE:
            set_text(L, &e->sprite_ref, p, 4096);
            if (e->sprite_ref)
                e->sprite_line = p->line;
            break;
        }
    }
    if (!seen[EK_NAME])
        ERR(L, header_line, "missing required key \"name\" in [%s]", section);
    /* Steps are numbered from 1 without gaps, so a forgotten step cannot
     * silently reorder the instructions. */
    if (!seen[EK_STEP1])
        ERR(L, header_line, "missing required key \"step1\" in [%s]", section);
    for (int s = 1; s < SK_MAX_STEPS; s++)
        if (seen[EK_STEP1 + s] && !seen[EK_STEP1 + s - 1] && seen[EK_STEP1])
            ERR(L, seen[EK_STEP1 + s], "step%d without step%d: number the steps from step1 with no gaps",
                s + 1, s);
    for (int s = 0; s < SK_MAX_STEPS; s++)
        if (steps[s])
            e->steps[e->step_count++] = steps[s];
}

static void do_card(loader *L, sk_card *c, const char *section, int header_line,
                    const raw_kv *kv, int n)
{
    c->seconds = R_CARD_SECONDS.def;
    c->line = header_line;
    int seen[CK_COUNT] = {0};
    char *text[SK_MAX_CARD_LINES] = {0}, *item[SK_MAX_CARD_LINES] = {0};
    int first_text = 0, first_item = 0;
    for (int i = 0; i < n; i++) {
        const raw_kv *p = &kv[i];
        int k = key_index(card_keys, p->key);
        if (k < 0) {
            unknown_key(L, p, section, card_keys);
            continue;
        }
        if (!first_time(L, seen, k, p))
            continue;
        if (k == CK_TITLE) {
            set_text(L, &c->title, p, SK_MAX_NAME);
        } else if (k == CK_SECONDS) {
            set_int(L, &c->seconds, p, R_CARD_SECONDS);
        } else if (k < CK_ITEM1) {
            text[k - CK_TEXT1] = take_text(L, p, SK_MAX_TEXT);
            if (!first_text)
                first_text = p->line;
        } else {
            item[k - CK_ITEM1] = take_text(L, p, SK_MAX_TEXT);
            if (!first_item)
                first_item = p->line;
        }
    }
    if (!seen[CK_TITLE])
        ERR(L, header_line, "missing required key \"title\" in [%s]", section);
    if (first_text && first_item)
        ERR(L, first_text > first_item ? first_text : first_item,
            "[%s] mixes textN and itemN lines: use text1.. for paragraphs or item1.. for a list",
            section);
    bool bullets = first_item && !first_text;
    int base = bullets ? CK_ITEM1 : CK_TEXT1;
    if (!first_text && !first_item)
        ERR(L, header_line, "missing required key \"text1\" (or \"item1\" for a list) in [%s]", section);
    else if (!seen[base])
        ERR(L, header_line, "missing required key \"%s1\" in [%s]", bullets ? "item" : "text", section);
    for (int s = 1; s < SK_MAX_CARD_LINES; s++)
        if (seen[base + s] && !seen[base + s - 1] && seen[base])
            ERR(L, seen[base + s], "%s%d without %s%d: number the lines from 1 with no gaps",
                bullets ? "item" : "text", s + 1, bullets ? "item" : "text", s);
    char **src = bullets ? item : text, **other = bullets ? text : item;
    for (int s = 0; s < SK_MAX_CARD_LINES; s++) {
        if (src[s])
            c->lines[c->line_count++] = src[s];
        free(other[s]);
    }
    c->bullets = bullets;
}

typedef enum { SEC_NONE, SEC_ROUTINE, SEC_PHRASES, SEC_EXERCISE, SEC_CARD, SEC_UNKNOWN } sec_kind;

static sec_kind classify(loader *L, const char *name, int line, const char **id)
{
    static const char *const plain[] = {"routine", "phrases", "exercise", "card", NULL};
    static const char *const prefixed[] = {"exercise", "card", NULL};
    *id = NULL;
    if (strcmp(name, "routine") == 0)
        return SEC_ROUTINE;
    if (strcmp(name, "phrases") == 0)
        return SEC_PHRASES;
    const char *dot = strchr(name, '.');
    if (dot) {
        char prefix[40];
        size_t n = (size_t)(dot - name);
        if (n < sizeof prefix) {
            memcpy(prefix, name, n);
            prefix[n] = '\0';
            if (strcmp(prefix, "exercise") == 0 || strcmp(prefix, "card") == 0) {
                *id = dot + 1;
                if (!valid_id(*id)) {
                    ERR(L, line, "bad id \"%s\" in [%s]: use 1 to %d of a-z, 0-9, _ and -", *id, name,
                        SK_MAX_ID);
                    return SEC_UNKNOWN;
                }
                return prefix[0] == 'e' ? SEC_EXERCISE : SEC_CARD;
            }
            const char *near = sk_did_you_mean(prefix, prefixed);
            if (near) {
                ERR(L, line, "unknown section [%s]; did you mean [%s.%s]?", name, near, dot + 1);
                return SEC_UNKNOWN;
            }
        }
        ERR(L, line, "unknown section [%s] (sections: [routine], [phrases], [exercise.ID], [card.ID])",
            name);
        return SEC_UNKNOWN;
    }
    const char *near = sk_did_you_mean(name, plain);
    if (near && (strcmp(near, "exercise") == 0 || strcmp(near, "card") == 0))
        ERR(L, line, "section [%s] needs an id: [%s.ID], e.g. [%s.basic]", name, near, near);
    else if (near)
        ERR(L, line, "unknown section [%s]; did you mean [%s]?", name, near);
    else
        ERR(L, line, "unknown section [%s] (sections: [routine], [phrases], [exercise.ID], [card.ID])",
            name);
    return SEC_UNKNOWN;
}

/* The id must be unique across exercises and cards: voice clips and sprite
 * frames are named after it. */
/* True when one more section of this kind fits (count < max); the first
 * time it does not, says so once ('warned' remembers). */
static bool has_room(loader *L, int count, int max, bool *warned, const char *what, int line)
{
    if (count < max) return true;
    if (!*warned) ERR(L, line, "too many %s: at most %d", what, max);
    *warned = true;
    return false;
}

static bool id_is_new(loader *L, const char *id, const char *section, int line)
{
    const sk_routine *r = L->r;
    for (int i = 0; i < r->exercise_count; i++)
        if (strcmp(r->exercises[i].id, id) == 0) {
            ERR(L, line, "duplicate id \"%s\" in [%s]: [exercise.%s] is on line %d", id, section, id,
                r->exercises[i].line);
            return false;
        }
    for (int i = 0; i < r->card_count; i++)
        if (strcmp(r->cards[i].id, id) == 0) {
            ERR(L, line, "duplicate id \"%s\" in [%s]: [card.%s] is on line %d", id, section, id,
                r->cards[i].line);
            return false;
        }
    return true;
}

void sk_rt_do_section(loader *L, const raw_header *h, const raw_kv *kv, int n)
{
    const char *id;
    sec_kind kind = classify(L, h->name, h->line, &id);
    sk_routine *r = L->r;
    switch (kind) {
    case SEC_ROUTINE:
    case SEC_PHRASES: {
        int *first = kind == SEC_ROUTINE ? &L->routine_line : &L->phrases_line;
        if (*first)
            ERR(L, h->line, "[%s] appears twice (first on line %d): keep one", h->name, *first);
        else
            *first = h->line;
        if (kind == SEC_ROUTINE)
            do_routine(L, kv, n);
        else
            do_phrases(L, kv, n);
        break;
    }
    case SEC_EXERCISE: {
        bool keep = id_is_new(L, id, h->name, h->line) &&
                    has_room(L, r->exercise_count, SK_MAX_EXERCISES, &L->too_many_exercises,
                             "exercises", h->line);
        sk_exercise e = {0};
        do_exercise(L, &e, h->name, h->line, kv, n);
        e.id = sk_strdup(id);
        if (!e.id)
            L->oom = true;
        if (keep && e.id)
            r->exercises[r->exercise_count++] = e;
        else
            free_exercise(&e);
        break;
    }
    case SEC_CARD: {
        bool keep = id_is_new(L, id, h->name, h->line) &&
                    has_room(L, r->card_count, SK_MAX_CARDS, &L->too_many_cards, "cards", h->line);
        sk_card c = {0};
        do_card(L, &c, h->name, h->line, kv, n);
        c.id = sk_strdup(id);
        if (!c.id)
            L->oom = true;
        if (keep && c.id)
            r->cards[r->card_count++] = c;
        else
            free_card(&c);
        break;
    }
    case SEC_NONE:
    case SEC_UNKNOWN:
        break;   /* reported once by classify; its keys are not checked one by one */
    }
}

void sk_routine_free(sk_routine *r)
{
    if (!r)
        return;
    free(r->path);
    free(r->dir);
    free(r->title);
    free(r->language);
    for (int i = 0; i < PHRASE_COUNT; i++)
        free(*(char **)((char *)&r->phrases + phrase_keys[i].offset));
    free(r->phrases.count[0]);
    for (int i = 0; i < r->exercise_count; i++)
        free_exercise(&r->exercises[i]);
    for (int i = 0; i < r->card_count; i++)
        free_card(&r->cards[i]);
    free(r);
}

sk_routine *sk_rt_new(const char *name)
{
    sk_routine *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    bool ok = (r->path = sk_strdup(name)) && (r->language = sk_strdup("en")) &&
              (r->phrases.count[0] = sk_strdup(""));
    for (int i = 0; ok && i < PHRASE_COUNT; i++) {
        char **field = (char **)((char *)&r->phrases + phrase_keys[i].offset);
        ok = (*field = sk_strdup(phrase_keys[i].english)) != NULL;
    }
    r->loop.reps = R_LOOP_REPS.def;
    r->loop.full_protocol = false;
    r->loop.both_legs = true;
    r->loop.cards = true;
    if (!ok) {
        sk_routine_free(r);
        return NULL;
    }
    return r;
}

void sk_rt_init_phrase_key_list(void)
{
    for (int i = 0; i < PHRASE_COUNT; i++)
        phrase_key_list[i] = phrase_keys[i].key;
    phrase_key_list[PHRASE_COUNT] = NULL;
}

