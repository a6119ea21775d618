/* HDMI-CEC through linux/cec.h (cec.h says what and why). The kernel's
 * own documentation, "CEC Userspace API" (Documentation/userspace-api/
 * media/cec), is the reference for every ioctl here. */
#include "cec.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/cec-funcs.h>
#include <linux/cec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "text_util.h"

/* Ask the TV how it is about this often: how a TV switched on by hand is
 * noticed when it does not say so itself. */
#define SK_CEC_ASK_TV_MS 30000

struct sk_cec {
    int fd;
    char path[64];
    bool want_on;        /* what the kiosk wants of the display */
    bool pending;        /* want_on not yet sent (adapter not configured) */
    bool active;         /* we are the active source, as far as we know */
    uint16_t phys;       /* our physical address, CEC_PHYS_ADDR_INVALID when unplugged */
    uint8_t la;          /* our logical address, CEC_LOG_ADDR_INVALID until claimed */
    sk_cec_tv tv;
    uint64_t asked_tv_ms;
};

static void say(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "stretch-kiosk: display power: CEC: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

/* The logical address the kernel claimed (asynchronously, after
 * S_LOG_ADDRS and after every hotplug). */
static bool configured(sk_cec *c)
{
    struct cec_log_addrs la;
    memset(&la, 0, sizeof la);
    if (ioctl(c->fd, CEC_ADAP_G_LOG_ADDRS, &la) != 0 || la.num_log_addrs < 1 ||
        la.log_addr[0] == CEC_LOG_ADDR_INVALID) {
        c->la = CEC_LOG_ADDR_INVALID;
        return false;
    }
    c->la = la.log_addr[0];
    __u16 pa = CEC_PHYS_ADDR_INVALID;
    if (ioctl(c->fd, CEC_ADAP_G_PHYS_ADDR, &pa) == 0) c->phys = pa;
    return true;
}

static bool send(sk_cec *c, struct cec_msg *m, const char *what)
{
    if (ioctl(c->fd, CEC_TRANSMIT, m) == 0) return true;
    char err[96];
    snprintf(err, sizeof err, "%s", strerror(errno));
    say("%s could not be sent (%s)", what, err);
    return false;
}

static bool send_to(sk_cec *c, uint8_t to, struct cec_msg *m, const char *what)
{
    m->msg[0] = (uint8_t)(c->la << 4 | to);
    return send(c, m, what);
}

static void claim_active(sk_cec *c)
{
    struct cec_msg m;
    cec_msg_init(&m, c->la, CEC_LOG_ADDR_BROADCAST);
    cec_msg_active_source(&m, c->phys);
    if (send_to(c, CEC_LOG_ADDR_BROADCAST, &m, "Active Source")) c->active = true;
}

/* The wish, sent now that the adapter has a logical address. */
static bool send_display(sk_cec *c)
{
    if (!configured(c)) return false;
    struct cec_msg m;
    cec_msg_init(&m, c->la, CEC_LOG_ADDR_TV);
    if (!c->want_on) {
        cec_msg_standby(&m);
        if (!send_to(c, CEC_LOG_ADDR_TV, &m, "Standby")) return false;
        c->active = false;
        say("Standby sent to the TV%s%s", "", "");
        return true;
    }
    /* Image View On first (the TV leaves standby), then Active Source
     * (it switches to our input): CEC 1.4 section 13.1.1. */
    cec_msg_image_view_on(&m);
    if (!send_to(c, CEC_LOG_ADDR_TV, &m, "Image View On")) return false;
    claim_active(c);
    say("Image View On and Active Source sent to the TV%s%s", "", "");
    return true;
}

sk_cec *sk_cec_open(const char *dev, const char *osd_name, char *why, size_t why_size)
{
    if (!dev) dev = getenv("SK_CEC_DEVICE");
    if (!dev || !*dev) dev = "/dev/cec0";
    int fd = open(dev, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, why_size, "no CEC adapter (%s: %s)", dev, strerror(errno));
        return NULL;
    }
    struct cec_caps caps;
    memset(&caps, 0, sizeof caps);
    __u32 mode = CEC_MODE_INITIATOR | CEC_MODE_FOLLOWER;
    if (ioctl(fd, CEC_ADAP_G_CAPS, &caps) != 0 || !(caps.capabilities & CEC_CAP_LOG_ADDRS) ||
        !(caps.capabilities & CEC_CAP_TRANSMIT)) {
        snprintf(why, why_size, "%s cannot send messages of its own", dev);
        close(fd);
        return NULL;
    }
    if (ioctl(fd, CEC_S_MODE, &mode) != 0) {
        snprintf(why, why_size, "%s: CEC_S_MODE: %s", dev, strerror(errno));
        close(fd);
        return NULL;
    }
    /* A playback device (what a media player is to a TV), CEC 1.4, no
     * vendor: the TV lists it by osd_name. The kernel claims the logical
     * address (4, 8 or 11) once the HDMI link has a physical address. */
    struct cec_log_addrs la;
    memset(&la, 0, sizeof la);
    ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &la);   /* drop an earlier owner's claim */
    la.cec_version = CEC_OP_CEC_VERSION_1_4;
    la.vendor_id = CEC_VENDOR_ID_NONE;
    la.num_log_addrs = 1;
    la.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    la.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    la.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    la.flags = CEC_LOG_ADDRS_FL_ALLOW_UNREG_FALLBACK;
    sk_strlcpy(la.osd_name, osd_name, sizeof la.osd_name);
    if (ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &la) != 0) {
        snprintf(why, why_size, "%s: CEC_ADAP_S_LOG_ADDRS: %s", dev, strerror(errno));
        close(fd);
        return NULL;
    }
    sk_cec *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(why, why_size, "out of memory");
        close(fd);
        return NULL;
    }
    c->fd = fd;
    c->la = CEC_LOG_ADDR_INVALID;
    c->phys = CEC_PHYS_ADDR_INVALID;
    c->want_on = true;
    sk_strlcpy(c->path, dev, sizeof c->path);
    fprintf(stderr, "stretch-kiosk: display power: CEC: %s (%s) as playback device \"%s\"\n", dev,
            caps.driver, osd_name);
    return c;
}

