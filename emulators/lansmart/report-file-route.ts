// The platform API's 報告書 files: `POST /api/v1/orders/{orderId}/report-files` (multipart/form-data:
// `partnerId` and one `file` part; optional `Idempotency-Key`, a repeated key answers the first
// upload again) and `GET /api/v1/orders/{orderId}/report-files?partnerId=` (the order's files, no
// bytes). The platform checks the order's partner, the size (413) and the type from the bytes
// (415: PDF, JPEG or PNG), and keeps nothing of a refused upload.

import { fileTypeFromBuffer } from 'file-type';
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { lansmartError, parseOrReject } from './errors';
import { newLansmartId } from './ids';
import { PLATFORM_MAX_REPORT_FILE_BYTES, REPORT_FILE_TYPES, reportFileView, type ReportFile, type ReportFileType } from './report-file';
import type { LansmartState } from './state';

const uploadFields = z.object({ partnerId: z.string().min(1).max(64) });
const listQuery = z.object({ partnerId: z.string().min(1).max(64).optional() });

const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: PLATFORM_MAX_REPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 } });

/** multer's refusals in the platform's error shape. */
function readUpload(req: Request, res: Response, next: NextFunction): void {
  upload.single('file')(req, res, (err: unknown) => {
    if (err === undefined || err === null) return next();
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') return next(lansmartError(413, 'FILE_TOO_LARGE', 'ファイルサイズが上限を超えています', { maxBytes: PLATFORM_MAX_REPORT_FILE_BYTES }));
      return next(lansmartError(400, 'VALIDATION_ERROR', `アップロードの形式が正しくありません（${err.code}）`));
    }
    next(lansmartError(400, 'VALIDATION_ERROR', 'アップロードの形式が正しくありません'));
  });
}

const isAccepted = (mime: string | undefined): mime is ReportFileType => (REPORT_FILE_TYPES as readonly string[]).includes(mime ?? '');

export function createReportFileRouter(state: LansmartState): Router {
  const router = Router();

  const partnersOrder = (orderId: string, partnerId: string | undefined) => {
    const order = state.orders.get(orderId);
    if (order === undefined) throw lansmartError(404, 'NOT_FOUND', '発注書が見つかりません');
    if (partnerId !== undefined && order.partnerId !== partnerId) throw lansmartError(403, 'FORBIDDEN', 'この発注書のパートナーではありません');
    return order;
  };

  router.post('/orders/:orderId/report-files', readUpload, async (req, res) => {
    const orderId = String(req.params.orderId);
    const { partnerId } = parseOrReject(uploadFields, req.body ?? {});
    const order = partnersOrder(orderId, partnerId);
    const key = req.get('idempotency-key')?.trim() || null;
    const known = key === null ? undefined : state.reportFileKeys.get(key);
    if (known !== undefined) {
      res.status(201).set('Idempotent-Replayed', 'true').json(reportFileView(known));
      return;
    }
    const file = req.file;
    if (file === undefined || file.size === 0) throw lansmartError(400, 'VALIDATION_ERROR', 'ファイルを選択してください');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!isAccepted(detected?.mime)) throw lansmartError(415, 'UNSUPPORTED_FILE_TYPE', 'PDF・JPEG・PNGのファイルのみアップロードできます');
    const stored: ReportFile = {
      fileId: newLansmartId('file'),
      orderId: order.orderId,
      partnerId,
      fileName: file.originalname.slice(0, 200) || 'file',
      contentType: detected.mime,
      size: file.size,
      uploadedAt: new Date().toISOString(),
      data: Buffer.from(file.buffer),
    };
    state.reportFiles.push(stored);
    if (key !== null) state.reportFileKeys.set(key, stored);
    res.status(201).json(reportFileView(stored));
  });

  router.get('/orders/:orderId/report-files', (req, res) => {
    const orderId = String(req.params.orderId);
    const { partnerId } = parseOrReject(listQuery, req.query);
    partnersOrder(orderId, partnerId);
    res.json({ files: state.reportFilesOf(orderId).map(reportFileView) });
  });

  return router;
}
