#!/usr/bin/env node
// The command runs its TypeScript source directly, through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
const { nodeIo } = await import('../src/io.ts');
process.exitCode = await main(process.argv.slice(2), nodeIo());
