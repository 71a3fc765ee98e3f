import { createHash, randomUUID } from 'node:crypto';
import { caseWorkflowId } from '@lep/contracts';

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Valid metadata fields of a video recorded on site; override any of them. */
export function metadata(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    stage: '现场检查',
    kind: 'video',
    capturedAt: '2026-11-20T09:30:00+08:00',
    capturedBy: 'officer-1',
    device: '执法记录仪 DSJ-0815',
    place: '石河子市北四路 12 号',
    description: '现场检查全过程录像',
    confidentiality: 'internal',
    ...overrides,
  };
}

/** A case id of agency BT-8 (the default uploader's) as the platform names cases, unique per call. */
export function newCaseId(): string {
  return caseWorkflowId('BT-8', randomUUID());
}
