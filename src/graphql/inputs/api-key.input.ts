import { Field, ID, InputType } from 'type-graphql';
import { ApiKeyPermission } from '../../domain/enums';
import { CreateApiKeyParams } from '../../services/params/api-key.params';
import '../api-key.type';

@InputType({ description: 'A new API key for an integration (admins only).' })
export class CreateApiKeyInput implements CreateApiKeyParams {
  @Field({ description: 'What the key is for, e.g. "Kyoto Tea shop system" (1–100 characters).' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Scope the key to this seller: it sees what the seller sees. Omit for a platform key.' })
  sellerId?: string;

  @Field(() => [ApiKeyPermission], {
    nullable: true,
    description:
      'What a platform key may read beyond its scope, e.g. CALLBACK_PHONE_NUMBERS for the notifier that phones or texts customers. Refused for a seller key; omit for none.',
  })
  permissions?: ApiKeyPermission[] | null;
}
