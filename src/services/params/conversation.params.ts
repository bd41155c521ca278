// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/conversation.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { MessageVisibility } from '../../domain/enums';
import { AttachmentParams } from './attachment.params';

export interface PostMessageParams {
  readonly ticketId: string;
  readonly body: string;
  readonly visibility?: MessageVisibility;
  readonly attachments?: AttachmentParams[];
  readonly idempotencyKey?: string;
}
