import config from './config';
import express from 'express';
import Logger from './loaders/logger';

async function boot() {
  const app = express();

  await require('./loaders').default({ expressApp: app });

  app.listen(config.port, () => {
    Logger.info(`listening on ${config.port}`);
  }).on('error', err => {
    process.exit(1);
  });
}

boot();
