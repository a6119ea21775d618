/* Voice clips and beeps through SDL2_mixer, with a silent fallback.
 * See audio.h. */
#include "audio.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_mixer.h>

#include "text_util.h"

/* --- the silent backend ----------------------------------------------------------- */

static bool null_open(void *self, int rate, int chunk, char *err, size_t n)
{
    (void)self, (void)rate, (void)chunk, (void)err, (void)n;
    return true;
}
static void null_void(void *self) { (void)self; }
static bool null_alive(void *self, int64_t now) { (void)self, (void)now; return true; }
static bool null_play(void *self, const char *path, char *err, size_t n)
{
    (void)self, (void)path, (void)err, (void)n;
    return false;
}
static bool null_playing(void *self) { (void)self; return false; }
static void null_beep(void *self, sk_beep k, int v) { (void)self, (void)k, (void)v; }
static void null_volume(void *self, int v) { (void)self, (void)v; }

static const sk_audio_backend null_backend = {
    "silent", null_open, null_void, null_alive, null_play, null_void,
    null_playing, null_beep, null_void, null_volume, NULL,
};

/* --- the SDL_mixer backend ------------------------------------------------------ */

typedef struct mixer_state {
    Mix_Music *voice;
    Mix_Chunk *beeps[SK_BEEP_KINDS];
    int16_t *beep_pcm[SK_BEEP_KINDS];
    SDL_atomic_t lost;          /* set by the event watch (audio thread) */
    SDL_atomic_t mixed;         /* callbacks so far, to notice a stall */
    int last_mixed;
    int64_t last_progress_ms;   /* caller's clock; -1 until the first check */
    bool we_inited_audio;
} mixer_state;

static mixer_state mixer;

/* SDL 2.26 reports a lost device with SDL_AUDIODEVICEREMOVED (for opened
 * devices only) from its own thread; the watch just raises a flag. */
static int SDLCALL mixer_watch(void *user, SDL_Event *ev)
{
    (void)user;
    if (ev->type == SDL_AUDIODEVICEREMOVED && !ev->adevice.iscapture)
        SDL_AtomicSet(&mixer.lost, 1);
    return 1;
}

static void SDLCALL mixer_count(int chan, void *stream, int len, void *udata)
{
    (void)chan, (void)stream, (void)len, (void)udata;
    SDL_AtomicAdd(&mixer.mixed, 1);
}

static void mixer_close(void *self)
{
    (void)self;
    SDL_DelEventWatch(mixer_watch, NULL);
    Mix_HaltMusic();
    Mix_HaltChannel(-1);
    if (mixer.voice) Mix_FreeMusic(mixer.voice);
    mixer.voice = NULL;
    for (int k = 0; k < SK_BEEP_KINDS; k++) {
        if (mixer.beeps[k]) Mix_FreeChunk(mixer.beeps[k]);
        free(mixer.beep_pcm[k]);
        mixer.beeps[k] = NULL;
        mixer.beep_pcm[k] = NULL;
    }
    Mix_UnregisterAllEffects(MIX_CHANNEL_POST);
    Mix_CloseAudio();
    Mix_Quit();
    if (mixer.we_inited_audio) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    mixer.we_inited_audio = false;
}

/* With no card, every failed open makes ALSA print eight lines of its own
 * to stderr: a retry every 10 s would fill the journal. SDL loads
 * libasound at run time, so we do too, just to give it a quiet error
 * handler; SDL's error string (in our one line) still says why. */
static void alsa_quiet_handler(const char *file, int line, const char *func, int err,
                               const char *fmt, ...)
{
    (void)file, (void)line, (void)func, (void)err, (void)fmt;
}

static void alsa_quiet(void)
{
    static bool done;
    if (done) return;
    done = true;
    void *lib = dlopen("libasound.so.2", RTLD_LAZY | RTLD_LOCAL);
    if (!lib) return;   /* no ALSA, nothing to hush; kept open otherwise */
    typedef int (*set_handler_fn)(void (*)(const char *, int, const char *, int, const char *, ...));
    set_handler_fn set;
    *(void **)&set = dlsym(lib, "snd_lib_error_set_handler");
    if (set) set(alsa_quiet_handler);
}

