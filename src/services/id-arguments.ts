import { DecodedGlobalId, fromGlobalId, fromGlobalIdOfType, MalformedGlobalIdError, NodeTypeName } from '../domain/global-id';
import { BadUserInputError } from '../domain/errors';

/** Decodes a global id argument, turning a malformed one into BAD_USER_INPUT that names the argument. */
export function decodeIdArgument(globalId: string, typeName: NodeTypeName, field: string): string {
  try {
    return fromGlobalIdOfType(globalId, typeName);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) throw new BadUserInputError(`${field}: ${error.message} for a ${typeName}`, field);
    throw error;
  }
}

/** Decodes a global id of any type (`node(id)`), turning a malformed one into BAD_USER_INPUT. */
export function decodeAnyIdArgument(globalId: string, field: string): DecodedGlobalId {
  try {
    return fromGlobalId(globalId);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) throw new BadUserInputError(error.message, field);
    throw error;
  }
}
