import express from 'express';
import cors from 'cors';
import routes from '@/api';
import config from '@/config';

export default ({ app }: { app: express.Application }) => {
  /**
   * Health checks for the load balancer:
   * app.get('/status') in this comment is not a route.
   */
  app.get('/status', (req, res) => {
    res.status(200).end();
  });
  app.head('/status', (req, res) => {
    res.status(200).end();
  });

  app.use(cors());
  app.use(express.json());
  app.use(`${config.api.prefix}/${config.api.version}`, routes());

  app.use((req, res, next) => {
    const err = new Error('Not Found');
    next(err);
  });
};
