import { RequestMethod, SetMetadata, type DynamicModule } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, ServiceDescription } from './openapi';

const DYNAMIC_STATUSES_KEY = 'lep:http:dynamic-statuses';

/**
 * The handler sets these success statuses itself (through `@Res({ passthrough: true })`), besides the one Nest
 * answers by default; the OpenAPI document must list them all.
 */
export function DynamicStatus(...statuses: number[]): MethodDecorator {
  return SetMetadata(DYNAMIC_STATUSES_KEY, statuses);
}

/**
 * Where the OpenAPI document and the routes disagree on success statuses: a status a route answers that the
 * document does not list, or a listed one it never answers (e.g. 200 documented for a POST that answers 201).
 * Operations are matched by their operationId, `<Controller>_<method>`, as @nestjs/swagger names them.
 */
export async function documentedStatusProblems(
  rootModule: DynamicModule,
  service: ServiceDescription,
): Promise<string[]> {
  const app = await NestFactory.create(rootModule, { preview: true, logger: false, abortOnError: false });
  try {
    const documented = documentedSuccessStatuses(buildOpenApiDocument(app, service));
    const problems: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          const statuses = documented.get(`${controller.name}_${name}`);
          if (method === undefined || !statuses) continue;
          const answered = new Set<number>([
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
              (method === RequestMethod.POST ? 201 : 200),
            ...((Reflect.getMetadata(DYNAMIC_STATUSES_KEY, handler) as number[] | undefined) ?? []),
          ]);
          const operation = `${controller.name}_${name}`;
          for (const status of answered)
            if (!statuses.has(status)) problems.push(`${operation} answers ${status}, not documented`);
          for (const status of statuses)
            if (!answered.has(status)) problems.push(`${operation} documents ${status}, never answers it`);
        }
      }
    }
    return problems.sort();
  } finally {
    await app.close();
  }
}

function documentedSuccessStatuses(document: OpenAPIObject): Map<string, Set<number>> {
  const statuses = new Map<string, Set<number>>();
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Array<{
      operationId?: string;
      responses?: object;
    }>) {
      if (!operation?.operationId || !operation.responses) continue;
      const success = Object.keys(operation.responses)
        .filter((code) => /^2\d\d$/.test(code))
        .map(Number);
      statuses.set(operation.operationId, new Set(success));
    }
  }
  return statuses;
}
