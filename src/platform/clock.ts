// The one clock. On Apps Script it is the system time; the emulator controls it.

export function now(): number {
  return Date.now();
}
