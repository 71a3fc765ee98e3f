// Renders the Helm chart (deploy/helm/lep) with helm itself, for the default values and a production-like values
// file, and checks every manifest against the Kubernetes API schemas with kubeconform (strict: unknown fields are
// errors), then checks the rendered environment against the services' own config classes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@lep/nest-kit';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './compose-file';
import { helmLint, helmTemplate, kubeconform, kubernetesSchemas, kubeTool } from './support/kube-tools';
import { LEP_SERVICES, validatedVariables } from './service-configs';

const CHART = join(REPO_ROOT, 'deploy', 'helm', 'lep');
const VALUES: Record<string, string[]> = {
  default: [],
  production: [join(CHART, 'ci', 'production-values.yaml')],
};
/** The services scaled by load: Kafka consumers and Temporal workers. */
const AUTOSCALED = ['worker', 'publication', 'statistics'];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string } }[];
  env?: EnvVar[];
  securityContext?: Record<string, unknown>;
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    template?: {
      metadata?: { annotations?: Record<string, string> };
      spec: { containers: Container[]; securityContext?: Record<string, unknown> };
    };
    scaleTargetRef?: { name: string };
    selector?: { matchLabels?: Record<string, string> };
    rules?: { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
  };
}

function manifestsOf(stream: string): Manifest[] {
  return parseAllDocuments(stream)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function byKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.kind === kind);
}

