#include "assets.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_info.h"
#include "text_util.h"

static bool has_fonts(const char *dir)
{
    char p[PATH_MAX];
    struct stat st;
    snprintf(p, sizeof p, "%s/fonts", dir);
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exe_dir(char *out, size_t size)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) return false;
    *slash = '\0';
    sk_strlcpy(out, buf, size);
    return true;
}

bool sk_assets_find(const char *explicit_dir, char *out, size_t size)
{
    if (explicit_dir) {
        sk_strlcpy(out, explicit_dir, size);
        return has_fonts(explicit_dir);
    }
    char dir[PATH_MAX], cand[PATH_MAX];
    if (exe_dir(dir, sizeof dir)) {
        /* A build tree has CMakeCache.txt beside the binary. */
        snprintf(cand, sizeof cand, "%s/CMakeCache.txt", dir);
        if (access(cand, F_OK) == 0 && has_fonts(SK_ASSETS_SOURCE_DIR)) {
            sk_strlcpy(out, SK_ASSETS_SOURCE_DIR, size);
            return true;
        }
        snprintf(cand, sizeof cand, "%s/../share/stretch-kiosk", dir);
        if (has_fonts(cand)) {
            sk_strlcpy(out, cand, size);
            return true;
        }
    }
    if (has_fonts(SK_ASSETS_INSTALL_DIR)) {
        sk_strlcpy(out, SK_ASSETS_INSTALL_DIR, size);
        return true;
    }
    sk_strlcpy(out, has_fonts(SK_ASSETS_SOURCE_DIR) ? SK_ASSETS_SOURCE_DIR : SK_ASSETS_INSTALL_DIR,
               size);
    return has_fonts(out);
}
