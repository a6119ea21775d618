#include "content.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text_util.h"

/* The built-in routine ships as <assets>/routines/sciatica.ini: its sprite
 * paths are relative to that folder. */
static bool place_builtin(sk_routine *r, const char *assets_dir)
{
    if (!r->is_builtin || !assets_dir) return true;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/routines", assets_dir);
    return sk_routine_set_dir(r, dir);
}

/* The voice catalog for r's language and a timeline timed by its clips. */
static bool build(const sk_routine *r, const char *assets_dir, const sk_timeline_opts *opts,
                  sk_voice_catalog **voice, sk_timeline **tl)
{
    char dir[4096];
    if (!sk_voice_dir(dir, sizeof dir, assets_dir ? assets_dir : ".", r->language))
        dir[0] = '\0';
    *voice = sk_voice_catalog_create(dir);
    if (!*voice) return false;
    sk_timeline_opts o = {0};
    if (opts) o = *opts;
    o.clip_ms = sk_voice_catalog_clip_ms;
    o.clip_user = *voice;
    *tl = sk_timeline_create(r, &o);
    if (!*tl) {
        sk_voice_catalog_free(*voice);
        *voice = NULL;
        return false;
    }
    return true;
}

bool sk_content_load(sk_content *c, const char *routine_path, const char *assets_dir,
                     const sk_timeline_opts *opts, FILE *log)
{
    memset(c, 0, sizeof *c);
    if (routine_path)
        c->routine = sk_routine_load_or_builtin(routine_path, log, &c->fell_back);
    else
        c->routine = sk_routine_builtin();
    if (!c->routine || !place_builtin(c->routine, assets_dir)) {
        sk_routine_free(c->routine);
        c->routine = NULL;
        return false;
    }
    if (!build(c->routine, assets_dir, opts, &c->voice, &c->timeline)) {
        sk_routine_free(c->routine);
        c->routine = NULL;
        return false;
    }
    return true;
}

bool sk_content_reload(sk_content *c, const char *routine_path, const char *assets_dir,
                       const sk_timeline_opts *opts, FILE *log)
{
    sk_routine *r;
    if (routine_path) {
        sk_diag d;
        sk_diag_init(&d);
        r = sk_routine_load(routine_path, &d);
        if (log) sk_diag_print(&d, log);
        sk_diag_free(&d);
        if (!r) {
            if (log) fprintf(log, "%s: not reloaded; still showing the previous routine\n", routine_path);
            return false;
        }
    } else {
        r = sk_routine_builtin();
        if (!r) return false;
    }
    if (!place_builtin(r, assets_dir)) {
        sk_routine_free(r);
        return false;
    }
    sk_timeline *tl;
    sk_voice_catalog *voice;
    if (!build(r, assets_dir, opts, &voice, &tl)) {
        sk_routine_free(r);
        return false;
    }
    sk_content_free(c);
    c->routine = r;
    c->timeline = tl;
    c->voice = voice;
    c->fell_back = false;
    return true;
}

void sk_content_free(sk_content *c)
{
    sk_timeline_free(c->timeline);
    sk_voice_catalog_free(c->voice);
    sk_routine_free(c->routine);
    memset(c, 0, sizeof *c);
}

void sk_content_timeline_opts(const sk_config *cfg, sk_timeline_opts *out)
{
    memset(out, 0, sizeof *out);
    out->walkaway_ms = (int64_t)cfg->walkaway_seconds * 1000;
    out->return_to_start = cfg->mode == SK_MODE_SESSION;
}

const char *sk_content_routine_path(const sk_config *cfg, const char *assets_dir, char *buf,
                                    size_t size, FILE *log)
{
    /* Through its links, as it is now: a fleet's content/current moved to
     * the next folder leaves what runs reading its own (content.h). */
    if (cfg->routine) return size >= PATH_MAX && realpath(cfg->routine, buf) ? buf : cfg->routine;
    if (!cfg->language[0] || sk_strcasecmp(cfg->language, "en") == 0) return NULL;
    int n = snprintf(buf, size, "%s/routines/sciatica-%s.ini", assets_dir ? assets_dir : ".",
                     cfg->language);
    if (n > 0 && (size_t)n < size && access(buf, F_OK) == 0) return buf;
    if (log)
        fprintf(log, "stretch-kiosk: language %s: no translation of the built-in routine "
                     "(%s/routines/sciatica-%s.ini); showing it in English\n", cfg->language,
                assets_dir ? assets_dir : ".", cfg->language);
    return NULL;
}
