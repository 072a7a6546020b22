// Emulator logging: pino JSON on stderr, level from LOG_LEVEL (default "info"). In-process callers
// may pass a pino logger, a line sink (each JSON line handed to it), or nothing (silent).

import pino, { type Logger } from 'pino';

export type EmulatorLog = Logger | ((line: string) => void);

export function createEmulatorLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'emulators', level }, pino.destination({ dest: 2, sync: true }));
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export function toLogger(log: EmulatorLog | undefined): Logger {
  if (log === undefined) return silentLogger();
  if (typeof log !== 'function') return log;
  return pino({ name: 'emulators', level: process.env.LOG_LEVEL ?? 'info' }, { write: (chunk: string) => log(chunk.trimEnd()) });
}
