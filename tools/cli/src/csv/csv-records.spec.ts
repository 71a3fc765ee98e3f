import { csvRecords, CsvRecord } from './csv-records';

async function parse(...chunks: string[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const record of csvRecords(source())) records.push(record);
  return records;
}

describe('csvRecords', () => {
  it('splits records and cells, numbering lines from 1 and skipping blank lines', async () => {
    expect(await parse('a,b\n1,2\n\n3,4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('handles CRLF, a BOM, quoted commas, doubled quotes and quoted line breaks', async () => {
    expect(
      await parse('\uFEFFname,scope\r\n"张三","市场监管,食品"\r\n"李""四""","第一行\n第二行"\r\nx,y\r\n'),
    ).toEqual([
      { line: 1, cells: ['name', 'scope'] },
      { line: 2, cells: ['张三', '市场监管,食品'] },
      { line: 3, cells: ['李"四"', '第一行\n第二行'] },
      { line: 5, cells: ['x', 'y'] },
    ]);
  });

  it('is not confused by chunk boundaries inside a CRLF, a quote or a multi-byte character', async () => {
    expect(await parse('a,"b', '""c"\r', '\n张', '三,d')).toEqual([
      { line: 1, cells: ['a', 'b"c'] },
      { line: 2, cells: ['张三', 'd'] },
    ]);
  });

  it('keeps empty cells', async () => {
    expect(await parse('a,,c\n,,\n')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['', '', ''] },
    ]);
  });

  it('reports malformed quoting with the line number', async () => {
    await expect(parse('a,b\nx,"open\n')).rejects.toThrow('第 2 行：引号未闭合');
    await expect(parse('a,b\nx,y"z\n')).rejects.toThrow('第 2 行：引号只能出现在单元格开头');
    await expect(parse('a\n"x"y\n')).rejects.toThrow('第 2 行：引号后缺少逗号');
  });
});
