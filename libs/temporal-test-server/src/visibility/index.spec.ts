import { compileVisibilityQuery, VisibilityQueryError, type VisibilityRecord } from './index';

function record(
  overrides: Partial<VisibilityRecord> & Pick<VisibilityRecord, 'workflowId'>,
): VisibilityRecord {
  return {
    namespace: 'default',
    runId: `run-${overrides.workflowId}`,
    workflowType: 'CaseFilingWorkflow',
    taskQueue: 'lep-cases',
    status: 'Running',
    startTime: new Date('2024-03-01T08:00:00Z'),
    executionTime: new Date('2024-03-01T08:00:00Z'),
    searchAttributes: {},
    ...overrides,
  };
}

const RECORDS: VisibilityRecord[] = [
  record({
    workflowId: 'case-001',
    searchAttributes: {
      LepAgency: '市场监督管理局',
      LepStage: 'review',
      LepMajor: true,
      LepNextDeadline: new Date('2024-03-15T00:00:00Z'),
      LepTags: ['food', 'urgent'],
      LepPenalty: 50000,
    },
  }),
  record({
    workflowId: 'case-002',
    status: 'Completed',
    startTime: new Date('2024-02-01T00:00:00Z'),
    executionTime: new Date('2024-02-01T00:05:00Z'),
    closeTime: new Date('2024-02-20T10:00:00Z'),
    searchAttributes: {
      LepAgency: '交通运输局',
      LepStage: 'closed',
      LepMajor: false,
      LepNextDeadline: new Date('2024-02-10T00:00:00Z'),
      LepTags: ['traffic'],
      LepPenalty: 200.5,
    },
  }),
  record({
    workflowId: 'review-010',
    workflowType: 'LegalReviewWorkflow',
    taskQueue: 'lep-review',
    status: 'Failed',
    startTime: new Date('2024-03-10T12:30:00.250Z'),
    executionTime: new Date('2024-03-10T12:30:00.250Z'),
    closeTime: new Date('2024-03-10T13:00:00Z'),
  }),
  record({
    workflowId: 'case-003',
    status: 'Terminated',
    startTime: new Date('2023-12-31T23:59:59.999Z'),
    executionTime: new Date('2023-12-31T23:59:59.999Z'),
    closeTime: new Date('2024-01-01T00:00:00Z'),
    searchAttributes: {
      LepAgency: '市场监督管理局',
      LepStage: 'it\'s "50%_done"',
      LepTags: [],
      LepPenalty: -3,
    },
  }),
];

function matching(query: string): string[] {
  return RECORDS.filter(compileVisibilityQuery(query)).map((entry) => entry.workflowId);
}

function errorOf(query: string): VisibilityQueryError {
  try {
    compileVisibilityQuery(query);
  } catch (error) {
    if (error instanceof VisibilityQueryError) return error;
    throw error;
  }
  throw new Error(`expected "${query}" to be rejected`);
}

const ALL = ['case-001', 'case-002', 'review-010', 'case-003'];

