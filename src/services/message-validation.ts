import { AttachmentParams } from './params/attachment.params';
import { UserError, UserErrorCode, userError } from '../domain/user-error';
import { characterCount } from '../rules/text-input.rule';

export const MAXIMUM_BODY_CHARACTERS = 10_000;
export const MAXIMUM_SUBJECT_CHARACTERS = 200;
export const MAXIMUM_ATTACHMENTS = 10;
/** Bytes. */
export const MAXIMUM_ATTACHMENT_SIZE = 25 * 1024 * 1024;

export function validateBody(body: string, field: string): UserError[] {
  if (body.trim().length === 0) return [userError(UserErrorCode.BODY_EMPTY, 'The message is empty', field)];
  if (characterCount(body) > MAXIMUM_BODY_CHARACTERS) {
    return [
      userError(
        UserErrorCode.BODY_TOO_LONG,
        `The message has ${characterCount(body)} characters; at most ${MAXIMUM_BODY_CHARACTERS} are accepted`,
        field,
      ),
    ];
  }
  return [];
}

export function validateSubject(subject: string, field: string): UserError[] {
  if (subject.trim().length === 0) return [userError(UserErrorCode.INVALID_INPUT, 'The subject is empty', field)];
  if (characterCount(subject) > MAXIMUM_SUBJECT_CHARACTERS) {
    return [
      userError(
        UserErrorCode.INVALID_INPUT,
        `The subject has ${characterCount(subject)} characters; at most ${MAXIMUM_SUBJECT_CHARACTERS} are accepted`,
        field,
      ),
    ];
  }
  return [];
}

export function validateAttachments(attachments: AttachmentParams[] | undefined | null, field: string): UserError[] {
  if (!attachments) return [];
  if (attachments.length > MAXIMUM_ATTACHMENTS) {
    return [userError(UserErrorCode.TOO_MANY_ATTACHMENTS, `At most ${MAXIMUM_ATTACHMENTS} attachments per message`, field)];
  }
  const errors: UserError[] = [];
  attachments.forEach((attachment, index) => {
    const at = `${field}.${index}`;
    if (attachment.name.trim().length === 0 || characterCount(attachment.name) > 255)
      errors.push(userError(UserErrorCode.INVALID_ATTACHMENT, 'name must be 1–255 characters', `${at}.name`));
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType))
      errors.push(userError(UserErrorCode.INVALID_ATTACHMENT, 'contentType must be a MIME type such as image/jpeg', `${at}.contentType`));
    if (!Number.isInteger(attachment.size) || attachment.size < 0 || attachment.size > MAXIMUM_ATTACHMENT_SIZE) {
      errors.push(userError(UserErrorCode.INVALID_ATTACHMENT, `size must be 0–${MAXIMUM_ATTACHMENT_SIZE} bytes`, `${at}.size`));
    }
    if (!/^[0-9a-f]{64}$/i.test(attachment.sha256))
      errors.push(userError(UserErrorCode.INVALID_ATTACHMENT, 'sha256 must be 64 hexadecimal characters', `${at}.sha256`));
    if (!/^https:\/\/[^\s]{1,2000}$/.test(attachment.url))
      errors.push(userError(UserErrorCode.INVALID_ATTACHMENT, 'url must be an https URL', `${at}.url`));
  });
  return errors;
}

export function validateIdempotencyKey(key: string | undefined | null, field: string): UserError[] {
  if (key === undefined || key === null) return [];
  if (key.length === 0 || characterCount(key) > 200)
    return [userError(UserErrorCode.INVALID_INPUT, 'idempotencyKey must be 1–200 characters', field)];
  return [];
}

/** Attachments as stored (jsonb): only the documented fields, sha256 lower-cased. */
export function storedAttachments(attachments: AttachmentParams[] | undefined | null) {
  return (attachments ?? []).map((attachment) => ({
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: attachment.sha256.toLowerCase(),
    url: attachment.url,
  }));
}
