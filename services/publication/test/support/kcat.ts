import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kcatExecutable } from '@lep/testing';

const run = promisify(execFile);

export interface KcatMessage {
  key: string;
  value: string;
  headers: string;
}

/** Reads a whole topic with kcat, a Kafka client we did not write. */
export async function readWithKcat(brokers: string[], topic: string): Promise<KcatMessage[]> {
  const { stdout } = await run(
    kcatExecutable(),
    ['-b', brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k\\t%h\\t%s\\n'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [key, headers, ...value] = line.split('\t');
      return { key, headers, value: value.join('\t') };
    });
}
