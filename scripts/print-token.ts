import { parseArgs } from 'node:util';
import { signPrincipalToken } from '../src/auth/jwt';
import { Principal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { PrincipalRole } from '../src/domain/enums';

// `npm run token -- --role seller --seller 3`: prints a development token signed with AUTH_SECRET (or the
// development default). Ids are database ids (the number in a global id's decoded form), e.g. from `npm start`.

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    customer: { type: 'string' },
    seller: { type: 'string' },
    carrier: { type: 'string' },
    agent: { type: 'string', default: '1' },
    admin: { type: 'string', default: '1' },
    expires: { type: 'string', default: '12h' },
  },
});

function principalFrom(): Principal {
  const need = (name: 'customer' | 'seller' | 'carrier'): string => {
    const value = values[name];
    if (!value || !/^[1-9][0-9]*$/.test(value)) throw new Error(`--${name} <database id> is required for --role ${values.role}`);
    return value;
  };
  switch ((values.role ?? '').toLowerCase()) {
    case 'customer':
      return { role: PrincipalRole.CUSTOMER, customerId: need('customer') };
    case 'seller':
      return { role: PrincipalRole.SELLER, sellerId: need('seller') };
    case 'carrier':
      return { role: PrincipalRole.CARRIER, carrierId: need('carrier') };
    case 'agent':
      return { role: PrincipalRole.AGENT, agentId: values.agent };
    case 'admin':
      return { role: PrincipalRole.ADMIN, adminId: values.admin };
    default:
      throw new Error('--role must be one of customer, seller, carrier, agent, admin');
  }
}

try {
  const principal = principalFrom();
  void signPrincipalToken(principal, loadConfig().authSecret, values.expires).then((token) => process.stdout.write(`${token}\n`));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
