// A freee notice of any length reaches LINE WORKS as a message LINE WORKS accepts: renkei's button
// template is checked against the LINE WORKS emulator's schema of the documented limits.
import { strict as assert } from 'node:assert';
import { noticeContent } from '../../activities/notify/deliver-lineworks';
import { CONTENT_TEXT_MAX, fitContentText, fitText } from '../../common/notify/lineworks-text-limits';
import type { DeliverLineWorksInput } from '../../common/notify/types';
import { buttonTemplateContentSchema } from '../../emulators/lineworks/message-content';

const input = (title: string, body: string, linkLabel = '詳細を確認する'): DeliverLineWorksInput => ({
  deliveryKey: 'k',
  workflowId: 'w',
  recipient: { freeeUserId: '5', worksTenantId: 't', worksUserId: 'u', botId: 'b', serviceAccountId: 's', tenantStatus: 'active' },
  notice: { title, body, link: '/expense_applications/77', linkLabel },
});

describe('LINE WORKS text limits', () => {
  it('sends a short notice unchanged', () => {
    assert.equal(fitContentText('経費申請', '差戻し'), '経費申請\n差戻し');
  });

  it('cuts a long body to 1,000 characters ending in 「…」 and keeps the title', () => {
    const text = fitContentText('経費申請', '𠮷'.repeat(3000));
    assert.equal([...text].length, CONTENT_TEXT_MAX);
    assert.ok(text.startsWith('経費申請\n𠮷'));
    assert.ok(text.endsWith('…'));
  });

  it('cuts at exactly the limit, not before', () => {
    const body = 'あ'.repeat(CONTENT_TEXT_MAX - 5);
    assert.equal(fitContentText('1234', body), `1234\n${body}`);
    assert.equal([...fitContentText('1234', `${body}い`)].length, CONTENT_TEXT_MAX);
  });

  it('builds a button template LINE WORKS accepts whatever the notice length', () => {
    for (const [title, body, label] of [
      ['経費申請', '差戻し', '詳細を確認する'],
      ['経費申請', 'x'.repeat(5000), '詳細を確認する'],
      ['t'.repeat(1500), 'b', 'とても長いボタンのラベルで二十文字を超えています'],
    ] as const) {
      const content = noticeContent(input(title, body, label), 'https://secure.freee.example');
      const parsed = buttonTemplateContentSchema.safeParse(content);
      assert.ok(parsed.success, parsed.error?.message);
    }
    assert.equal(fitText('ab', 20), 'ab');
  });
});
