import type { DynamicModule } from '@nestjs/common';
import { loadConfig, OFFLINE_ENV, renderOpenApi, writeCommittedOpenApi } from '@lep/nest-kit';
import { EvidenceConfig } from './config';
import { EvidenceModule } from './evidence.module';
import { SERVICE } from './service';

/** The service's root module with a valid environment pointing nowhere, for rendering and checking its API. */
export function offlineRootModule(): DynamicModule {
  return EvidenceModule.forRoot(loadConfig(EvidenceConfig, OFFLINE_ENV));
}

/** This service's OpenAPI document, rendered without connecting to anything. */
export function renderServiceOpenApi(): Promise<string> {
  return renderOpenApi(offlineRootModule(), SERVICE);
}

// `npm run openapi` runs this file to rewrite the committed spec after an API change.
if (require.main === module) {
  void renderServiceOpenApi().then((document) => writeCommittedOpenApi(SERVICE, document));
}
