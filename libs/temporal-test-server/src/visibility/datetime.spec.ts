import { dateToNanos, parseRfc3339Nanos } from './datetime';

const nanosOf = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

describe('parseRfc3339Nanos', () => {
  it.each([
    ['2024-03-01T08:00:00Z', nanosOf('2024-03-01T08:00:00Z')],
    ['2024-03-01T16:00:00+08:00', nanosOf('2024-03-01T08:00:00Z')],
    ['2024-03-01T03:30:00-04:30', nanosOf('2024-03-01T08:00:00Z')],
    ['2024-02-29T23:59:59.5Z', nanosOf('2024-02-29T23:59:59.500Z')],
    ['1970-01-01T00:00:00.000000001Z', 1n],
    ['1969-12-31T23:59:59.999999999Z', -1n],
    ['2000-02-29T00:00:00Z', nanosOf('2000-02-29T00:00:00Z')],
  ])('reads %s as an instant', (text, expected) => {
    expect(parseRfc3339Nanos(text)).toBe(expected);
  });

  it('keeps all nine fractional digits', () => {
    const base = nanosOf('2024-01-01T00:00:00Z');
    expect(parseRfc3339Nanos('2024-01-01T00:00:00.123456789Z')).toBe(base + 123_456_789n);
    expect(parseRfc3339Nanos('2024-01-01T00:00:00.000001Z')).toBe(base + 1_000n);
  });

  it('does not map two-digit years onto the 1900s', () => {
    expect(parseRfc3339Nanos('0050-06-01T00:00:00Z')).toBe(
      BigInt(Date.parse('0050-06-01T00:00:00Z')) * 1_000_000n,
    );
  });

  it.each([
    '2024-03-01',
    '2024-03-01T08:00:00',
    '2024-03-01 08:00:00Z',
    '2024-03-01t08:00:00z',
    '2024-3-1T08:00:00Z',
    '2024-03-01T08:00Z',
    '2024-03-01T08:00:00.Z',
    '2024-03-01T08:00:00.1234567891Z',
    '2024-03-01T08:00:00+0800',
    '2024-13-01T00:00:00Z',
    '2024-00-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T23:60:00Z',
    '2024-03-01T23:59:60Z',
    '2024-03-01T00:00:00+24:00',
    '2024-03-01T00:00:00+08:60',
    ' 2024-03-01T00:00:00Z',
    'yesterday',
  ])('rejects %j like Go time.Parse(RFC3339Nano)', (text) => {
    expect(parseRfc3339Nanos(text)).toBeUndefined();
  });
});

describe('dateToNanos', () => {
  it('converts milliseconds to nanoseconds and refuses invalid dates', () => {
    expect(dateToNanos(new Date(1_500))).toBe(1_500_000_000n);
    expect(dateToNanos(new Date(Number.NaN))).toBeUndefined();
  });
});
