"""power_check.py: check 10 of tests/boot/run, screen-off hours powering the
display down, on the main boot (after check 3, before the power cuts).

The TV is Linux's vivid test driver: one HDMI input (its CEC adapter plays
the TV, configured by Debian's cec-ctl --tv, watched with cec-ctl
--monitor) with the kiosk's HDMI output hooked to it (the adapter the
kiosk opens, as a Pi's vc4 HDMI gives /dev/cec0). Two windows of
screen-off hours, each one minute long and starting at the next minute
that leaves the kiosk time to restart:

  CEC   display_power = cec: the TV receives Standby at the start of the
        hours and Image View On + Active Source at the end; the picture is
        back after; a TV switched on by hand (it broadcasts Request Active
        Source) is answered with Active Source.
  DPMS  display_power = dpms: /sys/class/drm/*/dpms reads Off inside the
        hours and On after, and the loop is on screen again after.

The guest's wall clock counts as synchronised through the test's
SK_TEST_WALL_CLOCK_SYNCED=1 (a drop-in in /run, gone at the next boot):
the guest has no network time. Everything is put back at the end.
"""

import json
import re
import time

from vm import Timeout, VMError

UNIT = "stretch-kiosk.service"
DROPIN = "/run/systemd/system/%s.d/sk-test-power.conf" % UNIT
STATUS = "/run/stretch-kiosk/health/status.json"   # the unit's RuntimeDirectory
TV_LOG = "/tmp/sk-tv-monitor.log"
# As cec-ctl --monitor names them (opcode and number: REQUEST_ACTIVE_SOURCE
# is 0x85, not Active Source).
STANDBY = r"STANDBY \(0x36\)"
IMAGE_VIEW_ON = r"IMAGE_VIEW_ON \(0x04\)"
ACTIVE_SOURCE = r"\bACTIVE_SOURCE \(0x82\)"
# cec-ctl --monitor: "FEATURE_ABORT (0x00):" then "\tabort-msg: 26 (0x1a, GIVE_DECK_STATUS)"
FEATURE_ABORT_DECK = r"FEATURE_ABORT \(0x00\):[^\n]*\n[^\n]*abort-msg: \d+ \(0x1a"
# the kiosk's logical address, from its Active Source as the TV saw it
KIOSK_FROM = r"Received from [^\n]*\((\d+) to 15\): " + ACTIVE_SOURCE
VIVID = ("modprobe vivid n_devs=1 node_types=0x101 num_inputs=1 input_types=0x3 "
         "num_outputs=1 output_types=0x1 no_error_inj=1")


def guest_now(v):
    return int(v.shell("date +%s")[1].strip())


def adapters(v):
    """{adapter name: /dev/cecN} of the guest's CEC adapters."""
    _, out = v.shell("for d in /dev/cec*; do printf '%s ' $d; cec-ctl -d $d 2>/dev/null | "
                     "sed -n 's/.*Adapter Name *: *//p'; done")
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2:
            found[parts[1]] = parts[0]
    return found


def tv_log(v):
    return v.shell("cat %s" % TV_LOG)[1]


def wait_guest(v, cond, until, what, every=1.0):
    """Polls cond() until it is true or the guest's clock passes UNTIL."""
    while True:
        got = cond()
        if got:
            return got
        if guest_now(v) > until:
            raise Timeout("%s: not by %s (guest clock)" % (what, time.strftime("%H:%M:%S", time.gmtime(until))))
        time.sleep(every)


