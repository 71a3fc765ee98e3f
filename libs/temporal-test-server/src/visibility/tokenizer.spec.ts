import { VisibilityQueryError } from './errors';
import { tokenize, type Token } from './tokenizer';

function kindsAndValues(query: string): Array<[Token['kind'], string]> {
  return tokenize(query).map((token) => [token.kind, token.value]);
}

function errorOf(action: () => unknown): VisibilityQueryError {
  try {
    action();
  } catch (error) {
    if (error instanceof VisibilityQueryError) return error;
    throw error;
  }
  throw new Error('expected a VisibilityQueryError');
}

describe('tokenize', () => {
  it('splits a comparison into identifier, operator, string and end', () => {
    expect(tokenize("WorkflowId = 'wf-1'")).toEqual([
      { kind: 'identifier', value: 'WorkflowId', text: 'WorkflowId', offset: 0 },
      { kind: 'operator', value: '=', text: '=', offset: 11 },
      { kind: 'string', value: 'wf-1', text: "'wf-1'", offset: 13 },
      { kind: 'end', value: '', text: '', offset: 19 },
    ]);
  });

  it('recognises keywords in any case and upper-cases them', () => {
    expect(
      kindsAndValues('and Or NOT in Between starts_with is null True false order By group limit'),
    ).toEqual([
      ['keyword', 'AND'],
      ['keyword', 'OR'],
      ['keyword', 'NOT'],
      ['keyword', 'IN'],
      ['keyword', 'BETWEEN'],
      ['keyword', 'STARTS_WITH'],
      ['keyword', 'IS'],
      ['keyword', 'NULL'],
      ['keyword', 'TRUE'],
      ['keyword', 'FALSE'],
      ['keyword', 'ORDER'],
      ['keyword', 'BY'],
      ['keyword', 'GROUP'],
      ['keyword', 'LIMIT'],
      ['end', ''],
    ]);
  });

  it('reads && and || as AND and OR, as MySQL does', () => {
    expect(tokenize('A=1&&B=2 || C=3').filter((token) => token.kind === 'keyword')).toEqual([
      { kind: 'keyword', value: 'AND', text: '&&', offset: 3 },
      { kind: 'keyword', value: 'OR', text: '||', offset: 9 },
    ]);
  });

  it('keeps identifier case, since search attribute names are case-sensitive', () => {
    expect(kindsAndValues('LepStage lepstage _x1')).toEqual([
      ['identifier', 'LepStage'],
      ['identifier', 'lepstage'],
      ['identifier', '_x1'],
      ['end', ''],
    ]);
  });

  it('reads the longest operator and normalises <> to !=', () => {
    expect(kindsAndValues('<= >= != <> < > = <=> ( ) , - +').map(([, value]) => value)).toEqual([
      '<=',
      '>=',
      '!=',
      '!=',
      '<',
      '>',
      '=',
      '<=>',
      '(',
      ')',
      ',',
      '-',
      '+',
      '',
    ]);
  });

  it('reads operators glued to their operands', () => {
    expect(kindsAndValues("A>=1 AND(B!='x')")).toEqual([
      ['identifier', 'A'],
      ['operator', '>='],
      ['number', '1'],
      ['keyword', 'AND'],
      ['operator', '('],
      ['identifier', 'B'],
      ['operator', '!='],
      ['string', 'x'],
      ['operator', ')'],
      ['end', ''],
    ]);
  });

  it.each([
    ["'plain'", 'plain'],
    ['"double quoted"', 'double quoted'],
    ["'it''s'", "it's"],
    ['"say ""hi"""', 'say "hi"'],
    ["'it\\'s'", "it's"],
    ['\'a "b"\'', 'a "b"'],
    ["'line\\nbreak\\ttab\\\\slash'", 'line\nbreak\ttab\\slash'],
    ["'\\%\\_\\q'", '%_q'],
    ["''", ''],
    ["'北京市市场监督管理局'", '北京市市场监督管理局'],
  ])('decodes the string literal %s', (source, decoded) => {
    const [token] = tokenize(source);
    expect(token).toEqual({ kind: 'string', value: decoded, text: source, offset: 0 });
  });

  it.each([
    ['`LepStage`', 'LepStage'],
    ['`And`', 'And'],
    ['`Lep Stage`', 'Lep Stage'],
    ['`a``b`', 'a`b'],
  ])('reads the backtick-quoted name %s as an identifier, never a keyword', (source, name) => {
    expect(tokenize(source)[0]).toEqual({ kind: 'identifier', value: name, text: source, offset: 0 });
  });

  it.each(['0', '42', '3.14', '.5', '5.', '1e3', '2.5E-3'])('reads the number %s', (source) => {
    expect(tokenize(source)[0]).toEqual({ kind: 'number', value: source, text: source, offset: 0 });
  });

  it('accepts tabs, carriage returns and newlines as whitespace', () => {
    expect(kindsAndValues('A\t=\r\n1')).toEqual([
      ['identifier', 'A'],
      ['operator', '='],
      ['number', '1'],
      ['end', ''],
    ]);
  });

  it('places the end token after the last character', () => {
    expect(tokenize('A = 1  ').at(-1)).toEqual({ kind: 'end', value: '', text: '', offset: 7 });
    expect(tokenize('')).toEqual([{ kind: 'end', value: '', text: '', offset: 0 }]);
  });

  it.each([
    ["A = 'open", "'open", 4],
    ['A = "open\\"', '"open\\"', 4],
    ["A = 'ends with escape\\", "'ends with escape\\", 4],
    ['`open', '`open', 0],
    ['A = ``', '``', 4],
    ['A = 12abc', '12abc', 4],
    ['A = 1.2.3', '1.2.3', 4],
    ['A = 1AND B = 2', '1AND', 4],
    ['A = .', '.', 4],
    ['A ! B', '!', 2],
    ['A = 1; B = 2', ';', 5],
    ['A = $1', '$', 4],
    ['A @ 1', '@', 2],
    ['属性 = 1', '属', 0],
    ['A =\u30001', '\u3000', 3],
    ['A = 1 & B = 2', '&', 6],
    ['A = 1 | B = 2', '|', 6],
  ])('rejects %s naming the offending token and where it starts', (query, token, offset) => {
    const error = errorOf(() => tokenize(query));
    expect({ token: error.token, offset: error.offset }).toEqual({ token, offset });
    expect(error.message).toContain(`第 ${offset + 1} 个字符处的 "${token}"`);
  });
});