describe('compileVisibilityQuery', () => {
  describe('empty query', () => {
    it.each(['', '  ', '\n'])('matches every record for %j', (query) => {
      expect(matching(query)).toEqual(ALL);
    });
  });

  describe('system attributes', () => {
    it.each([
      ["WorkflowId = 'case-002'", ['case-002']],
      ["RunId = 'run-case-003'", ['case-003']],
      ["WorkflowType = 'LegalReviewWorkflow'", ['review-010']],
      ["TaskQueue = 'lep-cases'", ['case-001', 'case-002', 'case-003']],
      ["WorkflowId != 'case-002'", ['case-001', 'review-010', 'case-003']],
      ["WorkflowId > 'case-002'", ['review-010', 'case-003']],
      ["WorkflowId <= 'case-002'", ['case-001', 'case-002']],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it('compares keywords exactly, without case folding', () => {
      expect(matching("WorkflowType = 'casefilingworkflow'")).toEqual([]);
    });

    it('treats attribute names as case-sensitive, so a misspelt system name is a missing custom attribute', () => {
      expect(matching("workflowid = 'case-001'")).toEqual([]);
      expect(matching('workflowid IS NULL')).toEqual(ALL);
    });

    it.each([
      ["ExecutionStatus = 'Running'", ['case-001']],
      ["ExecutionStatus = 'WORKFLOW_EXECUTION_STATUS_COMPLETED'", ['case-002']],
      ['ExecutionStatus = 3', ['review-010']],
      ["ExecutionStatus != 'Running'", ['case-002', 'review-010', 'case-003']],
      ["ExecutionStatus IN ('Failed', 'Terminated')", ['review-010', 'case-003']],
      ["ExecutionStatus NOT IN ('Failed', 5)", ['case-001', 'case-002']],
      ["ExecutionStatus = 'Unspecified'", []],
    ])('filters ExecutionStatus: %s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });
  });

  describe('comparison operators on custom attributes', () => {
    it.each([
      ["LepStage = 'review'", ['case-001']],
      ["LepStage != 'review'", ['case-002', 'case-003']],
      ["LepStage <> 'review'", ['case-002', 'case-003']],
      ['LepPenalty = 50000', ['case-001']],
      ['LepPenalty = 5e4', ['case-001']],
      ['LepPenalty > 200', ['case-001', 'case-002']],
      ['LepPenalty >= 200.5', ['case-001', 'case-002']],
      ['LepPenalty < 200.5', ['case-003']],
      ['LepPenalty <= -3', ['case-003']],
      ['LepPenalty < -2.5', ['case-003']],
      ['LepPenalty != 200.5', ['case-001', 'case-003']],
      ['LepMajor = true', ['case-001']],
      ['LepMajor = FALSE', ['case-002']],
      ['LepMajor != true', ['case-002']],
      ['LepMajor > false', ['case-001']],
      ["LepAgency = '市场监督管理局'", ['case-001', 'case-003']],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it('never matches a literal of another type, as Temporal would have refused the query', () => {
      expect(matching("LepPenalty = '50000'")).toEqual([]);
      expect(matching("LepMajor = 'true'")).toEqual([]);
      expect(matching('LepStage = 1')).toEqual([]);
      expect(matching("LepPenalty != '50000'")).toEqual([]);
    });
  });

  describe('IN and NOT IN', () => {
    it.each([
      ["LepStage IN ('review', 'closed')", ['case-001', 'case-002']],
      ["LepStage IN ('nothing')", []],
      ["LepStage NOT IN ('review')", ['case-002', 'case-003']],
      ['LepPenalty IN (-3, 200.5)', ['case-002', 'case-003']],
      ["WorkflowId IN ('case-001', 'review-010')", ['case-001', 'review-010']],
      ["WorkflowId NOT IN ('case-001', 'review-010')", ['case-002', 'case-003']],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });
  });

  describe('BETWEEN', () => {
    it.each([
      ['LepPenalty BETWEEN 200.5 AND 50000', ['case-001', 'case-002']],
      ['LepPenalty BETWEEN -3 AND 200', ['case-003']],
      ['LepPenalty NOT BETWEEN 0 AND 1000', ['case-001', 'case-003']],
      ['LepPenalty BETWEEN 50000 AND 1', []],
      ['LepMajor BETWEEN false AND true', []],
      ['LepMajor NOT BETWEEN false AND false', []],
      ["WorkflowId BETWEEN 'case-001' AND 'case-002'", ['case-001', 'case-002']],
      ["StartTime BETWEEN '2024-02-01T00:00:00Z' AND '2024-03-01T08:00:00Z'", ['case-001', 'case-002']],
      ["StartTime NOT BETWEEN '2024-01-01T00:00:00Z' AND '2024-03-05T00:00:00Z'", ['review-010', 'case-003']],
    ])('includes both bounds: %s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });
  });

  describe('STARTS_WITH', () => {
    it.each([
      ["WorkflowId STARTS_WITH 'case-'", ['case-001', 'case-002', 'case-003']],
      ["WorkflowId NOT STARTS_WITH 'case-'", ['review-010']],
      ["WorkflowId starts_with ''", ALL],
      ["LepAgency STARTS_WITH '市场'", ['case-001', 'case-003']],
      ["LepStage NOT STARTS_WITH 're'", ['case-002', 'case-003']],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it('takes % and _ literally, as Temporal escapes them in its LIKE pattern', () => {
      expect(matching("LepStage STARTS_WITH '%'")).toEqual([]);
      expect(matching("WorkflowId STARTS_WITH 'case_'")).toEqual([]);
      expect(matching("LepStage STARTS_WITH 'it''s \"50%_'")).toEqual(['case-003']);
    });

    it('does not match non-string values', () => {
      expect(matching("LepPenalty STARTS_WITH '5'")).toEqual([]);
      expect(matching("LepTags STARTS_WITH 'fo'")).toEqual([]);
    });
  });

  describe('IS NULL and missing attributes', () => {
    it.each([
      ['CloseTime IS NULL', ['case-001']],
      ['CloseTime IS NOT NULL', ['case-002', 'review-010', 'case-003']],
      ['LepStage IS NULL', ['review-010']],
      ['LepStage is not NULL', ['case-001', 'case-002', 'case-003']],
      ['LepTags IS NULL', ['review-010', 'case-003']],
      ['WorkflowId IS NULL', []],
      ['toString IS NULL', ALL],
      ['constructor IS NOT NULL', []],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it.each([
      "LepStage != 'review'",
      "NOT LepStage = 'review'",
      "LepStage NOT IN ('review')",
      "LepStage NOT STARTS_WITH 'x'",
      'LepPenalty NOT BETWEEN 0 AND 1',
      'LepPenalty < 0 OR LepPenalty >= 0',
      'NOT (LepPenalty > 100 AND LepMajor = true)',
      "LepNextDeadline < '2100-01-01T00:00:00Z'",
      "LepNextDeadline != '2024-01-01T00:00:00Z'",
    ])('never lets a missing attribute satisfy %s', (query) => {
      expect(matching(query)).not.toContain('review-010');
    });

    it('treats the CloseTime of a running execution as missing', () => {
      expect(matching("CloseTime < '2100-01-01T00:00:00Z'")).toEqual(['case-002', 'review-010', 'case-003']);
      expect(matching("CloseTime != '2024-01-01T00:00:00Z'")).toEqual(['case-002', 'review-010']);
    });

    it('still lets OR find a record through another, present attribute', () => {
      expect(matching("LepStage = 'review' OR WorkflowType = 'LegalReviewWorkflow'")).toEqual([
        'case-001',
        'review-010',
      ]);
      expect(matching("LepStage != 'review' OR LepStage IS NULL")).toEqual([
        'case-002',
        'review-010',
        'case-003',
      ]);
    });

    it('lets NOT flip a false comparison on a present attribute', () => {
      expect(matching('NOT (LepPenalty > 100 AND LepMajor = true)')).toEqual(['case-002', 'case-003']);
    });
  });

  describe('KeywordList attributes', () => {
    it.each([
      ["LepTags = 'urgent'", ['case-001']],
      ["LepTags = 'food'", ['case-001']],
      ["LepTags != 'food'", ['case-002']],
      ["LepTags IN ('traffic', 'urgent')", ['case-001', 'case-002']],
      ["LepTags NOT IN ('traffic', 'nothing')", ['case-001']],
      ["LepTags > 'a'", []],
      ["LepTags BETWEEN 'a' AND 'z'", []],
      ['LepTags = 1', []],
    ])('treats = as "contains": %s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });
  });

  describe('datetimes', () => {
    it.each([
      ["StartTime > '2024-03-01T00:00:00Z'", ['case-001', 'review-010']],
      ["StartTime = '2024-03-01T16:00:00+08:00'", ['case-001']],
      ["StartTime >= '2024-03-01T08:00:00.000000001Z'", ['review-010']],
      ["StartTime < '2024-01-01T00:00:00Z'", ['case-003']],
      ["StartTime = '2023-12-31T23:59:59.999Z'", ['case-003']],
      ["StartTime = '2023-12-31T23:59:59.999000000Z'", ['case-003']],
      ["StartTime = '2023-12-31T23:59:59.9990001Z'", []],
      ["StartTime > '2024-03-10T12:30:00.249999999Z'", ['review-010']],
      ["ExecutionTime > '2024-02-01T00:00:00Z' AND ExecutionTime < '2024-03-01T00:00:00Z'", ['case-002']],
      ["CloseTime >= '2024-02-20T10:00:00Z'", ['case-002', 'review-010']],
      ["CloseTime IN ('2024-01-01T08:00:00+08:00')", ['case-003']],
      ['StartTime = 1709280000000000000', ['case-001']],
      ['StartTime < -1', []],
    ])('compares system datetimes as instants: %s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it.each([
      ["LepNextDeadline < '2024-03-01T00:00:00Z'", ['case-002']],
      ["LepNextDeadline = '2024-03-15T08:00:00+08:00'", ['case-001']],
      ["LepNextDeadline BETWEEN '2024-02-10T00:00:00Z' AND '2024-03-14T23:59:59.999999999Z'", ['case-002']],
      ["LepNextDeadline > '2024-01-01'", []],
      ['LepNextDeadline IS NOT NULL', ['case-001', 'case-002']],
    ])('compares Date-valued custom attributes as instants: %s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it('compares a date-looking literal with a string attribute as text', () => {
      const records = [
        record({ workflowId: 'x', searchAttributes: { LepNote: '2024-03-01T16:00:00+08:00' } }),
      ];
      expect(records.filter(compileVisibilityQuery("LepNote = '2024-03-01T08:00:00Z'"))).toEqual([]);
      expect(records.filter(compileVisibilityQuery("LepNote = '2024-03-01T16:00:00+08:00'"))).toEqual(
        records,
      );
    });
  });

  describe('syntax', () => {
    it.each([
      [
        "WorkflowType = 'CaseFilingWorkflow' AND ExecutionStatus = 'Running' OR WorkflowId = 'review-010'",
        ['case-001', 'review-010'],
      ],
      [
        "WorkflowId = 'review-010' OR WorkflowType = 'CaseFilingWorkflow' AND ExecutionStatus = 'Running'",
        ['case-001', 'review-010'],
      ],
      [
        "(WorkflowId = 'review-010' OR WorkflowType = 'CaseFilingWorkflow') AND ExecutionStatus = 'Running'",
        ['case-001'],
      ],
      ["NOT ExecutionStatus = 'Running' AND LepMajor = false", ['case-002']],
      ["NOT (ExecutionStatus = 'Running' OR TaskQueue = 'lep-review')", ['case-002', 'case-003']],
      ["workflowtype = 'x' or WorkflowId = 'case-002'", ['case-002']],
      ["WorkflowId = 'case-001' and LepMajor = TRUE", ['case-001']],
      ['`LepStage` = "closed"', ['case-002']],
      ["LepStage = 'it''s \"50%_done\"'", ['case-003']],
      ['LepStage = "it\'s \\"50%_done\\""', ['case-003']],
      ["LepStage = 'it\\'s \"50%_done\"'", ['case-003']],
      ["LepStage='review'AND(LepPenalty>=1)", ['case-001']],
      ["WorkflowId = 'case-001' || WorkflowId = 'case-002' && LepMajor = false", ['case-001', 'case-002']],
    ])('%s', (query, expected) => {
      expect(matching(query)).toEqual(expected);
    });

    it('reads backtick-quoted names with spaces and keywords', () => {
      const records = [record({ workflowId: 'x', searchAttributes: { 'Lep Stage': 'a', AND: 'b' } })];
      expect(records.filter(compileVisibilityQuery("`Lep Stage` = 'a' AND `AND` = 'b'"))).toEqual(records);
    });
  });

  describe('errors', () => {
    it('raises VisibilityQueryError naming token and position in Chinese', () => {
      const error = errorOf("WorkflowType = 'x' ORDER BY StartTime");
      expect(error).toBeInstanceOf(VisibilityQueryError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('VisibilityQueryError');
      expect(error.message).toBe('可见性查询无效：不支持 ORDER BY 子句（第 20 个字符处的 "ORDER"）');
    });

    it('reports a query that ends too early at its end', () => {
      expect(errorOf("WorkflowId = 'a' AND").message).toBe(
        '可见性查询无效：查询不完整，此处应为搜索属性名或左括号（查询末尾）',
      );
    });

    it.each([
      ["StartTime > '2024-03-01'", "'2024-03-01'", 12, '无法解析日期时间'],
      ["CloseTime < 'yesterday'", "'yesterday'", 12, '无法解析日期时间'],
      ['StartTime > 1.5', '1.5', 12, '纳秒'],
      ['ExecutionTime = true', 'true', 16, '纳秒'],
      ["StartTime BETWEEN '2024-01-01T00:00:00Z' AND 'soon'", "'soon'", 45, '无法解析日期时间'],
      ["StartTime STARTS_WITH '2024'", 'StartTime', 0, 'STARTS_WITH 只能用于 Keyword'],
      ['WorkflowId = 1', '1', 13, '只能与字符串比较'],
      ["TaskQueue IN ('a', false)", 'false', 19, '只能与字符串比较'],
      ["ExecutionStatus = 'running'", "'running'", 18, '无效的执行状态'],
      ['ExecutionStatus = 9', '9', 18, '无效的执行状态'],
      ['ExecutionStatus = 1.0', '1.0', 18, '无效的执行状态'],
      ["ExecutionStatus STARTS_WITH 'Run'", "'Run'", 28, '无效的执行状态'],
      ["WorkflowId LIKE 'case%'", 'LIKE', 11, '比较运算符'],
      ['ORDER BY StartTime', 'ORDER', 0, 'ORDER BY'],
      ["LepStage = 'open", "'open", 11, '结束引号'],
    ])('rejects %j at %j', (query, token, offset, reasonPart) => {
      const error = errorOf(query);
      expect({ token: error.token, offset: error.offset }).toEqual({ token, offset });
      expect(error.reason).toContain(reasonPart);
    });
  });
});
