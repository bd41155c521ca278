import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { describeInBrowser, launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

// CORS from CORS_ORIGINS: a console page served from an allowed origin calls the API from a browser and gets its
// answer; the same page from another origin is refused by the browser. Apollo's CSRF prevention stays in force.

const CONSOLE_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>console</title></head><body>console</body></html>';

/** A web server on 127.0.0.1 that serves the console page; its origin differs from the API's by the port. */
async function startConsoleOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(CONSOLE_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What the page at `origin` gets when it calls the API like a console would (JSON, bearer token: a preflight first). */
async function callFromPage(
  browser: Browser,
  origin: string,
  graphqlUrl: string,
  token: string,
): Promise<{ ok: boolean; role?: string; statementCount?: string | null; error?: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(origin);
    return await page.evaluate(
      async ({ url, bearer }) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
            body: JSON.stringify({ query: '{ me { role } }' }),
          });
          const body = (await response.json()) as { data: { me: { role: string } } };
          return { ok: true, role: body.data.me.role, statementCount: response.headers.get('x-sql-statement-count') };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
      { url: graphqlUrl, bearer: token },
    );
  } finally {
    await page.close();
  }
}

describeInBrowser('CORS for browser consoles (CORS_ORIGINS)', () => {
  let app: TestApp;
  let browser: Browser;
  let allowed: { origin: string; server: Server };
  let other: { origin: string; server: Server };
  let token: string;

  beforeAll(async () => {
    allowed = await startConsoleOrigin();
    other = await startConsoleOrigin();
    app = await createTestApp({ environment: { CORS_ORIGINS: `https://console.example.com, ${allowed.origin}` } });
    token = await app.agentToken();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    allowed?.server.close();
    other?.server.close();
  });

  it('lets a page of an allowed origin call the API and read its answer and exposed headers', async () => {
    const answer = await callFromPage(browser, allowed.origin, app.server.graphqlUrl, token);
    expect(answer).toMatchObject({ ok: true, role: 'AGENT' });
    expect(Number(answer.statementCount)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a page of any other origin', async () => {
    const answer = await callFromPage(browser, other.origin, app.server.graphqlUrl, token);
    expect(answer).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
  });

  it('answers the preflight of an allowed origin, and gives another origin nothing to go on', async () => {
    const preflight = (origin: string) =>
      fetch(app.server.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const answered = await preflight(allowed.origin);
    expect(answered.status).toBe(204);
    expect(answered.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(answered.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(answered.headers.get('vary')).toContain('Origin');
    const refused = await preflight(other.origin);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention: a request a browser sends without a preflight is refused even from an allowed origin', async () => {
    const simple = await fetch(`${app.server.graphqlUrl}?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { origin: allowed.origin, authorization: `Bearer ${token}` },
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain('Cross-Site Request Forgery');
    const textPlain = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { origin: allowed.origin, 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(textPlain.status).toBe(400);
  });
});

describe('without CORS_ORIGINS', () => {
  it('sends no CORS headers at all', async () => {
    const app = await createTestApp();
    try {
      const preflight = await fetch(app.server.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });
});
