import { z } from 'zod';

/**
 * A version number in a path: 1, 2, 3, ... written plainly (not "01", "1e3" or "0x1", which a
 * numeric coercion would accept), small enough for the integer column.
 */
export const VersionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'must be a version number: 1, 2, 3, ...')
  .transform(Number);
