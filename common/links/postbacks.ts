// The postback data of renkei's rich-menu areas: what a tap in the talk room means. Shared by the
// menus (activities) and the bot callback (API).

export const POSTBACK = {
  link: 'renkei:link',
  unlink: 'renkei:unlink',
  attendanceMenu: 'renkei:menu:attendance',
  mainMenu: 'renkei:menu:main',
} as const;

/** Which menu a person sees: before the ID-link, after it, or the 人事労務 (attendance) menu. */
export type MenuKind = 'unlinked' | 'linked' | 'attendance';

/** What a menu switch asks for: a menu, or "main" (the link-dependent one). */
export type MenuRequest = 'linked' | 'default' | 'attendance' | 'main';
