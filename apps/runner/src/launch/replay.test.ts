import { describe, expect, it } from 'vitest';
import { replayKey, replayTtlSeconds } from './replay.ts';

const NOW = new Date('2025-06-01T09:00:00Z');
const T = NOW.getTime() / 1000;

describe('replayKey', () => {
  it('is the same for the same jti and differs between jtis', () => {
    expect(replayKey({ jti: 'abc' })).toBe(replayKey({ jti: 'abc' }));
    expect(replayKey({ jti: 'abc' })).not.toBe(replayKey({ jti: 'abd' }));
  });

  it('is short and safe whatever the jti holds', () => {
    expect(replayKey({ jti: `x y:{}*\n${'z'.repeat(190)}` })).toMatch(/^launch-jti:[A-Za-z0-9_-]{43}$/);
  });
});

describe('replayTtlSeconds', () => {
  it('lasts until the token expires, plus the clock tolerance', () => {
    expect(replayTtlSeconds({ iat: T, exp: T + 120 }, NOW)).toBe(150);
  });

  it('lasts only until the max age when that comes first', () => {
    expect(replayTtlSeconds({ iat: T - 60, exp: T + 86_400 }, NOW)).toBe(600 - 60 + 30);
  });

  it('follows the verifier policy it is given', () => {
    expect(replayTtlSeconds({ iat: T, exp: T + 3600 }, NOW, { maxAgeSeconds: 900, clockToleranceSeconds: 5 })).toBe(
      905,
    );
  });

  it('is at least one second, and rounds a fraction of a second up', () => {
    expect(replayTtlSeconds({ iat: T - 1000, exp: T - 1000 }, NOW)).toBe(1);
    expect(replayTtlSeconds({ iat: T, exp: T + 10 }, new Date(NOW.getTime() + 500))).toBe(40);
  });
});
