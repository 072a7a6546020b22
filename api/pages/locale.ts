// The languages of renkei's own pages: Japanese first and by default (the help page's words),
// English second. A catalogue is the Japanese messages plus an English object of the same shape,
// so a missing or extra English message is a type error.

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** A message is a string, a pure function of its parameters giving one, or a table of strings (one per value of a type). */
export type Message = string | ((...args: never[]) => string) | Readonly<Record<string, string>>;

/**
 * The shape every locale of a catalogue must have: the Japanese keys, each a string, a function of
 * the same parameters, or a table with the same keys.
 */
export type MessagesLike<T extends Record<string, Message>> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends string ? string : { [P in keyof T[K]]: string };
};

export type Catalogue<T extends Record<string, Message>> = Record<Locale, MessagesLike<T>>;

/** What every page needs to know about the person's language: which one, and how to switch. */
export interface PageContext {
  locale: Locale;
  /** Where the language switch leads: this page (or a safe one) in the other language. */
  switchHref: string;
  /** The name in the title and footer: renkei's own, or the platform's on the pages of its users (partners). */
  brand?: string;
}

export const otherLocale = (locale: Locale): Locale => (locale === 'ja' ? 'en' : 'ja');
