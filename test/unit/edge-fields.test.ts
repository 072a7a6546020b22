// The edge's shared zod fields: dates are real calendar dates, instants carry one, and IDs and
// text are well-formed Unicode within their length.
import { strict as assert } from 'node:assert';
import { calendarDate, isCalendarDate, isoInstant, wellFormedId, wellFormedText } from '../../api/edge/zod-fields';

describe('edge fields', () => {
  it('takes only dates that exist in the calendar', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) assert.ok(isCalendarDate(d), d);
    for (const d of ['2026-13-45', '2026-02-31', '9999-99-99', '2026-02-29', '1900-02-29', '2026-04-31', '0000-01-01', '2026-1-01', '20261-01-01', '2026-01-01T00:00:00Z', '']) {
      assert.ok(!isCalendarDate(d), d);
      assert.equal(calendarDate().safeParse(d).success, false, d);
    }
    assert.equal(calendarDate('date').safeParse('2026-02-31').error?.issues[0]?.message, 'date', 'forms get their problem code');
    assert.equal(calendarDate().safeParse('nope').error?.issues.length, 1, 'one issue per bad value');
  });

  it('takes instants with an offset on a real day only', () => {
    assert.ok(isoInstant().safeParse('2024-02-29T23:59:59+09:00').success);
    assert.ok(isoInstant().safeParse('2026-11-22T01:00:00.123Z').success);
    for (const v of ['2026-02-31T10:00:00+09:00', '2026-13-01T00:00:00Z', '2026-11-22T10:00:00', 'yesterday']) assert.equal(isoInstant().safeParse(v).success, false, v);
  });

  it('takes IDs and text that are well-formed Unicode within their length', () => {
    assert.ok(wellFormedId(10).safeParse('U1😀').success, 'a surrogate pair is one character');
    for (const v of ['\ud800', 'a\udfffb', '', 'x'.repeat(11), 'a\u0000', 'a\nb']) assert.equal(wellFormedId(10).safeParse(v).success, false, JSON.stringify(v));
    assert.ok(wellFormedText(5).safeParse('').success);
    assert.ok(wellFormedText(5).safeParse('a\nb').success, 'text may have line breaks');
    assert.equal(wellFormedText(5, 1).safeParse('\udc00').success, false);
  });
});
