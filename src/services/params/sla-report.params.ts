// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/sla-report.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { OwnerParty } from '../../domain/enums';
import { SlaReportGrouping } from '../../rules/sla-report.rule';

export interface SlaReportParams {
  readonly party: OwnerParty;
  readonly sellerId?: string | null;
  readonly carrierId?: string | null;
  readonly from: string;
  readonly to: string;
  readonly groupBy: SlaReportGrouping;
}
