import { buildReportContent, NO_SUCH_DUTY, reportCsv } from './report-content';

const subject = { agencyCode: 'A', agencyName: '某局', level: '师市部门', year: 2025, agencies: ['A'] };

describe('buildReportContent', () => {
  const figures = {
    penalty: {
      'penalty.decisions': 2,
      'penalty.kind:罚款': 2,
      'penalty.fine-yuan': 12_345.6,
      'penalty.confiscated-yuan': 100,
      'decisions.major': 1,
    },
    all: { 'disclosure.on-time': 3, 'disclosure.late': 1 },
  };

  it('reports 罚没金额 in 万元 to the yuan, and timeliness as a share', () => {
    const content = buildReportContent(subject, figures);
    const penalty = content.sections[1];
    expect(penalty.rows.find((row) => row.label === '罚没金额（万元）')?.value).toBe(1.2446);
    expect(penalty.rows.find((row) => row.label === '罚款（件）')?.value).toBe(2);
    expect(content.narrative).toContain('按期公示率 75.0%');
  });

  it('writes 无此职责 only for a power missing and unused', () => {
    const content = buildReportContent(subject, figures, new Set(['licensing']));
    expect(content.sections[0].rows[0].value).toBe(0);
    expect(content.sections[2].rows[0].value).toBe(NO_SUCH_DUTY);
    // Penalties were recorded although the list lacks them: the figures show.
    expect(content.sections[1].rows.find((row) => row.label === '罚款（件）')?.value).toBe(2);
  });

  it('counts applications not accepted (不予受理) in 申请数 but not in 受理数', () => {
    const content = buildReportContent(subject, {
      licensing: { 'cases.filed': 5, 'cases.application-not-accepted': 2, 'licensing.granted': 3 },
    });
    const value = (label: string) => content.sections[0].rows.find((row) => row.label === label)?.value;
    expect([value('申请数（件）'), value('受理数（件）'), value('准予许可数（件）')]).toEqual([5, 3, 3]);
  });

  it('reports decisions corrected on 复议, lost in court and corrected by the agency itself', () => {
    const content = buildReportContent(subject, {
      all: {
        'decisions.corrected-by:reconsideration': 2,
        'decisions.corrected-by:judgment': 1,
        'decisions.withdrawn:revoked': 3,
      },
    });
    const rows = content.sections[5].rows;
    const value = (label: string) => rows.find((row) => row.label === label)?.value;
    expect([
      value('经行政复议被纠错的决定（件）'),
      value('经行政诉讼被纠错的决定（件）'),
      value('自我纠错撤回的决定（件）'),
    ]).toEqual([2, 1, 0]);
    expect(content.narrative).toContain('行政复议、行政诉讼的收案与审结情况未在本平台采集');
  });

  it('lists 行政强制 by measure, execution and court application, as the decisions name them', () => {
    const content = buildReportContent(
      subject,
      { coercion: { 'cases.decided': 3, 'coercion.kind:seal': 2, 'coercion.kind:court-application': 1 } },
      new Set(['coercion']),
    );
    const rows = Object.fromEntries(content.sections[2].rows.map((row) => [row.label, row.value]));
    expect(rows).toMatchObject({
      '行政强制决定（件）': 3,
      '查封场所、设施或者财物（件）': 2,
      '冻结存款、汇款（件）': 0,
      '申请人民法院强制执行（件）': 1,
    });
    expect(content.sections[2].rows).toHaveLength(12);
  });

  it('quotes CSV fields with commas, quotes or line breaks', () => {
    const csv = reportCsv({ ...buildReportContent(subject, figures), agencyName: '某局,"二处"' });
    expect(csv).toContain('"某局,""二处""",2025,一、行政许可,申请数（件）,0\r\n');
    expect(csv.trimEnd().split('\r\n').pop()).toMatch(
      /^"某局,""二处""",2025,七、情况说明,情况说明,"2025年度/,
    );
  });

  it('reports the 案卷评查 of the agencies among the three systems’ rows', () => {
    const content = buildReportContent(subject, {
      all: {
        'evaluation.cases': 4,
        'evaluation.grade:excellent': 1,
        'evaluation.grade:pass': 2,
        'evaluation.grade:fail': 1,
        'evaluation.problem-items': 6,
        'evaluation.rectified': 2,
      },
    });
    const rows = Object.fromEntries(content.sections[5].rows.map((row) => [row.label, row.value]));
    expect(rows).toMatchObject({
      '被评查案卷（件）': 4,
      '评查优秀（件）': 1,
      '评查合格（件）': 2,
      '评查不合格（件）': 1,
      '评查发现问题（项）': 6,
      '评查问题已整改（件）': 2,
    });
  });
});

describe('the report’s 行政检查 rows (domain.md P14, §7.4)', () => {
  it('counts 双随机 targets inspected and inspection cases’ results, a 双随机 target recorded in a case once', () => {
    const content = buildReportContent(subject, {
      inspection: {
        'inspection.inspected': 4,
        'inspection.outcome:problem-found': 1,
        'cases.decided': 3,
        'inspection.case-from-random': 1,
        'inspection.case-problem-found': 1,
      },
    });
    const value = (label: string) => content.sections[3].rows.find((row) => row.label === label)?.value;
    expect(value('行政检查（次）')).toBe(6);
    expect(value('抽查发现问题（户）')).toBe(1);
    expect(value('双随机以外检查发现问题（次）')).toBe(1);
  });
});
