/**
 * Events of the evidence service. Each stored item goes to TOPICS.evidenceStored keyed by case id; the case
 * side appends it (id + SHA-256) to the case's whole-process record (执法全过程记录), so the record's hash
 * chain covers the evidence. The body below is the CloudEvent `data`.
 */
export const EVIDENCE_EVENT_SOURCE = '/lep/evidence';

export const EVIDENCE_EVENT_TYPES = {
  stored: 'cn.lep.evidence.stored.v1',
} as const;

/** 文字记录 (text, document) and 音像记录 (photo, audio, video). */
export const EVIDENCE_KINDS = ['text', 'photo', 'audio', 'video', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The kinds that count as audio-visual recording (音像记录) for the AV list's stages. */
export const AUDIO_VISUAL_KINDS: readonly EvidenceKind[] = ['audio', 'video'];

/**
 * Confidentiality levels the platform stores. State secrets (国家秘密) are not among them: they go through the
 * classified channel (涉密渠道), never this platform.
 */
export const EVIDENCE_CONFIDENTIALITY = ['public', 'internal', 'trade-secret', 'personal-privacy'] as const;
export type EvidenceConfidentiality = (typeof EVIDENCE_CONFIDENTIALITY)[number];

export interface EvidenceStoredData {
  evidenceId: string;
  caseId: string;
  agencyCode: string;
  /** The case stage or recorded step (e.g. `investigating`, `现场检查`) the item belongs to. */
  stage: string;
  kind: EvidenceKind;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  /** Bytes. */
  size: number;
  storedAt: string;
  /** Staff id of the person who made the record (执法人员). */
  capturedBy: string;
  /** The item's confidentiality, for the 案卷's evidence index (events from before it was carried have none). */
  confidentiality?: EvidenceConfidentiality;
  /** When the record was made; for audio and video, when recording started (absent in events before 2026-12-05). */
  capturedAt?: string;
  /** Audio and video: when recording stopped, where the uploader gave it. */
  recordingEndedAt?: string;
}
