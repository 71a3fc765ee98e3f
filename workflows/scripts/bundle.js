// Bundles each task queue's workflows once, at build time, into dist/bundles/<name>.js and, with the workflow
// tracing interceptors, <name>.traced.js: a worker then loads a file instead of running webpack at every start
// (docs/operations.md), the traced one only when its process records traces (@lep/nest-kit, hosted-worker.ts).
// `npm run build` calls this after tsc; it rebundles only when the compiled code it bundles (this package's dist
// and that of the @lep packages it uses) or the Temporal SDK changed.
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BUNDLES = path.join(DIST, 'bundles');
const STAMP = path.join(BUNDLES, 'inputs.sha256');
/** Bundle name → the compiled folder whose index exports that worker's workflows. */
const ENTRIES = { case: '.', publication: 'publication', statistics: 'statistics' };
/** The workflow side of Temporal tracing, in the traced bundles. */
const TRACING = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');
/** Each bundle without the tracing interceptors, and with them. */
const VARIANTS = [
  { suffix: '', interceptors: [] },
  { suffix: '.traced', interceptors: [TRACING] },
];
/** Failure messages encoded (then encrypted by the codec) inside the sandbox as by the worker around it. */
const { FAILURE_CONVERTER_PATH } = require('@lep/temporal-codec');
const QUIET = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };

/** This package and every @lep package it depends on, directly or not. */
function packageDirs(dir, seen = new Set()) {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies).filter((dependency) => dependency.startsWith('@lep/')))
    packageDirs(path.dirname(require.resolve(`${name}/package.json`, { paths: [dir] })), seen);
  return seen;
}

function* compiledFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && file !== BUNDLES) yield* compiledFiles(file);
    else if (entry.isFile() && entry.name.endsWith('.js')) yield file;
  }
}

function inputsDigest() {
  const hash = createHash('sha256');
  hash.update(require('@temporalio/worker/package.json').version);
  hash.update(require('@temporalio/interceptors-opentelemetry/package.json').version);
  for (const dir of [...packageDirs(ROOT)].sort())
    for (const file of compiledFiles(path.join(dir, 'dist')))
      hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex');
}

async function main() {
  const digest = inputsDigest();
  const fresh =
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === digest &&
    Object.keys(ENTRIES).every((name) =>
      VARIANTS.every(({ suffix }) => existsSync(path.join(BUNDLES, `${name}${suffix}.js`))),
    );
  if (fresh) return;
  mkdirSync(BUNDLES, { recursive: true });
  for (const [name, folder] of Object.entries(ENTRIES))
    for (const { suffix, interceptors } of VARIANTS) {
      const { code } = await bundleWorkflowCode({
        workflowsPath: path.join(DIST, folder),
        workflowInterceptorModules: interceptors,
        failureConverterPath: FAILURE_CONVERTER_PATH,
        logger: QUIET,
      });
      writeFileSync(path.join(BUNDLES, `${name}${suffix}.js`), code);
    }
  writeFileSync(STAMP, digest);
}

main().catch((error) => {
  console.error(`workflow bundles failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
