// How renkei tells what a 報告書 file is: from its bytes (PDF, JPEG, PNG), whatever its name says —
// an HTML page, an SVG (which a browser would run) or a ZIP named .pdf is none of them — and the
// name kept with it: one line, no path, the extension of what it really is.
import { strict as assert } from 'node:assert';
import { reportFileName, reportFileType } from '../../api/partner-web/report-file-upload';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

describe('報告書 files: the type from the bytes, a safe name', () => {
  it('knows a PDF, a JPEG and a PNG by their bytes and nothing else', async () => {
    assert.equal(await reportFileType(PDF), 'application/pdf');
    assert.equal(await reportFileType(JPEG), 'image/jpeg');
    assert.equal(await reportFileType(PNG), 'image/png');
    for (const other of [
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'PK\x03\x04\x14\x00\x00\x00\x08\x00',
      'just text named report.pdf',
      '',
    ]) {
      assert.equal(await reportFileType(Buffer.from(other, 'latin1')), undefined, other);
    }
  });

  it('keeps the partner’s name on one line, without a path, with the extension of the real type', () => {
    assert.equal(reportFileName('作業報告書.pdf', 'application/pdf'), '作業報告書.pdf');
    assert.equal(reportFileName('photo.JPG', 'image/jpeg'), 'photo.JPG');
    assert.equal(reportFileName('report.html', 'application/pdf'), 'report.html.pdf');
    assert.equal(reportFileName('C:\\Users\\hanako\\scan', 'image/png'), 'scan.png');
    assert.equal(reportFileName('../../etc/a\r\nb.pdf', 'application/pdf'), 'ab.pdf');
    assert.equal(reportFileName('', 'image/png'), 'report.png');
  });
});
