import { parseEvidenceMetadata, retentionEnd, sanitizeFileName } from './evidence-metadata';

describe('sanitizeFileName', () => {
  it('keeps only a plain name', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\officer\\录像.mp4')).toBe('录像.mp4');
    expect(sanitizeFileName('..hidden\u0000\u0007.jpg')).toBe('hidden.jpg');
    expect(sanitizeFileName('../')).toBe('unnamed');
    expect(sanitizeFileName('a'.repeat(300))).toHaveLength(255);
  });
});

describe('retentionEnd', () => {
  it('adds whole years, and keeps permanent items forever', () => {
    const storedAt = new Date('2026-11-26T10:00:00Z');
    expect(retentionEnd('30y', storedAt)?.toISOString()).toBe('2056-11-26T10:00:00.000Z');
    expect(retentionEnd('permanent', storedAt)).toBeNull();
  });
});

describe('parseEvidenceMetadata', () => {
  const valid = {
    stage: 'investigating',
    kind: 'photo',
    capturedAt: '2026-11-26T10:00:00+08:00',
    capturedBy: 'officer-1',
    confidentiality: 'internal',
  };

  it('accepts a record made up to ten minutes "ahead" (device clocks drift), not later', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    expect(parseEvidenceMetadata({ ...valid, capturedAt: '2026-11-26T10:09:00+08:00' }, now).kind).toBe(
      'photo',
    );
    expect(() => parseEvidenceMetadata({ ...valid, capturedAt: '2026-11-27T10:00:00+08:00' }, now)).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({ violations: [expect.objectContaining({ rule: 'notInFuture' })] }),
      }),
    );
  });

  it('takes the end of an audio or video recording, after its start, and refuses it on other kinds', () => {
    const now = new Date('2026-11-26T04:00:00Z');
    const video = { ...valid, kind: 'video', capturedAt: '2026-11-26T10:00:00+08:00' };
    expect(
      parseEvidenceMetadata({ ...video, recordingEndedAt: '2026-11-26T10:45:00+08:00' }, now)
        .recordingEndedAt,
    ).toBe('2026-11-26T10:45:00+08:00');
    expect(parseEvidenceMetadata(video, now).recordingEndedAt).toBeUndefined();
    for (const [fields, rule] of [
      [{ ...valid, recordingEndedAt: '2026-11-26T10:45:00+08:00' }, 'audioOrVideoOnly'],
      [{ ...video, recordingEndedAt: '2026-11-26T09:59:59+08:00' }, 'notBeforeCapturedAt'],
      [{ ...video, recordingEndedAt: '2026-11-26T13:00:00+08:00' }, 'notInFuture'],
      [{ ...video, recordingEndedAt: '明天' }, 'isIso8601'],
    ] as const)
      expect(() => parseEvidenceMetadata(fields, now)).toThrow(
        expect.objectContaining({
          response: expect.objectContaining({
            violations: [expect.objectContaining({ field: 'recordingEndedAt', rule })],
          }),
        }),
      );
  });

  it('refuses bidirectional overrides in the fields staff read on screen, naming the field', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    expect(parseEvidenceMetadata({ ...valid, place: '阿拉尔市塔里木大道1号' }, now).place).toBe(
      '阿拉尔市塔里木大道1号',
    );
    for (const place of ['gpj.\u202Eexe', '\u2067仓库\u2069']) {
      expect(() => parseEvidenceMetadata({ ...valid, place }, now)).toThrow(
        expect.objectContaining({
          response: expect.objectContaining({
            violations: [expect.objectContaining({ field: 'place', rule: 'matches' })],
          }),
        }),
      );
    }
  });

  it('refuses every name of a state secret before looking at anything else', () => {
    for (const level of ['STATE-SECRET', '绝密', ' secret ']) {
      expect(() => parseEvidenceMetadata({ confidentiality: level })).toThrow(
        expect.objectContaining({ response: expect.objectContaining({ code: 'STATE_SECRET_REFUSED' }) }),
      );
    }
  });
});
