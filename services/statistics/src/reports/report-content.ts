import { COERCION_KIND_NAMES, COERCION_KINDS } from '@lep/contracts';
import {
  coercionKindMetric,
  evaluationGradeMetric,
  METRICS,
  PENALTY_KINDS_BY_WEIGHT,
  penaltyKindMetric,
  withdrawalSourceMetric,
} from '@lep/stats-core';

/** 无此职责: the agency (and every one below it) has no such power in its enforcement items list (domain.md §7). */
export const NO_SUCH_DUTY = '无此职责';

export interface ReportRow {
  label: string;
  value: number | typeof NO_SUCH_DUTY;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
}

/** The report as built and published (domain.md §7): sections of figures and the narrative (情况说明). */
export interface AnnualReportContent {
  agencyCode: string;
  agencyName: string;
  level: string;
  year: number;
  /** The agencies whose figures are included: this one and every one below it. */
  agencies: string[];
  sections: ReportSection[];
  narrative: string;
}

export interface ReportSubject {
  agencyCode: string;
  agencyName: string;
  level: string;
  year: number;
  agencies: string[];
}

type Figures = Record<string, Record<string, number>>;

const WAN = 10_000;

/** Amounts are reported in 万元 to four decimals (one yuan), as the template asks. */
const wanYuan = (yuan: number) => Math.round((yuan / WAN) * 10_000) / 10_000;

/**
 * Lays the year's figures out as the statistics template does (domain.md §7). Powers unused show 0, powers the
 * agencies lack (when their enforcement items lists are known) show 无此职责. Rows the
 * platform's events cannot tell apart (reconsiderations, lawsuits) are not invented: they are absent, and the
 * narrative the platform drafts says so for the agency to complete.
 */