static bool mixer_open(void *self, int rate, int chunk, char *err, size_t n)
{
    (void)self;
    memset(&mixer, 0, sizeof mixer);
    alsa_quiet();
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            snprintf(err, n, "SDL_InitSubSystem(AUDIO): %s", SDL_GetError());
            return false;
        }
        mixer.we_inited_audio = true;
    }
    Mix_Init(MIX_INIT_OGG);
    /* NULL = the default device (ALSA "default" on a Pi: SDL bug 8660).
     * Only the rate may differ from what we ask: beeps are made as S16
     * stereo at whatever rate we get. */
    if (Mix_OpenAudioDevice(rate, AUDIO_S16SYS, 2, chunk, NULL, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE) != 0) {
        snprintf(err, n, "Mix_OpenAudioDevice: %s", Mix_GetError());
        Mix_Quit();
        if (mixer.we_inited_audio) SDL_QuitSubSystem(SDL_INIT_AUDIO);
        mixer.we_inited_audio = false;
        return false;
    }
    int got_rate = rate, got_ch = 2;
    Uint16 fmt = AUDIO_S16SYS;
    Mix_QuerySpec(&got_rate, &fmt, &got_ch);
    Mix_AllocateChannels(4);
    for (int k = 0; k < SK_BEEP_KINDS; k++) {
        int frames = got_rate * sk_beep_ms(k) / 1000 + 1;
        mixer.beep_pcm[k] = calloc((size_t)frames * (size_t)got_ch, sizeof(int16_t));
        if (mixer.beep_pcm[k]) {
            int got = sk_beep_render(k, got_rate, got_ch, mixer.beep_pcm[k], frames);
            mixer.beeps[k] = Mix_QuickLoad_RAW((Uint8 *)mixer.beep_pcm[k],
                                               (Uint32)((size_t)got * (size_t)got_ch * sizeof(int16_t)));
        }
        if (!mixer.beeps[k]) {
            snprintf(err, n, "Mix_QuickLoad_RAW (beep): %s", Mix_GetError());
            mixer_close(NULL);
            return false;
        }
    }
    Mix_RegisterEffect(MIX_CHANNEL_POST, mixer_count, NULL, NULL);
    SDL_AddEventWatch(mixer_watch, NULL);
    mixer.last_progress_ms = -1;
    return true;
}

/* A device can vanish without an event (SDL 2.26 just stops calling back);
 * a mixer that has not asked for samples for this long is taken as lost. */
#define MIXER_STALL_MS 3000

static bool mixer_alive(void *self, int64_t now)
{
    (void)self;
    if (SDL_AtomicGet(&mixer.lost)) return false;
    int mixed = SDL_AtomicGet(&mixer.mixed);
    if (mixed != mixer.last_mixed || mixer.last_progress_ms < 0) {
        mixer.last_mixed = mixed;
        mixer.last_progress_ms = now;
        return true;
    }
    return now - mixer.last_progress_ms < MIXER_STALL_MS;
}

static bool mixer_play_voice(void *self, const char *path, char *err, size_t n)
{
    (void)self;
    Mix_HaltMusic();
    if (mixer.voice) Mix_FreeMusic(mixer.voice);
    /* Streamed, not decoded up front: opening a clip costs a file open and
     * its headers, not a frame's worth of decoding on a Pi. */
    mixer.voice = Mix_LoadMUS(path);
    if (!mixer.voice) {
        snprintf(err, n, "Mix_LoadMUS: %s", Mix_GetError());
        return false;
    }
    if (Mix_PlayMusic(mixer.voice, 0) != 0) {
        snprintf(err, n, "Mix_PlayMusic: %s", Mix_GetError());
        return false;
    }
    return true;
}

static void mixer_stop_voice(void *self)
{
    (void)self;
    Mix_HaltMusic();
}

static bool mixer_voice_playing(void *self)
{
    (void)self;
    return Mix_PlayingMusic() != 0;
}

