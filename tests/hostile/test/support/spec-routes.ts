import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from './stack';

const API_DOCS = path.resolve(__dirname, '../../../../docs/api');

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/** One operation of a service's committed OpenAPI document. */
export interface SpecRoute {
  service: ServiceName;
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/cases/{caseId}`. */
  template: string;
  /** `registry GET /api/v1/agencies/{code}`: how the route table and the test names refer to it. */
  key: string;
  parameters: Parameter[];
  /** `application/json` or `multipart/form-data`, when the operation takes a body. */
  bodyType?: string;
  /** The body's schema with every `$ref` resolved. */
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

function resolver(document: OpenApiDocument) {
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 8) return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved ${schema.$ref}`);
      return resolve(target, depth + 1);
    }
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0], depth + 1);
    return {
      ...schema,
      ...(schema.properties
        ? {
            properties: Object.fromEntries(
              Object.entries(schema.properties).map(([name, value]) => [name, resolve(value, depth + 1)]),
            ),
          }
        : {}),
      ...(schema.items ? { items: resolve(schema.items, depth + 1) } : {}),
    };
  };
  return resolve;
}

/** Every operation of one service, read from docs/api/<service>.json (the spec a test keeps true). */
export function specRoutes(service: ServiceName): SpecRoute[] {
  const document = JSON.parse(
    readFileSync(path.join(API_DOCS, `${service}.json`), 'utf8'),
  ) as OpenApiDocument;
  const resolve = resolver(document);
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]): SpecRoute => {
      const content = operation.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0];
      return {
        service,
        method: method.toUpperCase(),
        template,
        key: `${service} ${method.toUpperCase()} ${template}`,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          required: Boolean(parameter.required),
          schema: resolve(parameter.schema ?? {}),
        })),
        ...(bodyType ? { bodyType, body: resolve(content[bodyType].schema) } : {}),
      };
    }),
  );
}
