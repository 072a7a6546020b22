// Identifiers the platform hands out: a readable prefix per kind (ord_, rep_, inv_, pn_, act_, file_) and
// random hex, so logs and pages show at a glance what an ID names.

import { randomBytes } from 'node:crypto';

export type LansmartIdKind = 'ord' | 'rep' | 'inv' | 'pn' | 'act' | 'file';

export function newLansmartId(kind: LansmartIdKind): string {
  return `${kind}_${randomBytes(8).toString('hex')}`;
}
