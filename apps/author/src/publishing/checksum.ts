import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The SHA-256 (hex) of a definition's canonical JSON (RFC 8785: keys sorted, numbers and strings
 * written one way), so the same questionnaire has the same checksum however its keys were ordered
 * when it was saved, and whichever database returned it (jsonb reorders keys).
 */
export function definitionChecksum(definition: unknown): string {
  const canonical = canonicalize(definition);
  if (canonical === undefined) throw new Error('a definition must be JSON');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