static void mixer_beep(void *self, sk_beep kind, int volume)
{
    (void)self;
    if (kind < 0 || kind >= SK_BEEP_KINDS || !mixer.beeps[kind]) return;
    int ch = Mix_PlayChannel(-1, mixer.beeps[kind], 0);
    if (ch >= 0) Mix_Volume(ch, volume);
}

static void mixer_stop_all(void *self)
{
    (void)self;
    Mix_HaltMusic();
    Mix_HaltChannel(-1);
}

static void mixer_voice_volume(void *self, int volume)
{
    (void)self;
    Mix_VolumeMusic(volume);
}

static const sk_audio_backend mixer_backend = {
    "SDL_mixer", mixer_open, mixer_close, mixer_alive, mixer_play_voice, mixer_stop_voice,
    mixer_voice_playing, mixer_beep, mixer_stop_all, mixer_voice_volume, NULL,
};

const sk_audio_backend *sk_audio_mixer_backend(void)
{
    return &mixer_backend;
}

/* --- the module ------------------------------------------------------------------ */

#define BAD_CLIPS_LOGGED 32

struct sk_audio {
    sk_audio_opts opts;
    const sk_audio_backend *device;  /* what we open */
    const sk_audio_backend *active;  /* device when open, else null_backend */
    bool open;
    bool mute, quiet;
    bool ever_tried;
    int volume;                 /* 0..100 */
    int64_t next_try_ms;
    int open_count, failed;
    char *bad_clips[BAD_CLIPS_LOGGED];
    int bad_count;
};

void sk_audio_opts_defaults(sk_audio_opts *o)
{
    memset(o, 0, sizeof *o);
    o->volume = 80;
    o->rate = 44100;
    o->chunk_samples = 512;
    o->retry_ms = SK_AUDIO_RETRY_MS;
}

static FILE *log_file(const sk_audio *a)
{
    return a->opts.log ? a->opts.log : stderr;
}

/* Full scale voice, beeps under it: SK_BEEP_PEAK already keeps a beep
 * quieter than speech; while a clip speaks a beep is halved again. */
static int mix_volume(const sk_audio *a)
{
    return a->volume * MIX_MAX_VOLUME / 100;
}

static void try_open(sk_audio *a, int64_t now)
{
    char err[256] = "";
    a->ever_tried = true;
    if (a->device->open(a->device->self, a->opts.rate, a->opts.chunk_samples, err, sizeof err)) {
        a->open = true;
        a->active = a->device;
        a->open_count++;
        a->active->set_voice_volume(a->active->self, mix_volume(a));
        if (a->failed)
            fprintf(log_file(a), "audio: sound device opened after %d failed attempt%s (%s)\n",
                    a->failed, a->failed == 1 ? "" : "s", a->device->name);
        else if (a->open_count > 1)
            fprintf(log_file(a), "audio: sound device reopened (%s)\n", a->device->name);
        a->failed = 0;
        return;
    }
    if (a->failed == 0)
        fprintf(log_file(a),
                "audio: no sound device (%s); running silently with captions, "
                "retrying every %lld s\n",
                err[0] ? err : "unknown reason", (long long)(a->opts.retry_ms / 1000));
    a->failed++;
    a->next_try_ms = now + a->opts.retry_ms;
}

static void close_device(sk_audio *a)
{
    if (a->open) a->device->close(a->device->self);
    a->open = false;
    a->active = &null_backend;
}

sk_audio *sk_audio_create(const sk_audio_opts *opts, int64_t now_ms)
{
    sk_audio *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    if (opts) a->opts = *opts;
    else sk_audio_opts_defaults(&a->opts);
    if (a->opts.rate <= 0) a->opts.rate = 44100;
    if (a->opts.chunk_samples <= 0) a->opts.chunk_samples = 512;
    if (a->opts.retry_ms <= 0) a->opts.retry_ms = SK_AUDIO_RETRY_MS;
    a->device = a->opts.backend ? a->opts.backend : &mixer_backend;
    a->active = &null_backend;
    a->volume = a->opts.volume < 0 ? 0 : a->opts.volume > 100 ? 100 : a->opts.volume;
    a->mute = a->opts.mute;
    a->next_try_ms = now_ms;
    if (!a->mute) try_open(a, now_ms);
    return a;
}

