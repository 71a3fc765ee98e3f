import { Logger } from '@nestjs/common';
import { HostedWorker } from '../src';

describe('a hosted Temporal worker', () => {
  it('refuses to start without the workflow bundle the build makes, naming the file and the command', async () => {
    const worker = new HostedWorker(new Logger('test'));
    await expect(
      worker.start({
        // Never contacted: the bundle is checked first.
        address: '127.0.0.1:1',
        namespace: 'default',
        taskQueue: 'nowhere',
        workflowBundlePath: '/nonexistent/bundles/case.js',
        activities: {},
      }),
    ).rejects.toThrow('no workflow bundle at /nonexistent/bundles/case.js: run `npm run build` first');
    expect(worker.state()).toBe('INITIALIZED');
  });
});
