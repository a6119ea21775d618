/* Voice clips on disk and their texts. See voice_catalog.h. No SDL. */
#include "voice_catalog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"
#include "timeline.h"

struct sk_voice_catalog {
    char *dir;
    sk_voice_clip **clips;
    int count, cap;
};

bool sk_voice_key_valid(const char *key)
{
    if (!key || !key[0] || key[0] == '.' || strlen(key) >= SK_CUE_KEY_MAX) return false;
    if (strstr(key, "..")) return false;
    for (const char *p = key; *p; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-'))
            return false;
    }
    return true;
}

bool sk_voice_dir(char *out, size_t size, const char *assets_dir, const char *language)
{
    int n = snprintf(out, size, "%s/voice/%s", assets_dir ? assets_dir : ".",
                     language && language[0] ? language : "en");
    return n >= 0 && (size_t)n < size;
}

/* --- Ogg Vorbis length ---------------------------------------------------- */

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int64_t le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return (int64_t)v;
}

#define OGG_WINDOW (64 * 1024)

int64_t sk_voice_ogg_ms(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    unsigned char *buf = malloc(OGG_WINDOW);
    int64_t result = -1;
    if (!buf) goto out;

    /* First page: "OggS", header 27 bytes + segment table, then the Vorbis
     * identification packet: 0x01 "vorbis" version(4) channels(1) rate(4). */
    size_t n = fread(buf, 1, OGG_WINDOW, f);
    if (n < 28 || memcmp(buf, "OggS", 4) != 0) goto out;
    size_t seg = buf[26];
    size_t body = 27 + seg;
    if (body + 16 > n || buf[body] != 1 || memcmp(buf + body + 1, "vorbis", 6) != 0) goto out;
    uint32_t serial = le32(buf + 14);
    uint32_t rate = le32(buf + body + 12);
    if (rate == 0 || rate > 384000) goto out;

    /* The last page of this stream carries the total sample count as its
     * granule position. Search the file's tail backwards for "OggS". */
    if (fseek(f, 0, SEEK_END) != 0) goto out;
    long size = ftell(f);
    if (size < 0) goto out;
    long start = size > OGG_WINDOW ? size - OGG_WINDOW : 0;
    if (fseek(f, start, SEEK_SET) != 0) goto out;
    n = fread(buf, 1, OGG_WINDOW, f);
    int64_t granule = -1;
    for (size_t i = n >= 27 ? n - 27 : 0;; i--) {
        if (memcmp(buf + i, "OggS", 4) == 0 && buf[i + 4] == 0 && le32(buf + i + 14) == serial) {
            granule = le64(buf + i + 6);
            if (granule >= 0) break;  /* -1: a page with no packet end */
        }
        if (i == 0) break;
    }
    if (granule < 0) goto out;
    result = granule * 1000 / rate;
out:
    free(buf);
    fclose(f);
    return result;
}

/* --- the catalog ----------------------------------------------------------- */

static char *read_sidecar(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *text = malloc(SK_VOICE_TEXT_MAX);
    if (!text) {
        fclose(f);
        return NULL;
    }
    size_t n = fread(text, 1, SK_VOICE_TEXT_MAX - 1, f);
    fclose(f);
    text[n] = '\0';
    /* One sidecar holds one line of text; a trailing newline (editors add
     * one) and blanks at either end are not part of it. */
    char *t = sk_trim(text);
    if (t != text) memmove(text, t, strlen(t) + 1);
    return text;
}

sk_voice_catalog *sk_voice_catalog_create(const char *dir)
{
    sk_voice_catalog *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->dir = sk_strdup(dir ? dir : ".");
    if (!c->dir) {
        free(c);
        return NULL;
    }
    return c;
}

static void clip_free(sk_voice_clip *clip)
{
    if (!clip) return;
    free(clip->key);
    free(clip->path);
    free(clip->text);
    free(clip);
}

void sk_voice_catalog_free(sk_voice_catalog *c)
{
    if (!c) return;
    for (int i = 0; i < c->count; i++) clip_free(c->clips[i]);
    free(c->clips);
    free(c->dir);
    free(c);
}

const char *sk_voice_catalog_dir(const sk_voice_catalog *c)
{
    return c ? c->dir : NULL;
}

