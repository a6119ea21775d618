/* What would have been heard: a headless guided session of the built-in
 * routine, its timeline events played through the audio module on SDL's
 * "disk" audio driver, which writes the mixed samples to a file. The
 * loud stretches must start within one frame of their voice and beep
 * events, and everything else must be digital silence. A second run in
 * quiet hours must be silent throughout.
 *
 * Determinism: the timeline is stepped from SDL_mixer's post-mix hook, by
 * exactly the audio that has been mixed, so timeline time and sample time
 * are the same clock (SDL_DISKAUDIODELAY=0 runs it as fast as the CPU
 * allows). An event then starts sounding at the next buffer, as it would
 * in the kiosk where events are handled once a frame. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_mixer.h>

#include "audio.h"
#include "check.h"

#define MAX_EVENTS 512
#define THRESH 100          /* -50 dBFS: "sounding" */
#define FRAME_MS (1000.0 / 60.0)

typedef struct rec {
    sk_event_kind kind;
    int64_t time_ms;
    int seconds;
    char key[SK_CUE_KEY_MAX];
    bool played;
} rec;

typedef struct run {
    sk_audio *audio;
    sk_voice_catalog *cat;
    sk_timeline *tl;
    int rate;
    int64_t lead;         /* frames mixed before the module was ready */
    int64_t frames;       /* mixed since */
    SDL_atomic_t ready;
    int64_t tl_ms;        /* fed to the timeline */
    int64_t end_ms;
    bool started;
    rec events[MAX_EVENTS];
    int count;
    SDL_atomic_t done;
} run;

static void SDLCALL postmix(void *user, Uint8 *stream, int len)
{
    (void)stream;
    run *r = user;
    if (SDL_AtomicGet(&r->done)) return;
    if (!SDL_AtomicGet(&r->ready)) {   /* sk_audio_create has not returned */
        r->lead += len / 4;
        return;
    }
    r->frames += len / 4;   /* S16 stereo */
    int64_t now = r->frames * 1000 / r->rate;
    sk_timeline_step(r->tl, now - r->tl_ms);
    r->tl_ms = now;
    if (!r->started) {
        sk_timeline_intent(r->tl, SK_INTENT_START);
        r->started = true;
    }
    sk_event ev;
    while (sk_timeline_poll(r->tl, &ev)) {
        bool played = sk_audio_handle_event(r->audio, r->cat, &ev);
        if ((ev.kind == SK_EV_VOICE || ev.kind == SK_EV_TICK) && r->count < MAX_EVENTS) {
            rec *e = &r->events[r->count++];
            e->kind = ev.kind;
            e->time_ms = ev.time_ms;
            e->seconds = ev.seconds;
            e->played = played;
            if (ev.cue) snprintf(e->key, sizeof e->key, "%s", ev.cue->key);
        }
    }
    if (now >= r->end_ms) SDL_AtomicSet(&r->done, 1);
}

/* When the first rest of the session ends: welcome, intro, get-ready,
 * a hold with its end beep, and "Relax". */
static int64_t first_rest_end(const sk_timeline *tl)
{
    int n = 0;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    int64_t t = 0;
    for (int i = 0; i < n; i++) {
        t += ph[i].duration_ms;
        if (ph[i].kind == SK_PH_REST) return t;
    }
    return t;
}

static int16_t *load(const char *path, int64_t *frames)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    int16_t *pcm = malloc((size_t)size + 4);
    size_t got = pcm ? fread(pcm, 1, (size_t)size, f) : 0;
    fclose(f);
    *frames = (int64_t)got / 4;
    return pcm;
}

static int amp(const int16_t *pcm, int64_t i)
{
    int l = abs(pcm[2 * i]), r = abs(pcm[2 * i + 1]);
    return l > r ? l : r;
}

