// An SMTP refusal quotes addresses; the mailer's error (which reaches the delivery log and the
// workflow history) keeps the reply without them.
import { strict as assert } from 'node:assert';
import { withoutAddresses } from '../../providers/mail/mailer';

describe('SMTP errors without addresses', () => {
  it('takes out every address, bracketed or not, and keeps the rest of the reply', () => {
    const reply = "Can't send mail - all recipients were rejected: 550 5.1.1 <hanako.yamada+lansmart@partner.example>: Recipient address rejected (from noreply@lansmart.example)";
    const clean = withoutAddresses(reply);
    assert.ok(!clean.includes('@'), clean);
    assert.equal(clean, "Can't send mail - all recipients were rejected: 550 5.1.1 <address>: Recipient address rejected (from <address>)");
  });
});
