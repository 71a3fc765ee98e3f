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

  it('quotes CSV fields with commas, quotes or line breaks', () => {
    const csv = reportCsv({ ...buildReportContent(subject, figures), agencyName: '某局,"二处"' });
    expect(csv).toContain('"某局,""二处""",2025,一、行政许可,申请数（件）,0\r\n');
    expect(csv.trimEnd().split('\r\n').pop()).toMatch(
      /^"某局,""二处""",2025,七、情况说明,情况说明,"2025年度/,
    );
  });
});
