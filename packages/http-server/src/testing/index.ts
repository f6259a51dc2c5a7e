export { type AppBuild, buildApp } from './app-build.ts';
export { freePort } from './free-port.ts';
export * from './logged-process.ts';
export { type SlowRequest, slowRequest } from './slow-request.ts';
