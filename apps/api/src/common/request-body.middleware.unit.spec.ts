import { MAX_BODY_DEPTH, MAX_BODY_NODES, queryProblem, shapeProblem } from './request-body.middleware';

describe('the shape a request body may have', () => {
  const nested = (depth: number) => {
    let value: unknown = 1;
    for (let i = 1; i < depth; i++) value = { a: value };
    return value;
  };

  it.each([
    ['an object', { reason: 'Huỷ vì trùng lịch' }],
    ['no body', undefined],
    ['an empty object', {}],
    ['nesting up to the limit', nested(MAX_BODY_DEPTH)],
    ['Vietnamese, emoji and paired surrogates', { text: 'Biên bản 👮‍♀️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢' }],
    ['other control characters', { text: 'tab\tnewline\nbell\u0007' }],
  ])('accepts %s', (_what, body) => {
    expect(shapeProblem(body)).toBeUndefined();
  });

  it.each([
    ['an array', [{ a: 1 }], 'JSON object'],
    ['a string', 'start', 'JSON object'],
    ['null', null, 'JSON object'],
    ['nesting past the limit', nested(MAX_BODY_DEPTH + 2), 'nested deeper'],
    ['an array nested past the limit', { a: JSON.parse(`${'['.repeat(50)}1${']'.repeat(50)}`) }, 'nested deeper'],
    ['too many values', { list: Array.from({ length: MAX_BODY_NODES + 1 }, (_, i) => i) }, 'more than'],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"isAdmin":true}}}'), '"__proto__"'],
    ['a constructor key', { constructor: { prototype: { x: 1 } } }, '"constructor"'],
    ['a prototype key', { items: [{ prototype: 1 }] }, '"prototype"'],
    ['a NUL character', { description: 'a\u0000b' }, 'cannot be stored'],
    ['a lone high surrogate', { description: 'a\ud800b' }, 'cannot be stored'],
    ['a lone low surrogate', { items: ['\udc00'] }, 'cannot be stored'],
    ['a NUL in a key', { 'a\u0000': 1 }, 'cannot be stored'],
  ])('refuses %s', (_what, body, says) => {
    expect(shapeProblem(body)).toContain(says);
  });
});

describe('the query a request may have', () => {
  it.each(['valueOf', 'toString', 'hasOwnProperty', '__proto__', 'constructor'])('refuses a parameter named %s', (name) => {
    expect(queryProblem({ [name]: 'x', year: '2026' })).toBe(`The query may not contain a "${name}" parameter.`);
  });

  it('lets ordinary parameters through to validation', () => {
    expect(queryProblem({ year: '2026', kind: ['login', 'logout'] })).toBeUndefined();
    expect(queryProblem({})).toBeUndefined();
  });
});
