// Which Chromium the browser tests and the rich-menu renderer launch: CHROMIUM_PATH, else Debian's
// `chromium-headless-shell` (Chromium's headless shell, what Playwright itself runs for headless
// tests: the same Blink without the full browser's hidden window, WebUI renderers and GPU
// compositing, at about half the CPU in the browser suites), else Debian's `chromium`.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[1];
