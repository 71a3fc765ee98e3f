import { Logger } from '@nestjs/common';
import { testDataConverter } from '@lep/testing';
import { HostedWorker, workflowCode } from '../src';

describe('a hosted Temporal worker', () => {
  it('refuses to start without the workflow bundle the build makes, naming the file and the command', async () => {
    const worker = new HostedWorker(new Logger('test'));
    await expect(
      worker.start({
        // Never contacted: the bundle is checked first.
        address: '127.0.0.1:1',
        namespace: 'default',
        taskQueue: 'nowhere',
        workflows: {
          bundlePath: '/nonexistent/bundles/case.js',
          tracedBundlePath: '/nonexistent/bundles/case.traced.js',
        },
        activities: {},
        dataConverter: testDataConverter(),
      }),
    ).rejects.toThrow('no workflow bundle at /nonexistent/bundles/case.js: run `npm run build` first');
    expect(worker.state()).toBe('INITIALIZED');
  });

  it('loads the build bundles when running built code and bundles the sources when running TypeScript', () => {
    expect(workflowCode('/app/workflows/dist/index.js', 'publication', 'publication')).toEqual({
      bundlePath: '/app/workflows/dist/bundles/publication.js',
      tracedBundlePath: '/app/workflows/dist/bundles/publication.traced.js',
    });
    expect(workflowCode('/app/workflows/dist/index.js', '', 'case')).toEqual({
      bundlePath: '/app/workflows/dist/bundles/case.js',
      tracedBundlePath: '/app/workflows/dist/bundles/case.traced.js',
    });
    expect(workflowCode('/repo/workflows/src/index.ts', 'statistics', 'statistics')).toEqual({
      sourcePath: '/repo/workflows/src/statistics',
    });
  });
});
