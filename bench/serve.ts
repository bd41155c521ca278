import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { signPrincipalToken } from '../src/auth/jwt';
import { PrincipalRole } from '../src/domain/enums';
import { openBenchDatabase } from './bench-database';
import { generateData } from './generate-data';
import { startServerProcess } from './server-handle';

// For profiling by hand: generates a data set, starts the benchmark server (optionally with --cpu-prof into
// bench/results) and prints its URL and tokens, then stops by itself after --minutes (default 20) or on Ctrl-C.
//   node dist/bench/serve.js [--tickets 20000] [--minutes 20] [--profile]

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const index = argv.indexOf(name);
    return index >= 0 && argv[index + 1] ? argv[index + 1] : fallback;
  };
  const tickets = Number(option('--tickets', '20000'));
  const minutes = Number(option('--minutes', '20'));
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const database = await openBenchDatabase({ keep: false, log });
  await generateData(database.dataSource, { tickets, seed: 20251123, now: new Date(), log });
  const authSecret = randomBytes(32).toString('hex');
  const server = await startServerProcess({
    databaseUrl: database.url,
    authSecret,
    cpuProfileDirectory: argv.includes('--profile') ? `${__dirname}/../../bench/results` : undefined,
  });
  const [seller] = await database.dataSource.query<Array<{ seller_id: string }>>(
    `SELECT seller_id FROM tickets WHERE seller_id IS NOT NULL GROUP BY seller_id ORDER BY count(*) DESC LIMIT 1`,
  );
  log(`GRAPHQL_URL=${server.graphqlUrl}`);
  log(`DATABASE_URL=${database.url}`);
  log(`AGENT_TOKEN=${await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, authSecret)}`);
  log(`SELLER_TOKEN=${await signPrincipalToken({ role: PrincipalRole.SELLER, sellerId: seller.seller_id }, authSecret)}`);
  const stop = async () => {
    await server.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  setTimeout(() => void stop(), minutes * 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