/** A stand-in for each value the cluster supplies from a Secret, in the form the service validates. */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgres://lep_service:from-the-secret@postgres.internal:5432/lep_service',
  KAFKA_SASL_USERNAME: 'lep-service',
  KAFKA_SASL_PASSWORD: 'from-the-secret',
  S3_ACCESS_KEY: 'from-the-secret',
  S3_SECRET_KEY: 'from-the-secret',
  AUTH_JWT_SECRET: 'a-development-secret-of-at-least-32-characters',
  REGISTRY_API_KEY: 'lep_0123456789abcdef_from-the-secret',
  PUBLICATION_UPSTREAM_TOKEN: 'from-the-secret',
  METRICS_TOKEN: 'a-scrape-token-from-the-secret',
  TEMPORAL_PAYLOAD_KEYS: `2026-12:${Buffer.alloc(32, 7).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEY_ID: '2026-12',
};

// Building helm (a few minutes on 2 cores) and converting the schemas happen once per machine.
beforeAll(() => {
  kubeTool('helm');
  kubeTool('kubeconform');
  kubernetesSchemas();
}, 20 * 60_000);

describe.each(Object.keys(VALUES))('the chart with the %s values', (valuesName) => {
  let stream: string;
  let manifests: Manifest[];

  beforeAll(() => {
    stream = helmTemplate(CHART, VALUES[valuesName]!);
    manifests = manifestsOf(stream);
  });

  it('passes helm lint --strict', () => {
    expect(helmLint(CHART, VALUES[valuesName]!)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('is valid against the Kubernetes API schemas, every manifest, with unknown fields refused', () => {
    const report = kubeconform(stream);
    const problems = report.resources
      .filter((resource) => resource.status !== 'statusValid')
      .map((resource) => ({
        resource: `${resource.kind}/${resource.name}`,
        status: resource.status,
        msg: resource.msg,
        errors: resource.validationErrors,
      }));
    expect(problems).toEqual([]);
    expect(report.summary).toEqual({ valid: manifests.length, invalid: 0, errors: 0, skipped: 0 });
  });

  it('runs each service as a Deployment with a Service, a ConfigMap and a PodDisruptionBudget, and scales the consumers', () => {
    const deployed = byKind(manifests, 'Deployment').map((manifest) => manifest.metadata.name);
    const services = Object.keys(LEP_SERVICES).map((service) => `lep-${service}`);
    expect(deployed.sort()).toEqual([...services].sort());
    for (const kind of ['Service', 'ConfigMap', 'PodDisruptionBudget'])
      expect(
        byKind(manifests, kind)
          .map((manifest) => manifest.metadata.name)
          .sort(),
      ).toEqual([...services].sort());
    const scaled = byKind(manifests, 'HorizontalPodAutoscaler').map((hpa) => hpa.spec!.scaleTargetRef!.name);
    expect(scaled).toEqual(expect.arrayContaining(AUTOSCALED.map((service) => `lep-${service}`)));
  });

  it.each(Object.keys(LEP_SERVICES))(
    'gives %s only variables its config class validates, and the service accepts the environment',
    (service) => {
      const deployment = byKind(manifests, 'Deployment').find(
        (manifest) => manifest.metadata.name === `lep-${service}`,
      )!;
      const container = deployment.spec!.template!.spec.containers[0]!;
      const configMapName = container.envFrom?.[0]?.configMapRef?.name;
      const configMap = byKind(manifests, 'ConfigMap').find(
        (manifest) => manifest.metadata.name === configMapName,
      );
      const env: Record<string, string> = { ...configMap?.data };
      for (const variable of container.env ?? []) {
        expect({ variable: variable.name, fromSecret: Boolean(variable.valueFrom?.secretKeyRef) }).toEqual({
          variable: variable.name,
          fromSecret: true,
        });
        env[variable.name] = SECRET_STAND_INS[variable.name] ?? 'unexpected';
      }
      const { config: configClass } = LEP_SERVICES[service]!;
      const unknown = Object.keys(env).filter(
        (variable) => !validatedVariables(configClass).includes(variable),
      );
      expect(unknown).toEqual([]);
      // Certificate files are mounted from Secrets in the cluster; here any readable file stands in.
      for (const variable of Object.keys(env)) if (variable.endsWith('_FILE')) env[variable] = __filename;
      const config = loadConfig(configClass, env) as { PORT: number };
      expect(config.PORT).toBe(container.ports[0]!.containerPort);
    },
  );

  it('runs every container unprivileged: non-root, read-only root filesystem, no escalation, no capabilities', () => {
    for (const deployment of byKind(manifests, 'Deployment')) {
      const pod = deployment.spec!.template!.spec;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of pod.containers)
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
    }
  });

  it('renders no Secret and no secret value: credentials come from existing Secrets by name', () => {
    expect(byKind(manifests, 'Secret')).toEqual([]);
    for (const configMap of byKind(manifests, 'ConfigMap'))
      expect(Object.keys(configMap.data ?? {}).filter((key) => key in SECRET_STAND_INS)).toEqual([]);
  });

  it('marks every pod for Prometheus to scrape /metrics on the service port', () => {
    for (const deployment of byKind(manifests, 'Deployment')) {
      const template = deployment.spec!.template!;
      expect(template.metadata?.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(template.spec.containers[0]!.ports[0]!.containerPort),
        'prometheus.io/path': '/metrics',
      });
    }
  });

  it('probes readiness (and start-up) on /health/ready and liveness on /health/live, on the service port', () => {
    for (const deployment of byKind(manifests, 'Deployment')) {
      const container = deployment.spec!.template!.spec.containers[0]!;
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http' })]);
      expect(container.startupProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    }
  });

  it('routes the portal host to publication public routes only, and each API host to its service', () => {
    const ingresses = byKind(manifests, 'Ingress');
    const portal = ingresses.find((ingress) => ingress.metadata.name === 'lep-portal')!;
    expect(portal.spec!.rules![0]!.http.paths.map((path) => [path.path, path.backend.service.name])).toEqual([
      ['/portal', 'lep-publication'],
      ['/api/v1/public', 'lep-publication'],
    ]);
    for (const ingress of ingresses.filter((candidate) => candidate !== portal))
      expect(ingress.spec!.rules![0]!.http.paths.map((path) => path.backend.service.name)).toEqual([
        ingress.metadata.name,
      ]);
  });
});

describe('the checks can fail', () => {
  it('kubeconform refuses an unknown field, a wrong type and a kind without a schema', () => {
    const report = kubeconform(
      [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: typo }\nspec:\n  replica: 2\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: c, image: i }] }',
        'apiVersion: v1\nkind: Service\nmetadata: { name: wrong-type }\nspec:\n  ports: [{ port: "http" }]',
        'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: no-schema }',
      ].join('\n---\n'),
    );
    const outcome = Object.fromEntries(report.resources.map((resource) => [resource.name, resource]));
    expect(outcome['typo']?.status).toBe('statusInvalid');
    expect(outcome['typo']?.msg).toContain("additional properties 'replica' not allowed");
    expect(outcome['wrong-type']?.status).toBe('statusInvalid');
    expect(outcome['no-schema']?.status).toBe('statusError');
  });

  it.each([
    [
      'both token trust sources',
      ['--set', 'auth.jwtSecret.secretName=lep-dev-jwt'],
      'set exactly one of auth.jwksUrl (production) and auth.jwtSecret.secretName (development), not both',
    ],
    [
      'Kafka SASL without a Kafka user per service',
      ['--set', 'kafka.sasl.mechanism=scram-sha-512'],
      'services.evidence.kafkaSaslSecret is required with kafka.sasl.mechanism',
    ],
    [
      'an identity provider without an API key for the worker',
      ['--set', 'services.worker.registryApiKeySecret='],
      'services.worker.registryApiKeySecret is required',
    ],
  ])('helm refuses values with %s, naming the value', (_case, args, message) => {
    const result = spawnSync(kubeTool('helm'), ['template', 'lep', CHART, ...args], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
