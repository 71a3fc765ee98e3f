import { TOPICS } from '@lep/contracts';
import { testPeers } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { buildReportContent } from '../src/reports/report-content';
import { evaluationAnswered, evaluationReturned } from './support/events';
import { AGENCY_EVENTS, SHI_1, SHI_1_MARKET, SHI_2 } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

describe('案卷评查 results in the figures and the annual report (domain.md R7a)', () => {
  const statistics = useStatisticsApp('stat_evaluation', { consumeKafka: true });
  const kafka = new Kafka({
    clientId: 'statistics-evaluation-test',
    brokers: testPeers().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  // 第一师's market regulator: one file excellent, one pass with two problem items (rectified), one fail with
  // three (explained only); 第二师: one excellent file, which must not reach 第一师's figures.
  const excellent = evaluationReturned('ev-1', SHI_1_MARKET, '2026-11-02T02:00:00Z');
  const pass = evaluationReturned('ev-2', SHI_1_MARKET, '2026-11-03T02:00:00Z', { evidence: 8, filing: 3 });
  const fail = evaluationReturned('ev-3', SHI_1_MARKET, '2026-11-03T03:00:00Z', {
    facts: 15,
    evidence: 20,
    procedure: 10,
  });
  const other = evaluationReturned('ev-4', SHI_2, '2026-11-04T02:00:00Z');
  const rectified = evaluationAnswered('ev-2', SHI_1_MARKET, '2026-11-20T02:00:00Z', true);
  const explained = evaluationAnswered('ev-3', SHI_1_MARKET, '2026-11-21T02:00:00Z', false);

  beforeAll(async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.registryDisclosure.name,
      messages: AGENCY_EVENTS.map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
    });
    // Delivered at least once: the findings of ev-2 and its answer come twice and count once.
    await producer.send({
      topic: TOPICS.caseEvaluation.name,
      messages: [excellent, pass, pass, fail, other, rectified, rectified, explained].map((event) => ({
        key: (event.data as { evaluationId: string }).evaluationId,
        value: JSON.stringify(event),
      })),
    });
    await producer.disconnect();
  });

  it('counts the evaluated files by grade, their problem items and the rectified ones, once each', async () => {
    const totals = await until(async () => {
      const { body } = await statistics()
        .staff(['leader'], SHI_1)
        .get('/api/v1/statistics')
        .query({ agency: SHI_1, year: 2026, rollup: true })
        .expect(200);
      return body.totals['evaluation.answered'] === 2 ? body.totals : undefined;
    }, 60_000);
    expect(totals).toEqual({
      'evaluation.cases': 3,
      'evaluation.grade:excellent': 1,
      'evaluation.grade:pass': 1,
      'evaluation.grade:fail': 1,
      'evaluation.problem-items': 5,
      'evaluation.answered': 2,
      'evaluation.rectified': 1,
    });
  });

  it('reports them in the annual report’s rows on the three systems', async () => {
    await until(async () => {
      const { body } = await statistics()
        .staff(['leader'], SHI_2)
        .get('/api/v1/statistics')
        .query({ agency: SHI_2, year: 2026 })
        .expect(200);
      return body.totals['evaluation.cases'] === 1 || undefined;
    }, 60_000);
    // The figures the annual report is built from (ReportsService.buildAll: the rolled-up figures through
    // buildReportContent; annual-report.spec runs that on its workflow), here for 第一师 and the agencies below it.
    const { body } = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026, rollup: true })
      .expect(200);
    const content = buildReportContent(
      { agencyCode: SHI_1, agencyName: '第一师阿拉尔市', level: '师市', year: 2026, agencies: body.agencies },
      body.byCategory,
    );
    const section = content.sections.find((entry) => entry.title === '六、三项制度执行情况')!;
    const rows = Object.fromEntries(section.rows.map((row) => [row.label, row.value]));
    expect(rows).toMatchObject({
      '被评查案卷（件）': 3,
      '评查优秀（件）': 1,
      '评查合格（件）': 1,
      '评查不合格（件）': 1,
      '评查发现问题（项）': 5,
      '评查问题已整改（件）': 1,
    });
  });
});
