import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import type { Page } from './common/pagination';
import type { EventView } from './inspections/inspection-events.view';
import type { InspectionEventPage, InspectionEventView, InspectionPage, InspectionViewSchema, InspectionWithCreatedFindingViewSchema } from './inspections/inspection.responses';
import type { InspectionView } from './inspections/inspection.view';
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

// ---------------------------------------------------------------------------------------------
// What every operation answers

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
// Refresh carries no bearer token: its credential is the HttpOnly session cookie.
const PUBLIC_OPERATIONS = ['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh'];
const PROBLEM_SCHEMA = '#/components/schemas/ProblemDetails';

interface Operation {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly operation: OperationObject;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ name: `${method.toUpperCase()} ${route}`, method, path: route, operation }] : [];
    }),
  );
}

const isReference = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

function responsesOf(operation: OperationObject): [string, ResponseObject][] {
  return Object.entries(operation.responses).map(([status, response]) => {
    if (isReference(response)) throw new Error(`response ${status} is a reference; expected it inline`);
    return [status, response as ResponseObject];
  });
}

function schemaNamed(document: OpenAPIObject, name: string): SchemaObject {
  const schema = document.components?.schemas?.[name];
  if (!schema || isReference(schema)) throw new Error(`no schema ${name}`);
  return schema;
}

/** Every `$ref` anywhere in the document. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => referencesIn(item, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else referencesIn(item, found);
    }
  }
  return found;
}

/** What is wrong with a success response: it must say what the body is (a named schema for JSON, bytes for a file). */
function successProblems(document: OpenAPIObject, status: string, response: ResponseObject): string[] {
  const content = Object.entries(response.content ?? {});
  // 204 No Content is the one success that must not have a body.
  if (status === '204') return content.length === 0 ? [] : [`${status} declares content`];
  if (content.length === 0) return [`${status} has no content`];
  return content.flatMap(([mediaType, media]) => {
    const schema = media.schema;
    if (!schema) return [`${status} ${mediaType} has no schema`];
    if (mediaType === 'application/json') {
      if (!isReference(schema)) return [`${status} ${mediaType} is not a named schema`];
      const name = schema.$ref.replace('#/components/schemas/', '');
      return document.components?.schemas?.[name] ? [] : [`${status} ${mediaType} refers to a missing schema ${name}`];
    }
    return !isReference(schema) && schema.type === 'string' && schema.format === 'binary' ? [] : [`${status} ${mediaType} is not binary`];
  });
}

