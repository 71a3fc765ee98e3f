import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_TOPICS } from '../src';

const doc = readFileSync(path.resolve(__dirname, '../../../docs/topics.md'), 'utf8');
const documentedRows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `lep.'))
  .map((line) => line.split('|').map((cell) => cell.trim()));

describe('docs/topics.md', () => {
  it('documents exactly the topics the contracts declare', () => {
    expect(documentedRows.map((row) => row[1].replace(/`/g, '')).sort()).toEqual(
      ALL_TOPICS.map((topic) => topic.name).sort(),
    );
  });

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s: partitions and key match',
    (name, topic) => {
      const row = documentedRows.find((cells) => cells[1] === `\`${name}\``);
      expect(row?.[2]).toBe(String(topic.partitions));
      expect(row?.[3]).toBe(`\`${topic.key}\``);
    },
  );
});