static bool session(const char *out, bool quiet, run *r, sk_routine *routine)
{
    char dir[512];
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", out, 1);
    setenv("SDL_DISKAUDIODELAY", "0", 1);
    memset(r, 0, sizeof *r);
    r->cat = sk_voice_catalog_create(check_path(dir, sizeof dir, "assets/voice/en"));
    sk_timeline_opts to;
    memset(&to, 0, sizeof to);
    to.clip_ms = sk_voice_catalog_clip_ms;
    to.clip_user = r->cat;
    r->tl = sk_timeline_create(routine, &to);
    if (!r->tl) return false;
    sk_event ev;
    while (sk_timeline_poll(r->tl, &ev)) {}   /* the loop's first cues: not played */
    r->end_ms = first_rest_end(r->tl) + 500;

    sk_audio_opts o;
    sk_audio_opts_defaults(&o);
    o.volume = 100;
    FILE *log = tmpfile();
    o.log = log;
    /* The hook is in place before the device opens, so it sees every
     * buffer from the first; those mixed before the module is ready are
     * counted as lead-in (silent: nothing plays yet). */
    SDL_Init(0);
    r->rate = 44100;
    Mix_SetPostMix(postmix, r);
    r->audio = sk_audio_create(&o, 0);
    CHECK(sk_audio_is_open(r->audio), "the disk driver opens");
    if (!sk_audio_is_open(r->audio)) return false;
    sk_audio_set_quiet(r->audio, quiet);
    int rate = 0, ch = 0;
    Uint16 fmt = 0;
    Mix_QuerySpec(&rate, &fmt, &ch);
    CHECK(fmt == AUDIO_S16SYS && ch == 2, "S16 stereo (%x, %d)", fmt, ch);
    CHECK_INT(rate, r->rate);
    SDL_AtomicSet(&r->ready, 1);
    for (int i = 0; i < 60000 && !SDL_AtomicGet(&r->done); i++) SDL_Delay(1);
    CHECK(SDL_AtomicGet(&r->done), "the session ran");
    Mix_SetPostMix(NULL, NULL);
    sk_audio_free(r->audio);   /* closes the device: the file is complete */
    sk_timeline_free(r->tl);
    sk_voice_catalog_free(r->cat);
    fclose(log);
    return true;
}

