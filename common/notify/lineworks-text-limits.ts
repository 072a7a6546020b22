// LINE WORKS refuses a bot message whose texts exceed its documented limits
// (docs/providers/line-works.md#bot-messages): a button template's contentText ≤ 1,000 characters
// and a button label ≤ 20. A freee notice's body is free text of any length, so renkei fits it here
// (counting code points, as LINE WORKS counts characters) instead of sending a message that would be
// refused for good.

export const CONTENT_TEXT_MAX = 1000;
export const BUTTON_LABEL_MAX = 20;

const ELLIPSIS = '…';

/** The text cut to `max` code points, ending in 「…」 when it was cut. */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('') + ELLIPSIS;
}

/** The title and body as one contentText within the limit; the title is kept whole when it fits. */
export function fitContentText(title: string, body: string): string {
  const whole = `${title}\n${body}`;
  if ([...whole].length <= CONTENT_TEXT_MAX) return whole;
  const titleLength = [...title].length;
  if (titleLength + 2 >= CONTENT_TEXT_MAX) return fitText(title, CONTENT_TEXT_MAX);
  return `${title}\n${fitText(body, CONTENT_TEXT_MAX - titleLength - 1)}`;
}
