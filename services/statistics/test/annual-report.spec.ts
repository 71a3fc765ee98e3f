import { ReportPublishedData, STATISTICS_EVENT_TYPES, WarningEventData } from '@lep/contracts';
import type { Role } from '@lep/auth';
import ExcelJS from 'exceljs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { annualReportWorkflowId } from '@lep/workflows';
import type { AnnualReportRow } from '../src/reports/reports.service';
import { BINGTUAN, scriptedEvents, SHI_1, SHI_1_MARKET, SHI_2 } from './support/scenario';
import { enforcementItemsPublished } from './support/events';
import { parseCsv } from './support/csv';
import { outboxEvents, until, useStatisticsApp } from './support/statistics-app';

// The virtual clock starts on New Year's Day 2026, 10:00 Beijing time: 1–3 January are off and Sunday
// 4 January is a make-up working day, so the 2025 reports are built then.
const NEW_YEAR = new Date('2026-01-01T10:00:00+08:00');

describe('annual statistics report 2025 (行政执法统计年报), due 31 January 2026', () => {
  const statistics = useStatisticsApp('stat_report', { temporalStartsAt: NEW_YEAR });
  let env: TestWorkflowEnvironment;

  const reports = (): Promise<AnnualReportRow[]> =>
    statistics().dataSource.query(`SELECT * FROM annual_report WHERE year = 2025 ORDER BY agency_code`);
  const reportOf = async (agency: string) =>
    (await reports()).find((report) => report.agency_code === agency)!;

  beforeAll(async () => {
    for (const event of scriptedEvents()) await statistics().deliver(event);
    // 第二师铁门关市 licenses only (version 2 replaces version 1, which also listed penalties).
    await statistics().deliver(enforcementItemsPublished(SHI_2, 2, ['licensing']));
    await statistics().deliver(enforcementItemsPublished(SHI_2, 1, ['licensing', 'penalty']));
    // The clock is held (see statistics-app): the tests below move it on explicitly.
    env = statistics().env!;
  });

  it('starts once per year, builds every agency’s report on the first working day of January', async () => {
    const admin = statistics().staff(['platform-admin'], BINGTUAN);
    const started = await admin.post('/api/v1/reports/runs').send({ year: 2025 }).expect(200);
    expect(started.body).toEqual({ workflowId: annualReportWorkflowId(2025), started: true });
    const again = await admin.post('/api/v1/reports/runs').send({ year: 2025 }).expect(200);
    expect(again.body.started).toBe(false);
    await statistics()
      .staff(['agency-admin'], BINGTUAN)
      .post('/api/v1/reports/runs')
      .send({ year: 2025 })
      .expect(403);

    await env.sleep('2 days');
    expect(await reports()).toEqual([]);
    await env.sleep('2 days');
    const built = await until(async () => ((await reports()).length === 4 ? reports() : undefined));
    expect(built.map((report) => report.agency_code)).toEqual([BINGTUAN, SHI_1, SHI_1_MARKET, SHI_2]);
    expect(built.every((report) => report.status === 'awaiting-confirmation')).toBe(true);
    expect(new Date(built[0].built_at).toISOString()).toMatch(/^2026-01-04T01:00/);
  });

  it('lays out the figures of the agency and those below it as domain.md §7 asks', async () => {
    const { body } = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/reports')
      .query({ agency: SHI_1, year: 2025 })
      .expect(200);
    expect(body.map((report: { agencyCode: string }) => report.agencyCode)).toEqual([SHI_1, SHI_1_MARKET]);
    const content = body[0].content;
    expect(content.agencies).toEqual([SHI_1, SHI_1_MARKET]);
    const penalty = content.sections.find((section: { title: string }) => section.title === '二、行政处罚');
    const row = (label: string) =>
      penalty.rows.find((entry: { label: string }) => entry.label === label)?.value;
    expect(row('罚款（件）')).toBe(1);
    expect(row('警告（件）')).toBe(0);
    expect(row('处罚决定合计（件）')).toBe(1);
    expect(row('罚没金额（万元）')).toBe(0.01);
    expect(row('立案数（件）')).toBe(1);
    expect(content.narrative).toContain('2025年度，第一师阿拉尔市');

    const csv = await statistics()
      .staff(['auditor'], SHI_2)
      .get(`/api/v1/reports/${body[0].id}/export.csv`)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF执法主体,年度,项目,指标,数值\r\n')).toBe(true);
    expect(csv.text).toContain('第一师阿拉尔市,2025,二、行政处罚,罚款（件）,1\r\n');
  });

  it('enters 0 for a power unused and 无此职责 for one the agency lacks', async () => {
    const { body } = await statistics()
      .staff(['leader'], SHI_2)
      .get('/api/v1/reports')
      .query({ agency: SHI_2, year: 2025 })
      .expect(200);
    const sections = body[0].content.sections as Array<{
      title: string;
      rows: Array<{ label: string; value: unknown }>;
    }>;
    const value = (title: string, label: string) =>
      sections.find((section) => section.title === title)!.rows.find((row) => row.label === label)!.value;
    expect(value('一、行政许可', '准予许可数（件）')).toBe(0);
    expect(value('二、行政处罚', '罚款（件）')).toBe('无此职责');
    expect(value('三、行政强制', '行政强制决定（件）')).toBe('无此职责');
    // 兵团 and 第一师 have published no list: their reports do not guess, numbers throughout.
    const root = await reportOf(BINGTUAN);
    expect(root.content.sections[1].rows[0].value).toBe(0);
  });

  it('exports the same table as XLSX, one sheet per section, figures as numbers', async () => {
    const report = await reportOf(SHI_2);
    const auditor = statistics().staff(['auditor'], SHI_2);
    const csv = parseCsv((await auditor.get(`/api/v1/reports/${report.id}/export.csv`).expect(200)).text);
    const download = await auditor
      .get(`/api/v1/reports/${report.id}/export.xlsx`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(decodeURIComponent(download.headers['content-disposition'])).toContain(
      '2025年度行政执法统计年报-第二师铁门关市.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.body as ExcelJS.Buffer);

    const [header, ...lines] = csv;
    const sectionsInCsv = [...new Set(lines.map((line) => line[2]))];
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(sectionsInCsv);
    expect(sectionsInCsv).toEqual([
      '一、行政许可',
      '二、行政处罚',
      '三、行政强制',
      '四、行政征收、检查',
      '五、其他行政执法行为',
      '六、三项制度执行情况',
      '七、情况说明',
    ]);
    for (const sheet of workbook.worksheets) {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[0]).toEqual(header);
      // Cell by cell the CSV's rows of the section; the figures are numbers in the workbook.
      expect(rows.slice(1).map((row) => row.map(String))).toEqual(
        lines.filter((line) => line[2] === sheet.name),
      );
    }
    const penalty = workbook.getWorksheet('二、行政处罚')!;
    expect(penalty.getRow(2).values).toEqual([
      undefined,
      '第二师铁门关市',
      2025,
      '二、行政处罚',
      '警告（件）',
      '无此职责',
    ]);
    const licensing = workbook.getWorksheet('一、行政许可')!;
    expect(typeof licensing.getRow(2).getCell(5).value).toBe('number');
  });

  it('lets the agency edit the drafted narrative until its leader approves, then publishes what was approved', async () => {
    const report = await reportOf(SHI_1);
    expect(report.content.narrative).toContain('请按实际情况补充');
    const narrative =
      '2025年度，第一师阿拉尔市全面推行行政执法三项制度。全年收到行政复议申请1件，维持1件；行政诉讼0件。' +
      '存在的问题：基层执法人员音像记录设备不足。下一步：为各团场执法队配备执法记录仪。';
    const edit = (roles: Role[], agency = SHI_1, body = { narrative }) =>
      statistics()
        .staff(roles, agency, `${roles[0]}-${agency}`)
        .put(`/api/v1/reports/${report.id}/narrative`)
        .send(body);
    // Another agency's admin, an upper level's admin, and a handler may not write it; an empty one is refused.
    expect((await edit(['agency-admin'], SHI_2).expect(403)).body.code).toBe('AGENCY_FORBIDDEN');
    expect((await edit(['agency-admin'], BINGTUAN).expect(403)).body.code).toBe('AGENCY_FORBIDDEN');
    await edit(['handler']).expect(403);
    const empty = await edit(['agency-admin'], SHI_1, { narrative: '' }).expect(400);
    expect(empty.body.violations[0].field).toBe('narrative');
    const edited = await edit(['agency-admin']).expect(200);
    expect(edited.body).toMatchObject({
      status: 'awaiting-confirmation',
      narrativeEditedBy: `agency-admin-${SHI_1}`,
      content: { narrative },
    });

    const approve = (roles: Role[], agency = SHI_1) =>
      statistics()
        .staff(roles, agency, `${roles[0]}-${agency}`)
        .post(`/api/v1/reports/${report.id}/approval`);
    await approve(['agency-admin']).expect(403);
    await approve(['leader'], SHI_2).expect(403);
    await approve(['leader'], BINGTUAN).expect(403);
    const approved = await approve(['leader']).expect(200);
    expect(approved.body).toMatchObject({ status: 'confirmed', approvedBy: `leader-${SHI_1}` });
    expect((await edit(['agency-admin']).expect(409)).body.code).toBe('REPORT_NOT_EDITABLE');

    const published = await until(async () => {
      const row = await reportOf(SHI_1);
      return row.status === 'published' ? row : undefined;
    });
    expect(new Date(published.published_at!).getTime()).toBeLessThan(Date.parse('2026-01-20T00:00:00+08:00'));
    const events = await outboxEvents(statistics().dataSource, STATISTICS_EVENT_TYPES.reportPublished);
    expect(events).toHaveLength(1);
    expect(events[0].message_key).toBe(SHI_1);
    expect(events[0].event.data).toMatchObject({
      agencyCode: SHI_1,
      year: 2025,
      confirmedBy: `leader-${SHI_1}`,
      approvedBy: `leader-${SHI_1}`,
      narrativeEditedBy: `agency-admin-${SHI_1}`,
    });
    const content = (events[0].event.data as unknown as ReportPublishedData).content;
    expect(content).toEqual(published.content);
    expect(content).toMatchObject({ narrative });
    expect((await approve(['leader']).expect(409)).body.code).toBe('REPORT_ALREADY_PUBLISHED');
  });

  it('records each submission of a published report to the government and the superior department', async () => {
    const report = await reportOf(SHI_1);
    const admin = statistics().staff(['agency-admin'], SHI_1, 'admin-shi-1');
    const submissions = `/api/v1/reports/${report.id}/submissions`;
    const unpublished = await admin
      .post(`/api/v1/reports/${(await reportOf(SHI_2)).id}/submissions`)
      .send({ recipient: 'government', recipientName: '第二师铁门关市人民政府', submittedOn: '2026-01-10' });
    // Another agency's admin is stopped by scope before the state of that report matters.
    expect(unpublished.status).toBe(403);
    const notYet = await statistics()
      .staff(['agency-admin'], SHI_2)
      .post(`/api/v1/reports/${(await reportOf(SHI_2)).id}/submissions`)
      .send({ recipient: 'government', recipientName: '第二师铁门关市人民政府', submittedOn: '2026-01-10' })
      .expect(409);
    expect(notYet.body.code).toBe('REPORT_NOT_PUBLISHED');
    const bad = await admin
      .post(submissions)
      .send({ recipient: 'press', recipientName: '', submittedOn: '2026-02-30' })
      .expect(400);
    expect(bad.body.violations.map((violation: { field: string }) => violation.field).sort()).toEqual([
      'recipient',
      'recipientName',
      'submittedOn',
    ]);
    await admin
      .post(submissions)
      .send({ recipient: 'superior-department', recipientName: '兵团司法局', submittedOn: '2026-02-03' })
      .expect(201);
    await admin
      .post(submissions)
      .send({ recipient: 'government', recipientName: '第一师阿拉尔市人民政府', submittedOn: '2026-01-16' })
      .expect(201);
    const listed = await statistics().staff(['auditor'], BINGTUAN).get(submissions).expect(200);
    expect(
      listed.body.map(
        (row: { recipientName: string; submittedOn: string; late: boolean; recordedBy: string }) => [
          row.recipientName,
          row.submittedOn,
          row.late,
          row.recordedBy,
        ],
      ),
    ).toEqual([
      ['第一师阿拉尔市人民政府', '2026-01-16', false, 'admin-shi-1'],
      ['兵团司法局', '2026-02-03', true, 'admin-shi-1'],
    ]);
  });

  it('reminds the others on 20, 27 and 30 January, marks them overdue after the 31st, and still publishes late', async () => {
    await env.connection.testService!.unlockTimeSkipping({});
    const overdue = await until(async () => {
      const rows = await reports();
      return rows.filter((row) => row.overdue).length === 3 ? rows : undefined;
    }, 60_000);
    expect(overdue.find((row) => row.agency_code === SHI_1)).toMatchObject({
      overdue: false,
      reminder_level: 0,
    });
    for (const row of overdue.filter((candidate) => candidate.agency_code !== SHI_1)) {
      expect(row).toMatchObject({ status: 'awaiting-confirmation', reminder_level: 3, overdue: true });
    }
    const announced = async (type: string) =>
      (await outboxEvents(statistics().dataSource, type))
        .map((row) => row.event.data as unknown as WarningEventData)
        .filter((data) => data.agencyCode === SHI_2);
    const raised = await announced(STATISTICS_EVENT_TYPES.warningRaised);
    const escalated = await announced(STATISTICS_EVENT_TYPES.warningEscalated);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'annual-report', severity: 'near' });
    // Timers fire a moment after their instant: 20 January, 09:00 Beijing time.
    expect(Date.parse(raised[0].at) - Date.parse('2026-01-20T09:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(raised[0].at) - Date.parse('2026-01-20T09:00:00+08:00')).toBeLessThan(60_000);
    expect(escalated.map((data) => [data.severity, data.message])).toEqual([
      ['near', '2025年度行政执法统计年报仍未审批，距1月31日截止不足一周'],
      ['near', '2025年度行政执法统计年报仍未审批，明日（1月31日）截止，请立即审批'],
      ['past', '2025年度行政执法统计年报已超过1月31日公开期限，尚未公开'],
    ]);

    const late = await reportOf(SHI_2);
    await statistics().staff(['leader'], SHI_2).post(`/api/v1/reports/${late.id}/approval`).expect(200);
    await until(async () => (await reportOf(SHI_2)).status === 'published');
    const cleared = await until(async () => {
      const events = await announced(STATISTICS_EVENT_TYPES.warningCleared);
      return events.length === 1 ? events : undefined;
    });
    expect(cleared[0]).toMatchObject({ kind: 'annual-report', state: 'cleared' });
  });

  it('finishes when every report is published', async () => {
    for (const agency of [BINGTUAN, SHI_1_MARKET]) {
      const report = await reportOf(agency);
      await statistics().staff(['leader'], agency).post(`/api/v1/reports/${report.id}/approval`).expect(200);
    }
    await until(async () => (await reports()).every((row) => row.status === 'published'));
    const handle = statistics().client!.workflow.getHandle(annualReportWorkflowId(2025));
    const status = await until(async () => {
      const described = await handle.describe();
      return described.status.name === 'COMPLETED' ? described : undefined;
    });
    expect(status.status.name).toBe('COMPLETED');
    expect(await handle.result()).toMatchObject({ phase: 'all-published', awaiting: [], reminderLevel: 3 });
  });
});