const char *sk_cec_path(const sk_cec *c) { return c->path; }

sk_cec_tv sk_cec_tv_state(const sk_cec *c) { return c->tv; }

bool sk_cec_set_display(sk_cec *c, bool on, uint64_t now_ms)
{
    (void)now_ms;
    c->want_on = on;
    c->pending = !send_display(c);
    return !c->pending || !configured(c);   /* not claimed yet: sent when it is */
}

/* The TV says how it is: notice it coming back on. */
static void tv_power(sk_cec *c, uint8_t status, sk_cec_news *n)
{
    sk_cec_tv was = c->tv;
    bool on = status == CEC_OP_POWER_STATUS_ON || status == CEC_OP_POWER_STATUS_TO_ON;
    c->tv = on ? SK_CEC_TV_ON : SK_CEC_TV_STANDBY;
    if (on && was != SK_CEC_TV_ON) {
        n->tv_came_on = n->picture_maybe_lost = true;
        say("the TV is on%s%s", was == SK_CEC_TV_STANDBY ? " again" : "", "");
    }
}

static void reply_power_status(sk_cec *c, const struct cec_msg *in)
{
    struct cec_msg m;
    cec_msg_init(&m, c->la, cec_msg_initiator(in));
    cec_msg_report_power_status(&m, c->want_on ? CEC_OP_POWER_STATUS_ON
                                               : CEC_OP_POWER_STATUS_STANDBY);
    send_to(c, cec_msg_initiator(in), &m, "Report Power Status");
}

/* A directed message the kiosk has no answer for gets Feature Abort
 * [Unrecognized opcode], as CEC asks of every device: the kernel does it
 * itself only when no program follows the adapter, and the kiosk follows
 * it (CEC_MODE_FOLLOWER). Never to a broadcast, to an unregistered device
 * (15: the reply would be a broadcast) or to a Feature Abort; remote
 * control keys are ignored rather than refused, so a TV does not report
 * "not available" for every press while the kiosk is showing. */
static void refuse(sk_cec *c, const struct cec_msg *in)
{
    uint8_t op = cec_msg_opcode(in);
    if (cec_msg_is_broadcast(in) || cec_msg_initiator(in) == CEC_LOG_ADDR_UNREGISTERED ||
        c->la == CEC_LOG_ADDR_INVALID || in->len < 2 || op == CEC_MSG_FEATURE_ABORT ||
        op == CEC_MSG_USER_CONTROL_PRESSED || op == CEC_MSG_USER_CONTROL_RELEASED)
        return;
    struct cec_msg m;
    cec_msg_init(&m, c->la, cec_msg_initiator(in));
    cec_msg_feature_abort(&m, op, CEC_OP_ABORT_UNRECOGNIZED_OP);
    send_to(c, cec_msg_initiator(in), &m, "Feature Abort");
}

