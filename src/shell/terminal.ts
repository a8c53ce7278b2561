import { fstatSync, readlinkSync } from "node:fs";

// Whether a file descriptor is a terminal, asked of the system.

/**
 * Whether a file descriptor is a terminal. On Linux this asks /proc which device the
 * descriptor is open on, because loading node:tty pulls in the network and stream modules and
 * costs milliseconds at every start. Without /proc, it reads the device's major number:
 * terminals are character devices with majors 4, 5 and 136-143 (pseudo-terminals).
 */
export function isTerminal(fd: number): boolean {
  if (process.platform !== "linux") return process.getBuiltinModule("node:tty").isatty(fd);
  try {
    return TERMINAL_DEVICE.test(readlinkSync(`/proc/self/fd/${fd}`));
  } catch {
    // No /proc here; fall through to the device number.
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const major = Math.floor(stat.rdev / 256) & 0xfff;
    return major === 4 || major === 5 || (major >= 136 && major <= 143);
  } catch {
    return false;
  }
}

/** Pseudo-terminals, consoles, serial and USB terminals. */
const TERMINAL_DEVICE = /^\/dev\/(pts\/\d+|tty\w*|console)$/;
