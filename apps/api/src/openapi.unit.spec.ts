import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument, serialiseOpenApi } from './openapi';

describe('the committed OpenAPI document', () => {
  it('is exactly what the code generates (run `npm run openapi` after changing the API)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '..', '..', '..', 'openapi', 'openapi.json'), 'utf8');
    expect(serialiseOpenApi(await generateOpenApiDocument())).toBe(committed);
  });

  it('documents the contract of api.md', async () => {
    const document = await generateOpenApiDocument();
    const paths = Object.keys(document.paths);
    for (const expected of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/me/notifications',
      '/api/v1/campaigns',
      '/api/v1/campaigns/{id}/targets',
      '/api/v1/inspections/{id}/conclusion/approve',
      '/api/v1/inspections/{id}/disputes/{findingId}/resolve',
      '/api/v1/accountability-cases/{id}/decision',
      '/api/v1/health',
    ]) {
      expect(paths).toContain(expected);
    }
  });
});