/* One message from the bus (not a result of our own transmits). */
static void received(sk_cec *c, const struct cec_msg *in, sk_cec_news *n)
{
    __u16 pa = 0, pa2 = 0;
    uint8_t st = 0;
    switch (cec_msg_opcode(in)) {
    case CEC_MSG_GIVE_DEVICE_POWER_STATUS:
        if (!cec_msg_is_broadcast(in)) reply_power_status(c, in);
        break;
    case CEC_MSG_REPORT_POWER_STATUS:
        cec_ops_report_power_status(in, &st);
        if (cec_msg_initiator(in) == CEC_LOG_ADDR_TV) tv_power(c, st, n);
        break;
    case CEC_MSG_IMAGE_VIEW_ON:
    case CEC_MSG_TEXT_VIEW_ON:
        break;
    case CEC_MSG_STANDBY:
        if (cec_msg_initiator(in) == CEC_LOG_ADDR_TV) c->tv = SK_CEC_TV_STANDBY;
        c->active = false;
        break;
    case CEC_MSG_REQUEST_ACTIVE_SOURCE:
        /* A TV just switched on asks who is showing: we are, when lit. */
        n->picture_maybe_lost = true;
        if (c->want_on) claim_active(c);
        if (cec_msg_initiator(in) == CEC_LOG_ADDR_TV) tv_power(c, CEC_OP_POWER_STATUS_ON, n);
        break;
    case CEC_MSG_SET_STREAM_PATH:
        cec_ops_set_stream_path(in, &pa);
        if (pa == c->phys) {
            n->picture_maybe_lost = true;
            if (c->want_on) claim_active(c);
        }
        break;
    case CEC_MSG_ROUTING_CHANGE:
        cec_ops_routing_change(in, &pa, &pa2);
        if (pa2 == c->phys) n->picture_maybe_lost = true;
        break;
    case CEC_MSG_ACTIVE_SOURCE:
        cec_ops_active_source(in, &pa);
        if (pa != c->phys && c->active) {
            char where[16];
            snprintf(where, sizeof where, "%x.%x.%x.%x", pa >> 12, (pa >> 8) & 15,
                     (pa >> 4) & 15, pa & 15);
            say("another source (%s) is showing now: the TV was switched to it%s", where, "");
        }
        c->active = pa == c->phys;
        break;
    default:
        refuse(c, in);
        break;
    }
}

static void event(sk_cec *c, const struct cec_event *ev, sk_cec_news *n)
{
    if (ev->event != CEC_EVENT_STATE_CHANGE) return;
    uint16_t pa = ev->state_change.phys_addr;
    if (pa != c->phys) {
        /* HDMI unplugged (invalid) or plugged (valid): after a plug the
         * kernel claims our logical address again. Lit: the TV is woken
         * and switched to us again (a cable put back, a TV that drops its
         * hotplug line in standby switched on by hand). In the hours: a
         * person did that; never sent back to standby at once, the kiosk
         * wakes as for a touch (tv_came_on). */
        if (pa != CEC_PHYS_ADDR_INVALID && c->phys == CEC_PHYS_ADDR_INVALID) {
            n->picture_maybe_lost = true;
            if (c->want_on) c->pending = true;
            else if (!(ev->flags & CEC_EVENT_FL_INITIAL_STATE)) n->tv_came_on = true;
        }
        c->phys = pa;
    }
    if (ev->state_change.log_addr_mask && c->pending) c->pending = !send_display(c);
}

sk_cec_news sk_cec_poll(sk_cec *c, uint64_t now_ms)
{
    sk_cec_news n = {0};
    struct cec_event ev;
    for (int i = 0; i < 16; i++) {
        memset(&ev, 0, sizeof ev);
        if (ioctl(c->fd, CEC_DQEVENT, &ev) != 0) break;
        event(c, &ev, &n);
    }
    struct cec_msg m;
    for (int i = 0; i < 32; i++) {
        memset(&m, 0, sizeof m);
        if (ioctl(c->fd, CEC_RECEIVE, &m) != 0) break;
        if (m.sequence) {
            /* The result of one of our transmits: only failures are news. */
            if (!(m.tx_status & CEC_TX_STATUS_OK) && cec_msg_opcode(&m) != CEC_MSG_GIVE_DEVICE_POWER_STATUS) {
                char what[16];
                snprintf(what, sizeof what, "0x%02x", (unsigned)cec_msg_opcode(&m));
                say("message %s was not acknowledged (is the TV on this cable?)%s", what, "");
            }
            continue;
        }
        received(c, &m, &n);
    }
    if (c->pending) c->pending = !send_display(c);
    if (c->la != CEC_LOG_ADDR_INVALID &&
        (c->asked_tv_ms == 0 || now_ms - c->asked_tv_ms >= SK_CEC_ASK_TV_MS)) {
        c->asked_tv_ms = now_ms;
        struct cec_msg q;
        cec_msg_init(&q, c->la, CEC_LOG_ADDR_TV);
        cec_msg_give_device_power_status(&q, 0);
        send_to(c, CEC_LOG_ADDR_TV, &q, "Give Device Power Status");
    }
    return n;
}

void sk_cec_close(sk_cec *c)
{
    if (!c) return;
    close(c->fd);
    free(c);
}
