import { Field, ID, InputType } from 'type-graphql';
import { CreateApiKeyParams } from '../../services/params/api-key.params';

@InputType({ description: 'A new API key for an integration (admins only).' })
export class CreateApiKeyInput implements CreateApiKeyParams {
  @Field({ description: 'What the key is for, e.g. "Kyoto Tea shop system" (1–100 characters).' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Scope the key to this seller: it sees what the seller sees. Omit for a platform key.' })
  sellerId?: string;
}
