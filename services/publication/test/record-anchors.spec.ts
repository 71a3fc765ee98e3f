import {
  CASE_EVENT_SOURCE,
  CASE_EVENT_TYPES,
  createCloudEvent,
  recordAnchorLeaf,
  type RecordAnchorsSealedData,
} from '@lep/contracts';
import { merkleRoot } from '@lep/hash-chain';
import { usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_record_anchors');

/** A day's tree head as the worker seals it (libs/case-store sealRecordAnchorDays). */
function sealed(anchorDate: string, caseIds: string[], id = `record-anchors-${anchorDate}`) {
  const leaves = caseIds.map((caseId, i) =>
    recordAnchorLeaf({ caseId, anchorDate, sequence: i + 3, hash: `${i}`.repeat(64).slice(0, 64) }),
  );
  const data: RecordAnchorsSealedData = {
    anchorDate,
    caseCount: leaves.length,
    root: merkleRoot(leaves),
    sealedAt: `${anchorDate}T17:05:00.000Z`,
  };
  return createCloudEvent({
    id,
    source: CASE_EVENT_SOURCE,
    type: CASE_EVENT_TYPES.recordAnchorsSealed,
    subject: `record-anchors/${anchorDate}`,
    data,
  });
}

describe('执法记录存证: the case records’ daily tree heads, public (domain.md R6)', () => {
  const first = sealed('2026-12-03', ['case-BT-8.A-1', 'case-BT-8.A-2', 'case-BT-9.B-1']);
  const second = sealed('2026-12-04', ['case-BT-8.A-3']);

  beforeAll(async () => {
    expect(await publication().deliver(first)).toBe(true);
    expect(await publication().deliver(second)).toBe(true);
  });

  it('serves each sealed day to anyone, newest first, and one day by its date', async () => {
    const list = await publication().anonymous().get('/api/v1/public/record-anchors').expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((day: { anchorDate: string }) => day.anchorDate)).toEqual([
      '2026-12-04',
      '2026-12-03',
    ]);
    const day = await publication().anonymous().get('/api/v1/public/record-anchors/2026-12-03').expect(200);
    expect(day.body).toMatchObject({
      anchorDate: '2026-12-03',
      caseCount: 3,
      root: first.data.root,
      sealedAt: '2026-12-03T17:05:00.000Z',
    });
    const ranged = await publication()
      .anonymous()
      .get('/api/v1/public/record-anchors')
      .query({ from: '2026-12-04', to: '2026-12-31' })
      .expect(200);
    expect(ranged.body.items.map((item: { root: string }) => item.root)).toEqual([second.data.root]);
  });

  it('keeps the first tree head of a day: a redelivery changes nothing, and a second, different head is refused', async () => {
    expect(await publication().deliver(first)).toBe(false);
    // The case database's anchors of that day rewritten and sealed again: another root, under another event id.
    const rewritten = sealed(
      '2026-12-03',
      ['case-BT-8.A-1', 'case-BT-9.B-1'],
      'record-anchors-2026-12-03-again',
    );
    expect(await publication().deliver(rewritten)).toBe(true);
    const day = await publication().anonymous().get('/api/v1/public/record-anchors/2026-12-03').expect(200);
    expect(day.body).toMatchObject({ caseCount: 3, root: first.data.root });
  });

  it('sets aside a sealed-day event that breaks its contract, storing nothing', async () => {
    const broken = sealed('2026-12-05', ['case-BT-8.A-4']);
    const event = { ...broken, data: { ...broken.data, root: 'not a hash', caseCount: 0 } };
    await expect(publication().deliver(event)).rejects.toThrow(/root is not a hex SHA-256/);
    await publication().anonymous().get('/api/v1/public/record-anchors/2026-12-05').expect(404);
  });

  it('answers a date that is not one with 400 naming the field, and a day not sealed with 404', async () => {
    const bad = await publication()
      .anonymous()
      .get('/api/v1/public/record-anchors')
      .query({ from: '2026-02-30', pageSize: 1000 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.violations.map((violation: { field: string }) => violation.field).sort()).toEqual([
      'from',
      'pageSize',
    ]);
    await publication().anonymous().get('/api/v1/public/record-anchors/20261203').expect(400);
    const missing = await publication()
      .anonymous()
      .get('/api/v1/public/record-anchors/2025-01-01')
      .expect(404);
    expect(missing.body).toMatchObject({
      code: 'RECORD_ANCHOR_DAY_NOT_FOUND',
      message: '未找到该日的执法记录存证根',
    });
  });
});
