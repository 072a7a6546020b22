// What a rich-menu workflow carries when it starts: the search attributes of whom it concerns
// (the business and the tenant, so `CompanyId="1001"` finds it with the business's other
// workflows) and a summary for the Web UI. Shared by the API (menu switches) and the scripts
// (re-provisioning).
import type { SearchAttributePair } from '@temporalio/common';
import { CompanyId, WorksTenantId } from '../search-attributes';

export interface RichMenuStartMetadata {
  typedSearchAttributes: SearchAttributePair[];
  staticSummary: string;
  staticDetails: string;
}

/** `companyId` is undefined when the tenant has no link record (the workflow then finds nothing to do). */
export function richMenuStartMetadata(worksTenantId: string, companyId: string | undefined, what: string): RichMenuStartMetadata {
  return {
    typedSearchAttributes: [{ key: WorksTenantId, value: worksTenantId }, ...(companyId ? [{ key: CompanyId, value: companyId }] : [])],
    staticSummary: `${what} — LINE WORKS tenant ${worksTenantId}${companyId ? ` (事業所 ${companyId})` : ''}`,
    staticDetails: `Rich menu of the freee bot in LINE WORKS tenant ${worksTenantId}${companyId ? `, linked to freee 事業所 ${companyId}` : ', with no link record'}.`,
  };
}
