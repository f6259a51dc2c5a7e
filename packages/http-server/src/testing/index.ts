export { type AppBuild, buildApp } from './app-build.ts';
export * from './logged-process.ts';
export { type SlowRequest, slowRequest } from './slow-request.ts';
