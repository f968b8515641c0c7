#!/usr/bin/env node
// `npm run services -- up|down|status`: the local PostgreSQL, Redis and mail inbox (services/cli.mjs).
import { main } from './services/cli.mjs';

main(process.argv.slice(2));
