/* Files the kiosk keeps for itself (usage counts, its status): replaced
 * whole and atomically, so a power cut or a SIGKILL at any moment leaves
 * the old file or the new one, never a torn one.
 *
 * Plain POSIX, no SDL. Blocks for the fsyncs (a few ms on an SD card):
 * call it at most every few seconds, not every frame. */
#ifndef SK_STATE_FILE_H
#define SK_STATE_FILE_H
#include <stdbool.h>
#include <stddef.h>

/* Writes data to DIR/NAME: a temporary file DIR/.NAME.tmp is written,
 * fsync'd, renamed over NAME, and then DIR is fsync'd. Returns false with
 * the reason ("DIR/NAME: write: No space left on device") in why; the old
 * file is then untouched (a left-over temporary file is overwritten next
 * time). */
bool sk_state_file_replace(const char *dir, const char *name, const void *data, size_t len,
                           char *why, size_t why_size);

/* Reads DIR/NAME whole (at most max_bytes) into a malloc'd, NUL-terminated
 * buffer; NULL with the reason in why (errno's words; "missing" when it is
 * not there, so callers can tell). */
char *sk_state_file_read(const char *dir, const char *name, size_t max_bytes, size_t *len,
                         char *why, size_t why_size);

/* Where the kiosk keeps its files, for a kind: "state" (usage counts,
 * kept across boots) or "runtime" (status.json, gone at reboot). In order:
 * override (--state-dir) when not NULL; systemd's $STATE_DIRECTORY or
 * $RUNTIME_DIRECTORY (the unit's StateDirectory=/RuntimeDirectory=); when
 * 'reading', the system kiosk's /var/lib/stretch-kiosk or
 * /run/stretch-kiosk/health if it exists (so `ssh room-3 stretch-kiosk --usage`
 * finds them); then $XDG_STATE_HOME/stretch-kiosk (default
 * ~/.local/state/stretch-kiosk) or $XDG_RUNTIME_DIR/stretch-kiosk.
 * Never the current folder. False when none can be named (no HOME). */
bool sk_state_dir(const char *kind, const char *override, bool reading, char *buf, size_t size);

/* mkdir -p with mode 0700 for a folder sk_state_dir named; false with the
 * reason in why. */
bool sk_state_dir_make(const char *dir, char *why, size_t why_size);
#endif
