// helm, kubeconform and the Kubernetes JSON schemas for the chart test, built on first use into a cache outside
// the repository (LEP_TOOLS_CACHE, default ~/.cache/lep/tools) from the Go module proxy: the binaries with
// `go install`, the schemas from the OpenAPI document in the k8s.io/kubernetes module (`go mod download`).
// Nothing here is committed; a fresh machine needs Go and the module proxy, nothing else.
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubernetesJsonSchemas, SwaggerDocument } from './kubernetes-json-schemas';

/** Pinned, so every machine validates with the same tools against the same API. */
export const KUBE_TOOLS = {
  helm: { module: 'helm.sh/helm/v4/cmd/helm', version: 'v4.3.2' },
  kubeconform: { module: 'github.com/yannh/kubeconform/cmd/kubeconform', version: 'v0.8.0' },
  /** The Kubernetes release whose API the manifests are checked against (LEP_KUBERNETES_VERSION overrides). */
  kubernetes: { module: 'k8s.io/kubernetes', version: process.env.LEP_KUBERNETES_VERSION ?? 'v1.34.3' },
} as const;

export function toolsCache(): string {
  return process.env.LEP_TOOLS_CACHE ?? path.join(os.homedir(), '.cache', 'lep', 'tools');
}

function progress(message: string): void {
  process.stderr.write(`lep tools: ${message}\n`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error)
    throw new Error(
      `${command} could not run (${result.error.message})${command === 'go' ? ': the chart test builds its tools with Go, which this machine kind preinstalls' : ''}`,
    );
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${String(result.stderr)}`);
  return String(result.stdout);
}

/**
 * Builds into a temporary folder beside `target` and renames it into place when complete, so an interrupted
 * build or a second session building at the same time never leaves a half-made tool behind.
 */
function buildOnce(target: string, build: (into: string) => void): string {
  if (existsSync(target)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  const scratch = mkdtempSync(`${target}.partial-`);
  try {
    build(scratch);
    if (!existsSync(target)) renameSync(scratch, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}

/** The path of `helm` or `kubeconform`, built with `go install` the first time. */
export function kubeTool(name: 'helm' | 'kubeconform'): string {
  const { module, version } = KUBE_TOOLS[name];
  const dir = buildOnce(path.join(toolsCache(), `${name}-${version}`), (into) => {
    progress(
      `building ${name} ${version} with go install ${module}@${version} (first use${name === 'helm' ? '; about four minutes on 2 cores' : ''})`,
    );
    const started = Date.now();
    // stderr is inherited: go prints what it downloads and builds, which is the progress.
    run('go', ['install', `${module}@${version}`], {
      env: { ...process.env, GOBIN: into, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    progress(`${name} ${version} built in ${Math.round((Date.now() - started) / 1000)} s`);
  });
  return path.join(dir, name);
}

/**
 * A folder of strict JSON schemas for the pinned Kubernetes release, one file per kind, converted from
 * api/openapi-spec/swagger.json of the k8s.io/kubernetes module (the module zip the Go proxy serves holds the
 * whole repository's API description).
 */
export function kubernetesSchemas(): string {
  const { module, version } = KUBE_TOOLS.kubernetes;
  return buildOnce(
    path.join(toolsCache(), 'kubernetes-json-schema', `${version}-standalone-strict`),
    (into) => {
      progress(`downloading ${module}@${version} from the Go module proxy for its OpenAPI document`);
      const workDir = mkdtempSync(path.join(os.tmpdir(), 'lep-k8s-openapi-'));
      try {
        const download = JSON.parse(
          run('go', ['mod', 'download', '-json', `${module}@${version}`], {
            cwd: workDir,
            env: { ...process.env, GOFLAGS: '-mod=mod' },
          }),
        ) as { Dir?: string; Error?: string };
        if (!download.Dir)
          throw new Error(`go mod download ${module}@${version}: ${download.Error ?? 'no Dir'}`);
        const document = JSON.parse(
          readFileSync(path.join(download.Dir, 'api', 'openapi-spec', 'swagger.json'), 'utf8'),
        ) as SwaggerDocument;
        const schemas = kubernetesJsonSchemas(document);
        for (const [file, schema] of schemas) writeFileSync(path.join(into, file), JSON.stringify(schema));
        progress(`wrote ${schemas.size} schemas for Kubernetes ${version}`);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
  );
}

export interface KubeconformResource {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status: 'statusValid' | 'statusInvalid' | 'statusError' | 'statusSkipped' | 'statusEmpty';
  msg?: string;
  validationErrors?: { path: string; msg: string }[];
}

export interface KubeconformReport {
  resources: KubeconformResource[];
  summary: { valid: number; invalid: number; errors: number; skipped: number };
}

/** Validates a stream of manifests strictly, against the local schemas only (a kind without a schema is an error). */
export function kubeconform(manifests: string): KubeconformReport {
  const result = spawnSync(
    kubeTool('kubeconform'),
    [
      '-strict',
      '-summary',
      '-verbose',
      '-output',
      'json',
      '-schema-location',
      path.join(kubernetesSchemas(), '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
      '-',
    ],
    { input: manifests, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (result.error) throw result.error;
  // Exit 1 means invalid resources, which the report lists; anything it cannot report is thrown.
  try {
    return JSON.parse(result.stdout) as KubeconformReport;
  } catch {
    throw new Error(`kubeconform gave no report (exit ${result.status}): ${result.stderr}`);
  }
}

/** `helm template` of the chart with the given values files, as one YAML stream. */
export function helmTemplate(chart: string, valuesFiles: string[], release = 'lep'): string {
  return run(kubeTool('helm'), [
    'template',
    release,
    chart,
    '--namespace',
    'lep',
    ...valuesFiles.flatMap((file) => ['--values', file]),
  ]);
}

/** `helm lint --strict`: template errors and chart metadata. */
export function helmLint(chart: string, valuesFiles: string[]): string {
  return run(kubeTool('helm'), [
    'lint',
    '--strict',
    chart,
    ...valuesFiles.flatMap((file) => ['--values', file]),
  ]);
}
