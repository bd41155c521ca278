import { parseArgs } from 'node:util';
import { signPrincipalToken } from '../src/auth/jwt';
import { Principal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { PrincipalRole } from '../src/domain/enums';
import { fromGlobalIdOfType, MalformedGlobalIdError, NodeTypeName } from '../src/domain/global-id';

// `npm run token -- --role seller --seller <id>`: prints a development bearer token signed with AUTH_SECRET (or
// the development default). Runs through tsx, so it needs no build. Party ids are the API's global ids (as
// `npm start` and every query hand them out) or plain database ids.

const USAGE = `Usage: npm run token -- --role <role> [party id] [--expires 12h]

Prints a bearer token signed with AUTH_SECRET (the development default when unset).

  --role customer --customer <id>   a customer (global id of a Customer, or its database id)
  --role seller   --seller <id>     a seller's staff (global id of a Seller, or its database id)
  --role carrier  --carrier <id>    a carrier's system (global id of a Carrier, or its database id)
  --role agent    [--agent <id>]    a platform agent (agent number, default 1)
  --role admin    [--admin <id>]    an administrator (admin number, default 1)
  --expires <time span>             lifetime, e.g. 30m, 12h (default 12h; at most JWT_MAXIMUM_LIFETIME_SECONDS)
  --help                            this text

Example: npm run token -- --role seller --seller U2VsbGVyOjE
`;

class UsageError extends Error {}

const DATABASE_ID = /^[1-9][0-9]{0,18}$/;

/** A global id of `typeName` or a database id, as a database id. */
function partyIdFrom(option: string, value: string | undefined, typeName: NodeTypeName): string {
  if (!value) throw new UsageError(`--${option} <id> is required for --role ${option}`);
  if (DATABASE_ID.test(value)) return value;
  try {
    return fromGlobalIdOfType(value, typeName);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError)
      throw new UsageError(`--${option}: "${value}" is neither a ${typeName} id of the API nor a database id`);
    throw error;
  }
}

function numberFrom(option: string, value: string): string {
  if (!DATABASE_ID.test(value)) throw new UsageError(`--${option} must be a positive whole number`);
  return value;
}

type Options = Partial<Record<'role' | 'customer' | 'seller' | 'carrier' | 'agent' | 'admin', string>>;

function principalFrom(values: Options): Principal {
  switch ((values.role ?? '').toLowerCase()) {
    case 'customer':
      return { role: PrincipalRole.CUSTOMER, customerId: partyIdFrom('customer', values.customer, 'Customer') };
    case 'seller':
      return { role: PrincipalRole.SELLER, sellerId: partyIdFrom('seller', values.seller, 'Seller') };
    case 'carrier':
      return { role: PrincipalRole.CARRIER, carrierId: partyIdFrom('carrier', values.carrier, 'Carrier') };
    case 'agent':
      return { role: PrincipalRole.AGENT, agentId: numberFrom('agent', values.agent ?? '1') };
    case 'admin':
      return { role: PrincipalRole.ADMIN, adminId: numberFrom('admin', values.admin ?? '1') };
    default:
      throw new UsageError('--role must be one of customer, seller, carrier, agent, admin');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      customer: { type: 'string' },
      seller: { type: 'string' },
      carrier: { type: 'string' },
      agent: { type: 'string' },
      admin: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const token = await signPrincipalToken(principalFrom(values), loadConfig().authSecret, values.expires);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const isUsage =
    error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(isUsage ? `${message}\n\n${USAGE}` : `${message}\n`);
  process.exitCode = 2;
});
