// The invoice draft of a partner's order on the server (models/invoice-draft.ts): what the invoice
// form shows when the partner comes back, saved with every post of the form and deleted when the
// invoice is sent. A stored draft is checked like a posted one (row count, field lengths) before it
// is shown again.
import { z } from 'zod';
import { InvoiceDraftRecord, invoiceDraftId } from '../../models/invoice-draft';
import { MAX_INVOICE_ROWS } from './form-schemas';
import type { RowValues } from './pages/invoice-pages';

export interface InvoiceRows {
  items: RowValues[];
  expenses: RowValues[];
}

/** Kept this long after the last change (an order's invoice is written within its month). */
const KEEP_MS = 90 * 86_400_000;
const MAX_FIELD = 200;

const storedRows = z.array(z.object({ name: z.string().max(MAX_FIELD), amount: z.string().max(MAX_FIELD) })).max(MAX_INVOICE_ROWS);
const stored = z.object({ items: storedRows, expenses: storedRows });

const clip = (rows: RowValues[]): RowValues[] => rows.slice(0, MAX_INVOICE_ROWS).map((r) => ({ name: r.name.slice(0, MAX_FIELD), amount: r.amount.slice(0, MAX_FIELD) }));

export async function loadInvoiceDraft(partnerId: string, orderId: string): Promise<InvoiceRows | undefined> {
  const doc = await InvoiceDraftRecord.findOne({ _id: invoiceDraftId(partnerId, orderId), expiresAt: { $gt: new Date() } }).lean();
  if (!doc) return undefined;
  const parsed = stored.safeParse({ items: doc.items, expenses: doc.expenses });
  return parsed.success ? parsed.data : undefined;
}

export async function saveInvoiceDraft(partnerId: string, orderId: string, rows: InvoiceRows): Promise<void> {
  await InvoiceDraftRecord.updateOne(
    { _id: invoiceDraftId(partnerId, orderId) },
    { $set: { partnerId, orderId, items: clip(rows.items), expenses: clip(rows.expenses), expiresAt: new Date(Date.now() + KEEP_MS) } },
    { upsert: true },
  );
}

export async function deleteInvoiceDraft(partnerId: string, orderId: string): Promise<void> {
  await InvoiceDraftRecord.deleteOne({ _id: invoiceDraftId(partnerId, orderId) });
}
