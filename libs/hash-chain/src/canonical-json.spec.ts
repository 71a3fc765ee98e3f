import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    [
      'sorted keys at every depth',
      { b: 1, a: { d: [2, { z: 0, y: 1 }], c: 'x' } },
      '{"a":{"c":"x","d":[2,{"y":1,"z":0}]},"b":1}',
    ],
    ['no whitespace', { a: [1, 2, 3] }, '{"a":[1,2,3]}'],
    ['Chinese text as is', { 案由: '未按规定公示' }, '{"案由":"未按规定公示"}'],
    ['dates as ISO strings', { at: new Date('2026-10-09T02:00:00Z') }, '{"at":"2026-10-09T02:00:00.000Z"}'],
    ['undefined properties dropped', { a: 1, b: undefined }, '{"a":1}'],
    ['null kept', { a: null }, '{"a":null}'],
    ['escapes', { q: 'a"b\\c\n' }, '{"q":"a\\"b\\\\c\\n"}'],
    ['shortest numbers', { n: 1.5e3, m: 0.1 }, '{"m":0.1,"n":1500}'],
    ['booleans', [true, false], '[true,false]'],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same bytes whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });

  it.each([NaN, Infinity, -Infinity])('refuses %p', (value) => {
    expect(() => canonicalJson({ value })).toThrow('non-finite');
  });

  it('refuses functions and bigints', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson({ b: BigInt(1) })).toThrow('bigint');
  });
});
