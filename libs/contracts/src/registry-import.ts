/**
 * The bulk import contract between `npx lep registry import` and the registry's `POST /api/v1/imports/:kind`:
 * the CSV columns of each kind (header names, any order), the key that makes a line an upsert, and the largest
 * batch one request may carry.
 */
export const REGISTRY_IMPORT = {
  /** Parents before children (a parent may be registered already or appear on an earlier line). */
  agencies: {
    columns: [
      'code',
      'name',
      'level',
      'parentCode',
      'unifiedSocialCreditCode',
      'legalBasis',
      'dutiesAndPowers',
      'region',
      'legalReviewBodyName',
      'legalReviewBodyAgencyCode',
    ],
    optional: ['parentCode', 'legalReviewBodyAgencyCode'],
    key: ['code'],
  },
  personnel: {
    columns: [
      'agencyCode',
      'name',
      'idNumber',
      'roles',
      'certificateNumber',
      'certificateIssuedOn',
      'certificateExpiresOn',
      'qualification',
      'scope',
    ],
    /** Optional columns may be absent from the header. */
    optional: ['idNumber'],
    key: ['certificateNumber'],
  },
  targets: {
    columns: ['agencyCode', 'code', 'name', 'category', 'active'],
    optional: ['active'],
    key: ['agencyCode', 'code'],
  },
} as const satisfies Record<
  string,
  { columns: readonly string[]; optional: readonly string[]; key: readonly string[] }
>;

export type RegistryImportKind = keyof typeof REGISTRY_IMPORT;
export const REGISTRY_IMPORT_KINDS = Object.keys(REGISTRY_IMPORT) as RegistryImportKind[];
export const REGISTRY_IMPORT_BATCH_MAX = 5000;

export interface RegistryImportBatch {
  /** validate: check only; apply: check, then write the whole batch or nothing. */
  mode: 'validate' | 'apply';
  rows: { line: number; fields: Record<string, string> }[];
}

export interface RegistryImportResult {
  mode: 'validate' | 'apply';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}