static void test_session(sk_routine *routine, const char *tmp)
{
    char out[600];
    snprintf(out, sizeof out, "%s/session.raw", tmp);
    static run r;
    if (!session(out, false, &r, routine)) return;
    int64_t n = 0;
    int16_t *pcm = load(out, &n);
    CHECK(pcm && n > 0, "read %s", out);
    if (!pcm) return;

    int64_t lead = r.lead;
    CHECK(n >= lead + r.frames, "file %lld frames, hook saw %lld + %lld", (long long)n,
          (long long)lead, (long long)r.frames);
    for (int64_t i = 0; i < lead; i++) CHECK(amp(pcm, i) == 0, "lead-in silent");

    /* Expected sounding intervals. */
    static int64_t s0[MAX_EVENTS], s1[MAX_EVENTS];
    int voices = 0, beeps = 0, checked = 0;
    double worst = 0;
    sk_voice_catalog *cat;
    char dir[512];
    cat = sk_voice_catalog_create(check_path(dir, sizeof dir, "assets/voice/en"));
    for (int i = 0; i < r.count; i++) {
        rec *e = &r.events[i];
        int64_t len = -1;
        if (e->kind == SK_EV_VOICE) {
            len = sk_voice_catalog_clip_ms(cat, e->key);
            if (len >= 0) voices++;
            /* a later voice replaces this one */
            for (int j = i + 1; j < r.count && len >= 0; j++)
                if (r.events[j].kind == SK_EV_VOICE && r.events[j].played &&
                    r.events[j].time_ms - e->time_ms < len)
                    len = r.events[j].time_ms - e->time_ms;
        } else {
            len = sk_beep_ms(e->seconds > 0 ? SK_BEEP_COUNT : SK_BEEP_END);
            beeps++;
        }
        CHECK(e->played == (len >= 0), "event %s at %lld played=%d", e->key,
              (long long)e->time_ms, e->played);
        s0[i] = len >= 0 ? lead + e->time_ms * r.rate / 1000 : -1;
        s1[i] = len >= 0 ? s0[i] + len * r.rate / 1000 : -1;
    }
    sk_voice_catalog_free(cat);
    CHECK(voices >= 10 && beeps >= 4, "%d voices, %d beeps", voices, beeps);

    /* Onsets: where it was silent just before, sound starts within a frame
     * of its event. One latency common to every sound (the audio stream's
     * own buffering between the mixer and the device, which varies with
     * how the driver thread gets scheduled on a busy machine) is measured
     * first and taken off: what matters to a listener is that sounds keep
     * their places relative to the picture's events, and that the common
     * latency is small. */
    int64_t frame = (int64_t)(FRAME_MS * r.rate / 1000);
    int64_t *lagv = calloc((size_t)r.count + 1, sizeof *lagv);
    int64_t common = -1;
    for (int i = 0; i < r.count; i++) {
        lagv[i] = -1;
        if (s0[i] < 0) continue;
        bool quiet_before = true;
        for (int64_t k = s0[i] - r.rate / 200; k < s0[i]; k++)
            if (k >= 0 && k < n && amp(pcm, k) > 0) quiet_before = false;
        if (!quiet_before) continue;
        int64_t k = s0[i];
        while (k < n && k < s0[i] + 10 * frame && amp(pcm, k) <= THRESH) k++;
        lagv[i] = k - s0[i];
        if (common < 0 || lagv[i] < common) common = lagv[i];
    }
    if (common < 0) common = 0;
    printf("disk session: common latency %.1f ms\n", (double)common * 1000.0 / r.rate);
    CHECK(common * 1000 / r.rate <= 100, "common latency %.1f ms is over 100 ms",
          (double)common * 1000.0 / r.rate);
    for (int i = 0; i < r.count; i++) {
        if (s0[i] < 0) continue;
        s1[i] += common;   /* a sound may end that much later; it starts no earlier */
        if (lagv[i] < 0) continue;
        double lag = (double)(lagv[i] - common) * 1000.0 / r.rate;
        if (lag > worst) worst = lag;
        CHECK(lagv[i] - common <= frame, "%s at %lld ms: sound starts %.1f ms late",
              r.events[i].key[0] ? r.events[i].key : "beep", (long long)r.events[i].time_ms, lag);
        checked++;
    }
    free(lagv);
    CHECK(checked >= 8, "%d onsets checked", checked);

    /* Silence where nothing should sound (a buffer of slack after each end:
     * a sound ends at a buffer boundary after its nominal length). */
    int64_t slack = 1024 + r.rate / 100;
    int64_t loud_outside = 0, first_bad = -1;
    char *inside = calloc((size_t)n, 1);
    for (int i = 0; i < r.count; i++)
        for (int64_t k = s0[i] < 0 ? n : s0[i]; k < s1[i] + slack && k < n; k++) inside[k] = 1;
    for (int64_t k = lead; k < n; k++)
        if (!inside[k] && amp(pcm, k) > 0) {
            loud_outside++;
            if (first_bad < 0) first_bad = k;
        }
    CHECK(loud_outside == 0, "%lld samples sound where nothing should (first at %.3f s)",
          (long long)loud_outside, (double)(first_bad - lead) / r.rate);
    /* and each expected stretch does sound */
    for (int i = 0; i < r.count; i++) {
        if (s0[i] < 0 || s1[i] <= s0[i]) continue;
        int peak = 0;
        for (int64_t k = s0[i]; k < s1[i] && k < n; k++) peak = amp(pcm, k) > peak ? amp(pcm, k) : peak;
        CHECK(peak > 1000, "%s at %lld ms is audible (peak %d)", r.events[i].key,
              (long long)r.events[i].time_ms, peak);
    }
    if (getenv("SK_KEEP_DISK_AUDIO"))
        for (int i = 0; i < r.count; i++)
            printf("event %8.3f s  %s\n", (double)(s0[i] < 0 ? -1 : s0[i] - lead) / r.rate,
                   r.events[i].kind == SK_EV_TICK ? "beep" : r.events[i].key);
    printf("disk session: %.1f s of audio, %d voice clips, %d beeps, %d onsets checked, "
           "worst onset %.1f ms after its event\n",
           (double)(n - lead) / r.rate, voices, beeps, checked, worst);
    free(inside);
    free(pcm);
    /* SK_KEEP_DISK_AUDIO=1 keeps the file to listen to (sox -t raw -r 44100
     * -e signed -b 16 -c 2 session.raw session.wav) */
    if (getenv("SK_KEEP_DISK_AUDIO")) printf("kept %s\n", out);
    else unlink(out);
}

static void test_quiet(sk_routine *routine, const char *tmp)
{
    char out[600];
    snprintf(out, sizeof out, "%s/quiet.raw", tmp);
    static run r;
    if (!session(out, true, &r, routine)) return;
    int64_t n = 0;
    int16_t *pcm = load(out, &n);
    CHECK(pcm && n > r.rate * 30, "read %s", out);
    int64_t loud = 0;
    for (int64_t k = 0; pcm && k < n; k++) loud += amp(pcm, k) > 0;
    CHECK(loud == 0, "quiet hours: %lld samples sound", (long long)loud);
    CHECK(r.count > 10, "the session still had its cues (%d)", r.count);
    free(pcm);
    unlink(out);
}

int main(void)
{
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s/sk-disk-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp)) return 1;
    sk_routine *routine = sk_routine_builtin();
    CHECK(routine != NULL, "builtin routine");
    if (routine) {
        test_session(routine, tmp);
        test_quiet(routine, tmp);
    }
    sk_routine_free(routine);
    if (!getenv("SK_KEEP_DISK_AUDIO")) rmdir(tmp);
    SDL_Quit();
    return CHECK_DONE();
}
