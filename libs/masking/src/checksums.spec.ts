import { isValidResidentId, isValidUscc, luhn, residentIdBirthDate } from './checksums';

describe('isValidResidentId (GB 11643)', () => {
  it.each([
    '11010519491231002X', // the verified example of domain.md §4
    '11010519491231002x',
    '659001198503121237',
    '659001201005204560',
    '65900120081126001X',
  ])('accepts %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it.each([
    ['11010519491231002Y', 'not a digit or X'],
    ['110105194912310021', 'wrong check digit'],
    ['659001198503121238', 'wrong check digit'],
    ['11010519490231002X', '31 February is not a date'],
    ['01010519491231002X', 'region code cannot start with 0'],
    ['1101051949123100', 'too short'],
    ['11010519491231002X1', 'too long'],
    ['916501198503121000', 'a USCC of ID shape'],
  ])('rejects %s (%s)', (id) => {
    expect(isValidResidentId(id)).toBe(false);
  });
});

describe('residentIdBirthDate', () => {
  it('reads 18-digit and legacy 15-digit numbers', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdBirthDate('659001850312123')).toBe('1985-03-12');
  });

  it('returns null for impossible dates and other shapes', () => {
    expect(residentIdBirthDate('659001198502301237')).toBeNull();
    expect(residentIdBirthDate('6590011985031212')).toBeNull();
  });
});

describe('isValidUscc (GB 32100)', () => {
  it.each([
    '914403001922038216', // 华为技术有限公司
    '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
    '91110108551385082Q', // 小米科技有限责任公司
    '91350100M000100Y43',
    '916501198503121000',
  ])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['914403001922038217', 'wrong check character'],
    ['9144030071526726XI', 'I is not in the character set'],
    ['9144030071526726xg', 'lower case'],
    ['91440300192203821', 'too short'],
    ['91AB03001922038216', 'region part must be digits'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });
});

describe('luhn', () => {
  it.each(['4111111111111111', '6228480402564890018', '79927398713'])('accepts %s', (digits) => {
    expect(luhn(digits)).toBe(true);
  });

  it.each(['4111111111111112', '6228480402564890019', '79927398710', '', '4111 1111 1111 1111'])(
    'rejects %j',
    (digits) => {
      expect(luhn(digits)).toBe(false);
    },
  );
});
