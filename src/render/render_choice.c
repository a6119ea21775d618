#include "render_choice.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

bool sk_render_is_software_gl(const char *gl)
{
    static const char *const soft[] = {"llvmpipe", "softpipe", "swrast", NULL};
    if (!gl) return false;
    for (int i = 0; soft[i]; i++) {
        size_t n = strlen(soft[i]);
        for (const char *p = gl; *p; p++)
            if (!strncasecmp(p, soft[i], n)) return true;
    }
    return false;
}

sk_render_choice sk_render_choose(const sk_render_facts *f)
{
    if (f->pref == SK_RENDERER_GL)
        return (sk_render_choice){SK_RC_GL, "renderer = gl (kiosk.ini or --renderer)"};
    if (f->pref == SK_RENDERER_SOFTWARE)
        return (sk_render_choice){SK_RC_SOFTWARE, "renderer = software (kiosk.ini or --renderer)"};
    const char *vd = f->video_driver;
    if (!vd || strcasecmp(vd, "x11"))
        return (sk_render_choice){SK_RC_GL, vd && !strcasecmp(vd, "kmsdrm")
                                                ? "KMSDRM: the display's GL (EGL is SDL's only way "
                                                  "to the screen there)"
                                                : "this video driver shows pictures through GL"};
    if (!f->render_node)
        return (sk_render_choice){SK_RC_SOFTWARE, "no /dev/dri render node: GL could only be "
                                                  "Mesa's software rasteriser"};
    if (!f->gl_renderer)
        return (sk_render_choice){SK_RC_PROBE, "a render node: GL_RENDERER says whether GL is a GPU's"};
    if (sk_render_is_software_gl(f->gl_renderer))
        return (sk_render_choice){SK_RC_SOFTWARE, "GL is Mesa's software rasteriser (GL_RENDERER)"};
    return (sk_render_choice){SK_RC_GL, "GL is a GPU's (GL_RENDERER)"};
}
