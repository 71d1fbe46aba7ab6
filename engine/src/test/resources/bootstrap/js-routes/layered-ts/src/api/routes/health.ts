import { Router } from 'express';

export default function health(app: Router) {
  app.get('/health', (_req, res) => res.send('ok'));
}
