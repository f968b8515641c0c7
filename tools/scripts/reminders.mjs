// `npm run reminders [-- --ignore-daytime]`: compiles the server and runs the reminder scheduler
// once, now, against DATABASE_URL and REDIS_URL (the platform started by `npm start`). The
// running worker sends what it queues; with `npm start` the mail lands in the local inbox.
import { run } from './stack.mjs';

try {
  run('node', ['tools/scripts/build-server.mjs'], { quiet: true });
  run('node', ['dist/server/apps/worker/src/notification/run-reminders.js', ...process.argv.slice(2)]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
