import { kubernetesJsonSchemas, schemaFileName } from './support/kubernetes-json-schemas';

const SWAGGER = {
  definitions: {
    'io.k8s.api.apps.v1.Deployment': {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    },
    'io.k8s.api.apps.v1.DeploymentSpec': {
      type: 'object',
      required: ['selector'],
      properties: {
        replicas: { type: 'integer', format: 'int32' },
        selector: { type: 'object', additionalProperties: { type: 'string' } },
        maxSurge: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
      },
    },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.api.core.v1.ConfigMap': {
      type: 'object',
      properties: { data: { type: 'object', additionalProperties: { type: 'string' } } },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
    },
    'io.k8s.api.unrelated.v1.Unused': { type: 'object', properties: { x: { type: 'string' } } },
  },
};

describe('Kubernetes JSON schemas from the OpenAPI document', () => {
  const schemas = kubernetesJsonSchemas(SWAGGER);

  it('names each kind as kubeconform looks it up', () => {
    expect([...schemas.keys()].sort()).toEqual(['configmap-v1.json', 'deployment-apps-v1.json']);
    expect(schemaFileName({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' })).toBe(
      'ingress-networking-v1.json',
    );
  });

  it('makes each file self-contained with the definitions it reaches, and nothing else', () => {
    const deployment = schemas.get('deployment-apps-v1.json')!;
    expect(Object.keys(deployment.definitions as object).sort()).toEqual([
      'io.k8s.api.apps.v1.DeploymentSpec',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    ]);
  });

  it('closes objects to unknown fields, lets optional fields be null, and pins apiVersion and kind', () => {
    const deployment = schemas.get('deployment-apps-v1.json');
    const at = (...keys: string[]): unknown =>
      keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], deployment);
    const spec = ['definitions', 'io.k8s.api.apps.v1.DeploymentSpec'];
    expect(at('additionalProperties')).toBe(false);
    expect(at('properties', 'apiVersion')).toEqual({ type: ['string', 'null'], enum: ['apps/v1'] });
    expect(at('properties', 'kind')).toEqual({ type: ['string', 'null'], enum: ['Deployment'] });
    expect(at(...spec, 'additionalProperties')).toBe(false);
    expect(at(...spec, 'properties', 'replicas', 'type')).toEqual(['integer', 'null']);
    // A required field stays non-null; a map keeps its own additionalProperties.
    expect(at(...spec, 'properties', 'selector')).toEqual({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(at('definitions', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toEqual({
      oneOf: [{ type: 'string' }, { type: 'integer' }],
    });
  });
});
