import { documentedStatusProblems, readCommittedOpenApi } from '@lep/nest-kit';
import { ensureCjkFonts } from '@lep/testing';
import { offlineRootModule, renderServiceOpenApi } from '../src/openapi';
import { SERVICE } from '../src/service';

describe('documents OpenAPI', () => {
  it('matches the committed docs/api/documents.json (run `npm run openapi` after changing the API)', async () => {
    // The configuration checks its font files exist, also when only the API description is rendered.
    ensureCjkFonts();
    expect(await renderServiceOpenApi()).toBe(readCommittedOpenApi(SERVICE));
  });

  it('documents exactly the success statuses each route answers', async () => {
    ensureCjkFonts();
    expect(await documentedStatusProblems(offlineRootModule(), SERVICE)).toEqual([]);
  });
});
