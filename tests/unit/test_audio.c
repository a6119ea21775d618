/* The audio module: beeps, quiet hours, the retry schedule with a fake
 * backend (time handed in, no sleeping), mute/quiet, the event mapping,
 * and the real SDL_mixer backend on the dummy driver and on a driver that
 * does not exist. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dirent.h>

#include <SDL.h>
#include <SDL_mixer.h>

#include "audio.h"
#include "check.h"

/* --- a fake device ------------------------------------------------------- */

typedef struct fake {
    int opens, closes, fail_opens;   /* fail this many opens first */
    bool alive;
    int voices, beeps[SK_BEEP_KINDS], last_beep_volume, stops;
    bool playing;
    char last_path[256];
    int voice_volume;
} fake;

static fake F;

static bool f_open(void *s, int rate, int chunk, char *err, size_t n)
{
    (void)s, (void)rate, (void)chunk;
    F.opens++;
    if (F.fail_opens > 0) {
        F.fail_opens--;
        snprintf(err, n, "no card (fake)");
        return false;
    }
    F.alive = true;
    return true;
}
static void f_close(void *s) { (void)s; F.closes++; F.playing = false; }
static bool f_alive(void *s, int64_t now) { (void)s, (void)now; return F.alive; }
static bool f_play(void *s, const char *path, char *err, size_t n)
{
    (void)s;
    if (strstr(path, "broken")) {
        snprintf(err, n, "not Ogg (fake)");
        return false;
    }
    F.voices++;
    F.playing = true;
    snprintf(F.last_path, sizeof F.last_path, "%s", path);
    return true;
}
static void f_stop_voice(void *s) { (void)s; F.playing = false; }
static bool f_playing(void *s) { (void)s; return F.playing; }
static void f_beep(void *s, sk_beep k, int v) { (void)s; F.beeps[k]++; F.last_beep_volume = v; }
static void f_stop_all(void *s) { (void)s; F.playing = false; F.stops++; }
static void f_volume(void *s, int v) { (void)s; F.voice_volume = v; }

static const sk_audio_backend fake_backend = {
    "fake", f_open, f_close, f_alive, f_play, f_stop_voice, f_playing, f_beep, f_stop_all,
    f_volume, NULL,
};

static int count_lines(FILE *f)
{
    fflush(f);
    rewind(f);
    int n = 0, ch;
    while ((ch = fgetc(f)) != EOF) n += ch == '\n';
    return n;
}

static sk_audio *fake_audio(FILE *log, int fail_opens, bool mute)
{
    memset(&F, 0, sizeof F);
    F.fail_opens = fail_opens;
    sk_audio_opts o;
    sk_audio_opts_defaults(&o);
    o.backend = &fake_backend;
    o.log = log;
    o.mute = mute;
    return sk_audio_create(&o, 0);
}

static void test_beeps(void)
{
    static int16_t buf[2 * 48000];
    for (int k = 0; k < SK_BEEP_KINDS; k++) {
        int frames = sk_beep_render(k, 44100, 2, buf, 48000);
        CHECK_INT(frames, 44100 * sk_beep_ms(k) / 1000);
        int peak = 0;
        for (int i = 0; i < frames * 2; i++) peak = abs(buf[i]) > peak ? abs(buf[i]) : peak;
        CHECK(peak <= (int)(SK_BEEP_PEAK * 32767) + 1 && peak > (int)(SK_BEEP_PEAK * 32767 * 0.9),
              "beep %d peak %d", k, peak);
        /* fades: no click at either end */
        CHECK(abs(buf[0]) < 50 && abs(buf[2 * (frames - 1)]) < 50, "beep %d ends %d %d", k,
              buf[0], buf[2 * (frames - 1)]);
        CHECK_INT(buf[100], buf[101]);  /* both channels alike */
    }
    CHECK(sk_beep_ms(SK_BEEP_COUNT) < 200 && sk_beep_ms(SK_BEEP_END) < 600, "short beeps");
    CHECK_INT(sk_beep_render(SK_BEEP_COUNT, 44100, 2, buf, 10), 10);
    CHECK_INT(sk_beep_render(SK_BEEP_KINDS, 44100, 2, buf, 10), 0);
}

