"""vm.py: drives one QEMU machine for the boot test (tests/boot/run).

Python 3's standard library only (Debian's /usr/bin/python3), no QEMU
Python package. One VM object is one boot of a disk:

  vm = VM(arch, kernel, initrd, disks, outdir, name, gpu=True)
  vm.start()                      QEMU runs; QMP is connected
  vm.wait_serial(regex, timeout)  waits until the serial log (kernel,
                                  systemd and journal lines) has a match
                                  written after a mark (vm.mark())
  vm.shell(cmd, timeout)          runs a command as root in the guest
  vm.screendump(path)             the display as PNG (QMP screendump)
  vm.tap(fx, fy)                  a touch at fractions of the screen
  vm.device_add(...)              hot-adds a device (the GPU, check 8)
  vm.power_cut()                  QMP quit: QEMU ends with no shut-down
  vm.poweroff(timeout)            a clean shut-down from inside

Channels:
  - QMP on a unix socket (QEMU is the server). Events are kept in order.
  - The serial console (ttyS0 / ttyAMA0) goes to a file; journald forwards
    the journal there (systemd.journald.forward_to_console=1).
  - The test shell: a virtio serial port "sk.shell" whose guest side the
    test root (never the image) hands to a root bash (guest/); QEMU
    connects as a client to a socket this module listens on, so the
    connection lives as long as QEMU and no output is lost between
    commands. Each command ends with a printed token and its exit code.

Every wait has a deadline and raises Timeout naming what it waited for;
nothing is retried. Polls of the serial log are 0.1 s apart: that is the
granularity of the figures printed, not a sleep standing in for an event.
"""

import ctypes
import json
import os
import re
import select
import signal
import socket
import subprocess
import time


def _die_with_parent():
    # QEMU goes when this process goes, however it ends (PR_SET_PDEATHSIG):
    # a killed test leaves no machine running.
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)


class Timeout(Exception):
    pass


class VMError(Exception):
    pass


# The emulated machines. The trial boot measured READY at ~45 s (amd64,
# qemu64) and ~85 s (arm64, cortex-a53); -cpu max is slower on both.
MACHINES = {
    "amd64": {
        "qemu": "qemu-system-x86_64",
        "args": ["-M", "q35", "-cpu", "qemu64"],
        "console": "ttyS0",
    },
    "arm64": {
        "qemu": "qemu-system-aarch64",
        "args": ["-M", "virt", "-cpu", "cortex-a53"],
        "console": "ttyAMA0",
    },
}

# The screen QEMU offers the guest (virtio-gpu's preferred mode).
SCREEN_W, SCREEN_H = 1280, 720


