import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { toGlobalId } from '../../src/domain/global-id';
import { describeInBrowser, launchBrowser } from '../support/browser';
import { insertCustomer, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The GraphQL IDE the API serves (GraphiQL from node_modules, no CDN): a browser opens /graphql, picks a demo
// caller, runs a query and a subscription and sees the answers. IDE_SCREENSHOT=1 rewrites docs/ide.png.

const SUBSCRIPTION = 'subscription Watch { ticketEvents { type ticket { number } } }';
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code message } } }`;

async function subscriberCount(serverUrl: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  return Number(/^ticketing_event_subscribers (\d+)/m.exec(text)![1]);
}

/** The result pane once it contains `contains`; its text so far when it does not within 20 s. */
async function resultText(page: Page, contains: string): Promise<string> {
  try {
    // A string expression: it runs in the page, and this project's TypeScript knows no DOM.
    await page.waitForFunction(
      `document.querySelector('.result-window')?.textContent?.includes(${JSON.stringify(contains)}) ?? false`,
      null,
      { timeout: 20_000 },
    );
  } catch {
    throw new Error(`the result pane never showed "${contains}"; it shows: ${await page.textContent('.result-window')}`);
  }
  return (await page.textContent('.result-window')) ?? '';
}

async function openIde(page: Page, app: TestApp, query: string): Promise<void> {
  await page.goto(`${app.server.graphqlUrl}?query=${encodeURIComponent(query)}`);
  await page.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
}

describeInBrowser('the GraphQL IDE served by the API', () => {
  let app: TestApp;
  let browser: Browser;
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    // Development with demo data: the only setting in which the IDE offers demo tokens.
    app = await createTestApp({ environment: { NODE_ENV: 'development', LOAD_DEMO_DATA: 'true' } });
    const customerId = await insertCustomer(app.dataSource);
    const id = await insertTicket(app.dataSource, { customerId, subject: 'Browser test parcel', ownerParty: 'PLATFORM' });
    const [{ number }] = await app.dataSource.query<Array<{ number: string }>>(`SELECT number FROM tickets WHERE id = $1`, [id]);
    ticket = { id, number };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads every file from the API itself, offers the demo callers, runs a query and shows the answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.server.url) && !request.url().startsWith('ws://127.0.0.1')) foreignRequests.push(request.url());
    });
    await openIde(page, app, `query Inbox {\n  tickets(first: 5) {\n    edges { node { number subject status ownerParty } }\n  }\n}\n`);
    const callers = await page.locator('#caller option').allTextContents();
    expect(callers).toEqual(expect.arrayContaining(['agent', 'admin']));
    expect(await page.locator('#caller option:checked').textContent()).toBe('agent');

    await page.click('.graphiql-execute-button');
    const answer = await resultText(page, ticket.number);
    expect(answer).toContain('Browser test parcel');
    expect(answer).not.toContain('errors');
    expect(foreignRequests).toEqual([]);
    if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: resolve(__dirname, '../../docs/ide.png') });
    await page.close();
  });

  it('sends no token when no caller is picked: the API answers UNAUTHENTICATED', async () => {
    const page = await browser.newPage();
    await openIde(page, app, '{ me { role } }');
    await page.selectOption('#caller', '');
    await page.click('.graphiql-execute-button');
    expect(await resultText(page, 'UNAUTHENTICATED')).toContain('UNAUTHENTICATED');
    await page.close();
  });

  it('runs a subscription over graphql-ws and shows the events as they commit', async () => {
    const page = await browser.newPage();
    await openIde(page, app, SUBSCRIPTION);
    const before = await subscriberCount(app.server.url);
    await page.click('.graphiql-execute-button');
    const deadline = Date.now() + 20_000;
    while ((await subscriberCount(app.server.url)) <= before) {
      if (Date.now() > deadline) throw new Error('the IDE did not subscribe');
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
    const posted = await app.graphql(POST, {
      input: { ticketId: toGlobalId('Ticket', ticket.id), body: 'Seen live in the IDE', visibility: 'PUBLIC' },
    });
    expect(posted.data?.postMessage.userErrors).toEqual([]);
    // The pane shows the latest event: the message, or the status change the owner's first reply causes.
    const answer = await resultText(page, ticket.number);
    expect(answer).toMatch(/"ticketEvents":\s*\{\s*"type":\s*"(MESSAGE_POSTED|STATUS_CHANGED)"/);
    await page.close();
  });

  it('answers GraphQL clients on GET /graphql as before: only a browser asking for HTML gets the page', async () => {
    const response = await fetch(`${app.server.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});

describe('the GraphQL IDE settings', () => {
  it('is not served in production unless GRAPHQL_IDE=true, and never offers demo tokens there', async () => {
    const production = await createTestApp({
      environment: { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-32-characters!!' },
      webhookAllowLoopback: false,
    });
    try {
      const page = await fetch(production.server.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
      expect((await fetch(`${production.server.url}/graphql-ide/graphiql.js`)).status).toBe(404);
    } finally {
      await production.close();
    }
    const configured = await createTestApp({
      environment: {
        NODE_ENV: 'production',
        AUTH_SECRET: 'a-production-secret-of-32-characters!!',
        GRAPHQL_IDE: 'true',
        LOAD_DEMO_DATA: 'true',
      },
      webhookAllowLoopback: false,
    });
    try {
      const html = await (await fetch(configured.server.graphqlUrl, { headers: { accept: 'text/html' } })).text();
      expect(html).toContain('GraphiQL');
      expect(html).toContain('"callers":[]');
      expect((await fetch(`${configured.server.url}/graphql-ide/graphiql.js`)).status).toBe(200);
    } finally {
      await configured.close();
    }
  });
});
