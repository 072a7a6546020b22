// The LINE emulator accepts what LINE's Messaging API accepts and refuses what it refuses: every
// message type of the reference (its own examples), and the published limits — 5 messages a push,
// text 5000 UTF-16 code units, altText 1500, labels by where the action sits (template 20, flex
// button 40, image carousel 12) counted in grapheme clusters, 12 bubbles and 30 KB a bubble, the
// box layouts' allowed components, camera actions on quick replies only.

import { strict as assert } from 'node:assert';
import { errorDetails, pushBodySchema } from '../../emulators/line/message-schema';

const TO = `U${'2'.repeat(32)}`;
const postback = (label: string) => ({ type: 'postback', label, data: 'action=approve&order=1' });

/** The reference's own example of each message type. */
const EXAMPLES: Record<string, unknown> = {
  text: { type: 'text', text: '$ LINE emoji $', emojis: [{ index: 0, productId: '5ac1bfd5040ab15980c9b435', emojiId: '001' }, { index: 13, productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' }] },
  textV2: { type: 'textV2', text: 'Welcome, {user1}! {laugh}', substitution: { user1: { type: 'mention', mentionee: { type: 'user', userId: TO } }, laugh: { type: 'emoji', productId: '5a8555cfe6256cc92ea23c1a', emojiId: '002' } } },
  sticker: { type: 'sticker', packageId: '446', stickerId: '1988' },
  image: { type: 'image', originalContentUrl: 'https://example.com/original.jpg', previewImageUrl: 'https://example.com/preview.jpg' },
  video: { type: 'video', originalContentUrl: 'https://example.com/original.mp4', previewImageUrl: 'https://example.com/preview.jpg', trackingId: 'track-id' },
  audio: { type: 'audio', originalContentUrl: 'https://example.com/original.m4a', duration: 60000 },
  location: { type: 'location', title: 'my location', address: '1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan', latitude: 35.67966, longitude: 139.73669 },
  imagemap: {
    type: 'imagemap',
    baseUrl: 'https://example.com/bot/images/rm001',
    altText: 'This is an imagemap',
    baseSize: { width: 1040, height: 1040 },
    video: { originalContentUrl: 'https://example.com/video.mp4', previewImageUrl: 'https://example.com/video_preview.jpg', area: { x: 0, y: 0, width: 1040, height: 585 }, externalLink: { linkUri: 'https://example.com/see_more.html', label: 'See More' } },
    actions: [
      { type: 'uri', linkUri: 'https://example.com/', area: { x: 0, y: 586, width: 520, height: 454 } },
      { type: 'message', text: 'Hello', area: { x: 520, y: 586, width: 520, height: 454 } },
    ],
  },
  confirm: { type: 'template', altText: 'this is a confirm template', template: { type: 'confirm', text: 'Are you sure?', actions: [{ type: 'message', label: 'Yes', text: 'yes' }, { type: 'message', label: 'No', text: 'no' }] } },
  carousel: {
    type: 'template',
    altText: 'this is a carousel template',
    template: {
      type: 'carousel',
      columns: [1, 2].map((n) => ({
        thumbnailImageUrl: `https://example.com/bot/images/item${n}.jpg`,
        imageBackgroundColor: '#FFFFFF',
        title: 'this is menu',
        text: 'description',
        defaultAction: { type: 'uri', label: 'View detail', uri: 'http://example.com/page/123' },
        actions: [postback('Buy'), { type: 'uri', label: 'View detail', uri: 'http://example.com/page/111' }],
      })),
      imageAspectRatio: 'rectangle',
      imageSize: 'cover',
    },
  },
  imageCarousel: {
    type: 'template',
    altText: 'this is a image carousel template',
    template: { type: 'image_carousel', columns: [{ imageUrl: 'https://example.com/bot/images/item1.jpg', action: { type: 'datetimepicker', label: 'Select date', data: 'storeId=12345', mode: 'datetime' } }] },
  },
  flex: {
    type: 'flex',
    altText: 'this is a flex message',
    contents: {
      type: 'bubble',
      hero: { type: 'image', url: 'https://example.com/flex/images/image.jpg', size: 'full', aspectRatio: '20:13' },
      body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'hello', weight: 'bold' }, { type: 'box', layout: 'baseline', contents: [{ type: 'icon', url: 'https://example.com/icon.png' }, { type: 'text', contents: [{ type: 'span', text: 'world' }] }] }] },
      footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', action: postback('承認する') }] },
    },
  },
};

function refusal(messages: unknown[]): string[] {
  const parsed = pushBodySchema.safeParse({ to: TO, messages });
  assert.equal(parsed.success, false, 'expected a refusal');
  return parsed.success ? [] : errorDetails(parsed.error).map((detail) => detail.property);
}

