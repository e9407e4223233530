#!/usr/bin/env node
// Entry for `npx chengyu-sim`: registers tsx so the TypeScript sources run as they are
// (no build step between `npm ci` and the first command), then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
