import { html, Html } from './html';

interface ReportRow {
  label: string;
  value: number | string;
}
interface ReportSection {
  title: string;
  rows: ReportRow[];
}
/** The published report as publication stores it (ReportPublishedData, masked). */
export interface PublishedReport {
  agencyCode: string;
  agencyName: string;
  year: number;
  publishedAt: string;
  content: { agencies?: string[]; sections?: ReportSection[]; narrative?: string };
}

/** Rows that count something (件, 次, 个, 户, 份, 轮次) are drawn as bars; amounts (万元) only as numbers. */
const COUNT_UNIT = /（(件|次|个|户|份|轮次)）$/;

/**
 * One section as a bar chart that is also its table: every row keeps its label and its value as text, so the
 * figures read the same with or without the bars (screen readers, print, high zoom). Bars are scaled to the
 * section's largest count; 无此职责 and amounts show as text only.
 */
function sectionChart(section: ReportSection, index: number): Html {
  const counts = section.rows.filter(
    (row): row is { label: string; value: number } =>
      typeof row.value === 'number' && COUNT_UNIT.test(row.label),
  );
  const largest = Math.max(0, ...counts.map((row) => row.value));
  const id = `section-${index + 1}`;
  return html`<section aria-labelledby="${id}">
    <h2 id="${id}">${section.title}</h2>
    ${largest === 0 ? html`<p class="note">本项目本年度各项数值均为 0 或无此职责。</p>` : ''}
    <table class="chart">
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col" class="value">数值</th>
          <th scope="col" class="bar-col"><span class="visually-hidden">图示</span></th>
        </tr>
      </thead>
      <tbody>
        ${section.rows.map((row) => {
          const drawn = typeof row.value === 'number' && COUNT_UNIT.test(row.label) && largest > 0;
          const share = drawn ? Math.round(((row.value as number) / largest) * 100) : 0;
          return html`<tr>
            <th scope="row">${row.label}</th>
            <td class="value">${row.value}</td>
            <td class="bar-col" aria-hidden="true">
              ${drawn ? html`<span class="bar" style="width:${share}%"></span>` : ''}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}

export function annualReportBody(report: PublishedReport): Html {
  const sections = report.content.sections ?? [];
  const below = (report.content.agencies?.length ?? 1) - 1;
  const published = report.publishedAt.slice(0, 10);
  return html`<p class="meta">
      执法主体：${report.agencyName}（${report.agencyCode}）${below > 0 ? html`，含下级执法主体 ${below} 个` : ''}；公开日期：<time
        datetime="${published}"
        >${published}</time
      >
    </p>
    ${sections.map(sectionChart)}
    <section aria-labelledby="narrative">
      <h2 id="narrative">七、情况说明</h2>
      ${(report.content.narrative ?? '')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => html`<p>${line}</p>`)}
    </section>
    <p>
      <a href="/api/v1/public/annual-reports/${report.agencyCode}/${report.year}">下载本年报数据（JSON）</a>
    </p>`;
}

export function annualReportListBody(
  reports: Array<{ agencyCode: string; agencyName: string; year: number; publishedAt: string }>,
): Html {
  if (reports.length === 0) return html`<p>暂无已公开的统计年报。</p>`;
  return html`<ul class="list">
    ${reports.map(
      (report) =>
        html`<li>
          <a href="/portal/annual-reports/${report.agencyCode}/${report.year}"
            >${report.agencyName}${report.year}年度行政执法统计年报</a
          >
          <span class="meta">公开于 ${report.publishedAt.slice(0, 10)}</span>
        </li>`,
    )}
  </ul>`;
}
