import { Router } from 'express';

export class HealthRoutes {
  static readonly PATH = '/healthz';
  public router = Router();

  constructor() {
    this.router.get(HealthRoutes.PATH, (_req, res) => res.send('ok'));
  }
}
