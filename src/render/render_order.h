/* Which SDL render drivers the kiosk tries, best first (no SDL: pure, for
 * tests). The renderer guard (render/render_guard.h) walks this list when a
 * renderer turns out to present nothing but the background.
 *
 * Why GLES first on KMSDRM. The trial boot (Debian 13, SDL 2.32, Mesa
 * llvmpipe on virtio-gpu, amd64 and arm64) showed only the clear colour
 * with SDL's default "opengl" renderer and the whole picture with
 * "opengles2". What SDL's source says (SDL2 branch, release-2.26.5 and
 * 2.32): the KMSDRM backend has only an EGL-on-GBM path
 * (SDL_kmsdrmopengles.c, all its GL entry points are KMSDRM_GLES_*); it
 * makes the GBM and EGL surfaces when the window is made, before any
 * renderer asks for a context (KMSDRM_CreateWindow/KMSDRM_CreateSurfaces),
 * with the EGL config chosen for the GL attributes of that moment
 * (SDL_EGL_ChooseConfig: EGL_OPENGL_BIT + eglBindAPI(EGL_OPENGL_API) for
 * desktop GL); it falls back to GLES 2 when desktop GL cannot load, and a
 * build with the Pi driver defaults the profile to GLES 2
 * (KMSDRM_GLES_DefaultProfileConfig). "opengles2" re-creates the window
 * with GLES attributes (GLES2_CreateRenderer), so its surfaces match its
 * context; "opengl" keeps the window's. SDL forced opengles2 on KMSDRM
 * once and took it out again (SDL PR 4194) only because SDL's default GL
 * attributes then made GLES2_CreateRenderer re-create the window, which
 * costs an application nothing here. Which layer drops desktop GL's draws
 * (SDL's GBM/EGL surface handling or Mesa's desktop GL on kms_swrast) we
 * could not pin down without a KMS device; the Pi's v3d/vc4 are GLES-native
 * too (desktop GL there is Mesa's emulation). So: GLES first on KMSDRM, and
 * the guard for any renderer that still draws nothing. */
#ifndef SK_RENDER_ORDER_H
#define SK_RENDER_ORDER_H

#define SK_RENDER_ORDER_MAX 8

typedef struct sk_render_order {
    const char *names[SK_RENDER_ORDER_MAX];  /* point into 'available' */
    int count;
    /* Why the first one is first, for the start-up log (a static string). */
    const char *why;
    /* SDL_RENDER_DRIVER named a driver this SDL does not have (it is then
     * left out and the usual order follows). */
    int forced_missing;
} sk_render_order;

/* Fills 'out' from the drivers SDL has ('available', in SDL's own order,
 * e.g. "opengl", "opengles2", "opengles", "software"):
 *   - 'forced' (SDL_RENDER_DRIVER, may be NULL or empty) first when
 *     available (compared without case, as SDL does);
 *   - then on the "kmsdrm" video driver: opengles2, opengl, software;
 *     elsewhere: opengl, opengles2, software (SDL's own order on a desktop);
 *   - only drivers in 'available', each once. Other drivers (SDL's GLES 1
 *     "opengles", "direct3d"...) are not tried: the scene needs geometry
 *     and render targets.
 * Never fails; count may be 0 when none of those exists. */
void sk_render_order_make(const char *video_driver, const char *forced,
                          const char *const *available, int navailable, sk_render_order *out);
#endif
