import type { RegistryImportRow } from '@lep/contracts';
import { ImportFileError } from '../table-files/import-file-error';
import { headerColumns, LineProblem } from './import-file';
import { parentsFirst, planBatches } from './import-plan';

const agency = (line: number, code: string, parentCode = ''): RegistryImportRow => ({
  line,
  fields: { code, parentCode },
});
const item = (line: number, agencyCode: string): RegistryImportRow => ({
  line,
  fields: { agencyCode, code: `I-${line}` },
});
const lines = (rows: RegistryImportRow[]) => rows.map((row) => row.line);

describe('registry import planning', () => {
  it('accepts English names or Chinese labels in the header, and refuses a column named twice', () => {
    expect(
      headerColumns(
        'items',
        ['执法主体代码', 'code', '事项名称', '事项类别', '实施依据', '办理程序', '法定办结时限'],
        1,
      ),
    ).toEqual(['agencyCode', 'code', 'name', 'category', 'legalBasis', 'procedure', 'statutoryWorkingDays']);
    expect(() =>
      headerColumns('targets', ['agencyCode', '执法主体代码', 'code', 'name', 'category'], 1),
    ).toThrow(
      new ImportFileError(
        'IMPORT_FILE_HEADER',
        '第 1 行（表头）：重复的列 agencyCode。应为 agencyCode,code,name,category,partyType,active（或中文列名 执法主体代码,检查对象编码,检查对象名称,检查对象类别,相对人类别,是否在库）',
        1,
      ),
    );
  });

  it('puts every agency after its parent in the file, whatever the file order', () => {
    const problems: LineProblem[] = [];
    const ordered = parentsFirst(
      [
        agency(2, 'A-1-1', 'A-1'),
        agency(3, 'B', 'BT'),
        agency(4, 'A-1', 'A'),
        agency(5, 'A', 'BT'),
        agency(6, 'C'),
      ],
      problems,
    );
    expect(lines(ordered)).toEqual([3, 5, 4, 2, 6]);
    expect(problems).toEqual([]);
  });

  it('reports lines whose parents form a cycle in the file', () => {
    const problems: LineProblem[] = [];
    const ordered = parentsFirst([agency(2, 'X', 'Y'), agency(3, 'Y', 'X'), agency(4, 'Z', 'BT')], problems);
    expect(lines(ordered)).toEqual([4]);
    expect(problems.map((problem) => problem.line).sort()).toEqual([2, 3]);
    expect(problems[0]!.message).toMatch(/^第 \d 行：上级执法主体 [XY] 与其下级在文件中构成循环，无法登记$/);
  });

  it('sends with each agency batch the lines of its ancestors from earlier batches, within the batch size', () => {
    const rows = [
      agency(2, 'A', 'BT'),
      agency(3, 'A-1', 'A'),
      agency(4, 'A-2', 'A'),
      agency(5, 'A-1-1', 'A-1'),
      agency(6, 'A-1-2', 'A-1'),
    ];
    const batches = planBatches('agencies', rows, 3, []);
    expect(batches.map((batch) => [lines(batch.rows), lines(batch.context)])).toEqual([
      [[2, 3, 4], []],
      [[5], [2, 3]],
      [[6], [2, 3]],
    ]);
  });

  it('keeps one agency’s items in one batch, so an import publishes one version per agency', () => {
    const rows = [item(2, 'A'), item(3, 'B'), item(4, 'A'), item(5, 'C'), item(6, 'B'), item(7, 'A')];
    expect(planBatches('items', rows, 4, []).map((batch) => lines(batch.rows))).toEqual([
      [2, 4, 7],
      [3, 6, 5],
    ]);
    expect(planBatches('items', rows, 2, []).map((batch) => lines(batch.rows))).toEqual([
      [2, 4],
      [7],
      [3, 6],
      [5],
    ]);
  });
});