static void test_retry_schedule(void)
{
    FILE *log = tmpfile();
    sk_audio *a = fake_audio(log, 3, false);
    CHECK(a != NULL, "create");
    CHECK(!sk_audio_is_open(a), "first open fails");
    CHECK_INT(F.opens, 1);
    CHECK_INT(count_lines(log), 1);
    /* silent meanwhile: nothing plays, nothing crashes */
    CHECK(!sk_audio_play_voice(a, "x.ogg"), "no device, no voice");
    CHECK(!sk_audio_beep(a, SK_BEEP_COUNT), "no device, no beep");
    CHECK_INT(F.voices, 0);
    for (int64_t t = 16; t < 10000; t += 16) sk_audio_update(a, t);
    CHECK_INT(F.opens, 1);              /* not before 10 s */
    sk_audio_update(a, 10000);
    CHECK_INT(F.opens, 2);
    sk_audio_update(a, 10016);
    CHECK_INT(F.opens, 2);
    sk_audio_update(a, 19999);
    CHECK_INT(F.opens, 2);
    sk_audio_update(a, 20000);
    CHECK_INT(F.opens, 3);
    CHECK_INT(sk_audio_failed_attempts(a), 3);
    CHECK_INT(count_lines(log), 1);     /* ONE line for all the failures */
    sk_audio_update(a, 30000);
    CHECK(sk_audio_is_open(a), "opens at the 4th try");
    CHECK_INT(sk_audio_open_count(a), 1);
    CHECK_INT(count_lines(log), 2);     /* and one when it comes back */
    CHECK(sk_audio_play_voice(a, "x.ogg"), "plays now");

    /* the device is lost while playing: closed, retried at once, then
     * every 10 s, with one line */
    F.alive = false;
    F.fail_opens = 100;
    sk_audio_update(a, 40000);
    CHECK(!sk_audio_is_open(a), "lost");
    CHECK_INT(F.closes, 1);
    int opens = F.opens;
    CHECK(opens == 5, "retried at once (%d opens)", opens);
    sk_audio_update(a, 45000);
    CHECK_INT(F.opens, opens);
    sk_audio_update(a, 50000);
    CHECK_INT(F.opens, opens + 1);
    CHECK_INT(count_lines(log), 3);
    F.fail_opens = 0;
    sk_audio_update(a, 60000);
    CHECK(sk_audio_is_open(a), "reopened");
    CHECK_INT(sk_audio_open_count(a), 2);
    CHECK_INT(count_lines(log), 4);
    sk_audio_free(a);
    CHECK_INT(F.closes, 2);
    fclose(log);
}

static void test_mute_quiet_volume(void)
{
    FILE *log = tmpfile();
    sk_audio *a = fake_audio(log, 0, true);
    CHECK_INT(F.opens, 0);              /* --mute never touches the device */
    sk_audio_update(a, 20000);
    CHECK_INT(F.opens, 0);
    CHECK(!sk_audio_beep(a, SK_BEEP_COUNT), "muted");
    sk_audio_set_mute(a, false);
    sk_audio_update(a, 20016);
    CHECK(sk_audio_is_open(a), "unmute opens");
    CHECK(sk_audio_play_voice(a, "a.ogg"), "plays");
    sk_audio_set_quiet(a, true);
    CHECK(!F.playing, "quiet stops the clip");
    CHECK(sk_audio_silenced(a), "silenced");
    CHECK(!sk_audio_play_voice(a, "a.ogg"), "quiet: no voice");
    CHECK(!sk_audio_beep(a, SK_BEEP_END), "quiet: no beep");
    CHECK(sk_audio_is_open(a), "device stays open in quiet hours");
    sk_audio_set_quiet(a, false);
    CHECK(sk_audio_play_voice(a, "a.ogg"), "after quiet hours");

    /* beeps are ducked while a clip speaks */
    sk_audio_set_volume(a, 100);
    CHECK_INT(F.voice_volume, 128);
    CHECK(sk_audio_beep(a, SK_BEEP_COUNT), "beep");
    CHECK_INT(F.last_beep_volume, 64);
    F.playing = false;
    sk_audio_beep(a, SK_BEEP_COUNT);
    CHECK_INT(F.last_beep_volume, 128);
    sk_audio_set_volume(a, 50);
    CHECK_INT(F.voice_volume, 64);
    sk_audio_set_volume(a, 250);
    CHECK_INT(F.voice_volume, 128);

    /* a bad clip is logged once, however often it is asked for */
    int lines = count_lines(log);
    fseek(log, 0, SEEK_END);
    CHECK(!sk_audio_play_voice(a, "/x/broken.ogg"), "bad clip");
    CHECK(!sk_audio_play_voice(a, "/x/broken.ogg"), "bad clip again");
    CHECK_INT(count_lines(log), lines + 1);
    sk_audio_free(a);
    fclose(log);
}

