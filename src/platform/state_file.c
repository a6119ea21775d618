#include "state_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text_util.h"

static bool say(char *why, size_t size, const char *path, const char *what, int err)
{
    if (why && size) snprintf(why, size, "%s: %s: %s", path, what, strerror(err));
    return false;
}

static bool write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

bool sk_state_file_replace(const char *dir, const char *name, const void *data, size_t len,
                           char *why, size_t why_size)
{
    char path[4096], tmp[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path ||
        snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name) >= (int)sizeof tmp)
        return say(why, why_size, dir, "path", ENAMETOOLONG);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return say(why, why_size, tmp, "open", errno);
    /* Readable by anyone despite the unit's UMask=0077: `ssh pi@room-3
     * stretch-kiosk --status` works for any user (counts, nothing personal). */
    fchmod(fd, 0644);
    if (!write_all(fd, data, len) || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return say(why, why_size, path, "write", e);
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        return say(why, why_size, path, "close", e);
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return say(why, why_size, path, "rename", e);
    }
    /* The rename itself reaches the disk only with the folder's fsync. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return say(why, why_size, dir, "open", errno);
    bool ok = fsync(dfd) == 0 || errno == EINVAL;  /* some file systems cannot */
    int e = errno;
    close(dfd);
    return ok ? true : say(why, why_size, dir, "fsync", e);
}

char *sk_state_file_read(const char *dir, const char *name, size_t max_bytes, size_t *len,
                         char *why, size_t why_size)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        say(why, why_size, dir, "path", ENAMETOOLONG);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT && why && why_size) snprintf(why, why_size, "%s: missing", path);
        else say(why, why_size, path, "open", errno);
        return NULL;
    }
    char *buf = malloc(max_bytes + 1);
    size_t n = buf ? fread(buf, 1, max_bytes + 1, f) : 0;
    bool bad = !buf || ferror(f);
    fclose(f);
    if (bad || n > max_bytes) {
        if (why && why_size)
            snprintf(why, why_size, "%s: %s", path, bad ? "read failed" : "larger than expected");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

bool sk_state_dir(const char *kind, const char *override, bool reading, char *buf, size_t size)
{
    bool state = !strcmp(kind, "state");
    if (override) return sk_strlcpy(buf, override, size) < size;
    const char *sd = getenv(state ? "STATE_DIRECTORY" : "RUNTIME_DIRECTORY");
    if (sd && *sd) {
        /* systemd may list several folders separated by ':'; ours is the first. */
        size_t n = strcspn(sd, ":");
        if (n >= size) return false;
        memcpy(buf, sd, n);
        buf[n] = '\0';
        return true;
    }
    const char *system_dir = state ? "/var/lib/stretch-kiosk" : "/run/stretch-kiosk/health";
    if (reading && is_dir(system_dir)) return sk_strlcpy(buf, system_dir, size) < size;
    const char *xdg = getenv(state ? "XDG_STATE_HOME" : "XDG_RUNTIME_DIR");
    if (xdg && xdg[0] == '/') return snprintf(buf, size, "%s/stretch-kiosk", xdg) < (int)size;
    const char *home = getenv("HOME");
    if (!state || !home || home[0] != '/') return false;
    return snprintf(buf, size, "%s/.local/state/stretch-kiosk", home) < (int)size;
}

bool sk_state_dir_make(const char *dir, char *why, size_t why_size)
{
    char p[4096];
    if (sk_strlcpy(p, dir, sizeof p) >= sizeof p) return say(why, why_size, dir, "path", ENAMETOOLONG);
    for (char *s = p + 1;; s++) {
        bool end = *s == '\0';
        if (*s == '/' || end) {
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) return say(why, why_size, p, "mkdir", errno);
            if (end) break;
            *s = '/';
        }
    }
    return is_dir(dir) ? true : say(why, why_size, dir, "mkdir", ENOTDIR);
}
