#include "languages.h"

#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "diag.h"
#include "text_util.h"

/* The file for language 'code' (see the header), into buf; "" = the
 * built-in routine; NULL = none (logged). */
static const char *file_for(const sk_config *cfg, const char *assets_dir, const char *code,
                            char *buf, size_t size, FILE *log)
{
    const char *assets = assets_dir ? assets_dir : ".";
    if (!cfg->routine && sk_strcasecmp(code, "en") == 0) return "";
    int n;
    if (cfg->routine) {
        const char *dot = strrchr(cfg->routine, '.');
        const char *slash = strrchr(cfg->routine, '/');
        int stem = dot && (!slash || dot > slash) ? (int)(dot - cfg->routine) : (int)strlen(cfg->routine);
        n = snprintf(buf, size, "%.*s-%s.ini", stem, cfg->routine, code);
    } else {
        n = snprintf(buf, size, "%s/routines/sciatica-%s.ini", assets, code);
    }
    if (n > 0 && (size_t)n < size && access(buf, F_OK) == 0) return buf;
    if (cfg->routine) return cfg->routine;   /* its own language, checked after loading */
    if (log)
        fprintf(log, "stretch-kiosk: languages: %s: no translation of the built-in routine (%s); "
                     "left out\n", code, buf);
    return NULL;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Why r cannot stand beside first (NULL: it can). */
static const char *differs(const sk_routine *r, const sk_routine *first)
{
    if (r->exercise_count != first->exercise_count) return "it has a different number of stretches";
    for (int i = 0; i < r->exercise_count; i++) {
        if (!same_str(r->exercises[i].id, first->exercises[i].id))
            return "its stretches are not the same, in the same order";
        if (!same_str(r->exercises[i].sprite, first->exercises[i].sprite))
            return "its stretches use other sprite sheets";
    }
    return NULL;
}

/* Loads language 'code' strictly into set->c[set->count] (no fallback);
 * a language that cannot be shown is logged and skipped. False only when
 * out of memory. */
static bool load_one(sk_languages *set, const sk_config *cfg, const char *assets_dir,
                     const char *code, const sk_timeline_opts *opts, FILE *log)
{
    char buf[4096];
    const char *path = file_for(cfg, assets_dir, code, buf, sizeof buf, log);
    if (!path) return true;
    sk_content *c = &set->c[set->count];
    memset(c, 0, sizeof *c);
    if (path[0]) {   /* validated first: the reasons, then one line */
        sk_diag d;
        sk_diag_init(&d);
        sk_routine *r = sk_routine_load(path, &d);
        if (log) sk_diag_print(&d, log);
        sk_diag_free(&d);
        if (!r) {
            if (log) fprintf(log, "%s: languages: %s left out (the file has errors)\n", path, code);
            return true;
        }
        sk_routine_free(r);
    }
    if (!sk_content_reload(c, path[0] ? path : NULL, assets_dir, opts, log)) return false;
    const char *why = NULL;
    if (sk_strcasecmp(c->routine->language, code) != 0)
        why = "its language key names another language";
    else if (set->count > 0)
        why = differs(c->routine, set->c[0].routine);
    if (why) {
        if (log)
            fprintf(log, "%s: languages: %s left out: %s than %s's\n", c->routine->path, code, why,
                    set->c[0].routine ? set->c[0].routine->path : "the first language");
        sk_content_free(c);
        return true;
    }
    set->count++;
    return true;
}

bool sk_languages_load(sk_languages *set, const sk_config *cfg, const char *assets_dir,
                       const sk_timeline_opts *opts, FILE *log)
{
    memset(set, 0, sizeof *set);
    set->per_stretch = cfg->language_per_stretch;
    if (cfg->language_count == 0) {
        char buf[4096];
        const char *path = sk_content_routine_path(cfg, assets_dir, buf, sizeof buf, log);
        if (!sk_content_load(&set->c[0], path, assets_dir, opts, log)) return false;
        set->count = 1;
        return true;
    }
    for (int i = 0; i < cfg->language_count && set->count < SK_LANGUAGES_MAX; i++)
        if (!load_one(set, cfg, assets_dir, cfg->languages[i], opts, log)) {
            sk_languages_free(set);
            return false;   /* out of memory */
        }
    if (set->count > 0) return true;
    if (log) fprintf(log, "stretch-kiosk: languages: none could be shown; showing the built-in routine\n");
    if (!sk_content_load(&set->c[0], NULL, assets_dir, opts, log)) return false;
    set->c[0].fell_back = true;
    set->count = 1;
    return true;
}

bool sk_languages_reload(sk_languages *set, const sk_config *cfg, const char *assets_dir,
                         const sk_timeline_opts *opts, FILE *log)
{
    if (cfg->language_count == 0) {
        /* One language: content.h's rule (a broken file keeps what runs). */
        char buf[4096];
        const char *path = sk_content_routine_path(cfg, assets_dir, buf, sizeof buf, log);
        if (!sk_content_reload(&set->c[0], path, assets_dir, opts, log)) return false;
        for (int i = 1; i < set->count; i++) sk_content_free(&set->c[i]);
        set->count = 1;
        set->per_stretch = cfg->language_per_stretch;
        return true;
    }
    sk_languages fresh;
    if (!sk_languages_load(&fresh, cfg, assets_dir, opts, log)) return false;
    if (fresh.c[0].fell_back) {
        if (log) fprintf(log, "stretch-kiosk: languages: not reloaded; still showing the previous ones\n");
        sk_languages_free(&fresh);
        return false;
    }
    sk_languages_free(set);
    *set = fresh;
    return true;
}

void sk_languages_free(sk_languages *set)
{
    for (int i = 0; i < set->count; i++) sk_content_free(&set->c[i]);
    memset(set, 0, sizeof *set);
}
