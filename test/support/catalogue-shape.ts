// The check every page catalogue passes: each Japanese message has an English one of the same
// shape (string, table with the same keys, or function with the same parameters), and the English
// text is translated. Shared by the freee × LINE WORKS and the Lansmart page tests.
import { strict as assert } from 'node:assert';
import { LOCALES, type Message } from '../../api/pages/locale';

export type Catalogue = Record<'ja' | 'en', Record<string, Message>>;

/** Kana and kanji, outside [brackets] (menu labels quoted as they appear on screen). */
export const untranslated = (text: string): boolean => /[\u3040-\u30ff\u3400-\u9fff]/.test(text.replace(/\[[^\]]*\]/g, ''));

/** A message as text: a string, a table's values, or a function called with placeholders. */
export function messageTexts(m: Message): string[] {
  if (typeof m === 'string') return [m];
  if (typeof m === 'function') return [(m as (...a: unknown[]) => string)('A', 'B', 'C')];
  return Object.values(m);
}

/** An error table (kind → { message, remedy, … }) as a catalogue of table messages. */
export function tableCatalogue<Row extends object>(table: Record<'ja' | 'en', Record<string, Row>>): Catalogue {
  const copy = (rows: Record<string, Row>): Record<string, Message> => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { ...v } as Record<string, string>]));
  return { ja: copy(table.ja), en: copy(table.en) };
}

/** `mayStayJapanese(key)`: English messages that name Japanese on purpose (a language switch). */
export function assertTranslatedCatalogue(name: string, catalogue: Catalogue, mayStayJapanese: (key: string) => boolean = () => false): void {
  assert.deepEqual(Object.keys(catalogue), [...LOCALES]);
  assert.deepEqual(Object.keys(catalogue.en).sort(), Object.keys(catalogue.ja).sort());
  for (const [key, jaMessage] of Object.entries(catalogue.ja)) {
    const enMessage = catalogue.en[key];
    assert.ok(enMessage !== undefined, `${name}.${key} has no English`);
    assert.equal(typeof enMessage, typeof jaMessage, `${name}.${key}: same kind of message`);
    if (typeof jaMessage === 'function') assert.equal((enMessage as (...a: unknown[]) => string).length, jaMessage.length, `${name}.${key}: same parameters`);
    if (typeof jaMessage === 'object') assert.deepEqual(Object.keys(enMessage as object).sort(), Object.keys(jaMessage).sort(), `${name}.${key}: same table`);
    for (const text of messageTexts(enMessage)) {
      assert.ok(text.trim().length > 0, `${name}.${key} is empty in English`);
      if (!mayStayJapanese(key)) assert.ok(!untranslated(text), `${name}.${key} is not translated: ${text}`);
    }
  }
}