class VM:
    def __init__(self, arch, kernel, initrd, disks, outdir, name, gpu=True, mem=1536):
        self.arch, self.kernel, self.initrd = arch, kernel, initrd
        self.disks, self.outdir, self.name = disks, outdir, name
        self.gpu, self.mem = gpu, mem
        self.serial_path = os.path.join(outdir, name + ".serial.log")
        self.qmp_path = os.path.join(outdir, name + ".qmp")
        self.shell_path = os.path.join(outdir, name + ".shell")
        self.proc = None
        self.qmp_sock = None
        self.qmp_buf = b""
        self.events = []
        self.shell_conn = None
        self.shell_buf = b""
        self.shell_seq = 0
        self.t0 = None

    # --- start and stop ----------------------------------------------------
    def command_line(self):
        m = MACHINES[self.arch]
        cmdline = ("root=/dev/vda ro console=%s systemd.journald.forward_to_console=1 "
                   "consoleblank=0 panic=-1" % m["console"])
        # no_timer_check (x86 only): on a loaded host TCG's emulated timer can
        # miss the kernel's IO-APIC timer test, which then panics ("IO-APIC +
        # timer doesn't work!", seen at load 9 on 2 cores).
        if self.arch == "amd64":
            cmdline += " no_timer_check"
        a = [m["qemu"]] + m["args"] + [
            "-smp", "2", "-m", str(self.mem), "-accel", "tcg",
            "-nodefaults", "-no-user-config", "-display", "none", "-vga", "none",
            "-kernel", self.kernel, "-initrd", self.initrd, "-append", cmdline,
            "-chardev", "file,id=serial,path=" + self.serial_path,
            "-serial", "chardev:serial",
            "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
            # A PCIe port that the GPU sits on, or is hot-added to (check 8).
            "-device", "pcie-root-port,id=gpuport,chassis=1,slot=1",
            "-device", "virtio-tablet-pci", "-device", "virtio-keyboard-pci",
            "-device", "virtio-serial-pci",
            "-chardev", "socket,id=shell,path=" + self.shell_path,
            "-device", "virtserialport,chardev=shell,name=sk.shell",
            "-no-reboot",
        ]
        if self.gpu:
            a += ["-device", self.gpu_device()]
        for i, d in enumerate(self.disks):
            fmt = "raw"
            a += ["-drive", "file=%s,format=%s,if=none,id=disk%d,cache=unsafe" % (d, fmt, i),
                  "-device", "virtio-blk-pci,drive=disk%d" % i]
        return a

    @staticmethod
    def gpu_device():
        return "virtio-gpu-pci,id=gpu0,bus=gpuport,xres=%d,yres=%d" % (SCREEN_W, SCREEN_H)

    def start(self, timeout=30):
        for p in (self.qmp_path, self.shell_path):
            if os.path.exists(p):
                os.unlink(p)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.shell_path)
        listener.listen(1)
        with open(os.path.join(self.outdir, self.name + ".qemu-args"), "w") as f:
            f.write(" ".join(self.command_line()) + "\n")
        self.qemu_log = open(os.path.join(self.outdir, self.name + ".qemu.log"), "w")
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(self.command_line(), stdin=subprocess.DEVNULL,
                                     stdout=self.qemu_log, stderr=subprocess.STDOUT,
                                     preexec_fn=_die_with_parent)
        # QEMU connects to the shell socket while it sets up its devices.
        listener.settimeout(timeout)
        try:
            self.shell_conn, _ = listener.accept()
        except socket.timeout:
            raise Timeout("QEMU did not connect the shell port within %d s (see %s)"
                          % (timeout, self.qemu_log.name))
        finally:
            listener.close()
        deadline = time.monotonic() + timeout
        while not os.path.exists(self.qmp_path):
            self._check_alive("QMP socket")
            if time.monotonic() > deadline:
                raise Timeout("no QMP socket after %d s" % timeout)
            time.sleep(0.05)
        self.qmp_sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.qmp_sock.connect(self.qmp_path)
        self._qmp_read(timeout)  # the greeting
        self.qmp("qmp_capabilities")

    def elapsed(self):
        return time.monotonic() - self.t0

    def why_gone(self, wait=10):
        """What became of QEMU when a channel closed under us: its exit code
        (it closes its sockets a moment before it is reaped) and the serial
        log's last lines, where a guest panic or reset shows."""
        try:
            rc = "exited (%d)" % self.proc.wait(wait)
        except subprocess.TimeoutExpired:
            rc = "still running %d s later" % wait
        try:
            tail = self.serial_text()[-1500:].strip().splitlines()[-8:]
        except OSError as e:
            tail = ["(no serial log: %s)" % e]
        return "QEMU of boot '%s' %s, %.0f s after it started; see %s; the serial log ends:\n    %s" % (
            self.name, rc, self.elapsed(), self.qemu_log.name, "\n    ".join(tail))

    def _check_alive(self, what):
        if self.proc.poll() is not None:
            raise VMError("QEMU exited while waiting for %s: %s" % (what, self.why_gone()))

    def power_cut(self, timeout=30):
        """QMP quit: the machine stops where it is, as when the plug is pulled."""
        try:
            self.qmp("quit")
        except (OSError, VMError):
            pass
        self.wait_exit(timeout)

    def wait_exit(self, timeout):
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Timeout("QEMU still running %d s after it was told to stop" % timeout)
        self.close()

    def poweroff(self, timeout=120):
        """A clean shut-down from inside; -no-reboot makes QEMU exit at its end."""
        self.shell_send("systemctl poweroff")
        self.wait_exit(timeout)

    def close(self):
        for s in (self.qmp_sock, self.shell_conn):
            if s:
                s.close()
        self.qmp_sock = self.shell_conn = None
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    # --- QMP -------------------------------------------------------------------
    def _qmp_read(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\n" not in self.qmp_buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout("no QMP answer within %d s" % timeout)
            r, _, _ = select.select([self.qmp_sock], [], [], left)
            if r:
                data = self.qmp_sock.recv(65536)
                if not data:
                    raise VMError("QMP connection closed: %s" % self.why_gone())
                self.qmp_buf += data
        line, self.qmp_buf = self.qmp_buf.split(b"\n", 1)
        return json.loads(line)

    def qmp(self, execute, timeout=60, **arguments):
        msg = {"execute": execute}
        if arguments:
            msg["arguments"] = arguments
        self.qmp_sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            r = self._qmp_read(timeout)
            if "event" in r:
                self.events.append(r)
                continue
            if "error" in r:
                raise VMError("QMP %s: %s" % (execute, r["error"].get("desc")))
            return r.get("return")

    def screendump(self, path):
        """The guest's display as a PNG (QEMU 7.2 writes PNG itself)."""
        if os.path.exists(path):
            os.unlink(path)
        self.qmp("screendump", filename=os.path.abspath(path), format="png")
        if not os.path.exists(path):
            raise VMError("screendump wrote no %s" % path)
        return path

    def tap(self, fx, fy):
        """A touch at (fx, fy) in 0..1 of the screen: virtio-tablet's absolute
        axes run 0..32767; the kiosk sees a mouse click there."""
        x, y = int(fx * 32767), int(fy * 32767)
        ev = [{"type": "abs", "data": {"axis": "x", "value": x}},
              {"type": "abs", "data": {"axis": "y", "value": y}}]
        self.qmp("input-send-event", events=ev)
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    def device_add(self, spec):
        """spec as on QEMU's command line: driver,key=value,..."""
        parts = spec.split(",")
        args = {"driver": parts[0]}
        for p in parts[1:]:
            k, v = p.split("=", 1)
            args[k] = v
        self.qmp("device_add", **args)

    # --- serial log ----------------------------------------------------------------
    def mark(self):
        """Where the serial log ends now: later waits look only after it."""
        try:
            return os.path.getsize(self.serial_path)
        except FileNotFoundError:
            return 0

    def serial_text(self, since=0):
        with open(self.serial_path, "rb") as f:
            f.seek(since)
            return f.read().decode("utf-8", "replace")

    def wait_serial(self, regex, timeout, since=0, what=None):
        """Waits until REGEX matches the serial log after offset SINCE.
        Returns (match, seconds since QEMU started)."""
        pat = re.compile(regex, re.M)
        deadline = time.monotonic() + timeout
        while True:
            m = pat.search(self.serial_text(since))
            if m:
                return m, self.elapsed()
            self._check_alive(what or regex)
            if time.monotonic() > deadline:
                raise Timeout("waited %d s for %s in %s" % (timeout, what or repr(regex),
                                                            self.serial_path))
            time.sleep(0.1)

    # --- the guest shell -----------------------------------------------------------
    def wait_shell(self, timeout):
        """Waits for the guest's shell to announce itself (guest/sk-test-shell)."""
        self._shell_until(re.compile(rb"sk-shell-ready\n"), timeout, "the test shell")
        self.shell_buf = b""

    def _shell_until(self, pat, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            m = pat.search(self.shell_buf)
            if m:
                return m
            self._check_alive(what)
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout("waited %d s for %s; it said: %r" % (timeout, what, self.shell_buf[-400:]))
            r, _, _ = select.select([self.shell_conn], [], [], min(left, 1.0))
            if r:
                data = self.shell_conn.recv(65536)
                if not data:
                    raise VMError("the test shell's connection closed while waiting for %s: %s"
                                  % (what, self.why_gone()))
                self.shell_buf += data

    def shell_send(self, cmd):
        self.shell_conn.sendall(cmd.encode() + b"\n")

    def shell(self, cmd, timeout=60, check=True):
        """Runs CMD in the guest's root bash; returns (exit code, output)."""
        self.shell_seq += 1
        token = "__sk_done_%d__" % self.shell_seq
        self.shell_send("( %s ) </dev/null 2>&1; printf '\\n%s %%d\\n' $?" % (cmd, token))
        m = self._shell_until(re.compile(rb"\n" + token.encode() + rb" (\d+)\n"), timeout,
                              "the guest command %r" % cmd)
        out = self.shell_buf[:m.start()].decode("utf-8", "replace")
        self.shell_buf = self.shell_buf[m.end():]
        rc = int(m.group(1))
        if check and rc != 0:
            raise VMError("guest command %r failed (%d): %s" % (cmd, rc, out))
        return rc, out

    def unit(self, props=("ActiveState", "SubState", "NRestarts", "MainPID")):
        """systemctl show of the kiosk's unit, as a dict."""
        _, out = self.shell("systemctl show -p %s stretch-kiosk.service" % ",".join(props))
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
