export { createFileOnce, readIfExists } from './create-once.ts';
export { DEV_KEYS_FILE, type DevKeys, ensureDevKeys } from './dev-keys.ts';
export {
  type DevLaunchClaims,
  type DevLaunchKeys,
  ensureDevLaunchKeys,
  LAUNCH_KEYS_FILE,
  signDevLaunchToken,
} from './launch-keys.ts';
