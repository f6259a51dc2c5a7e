import { z } from 'zod';
import { Email, NewPassword, PersonName, Role } from './fields.ts';

export const NewUserBody = z.strictObject({ email: Email, name: PersonName, role: Role, password: NewPassword });

export const UserChangesBody = z
  .strictObject({
    name: PersonName.optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    password: NewPassword.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'change at least one of name, role, active, password',
  });

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const UserList = z.object({ users: z.array(UserView) });
