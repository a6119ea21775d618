/* kiosk.ini's routine and language choose what the kiosk shows
 * (sk_content_routine_path), and a translation loads with its own
 * language's captions and voice. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "text_util.h"

int main(void)
{
    const char *src = getenv("SK_SOURCE_DIR");
    char assets[4096];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");
    sk_config cfg;
    sk_config_defaults(&cfg);
    char buf[4096];
    CHECK(sk_content_routine_path(&cfg, assets, buf, sizeof buf, stderr) == NULL,
          "language en, no routine: the built-in routine");
    sk_strlcpy(cfg.language, "es", sizeof cfg.language);
    const char *p = sk_content_routine_path(&cfg, assets, buf, sizeof buf, stderr);
    CHECK(p && strstr(p, "/routines/sciatica-es.ini"), "language es: the translation (%s)",
          p ? p : "NULL");
    sk_content c;
    CHECK(p && sk_content_load(&c, p, assets, NULL, stderr), "the translation loads");
    if (p) {
        CHECK_STR(c.routine->language, "es");
        CHECK(!c.fell_back, "no errors in it");
        CHECK(strstr(sk_voice_catalog_dir(c.voice), "/voice/es") != NULL, "its voice: %s",
              sk_voice_catalog_dir(c.voice));
        sk_content_free(&c);
    }
    sk_strlcpy(cfg.language, "fi", sizeof cfg.language);
    CHECK(sk_content_routine_path(&cfg, assets, buf, sizeof buf, NULL) == NULL,
          "a language without a translation: the built-in routine");
    cfg.routine = strdup("/some/where/else.ini");
    sk_strlcpy(cfg.language, "es", sizeof cfg.language);
    p = sk_content_routine_path(&cfg, assets, buf, sizeof buf, stderr);
    CHECK(p && !strcmp(p, "/some/where/else.ini"), "a routine file set: that file, in its language");
    /* Through a link as it points now (a fleet's content/current): what
     * was loaded keeps reading its own folder when the link moves on. */
    char dir[] = "/tmp/sk-content-XXXXXX", real[PATH_MAX], cmd[200];
    CHECK(mkdtemp(dir) && realpath(dir, real), "temp dir");
    snprintf(cmd, sizeof cmd, "mkdir %s/v1 && touch %s/v1/r.ini && ln -s v1 %s/current", dir, dir, dir);
    CHECK(system(cmd) == 0, "%s", cmd);
    free(cfg.routine);
    char linked[300], want[PATH_MAX + 16];
    snprintf(linked, sizeof linked, "%s/current/r.ini", dir);
    snprintf(want, sizeof want, "%s/v1/r.ini", real);
    cfg.routine = strdup(linked);
    p = sk_content_routine_path(&cfg, assets, buf, sizeof buf, stderr);
    CHECK(p && !strcmp(p, want), "through its link: %s", p ? p : "(null)");
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    CHECK(system(cmd) == 0, "cleaned");
    sk_config_free(&cfg);
    return CHECK_DONE();
}
