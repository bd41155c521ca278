import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { compileFunction } from 'node:vm';
import * as ts from 'typescript';
import { Webhook } from 'standardwebhooks';
import { startBackgroundWorker, BackgroundWorker } from '../../src/jobs/worker';
import { insertCarrier, insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// docs/integration.md run as written, so that it cannot drift: its fenced blocks, in order, against a server on
// real PostgreSQL with a real worker delivering webhooks to a receiver on 127.0.0.1 built from the doc's own code.
//   ```sh       lines `NAME=$(command)`: the command runs in bash at the repository root (with the server's
//               AUTH_SECRET and the values known so far in the environment); its output is kept as NAME.
//   ```graphql  a request; its first line `# Authorization: Bearer $TOKEN` names the token. The ```json blocks
//               that follow are its variables and its answer (the one whose only key is "data").
//   ```ts       the receiver module: transpiled and loaded; `verifiedDeliveries` becomes the receiver's handler.
//   ```http     a delivery the receiver must get and verify: request line, headers, JSON body.
// In variables "$NAME" is replaced by the value kept under NAME. In answers and deliveries "$NAME" matches any
// value the first time (which is then kept) and the same value afterwards; everything else must be equal, and
// objects must have exactly the documented keys.

const ROOT = path.resolve(__dirname, '../..');
const DOC = readFileSync(path.join(ROOT, 'docs/integration.md'), 'utf8');
const PLACEHOLDER = /^\$([A-Z][A-Z0-9_]*)$/;
const run = promisify(execFile);
/** Three runs of `npm run token` (tsx), a type check of the receiver and a worker's delivery: slow under load. */
const WHOLE_DOC_TIMEOUT_MS = 180_000;

interface Block {
  language: string;
  text: string;
}

interface ReceivedRequest {
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function fencedBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], text: match[2] }));
}

/** Every difference between a documented value and the actual one, with its path; keeps new placeholders. */
function mismatches(documented: unknown, actual: unknown, known: Map<string, unknown>, at: string): string[] {
  if (typeof documented === 'string' && PLACEHOLDER.test(documented)) {
    const name = PLACEHOLDER.exec(documented)![1];
    if (actual === undefined || actual === null) return [`${at}: ${documented} but the answer has ${String(actual)}`];
    if (!known.has(name)) {
      known.set(name, actual);
      return [];
    }
    return known.get(name) === actual ? [] : [`${at}: ${documented} is ${JSON.stringify(known.get(name))}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual) || actual.length !== documented.length)
      return [`${at}: documented ${documented.length} items, got ${JSON.stringify(actual)}`];
    return documented.flatMap((item, index) => mismatches(item, actual[index], known, `${at}[${index}]`));
  }
  if (documented !== null && typeof documented === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: got ${JSON.stringify(actual)}`];
    const keys = Object.keys(documented).sort();
    const actualKeys = Object.keys(actual).sort();
    if (keys.join() !== actualKeys.join()) return [`${at}: documented keys ${keys.join()}, got ${actualKeys.join()}`];
    return keys.flatMap((key) =>
      mismatches((documented as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], known, `${at}.${key}`),
    );
  }
  return documented === actual ? [] : [`${at}: documented ${JSON.stringify(documented)}, got ${JSON.stringify(actual)}`];
}

function substituted(value: unknown, known: Map<string, unknown>): unknown {
  if (typeof value === 'string' && PLACEHOLDER.test(value)) {
    const name = PLACEHOLDER.exec(value)![1];
    if (!known.has(name)) throw new Error(`docs/integration.md uses ${value} before any answer gave it`);
    return known.get(name);
  }
  if (Array.isArray(value)) return value.map((item) => substituted(item, known));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituted(item, known)]));
  return value;
}