void sk_audio_free(sk_audio *a)
{
    if (!a) return;
    close_device(a);
    for (int i = 0; i < a->bad_count; i++) free(a->bad_clips[i]);
    free(a);
}

void sk_audio_update(sk_audio *a, int64_t now_ms)
{
    if (!a) return;
    if (a->open && !a->device->alive(a->device->self, now_ms)) {
        fprintf(log_file(a), "audio: sound device lost; closed it, retrying every %lld s\n",
                (long long)(a->opts.retry_ms / 1000));
        close_device(a);
        /* Count this as the first failure so the next failures stay quiet,
         * and try again at once: a short glitch comes back within a frame. */
        a->failed = 1;
        a->next_try_ms = now_ms;
    }
    if (!a->open && !a->mute && now_ms >= a->next_try_ms) try_open(a, now_ms);
}

bool sk_audio_is_open(const sk_audio *a) { return a && a->open; }
int sk_audio_open_count(const sk_audio *a) { return a ? a->open_count : 0; }
int sk_audio_failed_attempts(const sk_audio *a) { return a ? a->failed : 0; }

void sk_audio_set_volume(sk_audio *a, int percent)
{
    if (!a) return;
    a->volume = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    a->active->set_voice_volume(a->active->self, mix_volume(a));
}

void sk_audio_set_mute(sk_audio *a, bool mute)
{
    if (!a) return;
    if (mute && !a->mute) a->active->stop_all(a->active->self);
    a->mute = mute;
}

void sk_audio_set_quiet(sk_audio *a, bool quiet)
{
    if (!a) return;
    if (quiet && !a->quiet) a->active->stop_all(a->active->self);
    a->quiet = quiet;
}

bool sk_audio_silenced(const sk_audio *a) { return !a || a->mute || a->quiet; }

static void log_bad_clip(sk_audio *a, const char *path, const char *err)
{
    for (int i = 0; i < a->bad_count; i++)
        if (strcmp(a->bad_clips[i], path) == 0) return;
    if (a->bad_count < BAD_CLIPS_LOGGED) {
        char *copy = sk_strdup(path);
        if (copy) a->bad_clips[a->bad_count++] = copy;
    }
    fprintf(log_file(a), "audio: %s: %s; showing the caption without voice\n", path, err);
}

bool sk_audio_play_voice(sk_audio *a, const char *path)
{
    if (!a || !path || sk_audio_silenced(a) || !a->open) return false;
    char err[256] = "";
    if (!a->active->play_voice(a->active->self, path, err, sizeof err)) {
        log_bad_clip(a, path, err[0] ? err : "cannot play");
        return false;
    }
    return true;
}

void sk_audio_stop_voice(sk_audio *a)
{
    if (a) a->active->stop_voice(a->active->self);
}

bool sk_audio_voice_playing(const sk_audio *a)
{
    return a && a->open && a->active->voice_playing(a->active->self);
}

bool sk_audio_beep(sk_audio *a, sk_beep kind)
{
    if (!a || sk_audio_silenced(a) || !a->open || kind < 0 || kind >= SK_BEEP_KINDS) return false;
    int v = mix_volume(a);
    if (a->active->voice_playing(a->active->self)) v /= 2;
    a->active->beep(a->active->self, kind, v);
    return true;
}

void sk_audio_stop(sk_audio *a)
{
    if (a) a->active->stop_all(a->active->self);
}

bool sk_audio_handle_event(sk_audio *a, sk_voice_catalog *cat, const sk_event *ev)
{
    if (!a || !ev) return false;
    switch (ev->kind) {
    case SK_EV_VOICE: {
        if (!cat || !ev->cue) return false;
        const sk_voice_clip *clip = sk_voice_catalog_find(cat, ev->cue->key);
        if (!clip || !clip->exists) return false;
        return sk_audio_play_voice(a, clip->path);
    }
    case SK_EV_TICK:
        return sk_audio_beep(a, ev->seconds > 0 ? SK_BEEP_COUNT : SK_BEEP_END);
    case SK_EV_SESSION_STOPPED:
        sk_audio_stop(a);
        return false;
    default:
        return false;
    }
}