describe('the OpenAPI document describes every answer', () => {
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    document = await generateOpenApiDocument();
    operations = operationsOf(document);
  });

  it('has the operations of api.md', () => {
    expect(operations.length).toBeGreaterThanOrEqual(45);
  });

  it('documents a success response with a schema for every operation (a named JSON schema, or bytes for a file)', () => {
    const missing = operations.flatMap(({ name, operation }) => {
      const successes = responsesOf(operation).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${name}: no 2xx response`];
      return successes.flatMap(([status, response]) => successProblems(document, status, response).map((problem) => `${name}: ${problem}`));
    });
    expect(missing).toEqual([]);
  });

  it('documents every error as an application/problem+json ProblemDetails (the health check’s 503 excepted: it is the health body)', () => {
    const problem = schemaNamed(document, 'ProblemDetails');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(Object.keys(problem.properties ?? {})).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']));

    const wrong = operations.flatMap(({ name, operation }) =>
      responsesOf(operation)
        .filter(([status]) => Number(status) >= 400)
        .filter(([status]) => !(name === 'GET /api/v1/health' && status === '503'))
        .filter(([, response]) => {
          const content = response.content ?? {};
          const schema = content['application/problem+json']?.schema;
          return Object.keys(content).length !== 1 || !isReference(schema) || schema.$ref !== PROBLEM_SCHEMA;
        })
        .map(([status]) => `${name}: ${status}`),
    );
    expect(wrong).toEqual([]);
    const health = Object.fromEntries(responsesOf(document.paths['/api/v1/health'].get!));
    expect(health['503'].content).toEqual(health['200'].content);
  });

  it('documents the common refusals where they apply: 401 without a token, 400 and 404 for path ids, 413 and 415 for bodies', () => {
    const missing = operations.flatMap(({ name, method, path: route, operation }) => {
      const statuses = Object.keys(operation.responses);
      const expected = [
        ...(PUBLIC_OPERATIONS.includes(name) ? [] : ['401']),
        ...(route.includes('{') ? ['400', '404'] : []),
        ...((method === 'post' || method === 'patch') && operation.requestBody ? ['400', '413', '415'] : []),
      ];
      return expected.filter((status) => !statuses.includes(status)).map((status) => `${name}: ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('declares bearer auth on every operation but the health check and login', () => {
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security ?? []).toEqual([]);
    const wrong = operations.flatMap(({ name, operation }) => {
      const bearer = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
      const isPublic = PUBLIC_OPERATIONS.includes(name);
      if (isPublic) return operation.security && operation.security.length > 0 ? [`${name} is public but declares security`] : [];
      return bearer ? [] : [`${name} does not declare bearer auth`];
    });
    expect(wrong).toEqual([]);
    expect(operations.filter(({ name }) => PUBLIC_OPERATIONS.includes(name))).toHaveLength(PUBLIC_OPERATIONS.length);
  });

  it('describes the inspection resource with the fields of api.md, optional where api.md says so', () => {
    const inspection = schemaNamed(document, 'InspectionView');
    const fields = ['id', 'campaignId', 'unitId', 'status', 'window', 'startedAt', 'findings', 'conclusion', 'response', 'actions', 'deadlines', 'accountabilityCaseIds'];
    expect(Object.keys(inspection.properties ?? {})).toEqual(expect.arrayContaining(fields));
    const optional = ['window', 'startedAt', 'conclusion', 'response'];
    expect(inspection.required).toEqual(expect.arrayContaining(fields.filter((field) => !optional.includes(field))));
    for (const field of optional) expect(inspection.required).not.toContain(field);
  });

  it('answers GET /inspections/{id} and every inspection command with the inspection (commands return the same body as the GET)', () => {
    const answers = operations
      .filter(({ path: route, method }) => route.startsWith('/api/v1/inspections/{id}') && (method !== 'get' || route === '/api/v1/inspections/{id}'))
      .filter(({ path: route }) => !route.endsWith('/conclusion.pdf'))
      .map(({ name, operation }) => {
        const [, success] = responsesOf(operation).find(([status]) => /^2\d\d$/.test(status))!;
        return [name, (success.content?.['application/json']?.schema as ReferenceObject | undefined)?.$ref] as const;
      });
    expect(answers.length).toBeGreaterThanOrEqual(19);
    for (const [name, ref] of answers) {
      expect([name, ref]).toEqual([name, expect.stringMatching(/^#\/components\/schemas\/(InspectionView|InspectionWithCreatedFindingView)$/)]);
    }
  });

  it('pages every list as { items, nextCursor }', () => {
    const pages = Object.keys(document.components?.schemas ?? {}).filter((name) => name.endsWith('Page'));
    expect(pages).toEqual(
      expect.arrayContaining(['UnitPage', 'UserPage', 'CampaignPage', 'InspectionPage', 'InspectionEventPage', 'NotificationPage', 'AccountabilityCasePage']),
    );
    for (const name of pages) {
      const page = schemaNamed(document, name);
      expect([name, page.required]).toEqual([name, expect.arrayContaining(['items', 'nextCursor'])]);
      expect([name, page.properties?.items]).toEqual([name, expect.objectContaining({ type: 'array' })]);
      expect([name, page.properties?.nextCursor]).toEqual([name, expect.objectContaining({ type: 'string', nullable: true })]);
    }
  });

  it('refers only to schemas it defines', () => {
    const missing = [...new Set(referencesIn(document))].filter((ref) => !document.components?.schemas?.[ref.replace('#/components/schemas/', '')]);
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The response classes describe what the code returns (checked by the compiler)

/** The fields `From` may have, at any depth, that `To` does not describe (`never` when it describes them all). */
type Undocumented<From, To> = From extends readonly (infer Item)[]
  ? To extends readonly (infer Described)[]
    ? Undocumented<Item, Described>
    : 'an array described as something else'
  : From extends object
    ? { [K in keyof From]-?: K extends keyof To ? Undocumented<NonNullable<From[K]>, NonNullable<To[K]>> : K }[keyof From]
    : never;

/**
 * Compiles only if every value of type `From` fits the response class `To` (types, required
 * fields) and has no field, at any depth, that `To` leaves out; the compiler's error names the
 * field. `tsc --noEmit` (part of `npm test`) is what checks this; at run time it is just `true`.
 */
const describes =
  <To>() =>
  <From extends To>(undocumented: [Undocumented<From, To>] extends [never] ? true : Undocumented<From, To>) =>
    undocumented;

describe('the response classes', () => {
  it('describe every field that the mappers and reports produce (checked by tsc)', () => {
    expect([
      describes<InspectionViewSchema>()<InspectionView>(true),
      describes<InspectionWithCreatedFindingViewSchema>()<InspectionView & { createdFindingId: string }>(true),
      describes<InspectionPage>()<Page<InspectionView>>(true),
      describes<InspectionEventView>()<EventView>(true),
      describes<InspectionEventPage>()<Page<EventView>>(true),
    ]).not.toContain(false);
  });
});
