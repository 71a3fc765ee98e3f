import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export interface ServiceDescription {
  /** Short service name, e.g. `registry`; also names the committed spec `docs/api/<name>.json`. */
  name: string;
  title: string;
  description: string;
  version: string;
}

export function buildOpenApiDocument(app: INestApplication, service: ServiceDescription): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(service.title)
    .setDescription(service.description)
    .setVersion(service.version)
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'apiKey')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at /api/docs and the JSON at /api/docs-json. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
