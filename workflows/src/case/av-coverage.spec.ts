import { CASE_ERROR_CODES, type EvidenceLink } from '@lep/contracts';
import { fullProcessAvViolation, uncoveredParts } from './av-coverage';

const recording = (kind: string, from?: string, to?: string): EvidenceLink => ({
  evidenceId: `${kind}-${from}`,
  sha256: '0'.repeat(64),
  kind,
  stage: 'investigating',
  capturedBy: 'h1',
  storedAt: '2026-12-01T03:00:00Z',
  ...(from ? { recordedFrom: from } : {}),
  ...(to ? { recordedTo: to } : {}),
});

const ACT = { from: '2026-12-01T01:00:00.000Z', to: '2026-12-01T02:00:00.000Z' };

describe('uncoveredParts', () => {
  it.each<[string, EvidenceLink[], { from: string; to: string }[]]>([
    [
      'one video longer than the act',
      [recording('video', '2026-12-01T00:55:00Z', '2026-12-01T02:05:00Z')],
      [],
    ],
    ['exactly the act', [recording('video', ACT.from, ACT.to)], []],
    [
      'two files of one camera, touching',
      [
        recording('video', '2026-12-01T01:30:00Z', '2026-12-01T02:00:00Z'),
        recording('video', '2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z'),
      ],
      [],
    ],
    [
      'audio and video overlapping',
      [
        recording('audio', '2026-12-01T00:50:00Z', '2026-12-01T01:40:00Z'),
        recording('video', '2026-12-01T01:20:00Z', '2026-12-01T02:10:00Z'),
      ],
      [],
    ],
    [
      'a gap in the middle',
      [
        recording('video', '2026-12-01T01:00:00Z', '2026-12-01T01:20:00Z'),
        recording('video', '2026-12-01T01:25:00Z', '2026-12-01T02:00:00Z'),
      ],
      [{ from: '2026-12-01T01:20:00.000Z', to: '2026-12-01T01:25:00.000Z' }],
    ],
    [
      'the start missed and the end missed',
      [recording('video', '2026-12-01T01:10:00Z', '2026-12-01T01:50:00Z')],
      [
        { from: '2026-12-01T01:00:00.000Z', to: '2026-12-01T01:10:00.000Z' },
        { from: '2026-12-01T01:50:00.000Z', to: '2026-12-01T02:00:00.000Z' },
      ],
    ],
    ['a photo, however timed', [recording('photo', ACT.from, ACT.to)], [ACT]],
    ['a video without its end', [recording('video', ACT.from)], [ACT]],
    [
      'a recording of another hour',
      [recording('video', '2026-12-01T05:00:00Z', '2026-12-01T06:00:00Z')],
      [ACT],
    ],
    ['nothing at all', [], [ACT]],
  ])('%s', (_case, evidence, gaps) => {
    expect(uncoveredParts(ACT, evidence)).toEqual(gaps);
  });
});

describe('fullProcessAvViolation (domain.md R4)', () => {
  const covering = [recording('video', '2026-12-01T00:59:00Z', '2026-12-01T02:01:00Z')];

  it.each(['seal', 'detain', 'removal'] as const)('holds a %s to covering recordings', (kind) => {
    expect(fullProcessAvViolation(kind, ACT, covering)).toBeUndefined();
    expect(fullProcessAvViolation(kind, ACT, [])?.code).toBe(CASE_ERROR_CODES.avMissing);
    expect(fullProcessAvViolation(kind, undefined, covering)?.message).toContain('carriedOut');
  });

  it.each(['freeze', 'surcharge', 'auction', 'other-measure'] as const)(
    'leaves a %s to the agency list',
    (kind) => {
      expect(fullProcessAvViolation(kind, undefined, [])).toBeUndefined();
    },
  );

  it('names the uncovered stretches in Beijing time', () => {
    const partial = [recording('video', '2026-12-01T01:10:00Z', '2026-12-01T02:00:00Z')];
    expect(fullProcessAvViolation('seal', ACT, partial)?.message).toContain(
      '09:00:00—09:10:00（北京时间）未被覆盖',
    );
  });

  it('refuses an act that ends before it starts', () => {
    expect(fullProcessAvViolation('detain', { from: ACT.to, to: ACT.from }, covering)?.message).toContain(
      '结束时间须晚于开始时间',
    );
  });
});
