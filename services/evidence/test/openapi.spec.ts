import { readCommittedOpenApi } from '@lep/nest-kit';
import { renderServiceOpenApi } from '../src/openapi';
import { SERVICE } from '../src/service';

describe('evidence OpenAPI', () => {
  it('matches the committed docs/api/evidence.json (run `npm run openapi` after changing the API)', async () => {
    expect(await renderServiceOpenApi()).toBe(readCommittedOpenApi(SERVICE));
  });
});
