import { Client, Connection } from '@temporalio/client';
import { Peers, startPeers } from '../src';

/** The embedded Temporal peer answers the real SDK client as a Temporal frontend does. */
describe('embedded Temporal peer', () => {
  let peers: Peers;

  beforeAll(async () => {
    peers = await startPeers({ temporal: { timeSkipping: false } });
  });

  afterAll(() => peers.stop());

  it('says in one line that it is the embedded test server, and in which clock mode', () => {
    expect(peers.describe()).toEqual([
      expect.stringMatching(
        /^Temporal: LEP's own test server \(TEMPORAL_ADDRESS not set\) at 127\.0\.0\.1:\d+, real time$/,
      ),
    ]);
  });

  it('accepts a workflow from the SDK client and reports it running', async () => {
    const connection = await Connection.connect({ address: peers.temporalAddress });
    try {
      const client = new Client({ connection });
      const handle = await client.workflow.start('harnessProbe', {
        taskQueue: 'harness-test',
        workflowId: 'harness-probe',
      });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('probe done');
      expect((await handle.describe()).status.name).toBe('TERMINATED');
    } finally {
      await connection.close();
    }
  });

  it('uses a server named by TEMPORAL_ADDRESS as it is, and leaves it running', async () => {
    const external = await startPeers({ temporal: { address: peers.temporalAddress } });
    expect(external.describe()).toEqual([`Temporal: external at ${peers.temporalAddress}`]);
    await external.stop();
    const connection = await Connection.connect({ address: peers.temporalAddress });
    await connection.close();
  });
});
