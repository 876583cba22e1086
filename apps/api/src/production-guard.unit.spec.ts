import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@inspectorate/config';
import { randomBytes } from 'node:crypto';
import { refuseDemoAccountsInProduction } from './production-guard';

/** A stand-in for the application: its database holds `demoAccounts` demo users. */
function appWith(demoAccounts: number) {
  const count = jest.fn(async (options: { where: { isDemo: boolean } }) => (options.where.isDemo ? demoAccounts : 0));
  const close = jest.fn(async () => undefined);
  const app = { get: () => ({ getRepository: () => ({ count }) }), close } as unknown as INestApplication;
  return { app, count, close };
}

const production = () =>
  loadConfig({
    APP_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_ENCRYPTION_KEYS: `p:${randomBytes(32).toString('base64')}`,
    CHAIN_CHECKPOINT_KEY: randomBytes(32).toString('hex'),
    TEMPORAL_PLAINTEXT_ALLOWED: 'true',
  });

describe('production start with demo accounts', () => {
  it('is refused, and the application is closed, when demo accounts exist', async () => {
    const { app, close } = appWith(3);
    await expect(refuseDemoAccountsInProduction(app, production())).rejects.toThrow('Refusing to start in production: 3 demo account(s) exist. Remove them first.');
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('goes ahead when there are none', async () => {
    const { app, close, count } = appWith(0);
    await expect(refuseDemoAccountsInProduction(app, production())).resolves.toBeUndefined();
    expect(count).toHaveBeenCalledWith({ where: { isDemo: true } });
    expect(close).not.toHaveBeenCalled();
  });

  it('does not look outside production (the local start seeds them on purpose)', async () => {
    const { app, count } = appWith(5);
    await expect(refuseDemoAccountsInProduction(app, loadConfig({ APP_ENV: 'test' }))).resolves.toBeUndefined();
    expect(count).not.toHaveBeenCalled();
  });
});
