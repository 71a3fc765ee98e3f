// JSON schemas for kubeconform from the Kubernetes OpenAPI (Swagger 2.0) document, the way the schemas kubeconform
// downloads by default are made (openapi2jsonschema --kubernetes --expanded --stand-alone --strict), written here
// because this machine reaches no download site: one self-contained file per kind and API version, named as
// kubeconform looks them up, with every object closed to unknown fields (strict).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface SwaggerDocument {
  definitions: Record<string, Schema>;
}

const DEFINITION_REF = '#/definitions/';

/** Two types whose wire form is looser than their OpenAPI shape, as every Kubernetes tool accepts them. */
const LOOSENED: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  // `cpu: 1` and `memory: 512Mi` alike; the API itself takes numbers too.
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

function isSchema(value: Json | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file kubeconform reads for a kind: `{{ .ResourceKind }}{{ .KindSuffix }}.json`, e.g. deployment-apps-v1.json. */
export function schemaFileName({ group, version, kind }: GroupVersionKind): string {
  const groupPart = group === '' ? '' : `-${group.split('.')[0]!.toLowerCase()}`;
  return `${kind.toLowerCase()}${groupPart}-${version.toLowerCase()}.json`;
}

/**
 * Closes every object that lists its properties (`additionalProperties: false`), so a misspelt or misplaced field
 * is an error, and lets optional fields be null, as the API server treats an explicit null as absent.
 */
function strict(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!isSchema(schema)) return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema))
    result[key] =
      key === 'properties' && isSchema(value) ? strictProperties(value, schema.required) : strict(value);
  if (isSchema(schema.properties) && !('additionalProperties' in schema)) result.additionalProperties = false;
  return result;
}

function strictProperties(properties: Schema, required: Json | undefined): Schema {
  const requiredNames = Array.isArray(required) ? required : [];
  const result: Schema = {};
  for (const [name, property] of Object.entries(properties)) {
    const closed = strict(property);
    result[name] =
      isSchema(closed) && typeof closed.type === 'string' && !requiredNames.includes(name)
        ? { ...closed, type: [closed.type, 'null'] }
        : closed;
  }
  return result;
}

function referencedNames(schema: Json, into: Set<string>): void {
  if (Array.isArray(schema)) for (const item of schema) referencedNames(item, into);
  else if (isSchema(schema))
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFINITION_REF))
        into.add(value.slice(DEFINITION_REF.length));
      else referencedNames(value, into);
    }
}

/** Every definition a schema reaches through `$ref`, transitively (recursive types are visited once). */
function closure(root: Schema, definitions: Record<string, Schema>): string[] {
  const seen = new Set<string>();
  const pending = new Set<string>();
  referencedNames(root, pending);
  while (pending.size > 0) {
    const [name] = pending;
    pending.delete(name!);
    if (seen.has(name!)) continue;
    seen.add(name!);
    const definition = definitions[name!];
    if (!definition) throw new Error(`the OpenAPI document refers to ${name}, which it does not define`);
    const next = new Set<string>();
    referencedNames(definition, next);
    for (const reached of next) if (!seen.has(reached)) pending.add(reached);
  }
  return [...seen].sort();
}

/** Every top-level kind of the document, by the file name kubeconform looks it up under. */
export function kubernetesJsonSchemas(document: SwaggerDocument): Map<string, Schema> {
  const definitions: Record<string, Schema> = {};
  for (const [name, definition] of Object.entries(document.definitions))
    definitions[name] = (LOOSENED[name] ?? strict(definition)) as Schema;
  const files = new Map<string, Schema>();
  for (const [name, definition] of Object.entries(document.definitions)) {
    const kinds = definition['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds)) continue;
    const needed = closure(definitions[name]!, definitions);
    for (const gvk of kinds as unknown as GroupVersionKind[]) {
      const schema: Schema = { ...definitions[name]!, $schema: 'http://json-schema.org/draft-07/schema#' };
      const properties = isSchema(schema.properties) ? { ...schema.properties } : undefined;
      // A manifest names exactly this kind and version: anything else is the wrong schema.
      if (properties && isSchema(properties.apiVersion))
        properties.apiVersion = {
          ...properties.apiVersion,
          enum: [gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`],
        };
      if (properties && isSchema(properties.kind)) properties.kind = { ...properties.kind, enum: [gvk.kind] };
      if (properties) schema.properties = properties;
      schema.definitions = Object.fromEntries(needed.map((reached) => [reached, definitions[reached]!]));
      files.set(schemaFileName(gvk), schema);
    }
  }
  return files;
}