/** Type errors of the doc's TypeScript module, checked with the project's compiler options as if it were a file of docs/. */
function typeErrorsOf(source: string): string[] {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const fileName = path.join(ROOT, 'docs', 'integration-receiver.ts');
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => file === fileName || ts.sys.fileExists(file);
  host.readFile = (file) => (file === fileName ? source : readFile(file));
  host.getSourceFile = (file, language) =>
    file === fileName ? ts.createSourceFile(file, source, language) : getSourceFile(file, language);
  const program = ts.createProgram([fileName], { ...options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(fileName))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** The doc's TypeScript module, compiled as the project compiles and loaded with this test's modules. */
function loadModule(source: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} as Record<string, unknown> };
  compileFunction(outputText, ['exports', 'require', 'module'])(module.exports, require, module);
  return module.exports;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('docs/integration.md, run as written', () => {
  let app: TestApp;
  let worker: BackgroundWorker;
  let receiver: Server;
  let handler: Handler | null = null;
  const requests: ReceivedRequest[] = [];
  const deliveries: unknown[] = [];
  const known = new Map<string, unknown>();

  /** Type errors of each TypeScript block, found before any socket is open (see beforeAll). */
  const typeErrors = new Map<string, string[]>();

  beforeAll(async () => {
    // The compiler runs synchronously for seconds on a busy machine: during a run it would stall this process's
    // event loop, and the client's kept-alive socket would then race the server's idle close (ECONNRESET).
    for (const block of fencedBlocks(DOC).filter((fenced) => fenced.language === 'ts'))
      typeErrors.set(block.text, typeErrorsOf(block.text));
    // The real clock: the receiver's library refuses timestamps more than 5 minutes from its own now.
    app = await createTestApp();
    // What the doc assumes the API knows already: a seller and the carrier YAMATO (the demo data has both).
    await insertSeller(app.dataSource, 'Kyoto Tea');
    await insertCarrier(app.dataSource, 'YAMATO');
    worker = await startBackgroundWorker({ ...app.jobContext(), metrics: app.server.metrics }, app.config.databaseUrl!);
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('finish', () =>
        requests.push({
          target: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          status: response.statusCode,
        }),
      );
      if (handler) handler(request, response);
      else response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    known.set('RECEIVER_URL', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tickets`);
  });

  afterAll(async () => {
    await worker?.stop();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await app?.close();
  });

  async function runShell(block: Block): Promise<void> {
    for (const line of block.text.split('\n').filter((text) => text.trim() !== '' && !text.startsWith('#'))) {
      const assignment = /^([A-Z][A-Z0-9_]*)=\$\((.+)\)$/.exec(line);
      if (!assignment) throw new Error(`a sh line of docs/integration.md is not NAME=$(command): ${line}`);
      const environment = { ...process.env, ...Object.fromEntries([...known].map(([name, value]) => [name, String(value)])) };
      const { stdout } = await run('bash', ['-c', assignment[2]], {
        cwd: ROOT,
        env: { ...environment, AUTH_SECRET: app.config.authSecret },
      });
      expect(stdout.trim()).not.toBe('');
      known.set(assignment[1], stdout.trim());
    }
  }

  async function runRequest(document: Block, jsonBlocks: Block[]): Promise<void> {
    const token = /^# Authorization: Bearer \$([A-Z][A-Z0-9_]*)\n/.exec(document.text);
    if (!token) throw new Error(`a graphql block of docs/integration.md does not start with its token:\n${document.text}`);
    const parsed = jsonBlocks.map((block) => JSON.parse(block.text) as Record<string, unknown>);
    const answer = parsed.find((json) => Object.keys(json).join() === 'data');
    const variables = parsed.find((json) => json !== answer) ?? {};
    if (!answer) throw new Error(`a request of docs/integration.md shows no answer:\n${document.text}`);
    const response = await app.graphql(
      document.text,
      substituted(variables, known) as Record<string, unknown>,
      String(substituted(`$${token[1]}`, known)),
    );
    expect(response.errors).toBeUndefined();
    expect(mismatches(answer, { data: response.data }, known, document.text.split('\n')[1])).toEqual([]);
  }

  async function expectDelivery(block: Block): Promise<void> {
    const blankLine = block.text.indexOf('\n\n');
    const head = block.text.slice(0, blankLine);
    const body = block.text.slice(blankLine + 2);
    const [requestLine, ...headerLines] = head.split('\n');
    const delivered = await waitFor('the delivery of docs/integration.md', () =>
      requests.find((request) => request.status >= 200 && request.status < 300),
    );
    // The receiver listens where the doc's request line says (RECEIVER_URL's path).
    expect(`POST ${delivered.target} HTTP/1.1`).toBe(requestLine);
    const documentedHeaders = Object.fromEntries(
      headerLines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const actualHeaders = Object.fromEntries(Object.keys(documentedHeaders).map((name) => [name, delivered.headers[name]]));
    expect(mismatches(documentedHeaders, actualHeaders, known, 'headers')).toEqual([]);
    expect(mismatches(JSON.parse(body), JSON.parse(delivered.body), known, 'body')).toEqual([]);
    // What the doc's handler passed on is the verified body itself.
    expect(deliveries).toEqual([JSON.parse(delivered.body)]);
  }

  it(
    'every request answers as documented, and the receiver verifies the delivery it gets',
    async () => {
      const blocks = fencedBlocks(DOC);
      expect(blocks.map((block) => block.language)).toEqual(expect.arrayContaining(['sh', 'graphql', 'json', 'ts', 'http']));
      for (let index = 0; index < blocks.length; index += 1) {
        const block = blocks[index];
        switch (block.language) {
          case 'sh':
            await runShell(block);
            break;
          case 'graphql': {
            const jsonBlocks: Block[] = [];
            while (blocks[index + 1]?.language === 'json') jsonBlocks.push(blocks[(index += 1)]);
            await runRequest(block, jsonBlocks);
            break;
          }
          case 'ts': {
            expect(typeErrors.get(block.text)).toEqual([]);
            const receiverModule = loadModule(block.text);
            const make = receiverModule.verifiedDeliveries as (secret: string, onEvent: (delivery: unknown) => Promise<void>) => Handler;
            handler = make(String(known.get('WEBHOOK_SECRET')), async (delivery) => {
              deliveries.push(delivery);
            });
            break;
          }
          case 'http':
            await expectDelivery(block);
            break;
          default:
            throw new Error(`docs/integration.md has a ${block.language} block this test does not run: say what it does here`);
        }
      }
      expect(deliveries).toHaveLength(1);
    },
    WHOLE_DOC_TIMEOUT_MS,
  );

  it('the doc’s receiver refuses a changed body, another secret and a missing signature, calling nothing', async () => {
    const delivered = requests.find((request) => request.status === 204);
    expect(delivered).toBeDefined();
    const url = String(known.get('RECEIVER_URL'));
    const headersOf = (request: ReceivedRequest) => ({
      'content-type': 'application/json',
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    });
    const post = async (headers: Record<string, string>, body: string) => (await fetch(url, { method: 'POST', headers, body })).status;
    const before = deliveries.length;
    const otherSecret = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    const id = String(delivered!.headers['webhook-id']);
    const sentAt = new Date(Number(delivered!.headers['webhook-timestamp']) * 1000);
    expect(await post(headersOf(delivered!), delivered!.body.replace('"SELLER"', '"PLATFORM"'))).toBe(401);
    expect(
      await post({ ...headersOf(delivered!), 'webhook-signature': otherSecret.sign(id, sentAt, delivered!.body) }, delivered!.body),
    ).toBe(401);
    expect(await post({ 'content-type': 'application/json' }, delivered!.body)).toBe(401);
    expect(deliveries).toHaveLength(before);
    // The genuine one is accepted again (at least once: deduplicating on webhook-id is the integrator's part).
    expect(await post(headersOf(delivered!), delivered!.body)).toBe(204);
    expect(deliveries).toHaveLength(before + 1);
  });
});