describe('LINE emulator: the message objects of the Messaging API', () => {
  for (const [name, message] of Object.entries(EXAMPLES)) {
    it(`accepts the reference's ${name} message`, () => {
      const parsed = pushBodySchema.safeParse({ to: TO, messages: [message] });
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    });
  }

  it('accepts 5 messages of mixed types in one push and refuses 6', () => {
    const five = Object.values(EXAMPLES).slice(0, 5);
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: five }).success);
    assert.deepEqual(refusal([...five, EXAMPLES.text]), ['messages']);
  });

  it('counts text in UTF-16 code units: 5000 fit, an emoji counts two', () => {
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: [{ type: 'text', text: 'あ'.repeat(5000) }] }).success);
    assert.deepEqual(refusal([{ type: 'text', text: `${'あ'.repeat(4999)}🍎` }]), ['messages[0].text']);
  });

  it('takes altText up to 1500 characters on templates, flex and imagemaps', () => {
    const alt = (altText: string) => [{ ...(EXAMPLES.confirm as object), altText }, { ...(EXAMPLES.flex as object), altText }, { ...(EXAMPLES.imagemap as object), altText }];
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: alt('a'.repeat(1500)) }).success);
    assert.deepEqual(refusal(alt('a'.repeat(1501))), ['messages[0].altText', 'messages[1].altText', 'messages[2].altText']);
  });

  it('counts labels in grapheme clusters, with the limit of where the action sits', () => {
    const family = '👨‍👩‍👧'.repeat(20);
    const buttons = (label: string) => ({ type: 'template', altText: 'x', template: { type: 'buttons', text: 'x', actions: [postback(label)] } });
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: [buttons(family)] }).success, 'twenty family emoji are twenty labels characters');
    assert.deepEqual(refusal([buttons('a'.repeat(21))]), ['messages[0].template.actions[0].label']);
    const flexButton = (label: string) => ({ type: 'flex', altText: 'x', contents: { type: 'bubble', footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: postback(label) }] } } });
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: [flexButton('a'.repeat(40))] }).success);
    assert.deepEqual(refusal([flexButton('a'.repeat(41))]), ['messages[0].contents.footer.contents[0].action.label']);
    const imageCarousel = { type: 'template', altText: 'x', template: { type: 'image_carousel', columns: [{ imageUrl: 'https://example.com/1.jpg', action: postback('a'.repeat(13)) }] } };
    assert.deepEqual(refusal([imageCarousel]), ['messages[0].template.columns[0].action.label']);
  });

  it('refuses a confirm template without exactly two actions and carousel columns with different numbers of actions', () => {
    const confirm = { type: 'template', altText: 'x', template: { type: 'confirm', text: 'ok?', actions: [postback('a'), postback('b'), postback('c')] } };
    assert.deepEqual(refusal([confirm]), ['messages[0].template.actions']);
    const carousel = { type: 'template', altText: 'x', template: { type: 'carousel', columns: [{ text: 'a', actions: [postback('a')] }, { text: 'b', actions: [postback('a'), postback('b')] }] } };
    assert.deepEqual(refusal([carousel]), ['messages[0].template.columns']);
  });

  it('refuses more than 12 bubbles, a bubble over 30 KB and a button in a baseline box', () => {
    const bubble = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'x' }] } };
    assert.deepEqual(refusal([{ type: 'flex', altText: 'x', contents: { type: 'carousel', contents: Array.from({ length: 13 }, () => bubble) } }]), ['messages[0].contents.contents']);
    const big = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: Array.from({ length: 8 }, () => ({ type: 'text', text: 'あ'.repeat(1500) })) } };
    assert.deepEqual(refusal([{ type: 'flex', altText: 'x', contents: big }]), ['messages[0].contents']);
    const baseline = { type: 'bubble', body: { type: 'box', layout: 'baseline', contents: [{ type: 'button', action: postback('a') }] } };
    assert.deepEqual(refusal([{ type: 'flex', altText: 'x', contents: baseline }]), ['messages[0].contents.body.contents[0].type']);
  });

  it('refuses media on plain HTTP, an imagemap not 1040 wide, and a camera action outside quick replies', () => {
    assert.deepEqual(refusal([{ type: 'image', originalContentUrl: 'http://example.com/a.jpg', previewImageUrl: 'https://example.com/b.jpg' }]), ['messages[0].originalContentUrl']);
    assert.deepEqual(refusal([{ ...(EXAMPLES.imagemap as object), baseSize: { width: 1000, height: 1000 } }]), ['messages[0].baseSize.width']);
    const camera = { type: 'camera', label: 'Camera' };
    assert.ok(pushBodySchema.safeParse({ to: TO, messages: [{ type: 'text', text: 'x', quickReply: { items: [{ type: 'action', action: camera }] } }] }).success);
    assert.deepEqual(refusal([{ type: 'template', altText: 'x', template: { type: 'buttons', text: 'x', actions: [camera] } }]), ['messages[0].template.actions[0].type']);
  });
});
