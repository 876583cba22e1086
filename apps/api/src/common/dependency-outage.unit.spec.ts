import { isDependencyOutage } from './dependency-outage';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDependencyOutage: a dependency that cannot be reached right now, not a bad request or a bug', () => {
  it.each([
    ['PostgreSQL shutting down ("terminating connection due to administrator command")', withCode('57P01')],
    ['PostgreSQL starting up ("the database system is starting up")', withCode('57P03')],
    ['a broken connection (class 08)', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a refused connection to every address of a host (AggregateError)', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: undefined })],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['the pool waiting in vain for a connection', new Error('timeout exceeded when trying to connect')],
    ['a TypeORM query failure caused by a shutdown', Object.assign(new Error('QueryFailedError'), { driverError: withCode('57P01') })],
    ['Temporal unreachable (gRPC UNAVAILABLE in a ServiceError)', Object.assign(new Error('Failed to query'), { cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14, metadata: {} }) })],
  ])('%s', (_what, error) => {
    expect(isDependencyOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a malformed value', withCode('22P02')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a gRPC NOT_FOUND', Object.assign(new Error('5 NOT_FOUND'), { code: 5, metadata: {} })],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('not %s', (_what, error) => {
    expect(isDependencyOutage(error)).toBe(false);
  });
});
