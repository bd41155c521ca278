import { DataSource } from 'typeorm';
import { signPrincipalToken } from '../auth/jwt';
import { Principal } from '../auth/principal';
import { PrincipalRole } from '../domain/enums';

/** A principal of the demo data with a token for it: printed by `npm start`, offered by the GraphQL IDE. */
export interface DemoCaller {
  label: string;
  principal: Principal;
  token: string;
}

export const DEMO_AGENT: Principal = { role: PrincipalRole.AGENT, agentId: '1' };

/** Lifetime of a demo token (a development start prints them; the IDE signs them again on each page load). */
export const DEMO_TOKEN_LIFETIME = '24h';

/** The agent, the admin, the first customer with a ticket, two sellers and two carriers, each with a fresh token. */
export async function demoCallers(dataSource: DataSource, secret: string): Promise<DemoCaller[]> {
  const sellers: Array<{ id: string; name: string }> = await dataSource.query(`SELECT id, name FROM sellers ORDER BY id LIMIT 2`);
  const carriers: Array<{ id: string; name: string }> = await dataSource.query(`SELECT id, name FROM carriers ORDER BY id LIMIT 2`);
  const customers: Array<{ id: string; name: string }> = await dataSource.query(
    `SELECT c.id, c.name FROM customers c WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id) ORDER BY c.id LIMIT 1`,
  );
  const principals: Array<[string, Principal]> = [
    ['agent', DEMO_AGENT],
    ['admin', { role: PrincipalRole.ADMIN, adminId: '1' }],
    ...customers.map((customer): [string, Principal] => [
      `customer ${customer.name}`,
      { role: PrincipalRole.CUSTOMER, customerId: customer.id },
    ]),
    ...sellers.map((seller): [string, Principal] => [`seller ${seller.name}`, { role: PrincipalRole.SELLER, sellerId: seller.id }]),
    ...carriers.map((carrier): [string, Principal] => [`carrier ${carrier.name}`, { role: PrincipalRole.CARRIER, carrierId: carrier.id }]),
  ];
  return Promise.all(
    principals.map(async ([label, principal]) => ({
      label,
      principal,
      token: await signPrincipalToken(principal, secret, DEMO_TOKEN_LIFETIME),
    })),
  );
}
