/* HDMI-CEC through the kernel's CEC framework (/dev/cecN, linux/cec.h):
 * the kiosk is a playback device with an OSD name; it sends the TV to
 * standby, wakes it (Image View On + Active Source), and answers what a TV
 * asks a source (its power status, "who is the active source?"). Only the
 * kernel API and message bytes (linux/cec-funcs.h builds them): the
 * kernel does the bus, the logical address claim, the retries and the
 * core messages (physical address, vendor id, OSD name, CEC version).
 *
 * Never blocks: the device is opened O_NONBLOCK; transmits are queued and
 * their results come back through sk_cec_poll. */
#ifndef SK_CEC_H
#define SK_CEC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sk_cec sk_cec;

typedef enum sk_cec_tv {
    SK_CEC_TV_UNKNOWN,
    SK_CEC_TV_ON,
    SK_CEC_TV_STANDBY
} sk_cec_tv;

/* What sk_cec_poll saw since the last call. */
typedef struct sk_cec_news {
    bool picture_maybe_lost;  /* the TV came back on, the HDMI link changed
                                 (a new physical address: a cable put back),
                                 or the TV switched to us: present again */
    bool tv_came_on;          /* the TV reports on after standby/unknown */
} sk_cec_news;

/* Opens 'dev' (NULL: SK_CEC_DEVICE from the environment, else /dev/cec0),
 * checks it can take logical addresses and claims one as a playback
 * device named osd_name (1..14 ASCII). NULL when there is no usable
 * adapter, with the reason in why (for the log: "no /dev/cec0", ...). */
sk_cec *sk_cec_open(const char *dev, const char *osd_name, char *why, size_t why_size);

/* The path opened ("/dev/cec0"). */
const char *sk_cec_path(const sk_cec *c);

/* Standby to the TV (display off) or Image View On then Active Source
 * (display on): the TV powers up and switches to this input. Remembers
 * the state for the answers to the TV. Returns false when the transmit
 * could not be queued (logged). */
bool sk_cec_set_display(sk_cec *c, bool on, uint64_t now_ms);

/* Reads what arrived (never blocks) and answers it; asks the TV for its
 * power status about once a minute. */
sk_cec_news sk_cec_poll(sk_cec *c, uint64_t now_ms);

/* The TV's last known power state. */
sk_cec_tv sk_cec_tv_state(const sk_cec *c);

void sk_cec_close(sk_cec *c);
#endif
