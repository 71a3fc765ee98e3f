import { createHash, randomUUID } from 'node:crypto';

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

/** A case id as the platform names cases (case-<agency>-<case number>), unique per call. */
export function newCaseId(): string {
  return `case-BT-8-${randomUUID()}`;
}
