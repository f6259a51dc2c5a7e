import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';

/** Members that only private or secret keys have: such a key in LAUNCH_JWKS is a leak. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const MIN_RSA_BITS = 2048;

const rsaBits = (n: string) => Buffer.from(n, 'base64url').length * 8;

const PublicEcKey = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256', 'EC keys must use the P-256 curve (ES256)'),
  x: z.string().min(1),
  y: z.string().min(1),
  alg: z.literal('ES256', 'an EC key must be for ES256').optional(),
});

const PublicRsaKey = z.looseObject({
  kty: z.literal('RSA'),
  n: z.string().refine((n) => rsaBits(n) >= MIN_RSA_BITS, `RSA keys must have at least ${MIN_RSA_BITS} bits`),
  e: z.string().min(1),
  alg: z.literal('RS256', 'an RSA key must be for RS256').optional(),
});

const VerificationKey = z
  .discriminatedUnion('kty', [PublicEcKey, PublicRsaKey], {
    error: 'only EC P-256 (ES256) and RSA (RS256) keys are accepted',
  })
  .refine((key) => !PRIVATE_MEMBERS.some((member) => member in key), 'give public keys only')
  .refine((key) => key.use === undefined || key.use === 'sig', 'a key for "use" other than "sig"');

const LaunchJwks = z.object({ keys: z.array(VerificationKey).min(1, 'list at least one key') });

/**
 * The keys launch tokens are verified with, from `LAUNCH_JWKS` (a JSON Web Key Set). Checked
 * once at start-up: a set with anything but public ES256 or RS256 keys is a configuration
 * mistake, so this throws, naming the problem, rather than refusing every launch later.
 */
export function parseLaunchJwks(text: string): JSONWebKeySet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('LAUNCH_JWKS is not JSON: give a JSON Web Key Set, {"keys": [...]}');
  }
  const parsed = LaunchJwks.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'set'}: ${issue.message}`);
    throw new Error(`LAUNCH_JWKS is not usable: ${problems.join('; ')}`);
  }
  return json as JSONWebKeySet;
}
