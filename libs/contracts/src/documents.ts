import type { CaseStage } from './case-events';
import type { EvidenceConfidentiality } from './evidence-events';

/**
 * The enforcement documents (执法文书) the documents service renders, their templates and the API the case side
 * calls to issue one. A document is rendered from a template version and the case's data, numbered (文号) when
 * its kind carries a number, and stored in the evidence store under its SHA-256, which links it into the case's
 * whole-process record.
 */
export const DOCUMENT_KINDS = [
  'filing-approval',
  'inspection-record',
  'inquiry-record',
  'penalty-notice',
  'hearing-notice',
  'penalty-decision',
  'no-penalty-decision',
  'service-receipt',
  'closure-approval',
  'seizure-decision',
  'seizure-inventory',
  'seizure-release-decision',
  'not-accepted-notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindSpec {
  /** The title printed on the document. */
  title: string;
  /**
   * The word of the 文号 after the agency's abbreviation (石市监**处罚**〔2026〕118号); null for documents that carry
   * no number of their own (笔录, 审批表, 送达回证, 清单) or whose number the case already recorded (the 不予受理通知书's
   * is the filing's `noticeNumber`, printed as its 文号 line: numbering it again would give the applicant's notice
   * two numbers).
   */
  numberWord: string | null;
  /** The case stage the document belongs to, as the evidence store and the whole-process record file it. */
  stage: CaseStage;
}

/** Kind words follow common practice; an agency may set its own per kind with its numbering pattern. */
export const DOCUMENT_KIND_SPECS: Record<DocumentKind, DocumentKindSpec> = {
  'filing-approval': { title: '立案审批表', numberWord: null, stage: 'filed' },
  'inspection-record': { title: '现场检查（勘验）笔录', numberWord: null, stage: 'investigating' },
  'inquiry-record': { title: '询问笔录', numberWord: null, stage: 'investigating' },
  'penalty-notice': { title: '行政处罚事先告知书', numberWord: '罚告', stage: 'notified' },
  'hearing-notice': { title: '行政处罚听证告知书', numberWord: '听告', stage: 'notified' },
  'penalty-decision': { title: '行政处罚决定书', numberWord: '处罚', stage: 'decided' },
  'no-penalty-decision': { title: '不予行政处罚决定书', numberWord: '不罚', stage: 'decided' },
  'service-receipt': { title: '送达回证', numberWord: null, stage: 'served' },
  'closure-approval': { title: '结案审批表', numberWord: null, stage: 'closed' },
  'seizure-decision': { title: '查封（扣押）决定书', numberWord: '强制', stage: 'investigating' },
  'seizure-inventory': { title: '查封（扣押）财物清单', numberWord: null, stage: 'investigating' },
  'seizure-release-decision': { title: '解除查封（扣押）决定书', numberWord: '解强', stage: 'investigating' },
  // 行政许可法 art. 32: the written notice of a 不予受理 (domain.md P7a), filed with the case's 立案 step.
  'not-accepted-notice': { title: '不予受理通知书', numberWord: null, stage: 'filed' },
};

/**
 * The value types a template field can declare. `parties` are DocumentParty objects, `persons` officers (name and
 * certificate number), `qa` question-and-answer pairs of a 笔录, `items` the rows of an inventory, `documents` the
 * documents a 送达回证 covers; `money` is yuan, `date` YYYY-MM-DD, `datetime` ISO 8601 with offset.
 */
export const TEMPLATE_FIELD_TYPES = [
  'text',
  'paragraph',
  'date',
  'datetime',
  'money',
  'list',
  'parties',
  'persons',
  'qa',
  'items',
  'documents',
] as const;
export type TemplateFieldType = (typeof TEMPLATE_FIELD_TYPES)[number];

/** Personal data a text field holds, masked in the rendering for disclosure (domain.md §4). */
export const PERSONAL_DATA_KINDS = ['person-name', 'id-number', 'address', 'phone'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface TemplateField {
  /** Key in the document's `data`, and the placeholder `{name}` in the template's text. */
  name: string;
  /** What the form calls it, in Chinese. */
  label: string;
  type: TemplateFieldType;
  required: boolean;
  /** Where the case side takes the value from, e.g. `case.parties`, `draft.penalty.facts`, `input` (typed in). */
  source: string;
  personal?: PersonalDataKind;
}

/**
 * The blocks a template is laid out from, top to bottom. Text may hold `{field}` placeholders of declared fields
 * and the built-ins `{issuer}` (the agency's name), `{number}` (文号), `{issuedOn}` (date of issue), `{caseNumber}`;
 * `when` names a field: the block is printed only when that field has a value.
 */
export type TemplateBlock =
  | { type: 'heading'; when?: string }
  | { type: 'number'; when?: string }
  | { type: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right'; when?: string }
  | { type: 'line'; label: string; text: string; when?: string }
  | { type: 'parties'; field: string; label?: string; when?: string }
  | { type: 'list'; field: string; when?: string }
  | { type: 'qa'; field: string; when?: string }
  | { type: 'table'; rows: TemplateTableRow[]; when?: string }
  | { type: 'items'; field: string; when?: string }
  | { type: 'signature'; when?: string }
  | { type: 'signatures'; lines: string[]; when?: string }
  | { type: 'note'; text: string; when?: string };
export type TemplateBlockType = TemplateBlock['type'];

export interface TemplateTableRow {
  label: string;
  text: string;
  /** Lines of room the cell keeps at least, for handwritten opinions and signatures. */
  minLines?: number;
  /** The cell ends with a line to sign and date (审批意见, 签收). */
  signed?: boolean;
}

export interface TemplateDefinition {
  kind: DocumentKind;
  /** The title printed on the document (e.g. an agency's own wording); defaults to the kind's. */
  title: string;
  fields: TemplateField[];
  blocks: TemplateBlock[];
}

/** A party block entry: the case's party with what a document prints about it. */
export interface DocumentParty {
  type: 'natural-person' | 'legal-person' | 'other-organisation' | 'individual-business';
  name: string;
  creditCode?: string;
  legalRepresentative?: string;
  idType?: string;
  idNumber?: string;
  gender?: '男' | '女';
  address?: string;
  phone?: string;
}

export interface DocumentOfficer {
  name: string;
  certificateNumber: string;
}

export interface DocumentQa {
  question: string;
  answer: string;
}

export interface DocumentInventoryItem {
  name: string;
  specification?: string;
  quantity: string;
  note?: string;
}

export interface ServedDocument {
  title: string;
  number?: string;
}

/** `POST /api/v1/documents` of the documents service. */
export interface IssueDocumentRequest {
  /** The caller's request id: the same id again answers the first document, never a second number. */
  requestId: string;
  caseId: string;
  kind: DocumentKind;
  /** The template's fields by name. */
  data: Record<string, unknown>;
  /** Must be the version in effect for the agency and kind when given. */
  templateVersion?: string;
  /** Defaults to personal-privacy when a natural person is named, else internal. */
  confidentiality?: EvidenceConfidentiality;
}

export const DOCUMENT_STATUSES = ['pending', 'issued', 'voided'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface IssuedDocument {
  documentId: string;
  caseId: string;
  kind: DocumentKind;
  /** The 文号, or null for kinds without one. */
  number: string | null;
  templateVersion: string;
  /** pending: numbered and recorded, not yet stored (a retry with the same request id finishes it). */
  status: DocumentStatus;
  sha256: string | null;
  /** SHA-256 of the masked rendering for disclosure. */
  maskedSha256: string | null;
  evidenceItemId: string | null;
  issuedOn: string;
}
