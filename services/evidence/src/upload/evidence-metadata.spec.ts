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
  it('refuses every name of a state secret before looking at anything else', () => {
    for (const level of ['STATE-SECRET', '绝密', ' secret ']) {
      expect(() => parseEvidenceMetadata({ confidentiality: level })).toThrow(
        expect.objectContaining({ response: expect.objectContaining({ code: 'STATE_SECRET_REFUSED' }) }),
      );
    }
  });
});
