import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Comments cite the domain rules by their ids in docs/domain.md (`domain.md P7`, `domain.md §4`,
 * `domain.md L4–L7`, `domain.md L3a`): every id cited must be one the page defines, and nothing cites the old document outside the
 * repository ("DOMAIN §x").
 */
const root = path.resolve(__dirname, '../../..');
const domain = readFileSync(path.join(root, 'docs/domain.md'), 'utf8');
const defined = new Set([
  ...[...domain.matchAll(/^ *- \*\*([PRLT]\d+[a-z]?)\b/gm)].map((match) => match[1]),
  ...[...domain.matchAll(/^## (\d+)\. /gm)].map((match) => `§${match[1]}`),
]);

const ID = '[§PRLT]\\d+[a-z]?';
const CITATION = new RegExp(`domain\\.md (${ID}(?:\\s*(?:,|/|–|-)\\s*${ID})*)`, 'g');

/** The repository's tracked text files with their contents (docs/domain.md itself defines, never cites). */
function trackedSources(): { file: string; text: string }[] {
  return execFileSync(
    'git',
    ['ls-files', '-z', '--', '*.ts', '*.js', '*.mjs', '*.md', '*.yaml', '*.yml', '*.sh'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file && file !== 'docs/domain.md')
    .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));
}

describe('citations of docs/domain.md', () => {
  const sources = trackedSources();

  it('reads the ids the page defines', () => {
    expect([...defined]).toEqual(expect.arrayContaining(['P1', 'P11', 'R7', 'L3a', 'L8', 'T1', '§3', '§7']));
  });

  it('cite only ids the page defines', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(CITATION)].flatMap((match) =>
        match[1]
          .split(/\s*(?:,|\/|–|-)\s*/)
          .filter((id) => !defined.has(id))
          .map((id) => `${file}: ${id}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('never cite a domain document outside the repository', () => {
    const outside = sources
      .filter(({ text }) => /DOMAIN(\.md)? [§PRLT]\d/.test(text))
      .map(({ file }) => file);
    expect(outside).toEqual([]);
  });
});