export function buildReportContent(
  subject: ReportSubject,
  byCategory: Figures,
  powers?: ReadonlySet<string>,
): AnnualReportContent {
  const of = (category: string, metric: string) => byCategory[category]?.[metric] ?? 0;
  /**
   * A row of one kind of act: 0 when the power exists but went unused, 无此职责 when it does not exist. Acts
   * actually recorded always show, whatever the list says.
   */
  const row = (category: string, label: string, value: number): ReportRow => ({
    label,
    value: powers && !powers.has(category) && value === 0 ? NO_SUCH_DUTY : value,
  });
  const all = (metric: string) =>
    Object.values(byCategory).reduce((sum, figures) => sum + (figures[metric] ?? 0), 0);

  const licensing: ReportSection = {
    title: '一、行政许可',
    rows: [
      // Every application opens a case; one the agency decided not to accept (不予受理) is not 受理.
      row('licensing', '申请数（件）', of('licensing', METRICS.casesFiled)),
      row(
        'licensing',
        '受理数（件）',
        of('licensing', METRICS.casesFiled) - of('licensing', METRICS.applicationsNotAccepted),
      ),
      row('licensing', '准予许可数（件）', of('licensing', METRICS.licensingGranted)),
      row('licensing', '不予许可数（件）', of('licensing', METRICS.licensingRefused)),
    ],
  };
  const fines = of('penalty', METRICS.fineYuan) + of('penalty', METRICS.confiscatedYuan);
  const penalty: ReportSection = {
    title: '二、行政处罚',
    rows: [
      ...PENALTY_KINDS_BY_WEIGHT.map((kind) =>
        row('penalty', `${kind}（件）`, of('penalty', penaltyKindMetric(kind))),
      ),
      row('penalty', '处罚决定合计（件）', of('penalty', METRICS.penaltyDecisions)),
      row('penalty', '罚没金额（万元）', wanYuan(fines)),
      row('penalty', '立案数（件）', of('penalty', METRICS.casesFiled)),
      row('penalty', '结案数（件）', of('penalty', METRICS.casesClosed)),
      row('penalty', '不予处罚（件）', of('penalty', METRICS.noPenalty)),
      row('penalty', '听证（件）', of('penalty', METRICS.hearings)),
    ],
  };
  const coercion: ReportSection = {
    title: '三、行政强制',
    rows: [
      row('coercion', '行政强制决定（件）', of('coercion', METRICS.casesDecided)),
      // Measures, execution and applications to a court by kind (domain.md §7.3), as the decision names it.
      ...COERCION_KINDS.map((kind) =>
        row('coercion', `${COERCION_KIND_NAMES[kind]}（件）`, of('coercion', coercionKindMetric(kind))),
      ),
    ],
  };
  // One inspection = one object with a complete record (domain.md §7.4): each 双随机 target inspected, and each
  // inspection case's result (P14) except those that record a 双随机 target's inspection, counted already.
  const inspected =
    of('inspection', METRICS.inspectionInspected) +
    of('inspection', METRICS.casesDecided) -
    of('inspection', METRICS.inspectionCaseFromRandom);
  const levies: ReportSection = {
    title: '四、行政征收、检查',
    rows: [
      row('collection', '行政征收（件）', of('collection', METRICS.casesDecided)),
      row('inspection', '行政检查（次）', inspected),
      row('inspection', '双随机抽查计划（个）', of('inspection', METRICS.inspectionPlans)),
      row('inspection', '抽查发现问题（户）', of('inspection', 'inspection.outcome:problem-found')),
      row('inspection', '双随机以外检查发现问题（次）', of('inspection', METRICS.inspectionCaseProblemFound)),
    ],
  };
  const other: ReportSection = {
    title: '五、其他行政执法行为',
    rows: [
      row('confirmation', '行政确认（件）', of('confirmation', METRICS.casesDecided)),
      row('other', '其他（件）', of('other', METRICS.casesDecided)),
    ],
  };
  const threeSystems: ReportSection = {
    title: '六、三项制度执行情况',
    rows: [
      { label: '重大执法决定（件）', value: all(METRICS.decisionsMajor) },
      { label: '法制审核（轮次）', value: all(METRICS.reviewOpened) },
      { label: '审核通过（轮次）', value: all(METRICS.reviewApproved) },
      { label: '退回补正（轮次）', value: all(METRICS.reviewReturned) },
      { label: '审核不通过（轮次）', value: all(METRICS.reviewNotApproved) },
      { label: '按期公示（件）', value: all(METRICS.disclosureOnTime) },
      { label: '逾期公示（件）', value: all(METRICS.disclosureLate) },
      { label: '超期未公示（件）', value: all(METRICS.disclosureOverdue) },
      { label: '撤回公示（件）', value: all(METRICS.disclosureWithdrawn) },
      // Decisions withdrawn on a 复议决定 (复议纠错) or a court's 判决 (诉讼败诉), or by the agency itself (§7 (2)).
      { label: '经行政复议被纠错的决定（件）', value: all(withdrawalSourceMetric('reconsideration')) },
      { label: '经行政诉讼被纠错的决定（件）', value: all(withdrawalSourceMetric('judgment')) },
      { label: '自我纠错撤回的决定（件）', value: all(withdrawalSourceMetric('self-correction')) },
      { label: '更正公示（件）', value: all(METRICS.disclosureCorrected) },
      { label: '音像记录（份）', value: all(METRICS.evidenceAudioVisual) },
      { label: '应当音像记录的执法环节（个）', value: all(METRICS.avStagesRequired) },
      { label: '其中已留存音像记录（个）', value: all(METRICS.avStagesRecorded) },
      // 案卷评查 by the justice bureau (domain.md R7a): the files of these agencies it evaluated.
      { label: '被评查案卷（件）', value: all(METRICS.evaluationCases) },
      { label: '评查优秀（件）', value: all(evaluationGradeMetric('excellent')) },
      { label: '评查合格（件）', value: all(evaluationGradeMetric('pass')) },
      { label: '评查不合格（件）', value: all(evaluationGradeMetric('fail')) },
      { label: '评查发现问题（项）', value: all(METRICS.evaluationProblemItems) },
      { label: '评查问题已整改（件）', value: all(METRICS.evaluationRectified) },
    ],
  };
  const decided = all(METRICS.casesDecided);
  const published = all(METRICS.disclosureOnTime) + all(METRICS.disclosureLate);
  const onTimeShare =
    published === 0 ? '—' : `${((all(METRICS.disclosureOnTime) / published) * 100).toFixed(1)}%`;
  const narrative = [
    `${subject.year}年度，${subject.agencyName}（含下级执法主体 ${subject.agencies.length - 1} 个）共作出行政执法决定 ${decided} 件，` +
      `其中行政许可 ${of('licensing', METRICS.casesDecided)} 件、行政处罚 ${of('penalty', METRICS.casesDecided)} 件，` +
      `罚没金额 ${wanYuan(fines)} 万元。`,
    `重大执法决定 ${all(METRICS.decisionsMajor)} 件，法制审核 ${all(METRICS.reviewOpened)} 轮次；执法决定公示 ${published} 件，按期公示率 ${onTimeShare}。`,
    '本平台只记录因复议决定、判决或自我纠错而撤销、确认违法或责令重新作出的决定；行政复议、行政诉讼的收案与审结情况未在本平台采集，请按实际情况补充。',
  ].join('\n');
  return {
    ...subject,
    sections: [licensing, penalty, coercion, levies, other, threeSystems],
    narrative,
  };
}

const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export type ReportCell = string | number;

const NARRATIVE_SECTION = '七、情况说明';

/** The export's table (CSV and XLSX): a header, and per section (7 = the narrative) its rows. */
export function reportTable(content: AnnualReportContent): {
  header: string[];
  sections: Array<{ title: string; rows: ReportCell[][] }>;
} {
  const line = (section: string, label: string, value: ReportCell): ReportCell[] => [
    content.agencyName,
    content.year,
    section,
    label,
    value,
  ];
  return {
    header: ['执法主体', '年度', '项目', '指标', '数值'],
    sections: [
      ...content.sections.map((section) => ({
        title: section.title,
        rows: section.rows.map((row) => line(section.title, row.label, row.value)),
      })),
      { title: NARRATIVE_SECTION, rows: [line(NARRATIVE_SECTION, '情况说明', content.narrative)] },
    ],
  };
}

/** CSV with a BOM so that Excel opens the Chinese text as UTF-8. */
export function reportCsv(content: AnnualReportContent): string {
  const { header, sections } = reportTable(content);
  const lines = [header, ...sections.flatMap((section) => section.rows)];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
