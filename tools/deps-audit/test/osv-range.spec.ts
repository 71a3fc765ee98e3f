import {
  fixedVersion,
  isAffected,
  UnreadableRangeError,
  type OsvAffected,
  type OsvEvent,
} from '../src/osv-range';

function npm(events: OsvEvent[][], versions?: string[]): OsvAffected {
  return {
    package: { ecosystem: 'npm', name: 'tiny-parser' },
    ranges: events.map((range) => ({ type: 'ECOSYSTEM', events: range })),
    versions,
  };
}

describe('isAffected: one range with introduced and fixed', () => {
  const affected = npm([[{ introduced: '1.2.0' }, { fixed: '1.4.1' }]]);

  it.each([
    ['1.1.9', false],
    ['1.2.0', true],
    ['1.3.7', true],
    ['1.4.0', true],
    ['1.4.1', false],
    ['1.4.2', false],
    ['2.0.0', false],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: introduced "0" covers every version below the fix', () => {
  const affected = npm([[{ introduced: '0' }, { fixed: '0.3.0' }]]);

  it.each([
    ['0.0.0', true],
    ['0.0.1-alpha', true],
    ['0.2.99', true],
    ['0.3.0', false],
    ['10.0.0', false],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: last_affected closes the range after that version', () => {
  const affected = npm([[{ introduced: '2.0.0' }, { last_affected: '2.3.4' }]]);

  it.each([
    ['1.9.9', false],
    ['2.0.0', true],
    ['2.3.4', true],
    ['2.3.5', false],
    ['2.3.5-rc.1', false],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: no fix means every version from introduced on', () => {
  const affected = npm([[{ introduced: '3.0.0' }]]);

  it.each([
    ['2.9.9', false],
    ['3.0.0', true],
    ['99.0.0', true],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: several ranges (one per release line)', () => {
  const affected = npm([
    [{ introduced: '0' }, { fixed: '0.1.12' }],
    [{ introduced: '1.0.0' }, { fixed: '1.9.0' }],
    [{ introduced: '3.0.0' }, { fixed: '3.2.1' }],
  ]);

  it.each([
    ['0.1.7', true],
    ['0.1.12', false],
    ['0.2.0', false],
    ['1.0.0', true],
    ['1.9.0', false],
    ['2.5.0', false],
    ['3.2.0', true],
    ['3.2.1', false],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: several intervals in one range, events in any order', () => {
  const affected = npm([
    [{ fixed: '2.1.0' }, { introduced: '2.0.0' }, { fixed: '1.2.0' }, { introduced: '1.0.0' }],
  ]);

  it.each([
    ['0.9.0', false],
    ['1.1.0', true],
    ['1.5.0', false],
    ['2.0.5', true],
    ['2.1.0', false],
  ])('%s → %s', (version, expected) => {
    expect(isAffected(version, affected)).toBe(expected);
  });
});

describe('isAffected: events at the same version', () => {
  it('an interval opened and fixed at one version is empty', () => {
    expect(isAffected('1.0.0', npm([[{ fixed: '1.0.0' }, { introduced: '1.0.0' }]]))).toBe(false);
  });

  it('an interval opened and last affected at one version holds that version only', () => {
    const affected = npm([[{ last_affected: '1.0.0' }, { introduced: '1.0.0' }]]);
    expect(isAffected('1.0.0', affected)).toBe(true);
    expect(isAffected('1.0.1', affected)).toBe(false);
  });
});

describe('isAffected: prerelease versions order before their release', () => {
  it('a release candidate of the fixed version is still affected', () => {
    expect(isAffected('1.4.1-rc.2', npm([[{ introduced: '1.0.0' }, { fixed: '1.4.1' }]]))).toBe(true);
  });

  it('a prerelease before the introduced release is not affected', () => {
    expect(isAffected('1.0.0-beta.1', npm([[{ introduced: '1.0.0' }, { fixed: '1.4.1' }]]))).toBe(false);
  });

  it('a range of prereleases only covers those prereleases', () => {
    const affected = npm([[{ introduced: '2.0.0-alpha.1' }, { fixed: '2.0.0-beta.4' }]]);
    expect(isAffected('2.0.0-alpha.0', affected)).toBe(false);
    expect(isAffected('2.0.0-alpha.1', affected)).toBe(true);
    expect(isAffected('2.0.0-beta.3', affected)).toBe(true);
    expect(isAffected('2.0.0-beta.4', affected)).toBe(false);
    expect(isAffected('2.0.0', affected)).toBe(false);
  });

  it('a prerelease fix ends the range for the release that follows it', () => {
    expect(isAffected('5.0.0', npm([[{ introduced: '0' }, { fixed: '5.0.0-rc.1' }]]))).toBe(false);
  });

  it('build metadata does not change the order', () => {
    expect(isAffected('1.4.1+build.7', npm([[{ introduced: '1.0.0' }, { fixed: '1.4.1' }]]))).toBe(false);
  });
});

describe('isAffected: explicit versions and range types', () => {
  it('a version listed in `versions` is affected even outside every range', () => {
    expect(isAffected('9.9.9', npm([[{ introduced: '0' }, { fixed: '1.0.0' }]], ['9.9.9']))).toBe(true);
  });

  it('SEMVER ranges count like ECOSYSTEM ranges', () => {
    const affected: OsvAffected = {
      package: { ecosystem: 'npm', name: 'tiny-parser' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }],
    };
    expect(isAffected('1.0.0', affected)).toBe(true);
  });

  it('GIT ranges speak of commits and never match a version', () => {
    const affected: OsvAffected = {
      package: { ecosystem: 'npm', name: 'tiny-parser' },
      ranges: [{ type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a1b2c3d' }] }],
    };
    expect(isAffected('1.0.0', affected)).toBe(false);
  });

  it('an entry without ranges or versions affects nothing', () => {
    expect(isAffected('1.0.0', { package: { ecosystem: 'npm', name: 'tiny-parser' } })).toBe(false);
  });

  it('a version that is not semver is reported, not guessed', () => {
    expect(() => isAffected('1.0.0', npm([[{ introduced: '0' }, { fixed: 'v1-final' }]]))).toThrow(
      UnreadableRangeError,
    );
  });
});

describe('fixedVersion', () => {
  it('names the fix of the interval the version is in', () => {
    const affected = npm([
      [{ introduced: '0' }, { fixed: '0.1.12' }],
      [{ introduced: '1.0.0' }, { fixed: '1.9.0' }],
    ]);
    expect(fixedVersion('0.1.7', affected)).toBe('0.1.12');
    expect(fixedVersion('1.2.0', affected)).toBe('1.9.0');
  });

  it('takes the next fix after the version inside one range with several intervals', () => {
    const affected = npm([
      [{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '2.0.0' }, { fixed: '2.1.0' }],
    ]);
    expect(fixedVersion('2.0.5', affected)).toBe('2.1.0');
  });

  it('is undefined when the advisory names no fix', () => {
    expect(
      fixedVersion('2.3.0', npm([[{ introduced: '2.0.0' }, { last_affected: '2.3.4' }]])),
    ).toBeUndefined();
    expect(fixedVersion('4.0.0', npm([[{ introduced: '3.0.0' }]]))).toBeUndefined();
  });

  it('ignores the fix of a range the version is not in', () => {
    const affected = npm([[{ introduced: '1.0.0' }], [{ introduced: '5.0.0' }, { fixed: '5.0.3' }]]);
    expect(fixedVersion('1.5.0', affected)).toBeUndefined();
  });
});