class PowerCheck:
    def __init__(self, c, v):
        self.c, self.v = c, v

    def window(self):
        """Screen-off hours one minute long, starting at the next minute
        boundary at least 40 s (scaled) away: (start, end, 'HH:MM-HH:MM')."""
        now = guest_now(self.v)
        start = ((now + int(self.c.dl(40))) // 60 + 1) * 60
        end = start + 60
        hm = lambda t: time.strftime("%H:%M", time.gmtime(t))   # the guest runs in Etc/UTC
        return start, end, "%s-%s" % (hm(start), hm(end))

    def restart_with(self, means, hours):
        c, v = self.c, self.v
        c.set_config(v, "display_power", means)
        c.set_config(v, "screen_off", hours)
        mark = v.mark()
        v.shell("systemctl restart %s" % UNIT, timeout=c.dl(120))
        c.wait_ready_after(v, mark, c.dl(120), "READY after the restart with display_power = %s" % means)
        m, _ = v.wait_serial(r"display power: (HDMI-CEC through|DPMS on|a black picture|none)[^\r\n]*",
                             c.dl(30), since=mark, what="the means the kiosk chose, in the log")
        return m.group(0)

    def picture_back(self, shot):
        """The loop on screen, judged against the program's own frames of
        the phase the kiosk says it shows. Under emulation the timeline
        runs behind the wall clock (each frame's step is capped at 250 ms,
        and a wake in the hours takes longer than that under TCG), by 37 s
        after these hours on amd64 and 148 s on arm64, so the time since
        the first frame only bounds it from above. The kiosk's status.json
        names the phase and stretch on screen; the program's schedule up
        to that bound (its --trace) says when they last ran; the frames
        are that span's, every half second (and t=0: wait_loop_picture's
        fallback frame). Without a status, the 90 s before the bound."""
        c, v = self.c, self.v
        out = c.o.out + "/10-%s.png" % shot
        # The screen and what the kiosk says it shows, at one moment: the
        # program's frames take a minute to render on arm64, and the kiosk
        # moves on meanwhile. Just after the hours the screen may still be
        # dark (the display waking, the first present to come): the first
        # screendump that is not.
        until = time.monotonic() + c.dl(30)
        while True:
            v.screendump(out)
            if c.black_at_ready(out) is None or time.monotonic() > until:
                break
            time.sleep(0.5)
        # On the half second: wait_loop_picture looks first at the frames
        # on whole 2 s steps, and a t off the grid left it only t=0.
        t = round(c.kiosk_clock(v) * 2) / 2.0
        times = self.phase_span(shot, t)
        if times is None:
            times = [t + i / 2.0 for i in range(-180, 9)]
        refs = c.references(v, "10-" + shot, [0.0] + times)
        good, text = c.judge_shot(out, refs, t)
        if good:
            return True, text + " (the screendump taken with status.json)", 0
        c.say("10 %s: %s; looking again" % (shot, text))
        return c.wait_loop_picture(v, refs, out, 15)

    def phase_span(self, shot, t):
        """Half-second times over the runs of the phase on screen before
        T (+ 4 s), at most 250 of them, or None."""
        c, v = self.c, self.v
        _, st = v.shell("cat %s 2>/dev/null" % STATUS, check=False)
        try:
            screen = json.loads(st)["screen"]
            phase, stretch = screen["phase"], screen["stretch"]
        except (ValueError, KeyError, TypeError):
            c.say("10 %s: no status.json to read the phase from; the 90 s before t=%.1f" % (shot, t))
            return None
        _, trace = c.references(v, "10-%s-schedule" % shot, [t + 4])
        starts = [(float(m.group(1)), m.group(2), m.group(3)) for m in
                  re.finditer(r"^t=([0-9.]+) phase=(\S+) .*?exercise=(\S+)", trace, re.M)]
        # Every run of that phase and stretch before T (a stretch holds
        # for each leg, and status.json does not say which), the latest
        # first, each with 4 s before and 10 s after it.
        spans = []
        for i, (at, ph, ex) in enumerate(starts):
            if at <= t and ph == phase and ex == (stretch or "-"):
                end = starts[i + 1][0] if i + 1 < len(starts) else t + 4
                spans.append((max(0.0, at - 4), min(end + 10, t + 4)))
        if not spans:
            c.say("10 %s: %s/%s not in the schedule before t=%.1f; the 90 s before it" % (shot, phase, stretch, t))
            return None
        times = []
        for lo, hi in reversed(spans):
            first = int(lo * 2) / 2.0
            times += [first + i / 2.0 for i in range(int((hi - first) * 2) + 1)]
        times = sorted(set(times[:250]))
        c.say("10 %s: status.json says %s/%s: the program's frames of %s (t=%.1f)"
              % (shot, phase, stretch, ", ".join("%.1f-%.1f s" % sp for sp in spans), t))
        return times

    def cec(self, out_dev):
        c, v = self.c, self.v
        start, end, hours = self.window()
        said = self.restart_with("cec", hours)
        if "HDMI-CEC through %s" % out_dev not in said:
            return False, "the kiosk chose otherwise: '%s'" % said
        standby = wait_guest(v, lambda: re.search(STANDBY, tv_log(v)), start + 20,
                             "Standby at the TV")
        t_off = guest_now(v) - start
        after = lambda: tv_log(v)[standby.start():]
        wait_guest(v, lambda: re.search(IMAGE_VIEW_ON + r"[\s\S]*" + ACTIVE_SOURCE, after()), end + 20,
                   "Image View On and Active Source at the TV after the hours")
        t_on = guest_now(v) - end
        good, text, _ = self.picture_back("cec-after")
        # A TV switched on by hand asks who the active source is.
        n0 = len(re.findall(ACTIVE_SOURCE, tv_log(v)))
        v.shell("cec-ctl -d %s -t 15 --request-active-source >/dev/null" % self.tv_dev)
        answered = wait_guest(v, lambda: len(re.findall(ACTIVE_SOURCE, tv_log(v))) > n0,
                              guest_now(v) + int(c.dl(15)), "the kiosk's Active Source after the TV asked")
        # A message the kiosk has no answer for (it is no tape deck) is
        # refused with Feature Abort, as CEC asks: the kernel leaves that to
        # the program that follows the adapter.
        log = tv_log(v)
        n0 = len(re.findall(FEATURE_ABORT_DECK, log))
        kiosk = re.findall(KIOSK_FROM, log)[-1]   # there: its Active Source was just awaited
        v.shell("cec-ctl -d %s -t %s --give-deck-status status-req=once >/dev/null 2>&1 || true"
                % (self.tv_dev, kiosk))
        refused = wait_guest(v, lambda: len(re.findall(FEATURE_ABORT_DECK, tv_log(v))) > n0,
                             guest_now(v) + int(c.dl(15)), "the kiosk's Feature Abort of Give Deck Status")
        return good and answered and refused, (
            "%s; Standby at the TV %+d s from the start of the hours, Image View On + Active Source %+d s "
            "from their end; picture after: %s; Request Active Source answered; Give Deck Status refused "
            "with Feature Abort" % (said, t_off, t_on, text))

    def dpms(self):
        c, v = self.c, self.v
        start, end, hours = self.window()
        said = self.restart_with("dpms", hours)
        if "DPMS on" not in said:
            return False, "the kiosk chose otherwise: '%s'" % said
        read = lambda: v.shell("cat /sys/class/drm/card*-*/dpms | sort -u | tr '\\n' ' '")[1].strip()
        wait_guest(v, lambda: read() == "Off", start + 20, "DPMS Off in the hours")
        t_off = guest_now(v) - start
        shot = c.o.out + "/10-dpms-during.png"
        v.screendump(shot)
        wait_guest(v, lambda: read() == "On", end + 20, "DPMS On after the hours")
        t_on = guest_now(v) - end
        good, text, _ = self.picture_back("dpms-after")
        return good, ("%s; /sys/class/drm/*/dpms Off %+d s from the start of the hours, On %+d s from "
                      "their end; picture after: %s" % (said, t_off, t_on, text))

    def run(self):
        c, v = self.c, self.v
        c.ensure_active(v)
        t0 = time.monotonic()
        v.shell(VIVID, timeout=c.dl(60))
        found = wait_guest(v, lambda: (lambda a: a if len(a) >= 2 else None)(adapters(v)),
                           guest_now(v) + 20, "vivid's two CEC adapters")
        tv = found.get("vivid-000-vid-cap0")
        out = found.get("vivid-000-vid-out0")
        if not tv or not out:
            raise VMError("vivid's adapters are not named as expected: %s" % found)
        self.tv_dev = tv
        self.connect_output(v)
        v.shell("cec-ctl -d %s --tv >/dev/null && (setsid cec-ctl -d %s --monitor >%s 2>&1 &)"
                % (tv, tv, TV_LOG))
        v.shell("mkdir -p %s && printf '[Service]\\nEnvironment=SK_TEST_WALL_CLOCK_SYNCED=1 "
                "SK_CEC_DEVICE=%s\\n' >%s && systemctl daemon-reload"
                % (DROPIN.rsplit("/", 1)[0], out, DROPIN))
        try:
            ok_cec, text_cec = self.cec(out)
            ok_dpms, text_dpms = self.dpms()
        finally:
            self.put_back()
        c.figure("check-10", time.monotonic() - t0)
        if ok_cec and ok_dpms:
            c.ok(10, "CEC: %s. DPMS: %s" % (text_cec, text_dpms))
        else:
            c.fail(10, "CEC (%s): %s. DPMS (%s): %s" % (ok_cec, text_cec, ok_dpms, text_dpms))

    def connect_output(self, v):
        """Since Linux 6.10 a vivid HDMI input is connected to nothing until
        its 'HDMI 000-0 Is Connected To' control names an output; only then
        does the output's adapter get a physical address (1.0.0.0) and
        claim a logical address. The menu item naming the output is set."""
        _, out = v.shell("for d in /dev/video*; do v4l2-ctl -d $d -L 2>/dev/null | "
                         "grep -q hdmi_000_0_is_connected_to && echo \"dev $d\" && v4l2-ctl -d $d -L; done; true")
        dev = re.search(r"^dev (\S+)", out, re.M)
        lines = out.splitlines()
        at = [i for i, l in enumerate(lines) if "hdmi_000_0_is_connected_to" in l]
        items = []
        for l in lines[at[0] + 1:] if at else []:
            m = re.match(r"^\s+(\d+): (.*)$", l)
            if not m:
                break
            items.append((m.group(1), m.group(2).strip()))
        self.c.say("vivid's HDMI input: %s %s" % (lines[at[0]].strip() if at else "no such control", items))
        pick = [n for n, name in items if name not in ("Test Pattern Generator", "None")]
        if not dev or not pick:
            return   # an older vivid: outputs are hooked to the inputs from the start
        v.shell("v4l2-ctl -d %s --set-ctrl hdmi_000_0_is_connected_to=%s" % (dev.group(1), pick[0]))

    def put_back(self):
        c, v = self.c, self.v
        log = v.shell("cat %s" % TV_LOG, check=False)[1]
        with open(c.o.out + "/10-tv-monitor.log", "w") as f:
            f.write(log)
        c.set_config(v, "display_power", "auto")
        c.set_config(v, "screen_off", "")
        v.shell("pkill -x cec-ctl; rm -f %s; systemctl daemon-reload" % DROPIN, check=False)
        mark = v.mark()
        v.shell("systemctl restart %s; rmmod vivid" % UNIT, timeout=c.dl(120), check=False)
        c.wait_ready_after(v, mark, c.dl(120), "READY after check 10 put the settings back")
