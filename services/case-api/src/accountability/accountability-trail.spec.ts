import type { CaseActor } from '@lep/contracts';
import { decisionTrails, type RecordedEntry } from './accountability-trail';

const handler: CaseActor = { id: 'h1', role: 'handler', agencyCode: 'BT01' };
const colleague: CaseActor = { id: 'h2', role: 'handler', agencyCode: 'BT01' };
const reviewer: CaseActor = { id: 'r1', role: 'legal-reviewer', agencyCode: 'BT01-FZ' };
const head: CaseActor = { id: 'l1', role: 'leader', agencyCode: 'BT01' };
const system: CaseActor = { id: 'system', role: 'system', agencyCode: '' };

let sequence = 0;
function entry(
  actor: CaseActor,
  action: string,
  details: Record<string, unknown> = {},
  title = action,
): RecordedEntry {
  sequence += 1;
  return {
    sequence,
    hash: `hash-${sequence}`,
    content: {
      at: `2026-11-${String(sequence).padStart(2, '0')}T02:00:00Z`,
      actor,
      stage: 'investigating',
      action,
      title,
      details,
      evidence: [],
    },
  };
}

beforeEach(() => {
  sequence = 0;
});

const ids = (people: { id: string }[]) => people.map((person) => person.id);

describe('decisionTrails', () => {
  it('names who filed, investigated, drafted, reviewed and decided, each with the entries that prove it', () => {
    const entries = [
      entry(handler, 'filed'),
      entry(handler, 'record'),
      entry(colleague, 'evidence-linked'),
      entry(system, 'deadline:hearing-window'),
      entry(handler, 'stage:drafting'),
      entry(reviewer, 'review-completed', { outcome: 'approved' }),
      entry(system, 'review-concluded'),
      entry(
        head,
        'stage:decided',
        { decisionId: 'd1', decidedOn: '2026-11-08' },
        '作出决定（石市监罚〔2026〕1号）',
      ),
    ];
    const [trail, ...more] = decisionTrails(entries);
    expect(more).toEqual([]);
    expect(trail).toMatchObject({
      decisionId: 'd1',
      documentNumber: '石市监罚〔2026〕1号',
      decidedOn: '2026-11-08',
    });
    expect(ids(trail!.filed)).toEqual(['h1']);
    expect(ids(trail!.investigated)).toEqual(['h1', 'h2']);
    expect(ids(trail!.drafted)).toEqual(['h1']);
    expect(ids(trail!.reviewed)).toEqual(['r1']);
    expect(ids(trail!.decided)).toEqual(['l1']);
    expect(trail!.overruled).toEqual([]);
    expect(trail!.reviewed[0]!.entries).toEqual([
      {
        sequence: 6,
        hash: 'hash-6',
        at: '2026-11-06T02:00:00Z',
        action: 'review-completed',
        title: 'review-completed',
      },
    ]);
  });

  it('lists each person once, with all their entries in order', () => {
    const entries = [
      entry(handler, 'filed'),
      entry(handler, 'record'),
      entry(handler, 'record'),
      entry(handler, 'stage:drafting'),
      entry(handler, 'draft-revised'),
      entry(head, 'stage:decided', { decisionId: 'd1' }),
    ];
    const [trail] = decisionTrails(entries);
    expect(trail!.investigated).toHaveLength(1);
    expect(trail!.investigated[0]!.entries.map((cited) => cited.sequence)).toEqual([2, 3]);
    expect(trail!.drafted[0]!.entries.map((cited) => cited.action)).toEqual([
      'stage:drafting',
      'draft-revised',
    ]);
  });

  it('counts the head only when the ruling overruled the review, and the unit’s finding as drafting', () => {
    const entries = [
      entry(handler, 'filed'),
      entry(handler, 'major-declared', { reason: '涉及重大公共利益' }),
      entry(reviewer, 'review-completed', { outcome: 'returned' }),
      entry(head, 'dispute-ruled', { ruling: 'uphold' }),
      entry(reviewer, 'review-completed', { outcome: 'returned' }),
      entry(head, 'dispute-ruled', { ruling: 'overrule' }),
      entry(head, 'stage:decided', { decisionId: 'd1' }),
    ];
    const [trail] = decisionTrails(entries);
    expect(trail!.overruled[0]!.entries.map((cited) => cited.sequence)).toEqual([6]);
    expect(trail!.drafted[0]!.entries.map((cited) => cited.action)).toEqual(['major-declared']);
    expect(trail!.reviewed[0]!.entries).toHaveLength(2);
  });

  it('keeps a withdrawn decision’s trail, adds who withdrew it, and starts the re-made decision’s drafting anew', () => {
    const entries = [
      entry(handler, 'filed'),
      entry(handler, 'stage:drafting'),
      entry(head, 'stage:decided', { decisionId: 'd1' }),
      entry(head, 'withdrawn:remade', { decisionId: 'd1', reason: '适用依据错误' }),
      entry(colleague, 'draft-revised'),
      entry(head, 'stage:decided', { decisionId: 'd2' }),
    ];
    const [first, second] = decisionTrails(entries);
    expect(first!.withdrawn).toEqual([
      expect.objectContaining({
        id: 'l1',
        kind: 'remade',
        reason: '适用依据错误',
        entries: [expect.objectContaining({ sequence: 4 })],
      }),
    ]);
    expect(ids(first!.drafted)).toEqual(['h1']);
    expect(ids(second!.drafted)).toEqual(['h2']);
    expect(ids(second!.filed)).toEqual(['h1']);
    expect(second!.withdrawn).toEqual([]);
  });

  it('names the officers an agency system acted for, besides its key (domain.md R8)', () => {
    const key: CaseActor = { id: 'key-BT01', role: 'agency-system', agencyCode: 'BT01' };
    const [trail] = decisionTrails([
      entry({ ...key, officerIds: ['h1', 'h2'] }, 'record'),
      entry({ ...key, officerIds: ['h2', 'h3'] }, 'record'),
      entry({ ...head, officerIds: ['l1'] }, 'stage:decided', { decisionId: 'd1' }),
    ]);
    expect(trail!.investigated).toEqual([
      expect.objectContaining({ id: 'key-BT01', officerIds: ['h1', 'h2', 'h3'] }),
    ]);
    expect(trail!.decided).toEqual([expect.objectContaining({ id: 'l1', officerIds: ['l1'] })]);
  });

  it('has no trail before a decision, and leaves the platform’s own entries out', () => {
    expect(decisionTrails([entry(handler, 'filed'), entry(system, 'deadline:decision-limit')])).toEqual([]);
    const [trail] = decisionTrails([
      entry(system, 'filed'),
      entry(head, 'stage:decided', { decisionId: 'd1' }),
    ]);
    expect(trail!.filed).toEqual([]);
  });
});
