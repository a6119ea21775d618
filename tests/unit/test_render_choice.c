/* GL or SDL's software renderer, by what the machine has (render_choice.h):
 * the whole table of video driver, kiosk.ini/--renderer, render node and
 * GL_RENDERER. */
#include "../check.h"
#include "render_choice.h"

typedef struct row {
    const char *driver;
    sk_renderer_pref pref;
    bool node;
    const char *gl;
    sk_render_path want;
    const char *why_has;   /* a word the log line must hold */
} row;

static const row table[] = {
    /* A Pi (KMSDRM, v3d/vc4): GL as before, whatever the render node. */
    {"kmsdrm", SK_RENDERER_AUTO, true, NULL, SK_RC_GL, "KMSDRM"},
    {"KMSDRM", SK_RENDERER_AUTO, false, NULL, SK_RC_GL, "KMSDRM"},
    /* KMSDRM never probes, even where GL would be llvmpipe (the boot
     * test's virtio-gpu): SDL 2 shows nothing there but through EGL. */
    {"kmsdrm", SK_RENDERER_AUTO, true, "llvmpipe (LLVM 15.0.6, 256 bits)", SK_RC_GL, "KMSDRM"},
    /* X without a render node: software, decided before any GL. */
    {"x11", SK_RENDERER_AUTO, false, NULL, SK_RC_SOFTWARE, "render node"},
    /* X with a render node: look at GL_RENDERER first. */
    {"x11", SK_RENDERER_AUTO, true, NULL, SK_RC_PROBE, "GL_RENDERER"},
    {"x11", SK_RENDERER_AUTO, true, "llvmpipe (LLVM 15.0.6, 256 bits)", SK_RC_SOFTWARE, "software"},
    {"x11", SK_RENDERER_AUTO, true, "softpipe", SK_RC_SOFTWARE, "software"},
    {"x11", SK_RENDERER_AUTO, true, "Mesa X11 SWRAST", SK_RC_SOFTWARE, "software"},
    {"x11", SK_RENDERER_AUTO, true, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", SK_RC_GL, "GPU"},
    {"x11", SK_RENDERER_AUTO, true, "AMD Radeon RX 580 (polaris10, LLVM 15.0.6, DRM 3.49)", SK_RC_GL, "GPU"},
    {"x11", SK_RENDERER_AUTO, true, "virgl (Mesa)", SK_RC_GL, "GPU"},
    /* Wayland, tests' dummy, an unknown driver: as before (GL order). */
    {"wayland", SK_RENDERER_AUTO, false, NULL, SK_RC_GL, "GL"},
    {"dummy", SK_RENDERER_AUTO, false, NULL, SK_RC_GL, "GL"},
    {NULL, SK_RENDERER_AUTO, false, NULL, SK_RC_GL, "GL"},
    /* The override wins everywhere. */
    {"kmsdrm", SK_RENDERER_SOFTWARE, true, NULL, SK_RC_SOFTWARE, "renderer = software"},
    {"x11", SK_RENDERER_GL, false, NULL, SK_RC_GL, "renderer = gl"},
    {"x11", SK_RENDERER_GL, true, "llvmpipe", SK_RC_GL, "renderer = gl"},
    {"x11", SK_RENDERER_SOFTWARE, true, "Mesa Intel(R) UHD Graphics 620", SK_RC_SOFTWARE, "renderer = software"},
};

int main(void)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const row *t = &table[i];
        sk_render_facts f = {.video_driver = t->driver, .pref = t->pref, .render_node = t->node,
                             .gl_renderer = t->gl};
        sk_render_choice c = sk_render_choose(&f);
        CHECK(c.path == t->want, "row %zu (%s, pref %d, node %d, %s): path %d, want %d", i,
              t->driver ? t->driver : "NULL", (int)t->pref, t->node, t->gl ? t->gl : "-",
              (int)c.path, (int)t->want);
        CHECK(c.why && strstr(c.why, t->why_has), "row %zu: why \"%s\" lacks \"%s\"", i,
              c.why ? c.why : "(null)", t->why_has);
    }
    CHECK(sk_render_is_software_gl("LLVMPIPE"), "any case");
    CHECK(!sk_render_is_software_gl(NULL), "NULL is no software rasteriser");
    CHECK(!sk_render_is_software_gl(""), "empty");
    CHECK(!sk_render_is_software_gl("V3D 4.2"), "the Pi 4's GPU");
    return CHECK_DONE();
}
