// How the freee accounting API shows a 事業所 (docs/providers/freee.md#businesses): the list item of
// `GET /api/1/companies` and the full company of `GET /api/1/companies/{id}`, with every field
// freee's published company schema requires (test/contracts/freee/accounting-api.json). What a
// seed leaves unset answers null where freee allows null, else the value of a business freshly
// set up in freee (消費税を含める, 仕訳番号なし, 切り捨て, レイアウト１/クラシック, 承認なし).

import { createHash } from 'node:crypto';
import type { FreeeCompany, FreeeUser } from './seed-schema';

type Membership = FreeeUser['companies'][number];

/** A stable 10-character 事業所番号 for a seed that names none. */
function companyNumber(company: FreeeCompany): string {
  return company.company_number ?? createHash('sha256').update(`freee-company:${company.id}`).digest('hex').slice(0, 10);
}

export function companyListItem(company: FreeeCompany, membership: Membership, displayName: string) {
  return {
    id: company.id,
    name: company.name,
    name_kana: company.name_kana ?? null,
    display_name: displayName,
    company_number: companyNumber(company),
    role: membership.role,
  };
}

function fiscalYear(company: FreeeCompany, now: Date) {
  const start = company.fiscal_year_start ?? `${now.getUTCFullYear()}-01-01`;
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
  return {
    id: company.id * 100 + 1,
    use_industry_template: false,
    indirect_write_off_method: false,
    start_date: start,
    end_date: end,
    depreciation_record_method: 0,
    tax_method: 0,
    sales_tax_business_code: 0,
    tax_fraction: 0,
    tax_account_method: 0,
    return_code: 0,
    is_closed: false,
    month_end_date: null,
    temp_month_end_date: null,
  };
}

export function companyDetail(company: FreeeCompany, membership: Membership, displayName: string, now = new Date()) {
  return {
    ...companyListItem(company, membership, displayName),
    tax_at_source_calc_type: 0,
    contact_name: company.contact_name ?? null,
    head_count: null,
    corporate_number: company.corporate_number ?? '',
    txn_number_format: 'not_used',
    default_wallet_account_id: null,
    private_settlement: false,
    minus_format: 0,
    org_code: company.org_code ?? 1,
    phone1: company.phone1 ?? null,
    phone2: null,
    fax: null,
    zipcode: company.zipcode ?? null,
    prefecture_code: company.prefecture_code ?? -1,
    street_name1: company.street_name1 ?? null,
    street_name2: company.street_name2 ?? null,
    invoice_layout: 'default_classic',
    amount_fraction: 0,
    use_partner_code: false,
    industry_class: null,
    industry_code: null,
    workflow_setting: 'disable',
    fiscal_years: [fiscalYear(company, now)],
  };
}
