// Usage (in the image build, at the repository root): node deploy/production-deps.js <service>
// Leaves the tree with what services/<service> runs with and nothing else: the workspaces it depends on (followed
// through `dependencies`, never `devDependencies`), their production packages, and no test or tool workspace —
// so no embedded PostgreSQL binaries, Temporal testing server, jest or TypeScript in a production image.
// npm keeps every workspace's devDependencies (a workspace is a package of its own), so they are dropped from the
// manifests before `npm prune --omit=dev`, which then removes whatever only they and the other workspaces used.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = process.cwd();
const service = process.argv[2];
if (!service || !existsSync(path.join(root, 'services', service, 'package.json'))) {
  console.error(
    `usage: node deploy/production-deps.js <service> (one of: ${readdirSync('services').join(', ')})`,
  );
  process.exit(2);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const manifest = readJson(path.join(root, 'package.json'));

/** Workspace folder by package name, from the root's `workspaces` patterns (`dir/*` or a folder). */
const workspaces = new Map();
for (const pattern of manifest.workspaces) {
  const folders = pattern.endsWith('/*')
    ? readdirSync(pattern.slice(0, -2)).map((name) => path.join(pattern.slice(0, -2), name))
    : [pattern];
  for (const folder of folders)
    if (existsSync(path.join(root, folder, 'package.json')))
      workspaces.set(readJson(path.join(root, folder, 'package.json')).name, folder);
}

/** The service's workspace and every workspace its production dependencies reach. */
const kept = new Set();
const visit = (folder) => {
  if (kept.has(folder)) return;
  kept.add(folder);
  for (const name of Object.keys(readJson(path.join(root, folder, 'package.json')).dependencies ?? {}))
    if (workspaces.has(name)) visit(workspaces.get(name));
};
visit(path.join('services', service));

for (const folder of workspaces.values()) {
  if (!kept.has(folder)) {
    rmSync(path.join(root, folder), { recursive: true, force: true });
    continue;
  }
  const file = path.join(root, folder, 'package.json');
  const { devDependencies: _dropped, ...rest } = readJson(file);
  writeFileSync(file, JSON.stringify(rest, null, 2) + '\n');
}
const { devDependencies: _rootDev, ...rootRest } = manifest;
writeFileSync(
  path.join(root, 'package.json'),
  JSON.stringify({ ...rootRest, workspaces: [...kept].sort() }, null, 2) + '\n',
);

const prune = spawnSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(prune.status ?? 1);
