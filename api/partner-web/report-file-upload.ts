// Reads the 報告書 upload form (multipart/form-data: the form token, then one `file`) with multer,
// in memory and within limits — the file never touches the disk, so a refused or interrupted upload
// leaves nothing behind — and decides what the file is from its bytes (file-type's magic numbers),
// never from its name or the type the browser claims: PDF, JPEG or PNG, nothing else.
import type { Request, Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import type { ReportFileUpload } from '../../providers/lansmart/platform-client';
import { formBodyOf, type FormBody } from '../edge/form-body';

export type UploadProblem = 'no_file' | 'too_large' | 'wrong_type' | 'unreadable';

export type ReadUpload = { fields: FormBody } & ({ ok: true; file: ReportFileUpload } | { ok: false; problem: UploadProblem });

type ReportFileType = ReportFileUpload['contentType'];

const EXTENSIONS: Record<ReportFileType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};
const isReportFileType = (mime: string | undefined): mime is ReportFileType => mime !== undefined && mime in EXTENSIONS;

/** What the bytes are, when they are a PDF, a JPEG or a PNG. */
export async function reportFileType(data: Buffer): Promise<ReportFileType | undefined> {
  const detected = await fileTypeFromBuffer(data);
  return isReportFileType(detected?.mime) ? detected.mime : undefined;
}

/** The name the partner gave the file, made safe to keep: one line, no path, the extension of its real type. */
export function reportFileName(original: string, type: ReportFileType): string {
  const base = original
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^.*[\\/]/, '')
    .trim()
    .slice(0, 100);
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(base)?.[1]?.toLowerCase();
  if (ext !== undefined && EXTENSIONS[type].includes(ext)) return base;
  return `${base || 'report'}.${EXTENSIONS[type][0] ?? 'bin'}`;
}

/** A reader of one upload, with the size limit in bytes. */
export function reportFileReader(maxBytes: number): (req: Request, res: Response) => Promise<ReadUpload> {
  const single = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 256, parts: 5, headerPairs: 20 },
  }).single('file');
  return (req, res) =>
    new Promise((resolve) => {
      single(req, res, (err: unknown) => {
        const fields = formBodyOf(req.body);
        if (err !== undefined && err !== null) {
          const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
          resolve({ fields, ok: false, problem: tooLarge ? 'too_large' : 'unreadable' });
          return;
        }
        if (!req.is('multipart/form-data')) return resolve({ fields, ok: false, problem: 'unreadable' });
        const file = req.file;
        if (file === undefined || file.size === 0) return resolve({ fields, ok: false, problem: 'no_file' });
        void reportFileType(file.buffer).then(
          (type) =>
            resolve(type === undefined ? { fields, ok: false, problem: 'wrong_type' } : { fields, ok: true, file: { fileName: reportFileName(file.originalname, type), contentType: type, data: file.buffer } }),
          () => resolve({ fields, ok: false, problem: 'wrong_type' }),
        );
      });
    });
}
