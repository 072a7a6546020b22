// The words of the page shell every renkei page shares, in each language.
import type { Catalogue, MessagesLike } from './locale';

const ja = {
  /** The label of the language switch: the name of the other language, in that language. */
  switchLabel: 'English',
  switchTitle: 'Show this page in English',
  footer: 'renkei',
};

const en: MessagesLike<typeof ja> = {
  switchLabel: '日本語',
  switchTitle: 'このページを日本語で表示',
  footer: 'renkei',
};

export const LAYOUT_TEXT: Catalogue<typeof ja> = { ja, en };
