import 'reflect-metadata';
import { AppConfig, loadEnvFile } from '@aula/server/core';
import { createApp } from './app';

async function main(): Promise<void> {
  loadEnvFile();
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(`Aula API listening on ${config.PUBLIC_URL} (docs at ${config.PUBLIC_URL}/api/docs)\n`);
}

void main();
