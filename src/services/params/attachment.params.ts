// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/attachment.input.ts
// implements each interface, so the schema and the service agree by the compiler.

/** Metadata of a file already uploaded to object storage. */
export interface AttachmentParams {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly url: string;
}
