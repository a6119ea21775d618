/* DPMS through SDL's DRM master (dpms.h says why this way). */
#include "dpms.h"

#include <SDL_syswm.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "text_util.h"

#define SK_DPMS_MAX_CONNECTORS 4

struct sk_dpms {
    int fd;                       /* SDL's; not ours to close */
    int count;
    uint32_t connector[SK_DPMS_MAX_CONNECTORS], prop[SK_DPMS_MAX_CONNECTORS];
    char name[32];
};

/* The DPMS property's id on a connector, 0 when it has none. */
static uint32_t dpms_prop(int fd, uint32_t connector)
{
    drmModeObjectProperties *props = drmModeObjectGetProperties(fd, connector,
                                                                DRM_MODE_OBJECT_CONNECTOR);
    uint32_t id = 0;
    for (uint32_t i = 0; props && i < props->count_props && !id; i++) {
        drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);
        if (p && !strcmp(p->name, "DPMS")) id = p->prop_id;
        drmModeFreeProperty(p);
    }
    drmModeFreeObjectProperties(props);
    return id;
}

/* Connected and driven by a CRTC: what SDL shows on. */
static void find_lit(sk_dpms *d)
{
    drmModeRes *res = drmModeGetResources(d->fd);
    for (int i = 0; res && i < res->count_connectors && d->count < SK_DPMS_MAX_CONNECTORS; i++) {
        drmModeConnector *c = drmModeGetConnector(d->fd, res->connectors[i]);
        if (!c) continue;
        drmModeEncoder *e = c->encoder_id ? drmModeGetEncoder(d->fd, c->encoder_id) : NULL;
        uint32_t prop = c->connection == DRM_MODE_CONNECTED && e && e->crtc_id
                            ? dpms_prop(d->fd, c->connector_id) : 0;
        if (prop) {
            if (d->count == 0) {
                const char *type = drmModeGetConnectorTypeName(c->connector_type);
                snprintf(d->name, sizeof d->name, "%s-%u", type ? type : "connector",
                         c->connector_type_id);
            }
            d->connector[d->count] = c->connector_id;
            d->prop[d->count++] = prop;
        }
        drmModeFreeEncoder(e);
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
}

sk_dpms *sk_dpms_open(SDL_Window *win, char *why, size_t why_size)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!win || !SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_KMSDRM) {
        const char *d = SDL_GetCurrentVideoDriver();
        snprintf(why, why_size, "no DPMS (the video driver is %s, not kmsdrm)", d ? d : "none");
        return NULL;
    }
    sk_dpms *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    d->fd = info.info.kmsdrm.drm_fd;
    find_lit(d);
    if (d->count == 0) {
        snprintf(why, why_size, "no DPMS (no lit connector of /dev/dri/card%d has the property)",
                 info.info.kmsdrm.dev_index);
        free(d);
        return NULL;
    }
    return d;
}

bool sk_dpms_set(sk_dpms *d, bool on)
{
    bool ok = true;
    for (int i = 0; i < d->count; i++)
        if (drmModeConnectorSetProperty(d->fd, d->connector[i], d->prop[i],
                                        on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) != 0) {
            fprintf(stderr, "stretch-kiosk: display power: DPMS %s on connector %u failed: %s\n",
                    on ? "On" : "Off", (unsigned)d->connector[i], strerror(errno));
            ok = false;
        }
    return ok;
}

const char *sk_dpms_connector(const sk_dpms *d) { return d->name; }

void sk_dpms_close(sk_dpms *d)
{
    if (!d) return;
    sk_dpms_set(d, true);
    free(d);
}
