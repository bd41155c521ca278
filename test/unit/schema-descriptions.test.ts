import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/** Every schema element without a description, as `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE`. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, where: string) => {
    if ((description ?? '').trim().length === 0) missing.push(where);
  };
  const types = Object.values(schema.getTypeMap()).filter(
    (type: GraphQLNamedType) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
  );
  for (const type of types) {
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const argument of field.args) check(argument.description, `${type.name}.${field.name}(${argument.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('the committed schema documents itself', () => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));

  it('has a description on every type, field, argument, input field and enum value', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('would name an undocumented element (the check can fail)', () => {
    const bare = buildSchema('"""Reads."""\ntype Query { "Documented." a(x: Int): E }\nenum E { "Yes." ONE TWO }');
    expect(undocumented(bare)).toEqual(['Query.a(x)', 'E', 'E.TWO']);
  });

  it('knows who caused each event and admin change as an enum, not a free string', () => {
    const eventActor = schema.getType('TicketEvent');
    const auditActor = schema.getType('AdminAuditEntry');
    expect(isObjectType(eventActor) && eventActor.getFields().actorRole.type.toString()).toBe('ActorRole!');
    expect(isObjectType(auditActor) && auditActor.getFields().actorRole.type.toString()).toBe('ActorRole!');
  });
});
