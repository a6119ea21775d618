/* The render drivers the kiosk tries, in order (render_order.h). */
#include "../check.h"
#include "render_order.h"

static const char *const sdl[] = {"opengl", "opengles2", "opengles", "software"};

int main(void)
{
    sk_render_order o;

    /* KMSDRM: GLES first, then GL, then software; GLES 1 never. */
    sk_render_order_make("KMSDRM", NULL, sdl, 4, &o);
    CHECK_INT(o.count, 3);
    CHECK_STR(o.names[0], "opengles2");
    CHECK_STR(o.names[1], "opengl");
    CHECK_STR(o.names[2], "software");
    CHECK(o.why && strstr(o.why, "KMSDRM"), "why: %s", o.why ? o.why : "(null)");

    /* A desktop: SDL's own order. */
    sk_render_order_make("x11", "", sdl, 4, &o);
    CHECK_INT(o.count, 3);
    CHECK_STR(o.names[0], "opengl");
    CHECK_STR(o.names[1], "opengles2");
    CHECK_INT(o.forced_missing, 0);

    /* Forced by SDL_RENDER_DRIVER: first, even on KMSDRM, then the rest. */
    sk_render_order_make("kmsdrm", "OpenGL", sdl, 4, &o);
    CHECK_INT(o.count, 3);
    CHECK_STR(o.names[0], "opengl");
    CHECK_STR(o.names[1], "opengles2");
    CHECK_STR(o.names[2], "software");
    CHECK(strstr(o.why, "SDL_RENDER_DRIVER") != NULL, "why: %s", o.why);
    /* Forced GLES 1: the user's word goes, it is available. */
    sk_render_order_make("kmsdrm", "opengles", sdl, 4, &o);
    CHECK_INT(o.count, 4);
    CHECK_STR(o.names[0], "opengles");
    CHECK_STR(o.names[1], "opengles2");

    /* Forced but absent: said, and left out. */
    sk_render_order_make("kmsdrm", "vulkan", sdl, 4, &o);
    CHECK_INT(o.forced_missing, 1);
    CHECK_INT(o.count, 3);
    CHECK_STR(o.names[0], "opengles2");

    /* Drivers this SDL lacks are skipped (an SDL built without desktop GL). */
    static const char *const gles_only[] = {"opengles2", "software"};
    sk_render_order_make("kmsdrm", NULL, gles_only, 2, &o);
    CHECK_INT(o.count, 2);
    CHECK_STR(o.names[0], "opengles2");
    CHECK_STR(o.names[1], "software");
    sk_render_order_make("x11", NULL, gles_only, 2, &o);
    CHECK_STR(o.names[0], "opengles2");

    /* Nothing usable: an empty list, no crash. */
    static const char *const none[] = {"direct3d"};
    sk_render_order_make("kmsdrm", NULL, none, 1, &o);
    CHECK_INT(o.count, 0);
    sk_render_order_make(NULL, NULL, NULL, 0, &o);
    CHECK_INT(o.count, 0);
    return CHECK_DONE();
}