static void test_events(void)
{
    char dir[512];
    FILE *log = tmpfile();
    sk_audio *a = fake_audio(log, 0, false);
    sk_voice_catalog *cat = sk_voice_catalog_create(check_path(dir, sizeof dir, "assets/voice/en"));
    sk_cue cue;
    memset(&cue, 0, sizeof cue);
    snprintf(cue.key, sizeof cue.key, "hold");
    cue.text = "Hold";
    sk_event ev = {.kind = SK_EV_VOICE, .cue = &cue};
    CHECK(sk_audio_handle_event(a, cat, &ev), "voice event plays");
    CHECK(strstr(F.last_path, "assets/voice/en/hold.ogg") != NULL, "path %s", F.last_path);
    snprintf(cue.key, sizeof cue.key, "no.such.clip");
    CHECK(!sk_audio_handle_event(a, cat, &ev), "missing clip: caption only");
    CHECK_INT(count_lines(log), 0);
    ev = (sk_event){.kind = SK_EV_TICK, .seconds = 3};
    CHECK(sk_audio_handle_event(a, cat, &ev), "tick 3");
    ev.seconds = 0;
    CHECK(sk_audio_handle_event(a, cat, &ev), "tick 0");
    CHECK_INT(F.beeps[SK_BEEP_COUNT], 1);
    CHECK_INT(F.beeps[SK_BEEP_END], 1);
    ev = (sk_event){.kind = SK_EV_SESSION_STOPPED};
    int stops = F.stops;
    sk_audio_handle_event(a, cat, &ev);
    CHECK_INT(F.stops, stops + 1);
    ev = (sk_event){.kind = SK_EV_PHASE_STARTED};
    CHECK(!sk_audio_handle_event(a, cat, &ev), "phase start: nothing");
    sk_voice_catalog_free(cat);
    sk_audio_free(a);
    fclose(log);
}

/* The real backend. ctest sets SDL_AUDIODRIVER=dummy. */
static void test_mixer_dummy(void)
{
    char path[512];
    FILE *log = tmpfile();
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    sk_audio_opts o;
    sk_audio_opts_defaults(&o);
    o.log = log;
    sk_audio *a = sk_audio_create(&o, 0);
    CHECK(sk_audio_is_open(a), "dummy driver opens");
    CHECK(sk_audio_play_voice(a, check_path(path, sizeof path, "assets/voice/en/hold.ogg")),
          "a shipped clip plays");
    CHECK(sk_audio_voice_playing(a), "and is playing");
    CHECK(sk_audio_beep(a, SK_BEEP_COUNT), "beep");
    CHECK(!sk_audio_play_voice(a, check_path(path, sizeof path, "assets/voice/en/hold.txt")),
          "a text file is no clip");
    sk_audio_update(a, 16);
    CHECK(sk_audio_is_open(a), "still open");
    sk_audio_stop(a);
    CHECK(!sk_audio_voice_playing(a), "stopped");
    sk_audio_free(a);
    CHECK(!SDL_WasInit(SDL_INIT_AUDIO), "audio subsystem quit again");

    /* No such driver: stays up silently, retries on its schedule, one line. */
    rewind(log);
    FILE *log2 = tmpfile();
    o.log = log2;
    setenv("SDL_AUDIODRIVER", "nonexistent", 1);
    a = sk_audio_create(&o, 1000);
    CHECK(a && !sk_audio_is_open(a), "no device");
    CHECK(!sk_audio_play_voice(a, check_path(path, sizeof path, "assets/voice/en/hold.ogg")),
          "silent");
    CHECK(!sk_audio_beep(a, SK_BEEP_END), "silent beep");
    sk_audio_update(a, 5000);
    CHECK_INT(sk_audio_failed_attempts(a), 1);
    sk_audio_update(a, 11000);
    CHECK_INT(sk_audio_failed_attempts(a), 2);
    CHECK_INT(count_lines(log2), 1);
    /* the device appears */
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    sk_audio_update(a, 15000);
    CHECK(!sk_audio_is_open(a), "not before its time");
    sk_audio_update(a, 21000);
    CHECK(sk_audio_is_open(a), "sound comes back");
    CHECK_INT(count_lines(log2), 2);
    sk_audio_free(a);
    fclose(log2);
    fclose(log);
}