const sk_voice_clip *sk_voice_catalog_find(sk_voice_catalog *c, const char *key)
{
    if (!c || !sk_voice_key_valid(key)) return NULL;
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->clips[i]->key, key) == 0) return c->clips[i];

    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        sk_voice_clip **grown = realloc(c->clips, (size_t)cap * sizeof *grown);
        if (!grown) return NULL;
        c->clips = grown;
        c->cap = cap;
    }
    sk_voice_clip *clip = calloc(1, sizeof *clip);
    size_t len = strlen(c->dir) + strlen(key) + 8;
    char *txt = malloc(len);
    if (clip) {
        clip->key = sk_strdup(key);
        clip->path = malloc(len);
    }
    if (!clip || !clip->key || !clip->path || !txt) {
        clip_free(clip);
        free(txt);
        return NULL;
    }
    snprintf(clip->path, len, "%s/%s.ogg", c->dir, key);
    snprintf(txt, len, "%s/%s.txt", c->dir, key);
    clip->ms = sk_voice_ogg_ms(clip->path);
    clip->exists = clip->ms >= 0;
    clip->text = read_sidecar(txt);
    free(txt);
    c->clips[c->count++] = clip;
    return clip;
}

int64_t sk_voice_catalog_clip_ms(void *user, const char *key)
{
    const sk_voice_clip *clip = sk_voice_catalog_find(user, key);
    return clip && clip->exists ? clip->ms : -1;
}

/* --- the cues of a routine -------------------------------------------------- */

typedef struct cue_list {
    sk_cue *cues;           /* copies; text points into the timeline */
    int count, cap;
    int conflicts;
    bool oom;
} cue_list;

static void cue_list_add(cue_list *l, const sk_cue *cue)
{
    if (!cue || !cue->key[0]) return;
    for (int i = 0; i < l->count; i++) {
        if (strcmp(l->cues[i].key, cue->key) == 0) {
            if (strcmp(l->cues[i].text ? l->cues[i].text : "", cue->text ? cue->text : "") != 0)
                l->conflicts++;
            return;
        }
    }
    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 128;
        sk_cue *grown = realloc(l->cues, (size_t)cap * sizeof *grown);
        if (!grown) {
            l->oom = true;
            return;
        }
        l->cues = grown;
        l->cap = cap;
    }
    l->cues[l->count++] = *cue;
}

static void cue_list_add_phases(cue_list *l, const sk_phase *ph, int n)
{
    for (int i = 0; ph && i < n; i++)
        for (int k = 0; k < ph[i].cue_count; k++) cue_list_add(l, &ph[i].cues[k]);
}

/* Collects the cues of the loop, the session and the walk-away question.
 * The texts point into tl, which must outlive the list. */
static bool collect_cues(const sk_timeline *tl, cue_list *l)
{
    int n = 0;
    const sk_phase *ph = sk_timeline_loop_phases(tl, &n);
    cue_list_add_phases(l, ph, n);
    ph = sk_timeline_session_phases(tl, &n);
    cue_list_add_phases(l, ph, n);
    cue_list_add_phases(l, sk_timeline_still_there_phase(tl), 1);
    return !l->oom;
}

static void write_clean(FILE *out, const char *s)
{
    for (; s && *s; s++) fputc(*s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s, out);
}

int sk_voice_list_cues(const sk_routine *r, FILE *out, int *conflicts)
{
    sk_timeline_opts opts;
    memset(&opts, 0, sizeof opts);
    sk_timeline *tl = sk_timeline_create(r, &opts);
    if (!tl) return -1;
    cue_list l = {0};
    int result = -1;
    if (collect_cues(tl, &l)) {
        for (int i = 0; i < l.count; i++) {
            fputs(l.cues[i].key, out);
            fputc('\t', out);
            write_clean(out, l.cues[i].text);
            fputc('\n', out);
        }
        result = l.count;
    }
    if (conflicts) *conflicts = l.conflicts;
    free(l.cues);
    sk_timeline_free(tl);
    return result;
}

/* The text a sidecar should hold for a caption: what make-voice writes,
 * i.e. the caption with newlines and tabs as spaces, trimmed. */
static bool same_text(const char *sidecar, const char *caption)
{
    const char *a = sidecar, *b = caption ? caption : "";
    while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r') b++;
    size_t blen = strlen(b);
    while (blen && (b[blen - 1] == ' ' || b[blen - 1] == '\t' || b[blen - 1] == '\n' ||
                    b[blen - 1] == '\r'))
        blen--;
    size_t i = 0;
    for (; i < blen; i++) {
        char cb = b[i] == '\n' || b[i] == '\t' || b[i] == '\r' ? ' ' : b[i];
        if (a[i] != cb) return false;
    }
    return a[i] == '\0';
}

