// What the use cases return, as plain data; src/graphql/me.type.ts exposes each as the GraphQL type of the
// same name (its class implements the interface, so the two agree by the compiler).
import { CallerRole } from '../../domain/enums';

/** Who the API takes you for, and what you may see and do. */
export interface Me {
  role: CallerRole;
  partyId: string;
  customerId: string | null;
  sellerId: string | null;
  carrierId: string | null;
  scope: string;
  seesInternalNotes: boolean;
}
