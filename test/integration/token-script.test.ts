import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// `npm run token` exactly as README and its --help say: through npm and tsx, no build, ids as the API hands them out.

const run = promisify(execFile);
const root = `${__dirname}/../..`;

async function npmRunToken(args: string[], authSecret: string): Promise<{ stdout: string; stderr: string }> {
  return run('npm', ['run', '--silent', 'token', '--', ...args], {
    cwd: root,
    env: { ...process.env, AUTH_SECRET: authSecret, NODE_ENV: 'development' },
  });
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const ME = `query { me { role partyId } }`;

describe('npm run token', () => {
  it('answers --help with its usage and exit code 0', async () => {
    const { stdout } = await npmRunToken(['--help'], app.config.authSecret);
    expect(stdout).toContain('Usage: npm run token -- --role <role>');
    expect(stdout).toContain('--seller <id>');
  });

  it('signs a token for a seller named by its global id, and the API accepts it', async () => {
    const sellerId = await insertSeller(app.dataSource);
    const { stdout } = await npmRunToken(['--role', 'seller', '--seller', toGlobalId('Seller', sellerId)], app.config.authSecret);
    const response = await app.graphql(ME, {}, stdout.trim());
    expect(response.errors).toBeUndefined();
    expect(response.data?.me).toEqual({ role: 'SELLER', partyId: toGlobalId('Seller', sellerId) });
  });

  it('takes a database id as well', async () => {
    const customerId = await insertCustomer(app.dataSource);
    const { stdout } = await npmRunToken(['--role', 'customer', '--customer', customerId], app.config.authSecret);
    const response = await app.graphql(ME, {}, stdout.trim());
    expect(response.data?.me).toEqual({ role: 'CUSTOMER', partyId: toGlobalId('Customer', customerId) });
  });

  it('refuses an id of another type with exit code 2 and the usage', async () => {
    const failure = npmRunToken(['--role', 'seller', '--seller', toGlobalId('Customer', '1')], app.config.authSecret);
    await expect(failure).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is neither a Seller id of the API nor a database id'),
    });
  });
});