/* Where a cue comes from in the routine file, for file:line messages. */
static int cue_line(const sk_routine *r, const sk_phase *ph)
{
    if (ph && ph->exercise >= 0 && ph->exercise < r->exercise_count)
        return r->exercises[ph->exercise].line;
    if (ph && ph->card >= 0 && ph->card < r->card_count) return r->cards[ph->card].line;
    return 0;
}

static void check_fit(const sk_routine *r, sk_voice_catalog *cat, const sk_phase *ph, int n,
                      sk_diag *d, int *warnings, cue_list *told)
{
    for (int i = 0; ph && i < n; i++) {
        for (int k = 0; k < ph[i].cue_count; k++) {
            const sk_cue *cue = &ph[i].cues[k];
            int64_t ms = sk_voice_catalog_clip_ms(cat, cue->key);
            if (ms < 0) continue;
            int64_t until = k + 1 < ph[i].cue_count ? ph[i].cues[k + 1].at_ms : ph[i].duration_ms;
            int64_t room = until - cue->at_ms;
            if (ms <= room) continue;
            bool already = false;
            for (int t = 0; t < told->count; t++)
                if (strcmp(told->cues[t].key, cue->key) == 0) already = true;
            if (already) continue;
            cue_list_add(told, cue);
            sk_diag_warn(d, r->path, cue_line(r, &ph[i]),
                         "voice line \"%s\" lasts %.2f s but its %s phase gives it %.2f s: "
                         "it will be cut or overlap the next line (shorten the text)",
                         cue->key, (double)ms / 1000.0, sk_phase_name(ph[i].kind),
                         (double)room / 1000.0);
            (*warnings)++;
        }
    }
}

int sk_voice_check(const sk_routine *r, const char *voice_dir, sk_diag *d)
{
    sk_voice_catalog *cat = sk_voice_catalog_create(voice_dir);
    if (!cat) return 0;
    sk_timeline_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.clip_ms = sk_voice_catalog_clip_ms;
    opts.clip_user = cat;
    sk_timeline *tl = sk_timeline_create(r, &opts);
    if (!tl) {
        sk_voice_catalog_free(cat);
        return 0;
    }
    int warnings = 0, missing = 0;
    cue_list l = {0};
    collect_cues(tl, &l);
    for (int i = 0; i < l.count; i++) {
        const sk_cue *cue = &l.cues[i];
        const sk_voice_clip *clip = sk_voice_catalog_find(cat, cue->key);
        if (!clip) {
            sk_diag_warn(d, r->path, 0, "voice cue \"%s\" cannot name a clip file", cue->key);
            warnings++;
        } else if (!clip->exists) {
            /* One line per missing clip, up to a few: a routine in a new
             * language misses all of them, and one summary says that. */
            if (missing++ < 5) {
                sk_diag_warn(d, r->path, 0, "%s: voice clip missing (run kiosk/make-voice): \"%s\"",
                             clip->path, cue->text ? cue->text : "");
                warnings++;
            }
        } else if (!clip->text) {
            sk_diag_warn(d, r->path, 0,
                         "%s: no %s.txt beside it, so nobody can tell which words it says",
                         clip->path, cue->key);
            warnings++;
        } else if (!same_text(clip->text, cue->text)) {
            sk_diag_warn(d, r->path, 0,
                         "%s was made from other words (\"%s\") than the caption \"%s\" "
                         "(run kiosk/make-voice, or record it again)",
                         clip->path, clip->text, cue->text ? cue->text : "");
            warnings++;
        }
    }
    if (missing > 5) {
        sk_diag_warn(d, r->path, 0, "%d more voice clips missing in %s", missing - 5, voice_dir);
        warnings++;
    }
    /* Phases the timeline cannot stretch (get-ready, hold, rest, and
     * intros/cards already at their cap) may still be too short. */
    cue_list told = {0};
    int n = 0;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    check_fit(r, cat, ph, n, d, &warnings, &told);
    ph = sk_timeline_loop_phases(tl, &n);
    check_fit(r, cat, ph, n, d, &warnings, &told);
    free(told.cues);
    free(l.cues);
    sk_timeline_free(tl);
    sk_voice_catalog_free(cat);
    return warnings;
}
