import { Field, InputType, Int } from 'type-graphql';
import { AttachmentParams } from '../../services/params/attachment.params';

@InputType({ description: 'Metadata of a file already uploaded to object storage.' })
export class AttachmentInput implements AttachmentParams {
  @Field({ description: 'File name, 1–255 characters.' })
  name: string;

  @Field({ description: 'MIME type, e.g. image/jpeg.' })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes, at most 25 MB.' })
  size: number;

  @Field({ description: 'Hex SHA-256 of the content (64 characters).' })
  sha256: string;

  @Field({ description: 'https URL where the file is stored.' })
  url: string;
}
