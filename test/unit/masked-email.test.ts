// How the e-mail mismatch page shows the two addresses: recognisable to their owner (first letter,
// domain), never whole.
import { strict as assert } from 'node:assert';
import { maskEmail } from '../../api/partner-web/masked-email';

describe('masked e-mail addresses (the e-mail mismatch page)', () => {
  it('keeps the first letter and the domain, hides the rest of the local part', () => {
    assert.equal(maskEmail('hanako@partner.example'), 'h*****@partner.example');
    assert.equal(maskEmail('a@x.example'), 'a***@x.example', 'a short address still hides how short it is');
    assert.equal(maskEmail('someone-with-a-long-name@line.example'), 's********@line.example', 'a long one does not show its length');
  });

  it('shows nothing of what is not an address', () => {
    assert.equal(maskEmail('no-at-sign'), '***');
    assert.equal(maskEmail('@domain.example'), '***');
  });
});
