import { runDepsAudit } from './program';

/**
 * `npm run audit:offline -- <advisory-database>`: what `npm audit --omit=dev` reports, computed from a local copy of
 * the GitHub Advisory Database for machines that cannot reach the npm advisory service.
 */
void runDepsAudit(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