/* Every shipped clip decodes with SDL_mixer (as the kiosk will play it)
 * and lasts what the catalog read from its Ogg headers. */
static void test_every_clip_decodes(void)
{
    char dir[512], path[800];
    check_path(dir, sizeof dir, "assets/voice/en");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    sk_audio_opts o;
    sk_audio_opts_defaults(&o);
    FILE *log = tmpfile();
    o.log = log;
    sk_audio *a = sk_audio_create(&o, 0);
    CHECK(sk_audio_is_open(a), "dummy opens");
    int rate = 0, ch = 0;
    Uint16 fmt = 0;
    Mix_QuerySpec(&rate, &fmt, &ch);
    DIR *d = opendir(dir);
    CHECK(d != NULL, "%s", dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".ogg") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        Mix_Chunk *c = Mix_LoadWAV(path);
        CHECK(c != NULL, "%s decodes: %s", e->d_name, Mix_GetError());
        if (!c) continue;
        int64_t ms = (int64_t)c->alen * 1000 / ((int64_t)rate * ch * (SDL_AUDIO_BITSIZE(fmt) / 8));
        int64_t hdr = sk_voice_ogg_ms(path);
        CHECK(hdr > 0 && ms > hdr - 30 && ms < hdr + 30, "%s: decoded %lld ms, headers say %lld ms",
              e->d_name, (long long)ms, (long long)hdr);
        CHECK(sk_audio_play_voice(a, path), "%s plays", e->d_name);
        Mix_FreeChunk(c);
        n++;
    }
    if (d) closedir(d);
    CHECK(n >= 40, "%d clips decoded", n);
    sk_audio_free(a);
    fclose(log);
}

/* A device that stops asking for samples (SDL 2.26 on a lost device) is
 * taken as lost after a few seconds of the caller's clock, closed and
 * reopened. The disk driver with a long delay between buffers plays that
 * device: after its first buffer it asks for nothing for 1.5 s. */
static void test_mixer_stall(void)
{
    char raw[256];
    snprintf(raw, sizeof raw, "%s/sk-stall-%d.raw", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    setenv("SDL_DISKAUDIODELAY", "1500", 1);
    FILE *log = tmpfile();
    sk_audio_opts o;
    sk_audio_opts_defaults(&o);
    o.log = log;
    sk_audio *a = sk_audio_create(&o, 0);
    CHECK(sk_audio_is_open(a), "disk opens");
    sk_audio_update(a, 0);
    sk_audio_update(a, 2000);
    CHECK(sk_audio_is_open(a) && sk_audio_open_count(a) == 1, "2 s without a buffer: still fine");
    sk_audio_update(a, 3500);
    CHECK_INT(sk_audio_open_count(a), 2);   /* lost, closed, reopened at once */
    CHECK(sk_audio_is_open(a), "reopened");
    CHECK_INT(count_lines(log), 2);         /* "lost" and "reopened" */
    sk_audio_free(a);
    fclose(log);
    unlink(raw);
    unsetenv("SDL_DISKAUDIODELAY");
    unsetenv("SDL_DISKAUDIOFILE");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
}

int main(void)
{
    test_beeps();
    test_retry_schedule();
    test_mute_quiet_volume();
    test_events();
    test_mixer_dummy();
    test_every_clip_decodes();
    test_mixer_stall();
    SDL_Quit();
    return CHECK_DONE();
}
