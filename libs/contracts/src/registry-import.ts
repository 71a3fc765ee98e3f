/**
 * The bulk import contract between `npx lep registry import` and the registry's `POST /api/v1/imports/:kind`:
 * the CSV columns of each kind (header names, any order; each column may be headed by its English name or by
 * the Chinese label staff spreadsheets use), the key that makes a line an upsert, and the largest batch one
 * request may carry.
 */
export const REGISTRY_IMPORT = {
  /** Any order: the CLI sends parents before children, also across batches. */
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
      'remedyChannels',
      'supervisionMethods',
      'complaintChannels',
    ],
    optional: [
      'parentCode',
      'legalReviewBodyAgencyCode',
      'remedyChannels',
      'supervisionMethods',
      'complaintChannels',
    ],
    key: ['code'],
    labels: {
      code: '执法主体代码',
      name: '执法主体名称',
      level: '层级',
      parentCode: '上级执法主体代码',
      unifiedSocialCreditCode: '统一社会信用代码',
      legalBasis: '设立及执法依据',
      dutiesAndPowers: '职责权限',
      region: '工作日历地区',
      legalReviewBodyName: '法制审核机构',
      legalReviewBodyAgencyCode: '法制审核机构所属执法主体代码',
      remedyChannels: '救济渠道',
      supervisionMethods: '监督方式',
      complaintChannels: '投诉举报',
    },
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
      'legalStanding',
      'principalLeader',
    ],
    /**
     * Optional columns may be absent from the header; an absent idNumber, legalStanding or principalLeader column
     * keeps what is stored for each person, an empty cell in a present one clears it (idNumber: keeps).
     */
    optional: ['idNumber', 'legalStanding', 'principalLeader'],
    key: ['certificateNumber'],
    labels: {
      agencyCode: '执法主体代码',
      name: '姓名',
      idNumber: '身份证号码',
      roles: '角色',
      certificateNumber: '执法证号',
      certificateIssuedOn: '发证日期',
      certificateExpiresOn: '有效期至',
      qualification: '资格取得方式',
      scope: '执法区域及类别',
      legalStanding: '法律身份',
      principalLeader: '是否主要负责人',
    },
  },
  targets: {
    columns: ['agencyCode', 'code', 'name', 'category', 'partyType', 'active'],
    optional: ['partyType', 'active'],
    key: ['agencyCode', 'code'],
    labels: {
      agencyCode: '执法主体代码',
      code: '检查对象编码',
      name: '检查对象名称',
      category: '检查对象类别',
      partyType: '相对人类别',
      active: '是否在库',
    },
  },
  /**
   * The enforcement item list (行政执法事项清单). Each agency's lines are merged into its current list by item
   * code and submitted as its next version for the legal review body's review (published once approved); the
   * CLI keeps one agency's lines in one batch.
   */
  items: {
    columns: [
      'agencyCode',
      'code',
      'name',
      'category',
      'legalBasis',
      'procedure',
      'statutoryWorkingDays',
      'promisedWorkingDays',
      'acceptingBody',
      'approvingBody',
      'serviceGuide',
    ],
    optional: ['promisedWorkingDays', 'acceptingBody', 'approvingBody', 'serviceGuide'],
    key: ['agencyCode', 'code'],
    labels: {
      agencyCode: '执法主体代码',
      code: '事项编码',
      name: '事项名称',
      category: '事项类别',
      legalBasis: '实施依据',
      procedure: '办理程序',
      statutoryWorkingDays: '法定办结时限',
      promisedWorkingDays: '承诺办结时限',
      acceptingBody: '受理机构',
      approvingBody: '审批机构',
      serviceGuide: '服务指南',
    },
  },
} as const satisfies Record<
  string,
  {
    columns: readonly string[];
    optional: readonly string[];
    key: readonly string[];
    labels: Record<string, string>;
  }
>;

export type RegistryImportKind = keyof typeof REGISTRY_IMPORT;
export const REGISTRY_IMPORT_KINDS = Object.keys(REGISTRY_IMPORT) as RegistryImportKind[];
export const REGISTRY_IMPORT_BATCH_MAX = 5000;

export interface RegistryImportRow {
  line: number;
  fields: Record<string, string>;
}

export interface RegistryImportBatch {
  /** validate: check only; apply: check, then write the whole batch or nothing. */
  mode: 'validate' | 'apply';
  rows: RegistryImportRow[];
  /**
   * Agencies in validate mode only: the file's lines (from earlier batches) that register ancestors of this
   * batch's bodies. They are checked as if registered first, so a child can be validated before its parent's
   * batch is written; their own errors are reported with their own batch.
   */
  context?: RegistryImportRow[];
}

export interface RegistryImportResult {
  mode: 'validate' | 'apply';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}
