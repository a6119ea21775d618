/* Every character of every shipped routine (the English built-in one and
 * each translation under assets/routines), the language names on the
 * buttons and the tag, and the few marks the screens add (the ellipsis,
 * the caution sign) have a glyph in both fonts the kiosk draws with
 * (DejaVu Sans and Sans Bold): no box ever stands in for a ñ, ¿, ß or „.
 * Asks SDL_ttf (TTF_GlyphIsProvided32), the library that draws them. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text_util.h"

static TTF_Font *fonts[2];
static const char *font_names[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
static long checked;

/* Decodes UTF-8 (the files are checked UTF-8 by the loader; a bad byte
 * here fails). Returns the bytes used, 0 at a bad sequence. */
static int next_cp(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    int n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (!n) return 0;
    uint32_t v = s[0] & (0x3F >> (n - 1));
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return n;
}

static void check_text(const char *what, int line, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        uint32_t cp;
        int n = next_cp(s, &cp);
        CHECK(n > 0, "%s:%d: not UTF-8", what, line);
        if (!n) return;
        s += n;
        if (cp < 0x20) continue;
        for (int f = 0; f < 2; f++) {
            checked++;
            CHECK(TTF_GlyphIsProvided32(fonts[f], cp), "%s:%d: U+%04X has no glyph in %s", what, line,
                  (unsigned)cp, font_names[f]);
        }
    }
}

static int check_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL, "open %s", path);
    if (!f) return 0;
    char buf[4096];
    int line = 0, wide = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        check_text(path, line, buf);
        for (const unsigned char *p = (const unsigned char *)buf; *p; p++) wide += *p >= 0x80;
    }
    fclose(f);
    return wide;
}

int main(void)
{
    const char *src = getenv("SK_SOURCE_DIR");
    char dir[4096], path[4400];
    snprintf(dir, sizeof dir, "%s/assets", src ? src : ".");
    CHECK(TTF_Init() == 0, "TTF_Init: %s", SDL_GetError());
    for (int f = 0; f < 2; f++) {
        snprintf(path, sizeof path, "%s/fonts/%s", dir, font_names[f]);
        fonts[f] = TTF_OpenFont(path, 24);
        CHECK(fonts[f] != NULL, "%s: %s", path, TTF_GetError());
        if (!fonts[f]) return CHECK_DONE();
    }
    snprintf(dir, sizeof dir, "%s/assets/routines", src ? src : ".");
    DIR *d = opendir(dir);
    CHECK(d != NULL, "open %s", dir);
    int files = 0, wide = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        wide += check_file(path);
        files++;
    }
    if (d) closedir(d);
    CHECK(files >= 3, "the English routine and its translations: %d files", files);
    CHECK(wide > 100, "the translations have non-ASCII letters to check (%d bytes)", wide);
    /* Written by the program, not the files: the buttons' and tag's
     * names, the ellipsis of a cut line, the caution's sign, the
     * German quotes the translations may use. */
    static const char *const codes[] = {"en", "es", "de", "fr", "it", "pt", "nl", "pl", "tr", "sv", "da", "nb"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        check_text("sk_language_name", (int)i, sk_language_name(codes[i]));
    check_text("marks", 0, "\u2026 \u26A0 \u201E\u201C \u00BF\u00A1 \u00F1\u00FC\u00DF\u00E9");
    printf("%ld glyph lookups in %d routine files\n", checked, files);
    for (int f = 0; f < 2; f++) TTF_CloseFont(fonts[f]);
    TTF_Quit();
    return CHECK_DONE();
}
