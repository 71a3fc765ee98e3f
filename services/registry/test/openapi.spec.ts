import { readCommittedOpenApi } from '@lep/nest-kit';
import { renderServiceOpenApi } from '../src/openapi';
import { SERVICE } from '../src/service';

describe('registry OpenAPI', () => {
  it('matches the committed docs/api/registry.json (run `npm run openapi` after changing the API)', async () => {
    expect(await renderServiceOpenApi()).toBe(readCommittedOpenApi(SERVICE));
  });
});
