import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  alive,
  descendants,
  Peers,
  startPeers,
  startTimeSkippingTemporal,
  TimeSkippingTemporal,
} from '../src';

/** The Temporal peer is the real server (the CLI's dev server) and answers the SDK client as Temporal does. */
describe('Temporal peer', () => {
  let peers: Peers;

  beforeAll(async () => {
    peers = await startPeers({ temporal: true });
  });

  afterAll(() => peers.stop());

  it('says in one line that it is the dev server, and where', () => {
    expect(peers.describe()).toEqual([
      expect.stringMatching(/^Temporal: dev server \(temporal server start-dev\) at 127\.0\.0\.1:\d+$/),
    ]);
  });

  it('runs a workflow started by the SDK client, with LEP’s search attributes, and lists it by them', async () => {
    const connection = await Connection.connect({ address: peers.temporalAddress });
    try {
      const client = new Client({ connection });
      const handle = await client.workflow.start('harnessProbe', {
        taskQueue: 'harness-test',
        workflowId: 'harness-probe',
        searchAttributes: { LepStage: ['filing'], LepMajor: [true] },
      });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      const deadline = Date.now() + 20_000;
      let found: string[] = [];
      while (found.length === 0 && Date.now() < deadline) {
        found = [];
        for await (const workflow of client.workflow.list({
          query: 'LepStage = "filing" AND LepMajor = true',
        }))
          found.push(workflow.workflowId);
      }
      expect(found).toEqual(['harness-probe']);
      await handle.terminate('probe done');
      expect((await handle.describe()).status.name).toBe('TERMINATED');
    } finally {
      await connection.close();
    }
  });

  it('uses a server named by TEMPORAL_ADDRESS as it is, and leaves it running', async () => {
    const external = await startPeers({ temporal: { address: peers.temporalAddress } });
    expect(external.describe()).toEqual([
      `Temporal: external at ${peers.temporalAddress}, namespace default`,
    ]);
    await external.stop();
    const connection = await Connection.connect({ address: peers.temporalAddress });
    await connection.close();
  });

  it('gives a project sharing the server a namespace of its own, with LEP’s search attributes', async () => {
    const shared = await startPeers({ temporal: { address: peers.temporalAddress, ownNamespace: true } });
    expect(shared.temporalNamespace).toMatch(/^lep-test-[0-9a-f]{8}$/);
    const connection = await Connection.connect({ address: peers.temporalAddress });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace: shared.temporalNamespace,
      });
      expect(Object.keys(customAttributes ?? {})).toEqual(
        expect.arrayContaining(['LepAgency', 'LepStage', 'LepCategory', 'LepMajor', 'LepNextDeadline']),
      );
    } finally {
      await connection.close();
      await shared.stop();
    }
  });
});

/** Temporal's own time-skipping test server: a virtual clock that starts where the test says. */
describe('time-skipping Temporal', () => {
  let temporal: TimeSkippingTemporal;
  let env: TestWorkflowEnvironment;
  const NEW_YEAR = new Date('2026-01-01T10:00:00+08:00');

  beforeAll(async () => {
    temporal = await startTimeSkippingTemporal({ startTime: NEW_YEAR });
    env = temporal.env;
  });

  afterAll(() => temporal?.stop());

  it('starts its clock at the given instant and holds it until the test moves it', async () => {
    const start = await env.currentTimeMs();
    expect(start - NEW_YEAR.getTime()).toBeGreaterThanOrEqual(0);
    expect(start - NEW_YEAR.getTime()).toBeLessThan(60_000);
    await env.sleep('3 days');
    expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(3 * 24 * 3600_000);
    expect((await env.currentTimeMs()) - start).toBeLessThan(3 * 24 * 3600_000 + 60_000);
  });

  it('knows LEP’s search attributes', async () => {
    const handle = await env.client.workflow.start('harnessProbe', {
      taskQueue: 'harness-test',
      workflowId: 'time-skipping-probe',
      searchAttributes: { LepAgency: ['BT01'], LepNextDeadline: [NEW_YEAR] },
    });
    expect((await handle.describe()).searchAttributes).toMatchObject({ LepAgency: ['BT01'] });
    await handle.terminate('probe done');
  });

  it('is gone once stopped', async () => {
    const before = descendants(process.pid);
    const other = await startTimeSkippingTemporal();
    const servers = descendants(process.pid).filter((pid) => !before.includes(pid));
    expect(servers.length).toBeGreaterThan(0);
    await other.stop();
    const deadline = Date.now() + 10_000;
    while (servers.some(alive) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(servers.filter(alive)).toEqual([]);
  });
});
