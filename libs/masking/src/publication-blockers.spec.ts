import { publicationBlockers, PublicationBlockerInput } from './publication-blockers';

const nothingFlagged = {
  involvesSecretsOrPrivacy: false,
  endangersSecurityOrStability: false,
  provincialBodyDeemsUnsuitable: false,
};

function codes(input: Partial<PublicationBlockerInput>): string[] {
  return publicationBlockers({ decisionDate: '2025-06-16', ...nothingFlagged, ...input }).map((b) => b.code);
}

describe('publicationBlockers', () => {
  it('lets an organisation decision without flags through', () => {
    expect(codes({})).toEqual([]);
  });

  it('lets an adult through', () => {
    expect(codes({ penalisedPerson: { residentIdNumber: '659001198503121237' } })).toEqual([]);
  });

  it('blocks a minor, computing the age from the ID birth date', () => {
    const blockers = publicationBlockers({
      decisionDate: '2025-06-16',
      ...nothingFlagged,
      penalisedPerson: { residentIdNumber: '659001201005204560' },
    });
    expect(blockers).toEqual([
      { code: 'minor', message: '当事人在处罚决定日（2025-06-16）未满十八周岁，不予公示' },
    ]);
  });

  it.each([
    ['2026-11-25', ['minor']],
    ['2026-11-26', ['minor']], // 周岁 count from the day after the birthday
    ['2026-11-27', []],
  ])('born 2008-11-26, decided %s → %j', (decisionDate, expected) => {
    expect(codes({ decisionDate, penalisedPerson: { residentIdNumber: '65900120081126001X' } })).toEqual(
      expected,
    );
  });

  it('accepts a lower-case x check digit', () => {
    expect(
      codes({ decisionDate: '2026-01-05', penalisedPerson: { residentIdNumber: '65900120081126001x' } }),
    ).toEqual(['minor']);
  });

  it('reads legacy 15-digit IDs as 19xx births', () => {
    expect(codes({ penalisedPerson: { residentIdNumber: '659001850312123' } })).toEqual([]);
  });

  it('uses a recorded birth date for a person without a resident ID', () => {
    expect(codes({ penalisedPerson: { birthDate: '2009-01-01' } })).toEqual(['minor']);
    expect(codes({ penalisedPerson: { birthDate: '1990-01-01' } })).toEqual([]);
  });

  it('prefers the checked ID over a recorded birth date', () => {
    expect(
      codes({ penalisedPerson: { residentIdNumber: '659001201005204560', birthDate: '1990-01-01' } }),
    ).toEqual(['minor']);
  });

  it('treats a 29 February birthday as reached after 28 February in a common year', () => {
    const person = { birthDate: '2008-02-29' };
    expect(codes({ decisionDate: '2026-02-28', penalisedPerson: person })).toEqual(['minor']);
    expect(codes({ decisionDate: '2026-03-01', penalisedPerson: person })).toEqual([]);
  });

  it.each([
    [{}],
    [{ residentIdNumber: '659001198503121238' }], // check digit wrong: birth date not trusted
    [{ residentIdNumber: 'E12345678' }],
    [{ birthDate: '2008-02-30' }],
  ])('blocks until a person checks the age when it cannot be established: %j', (penalisedPerson) => {
    expect(codes({ penalisedPerson })).toEqual(['age-unverified']);
  });

  it('reports every flag that applies, in a fixed order', () => {
    const blockers = publicationBlockers({
      decisionDate: '2025-06-16',
      penalisedPerson: { residentIdNumber: '659001201005204560' },
      involvesSecretsOrPrivacy: true,
      endangersSecurityOrStability: true,
      provincialBodyDeemsUnsuitable: true,
    });
    expect(blockers.map((blocker) => blocker.code)).toEqual([
      'minor',
      'secrets-or-privacy',
      'security-or-stability',
      'provincial-unsuitability',
    ]);
    expect(blockers.every((blocker) => /[\u4e00-\u9fff]/.test(blocker.message))).toBe(true);
  });

  it('rejects an invalid decision date instead of guessing', () => {
    expect(() => codes({ decisionDate: '2025-02-29' })).toThrow('处罚决定日期“2025-02-29”无效');
  });
});
