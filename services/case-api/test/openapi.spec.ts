import { documentedStatusProblems, readCommittedOpenApi } from '@lep/nest-kit';
import { offlineRootModule, renderServiceOpenApi } from '../src/openapi';
import { SERVICE } from '../src/service';

describe('case-api OpenAPI', () => {
  it('matches the committed docs/api/case-api.json (run `npm run openapi` after changing the API)', async () => {
    expect(await renderServiceOpenApi()).toBe(readCommittedOpenApi(SERVICE));
  });

  it('documents exactly the success statuses each route answers', async () => {
    expect(await documentedStatusProblems(offlineRootModule(), SERVICE)).toEqual([]);
  });
});
