/* Sound: the voice-over clips and the countdown beeps, through SDL2_mixer,
 * with a silent backend for life without a sound card.
 *
 * The device is always the default one (on a Pi, ALSA "default", never a
 * hardware name: SDL bug 8660). When it cannot be opened (no card, an HDMI
 * screen without speakers, SDL_AUDIODRIVER=dummy on some set-ups) the
 * module logs ONE line, plays nothing, and tries again every
 * SK_AUDIO_RETRY_MS, so sound comes back when a device appears. A device
 * lost while playing (SDL 2.26 just stops calling back) is closed and
 * reopened the same way. Nothing here ever stops the kiosk.
 *
 * Time is handed in by the caller (monotonic milliseconds, SDL_GetTicks64)
 * so the retry schedule is testable without sleeping.
 *
 * Voice: one clip at a time on its own channel (a new cue replaces the
 * one still speaking). Beeps: short soft sine tones made in code, quieter
 * than speech and ducked further while a clip speaks.
 *
 * Quiet hours and mute: nothing plays (a clip that is speaking stops).
 *
 * Threads: call everything from one thread (the frame loop). Nothing here
 * blocks beyond opening the device and opening a clip file. */
#ifndef SK_AUDIO_H
#define SK_AUDIO_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "beep.h"
#include "timeline.h"
#include "voice_catalog.h"

#define SK_AUDIO_RETRY_MS 10000


typedef struct sk_audio sk_audio;

/* A device backend: a small table of functions so a test (or a platform)
 * can stand in for SDL_mixer. Every function may assume open() succeeded
 * and close() was not called yet, except open(). */
typedef struct sk_audio_backend {
    const char *name;
    /* Opens the default device; false (and a reason in err) on failure,
     * having undone its own partial work. */
    bool (*open)(void *self, int rate, int chunk_samples, char *err, size_t err_size);
    void (*close)(void *self);
    /* False once the device is gone (unplugged, HDMI sink vanished).
     * now_ms: the caller's monotonic clock, for noticing a stall. */
    bool (*alive)(void *self, int64_t now_ms);
    /* Starts a clip file on the voice channel, replacing any; false when
     * the file cannot be opened or decoded (err says why). */
    bool (*play_voice)(void *self, const char *path, char *err, size_t err_size);
    void (*stop_voice)(void *self);
    bool (*voice_playing)(void *self);
    /* Starts a beep at volume 0..128 (already scaled and ducked). */
    void (*beep)(void *self, sk_beep kind, int volume);
    void (*stop_all)(void *self);
    void (*set_voice_volume)(void *self, int volume);   /* 0..128 */
    void *self;
} sk_audio_backend;

/* The SDL_mixer backend. The caller must have called SDL_Init (any flags);
 * the backend initialises and quits SDL's audio subsystem itself. */
const sk_audio_backend *sk_audio_mixer_backend(void);

typedef struct sk_audio_opts {
    int volume;            /* 0..100 %, default 80 (fill the struct with
                              sk_audio_opts_defaults first: 0 is silent) */
    bool mute;             /* true: never open the device, never play */
    int rate;              /* output sample rate, default 44100 */
    int chunk_samples;     /* mixer buffer, default 512 (11.6 ms at 44.1 kHz:
                              a beep starts within one frame of its event) */
    int64_t retry_ms;      /* default SK_AUDIO_RETRY_MS */
    FILE *log;             /* one line per state change; NULL = stderr */
    const sk_audio_backend *backend;  /* NULL = SDL_mixer */
} sk_audio_opts;

void sk_audio_opts_defaults(sk_audio_opts *o);

/* Creates the module and tries to open the device at now_ms (unless
 * muted). Never fails for want of a device: check sk_audio_is_open.
 * Returns NULL only when out of memory. */
sk_audio *sk_audio_create(const sk_audio_opts *opts, int64_t now_ms);

/* Closes the device (if open) and frees the module. NULL is fine. */
void sk_audio_free(sk_audio *a);

/* Call once a frame: notices a lost device and retries a missing one when
 * its time has come. */
void sk_audio_update(sk_audio *a, int64_t now_ms);

bool sk_audio_is_open(const sk_audio *a);
/* Times the device was opened (1 after a first success), for tests/logs. */
int sk_audio_open_count(const sk_audio *a);
/* Failed open attempts since the last success. */
int sk_audio_failed_attempts(const sk_audio *a);

/* Volume 0..100 %. */
void sk_audio_set_volume(sk_audio *a, int percent);
/* Mute (--mute, config): stops what plays. Unmuting opens the device at
 * the next update if it was never opened. */
void sk_audio_set_mute(sk_audio *a, bool mute);
/* Quiet hours (decided by the caller: core/hours.h): stops what
 * plays and plays nothing while true. The device stays open. */
void sk_audio_set_quiet(sk_audio *a, bool quiet);
bool sk_audio_silenced(const sk_audio *a);   /* muted or quiet */

/* Plays a clip file now, replacing the clip still speaking. Returns true
 * when it started (false when silenced, no device, or a bad file: a bad
 * file is logged once per path). */
bool sk_audio_play_voice(sk_audio *a, const char *path);
void sk_audio_stop_voice(sk_audio *a);
bool sk_audio_voice_playing(const sk_audio *a);

/* A beep now; quieter than speech, and quieter still while a clip speaks. */
bool sk_audio_beep(sk_audio *a, sk_beep kind);

/* Stops every sound (pause, stop, screen off). */
void sk_audio_stop(sk_audio *a);

/* What the frame loop calls for each timeline event: SK_EV_VOICE plays the
 * cue's clip from the catalog (a missing clip is silently skipped: the
 * caption still shows), SK_EV_TICK beeps (seconds 3..1: count, 0: end),
 * SK_EV_SESSION_STOPPED stops all. Other events are ignored. 'cat' may be
 * NULL (beeps only). Returns true when something started. */
bool sk_audio_handle_event(sk_audio *a, sk_voice_catalog *cat, const sk_event *ev);

#endif
