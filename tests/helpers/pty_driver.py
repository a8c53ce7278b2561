"""Runs a command in a real pseudo-terminal for the tests.

Usage: pty_driver.py COLS ROWS -- COMMAND...
Copies this process's stdin to the terminal (keystrokes) and the terminal's output to stdout.
When stdin ends, the terminal is hung up, as when a terminal window closes.
Reports "@@PID <pid>" at the start and "@@EXIT <code>" at the end on stderr; a signal
death is reported as 128 + the signal number, like a shell does.
"""
import fcntl, os, select, signal, struct, subprocess, sys, termios

cols, rows = int(sys.argv[1]), int(sys.argv[2])
command = sys.argv[sys.argv.index("--") + 1:]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

def controlling_tty():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)

child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, preexec_fn=controlling_tty, close_fds=True)
os.close(slave)
sys.stderr.write(f"@@PID {child.pid}\n")
sys.stderr.flush()
signal.signal(signal.SIGTERM, lambda *_: child.send_signal(signal.SIGTERM))

stdin_open = True
while True:
    watch = [master] + ([0] if stdin_open else [])
    try:
        ready, _, _ = select.select(watch, [], [], 0.05)
    except InterruptedError:
        continue
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b""
        if data:
            os.write(1, data)
        elif child.poll() is not None:
            break
    if 0 in ready:
        data = os.read(0, 4096)
        if data:
            os.write(master, data)
        else:
            stdin_open = False
            # Hang up: close our side of the terminal, as a closed window would.
            os.close(master)
            child.wait()
            break
    if child.poll() is not None and master not in ready:
        # Drain what is left, then stop.
        try:
            while True:
                r, _, _ = select.select([master], [], [], 0.1)
                if not r:
                    break
                data = os.read(master, 65536)
                if not data:
                    break
                os.write(1, data)
        except OSError:
            pass
        break

code = child.wait()
sys.stderr.write(f"@@EXIT {128 - code if code < 0 else code}\n")
