import { Router } from 'express';

export interface Controller {
  readonly path: string;
  readonly router: Router;
}

export abstract class BaseController implements Controller {
  public readonly router: Router = Router();
  public abstract readonly path: string;

  protected constructor() {}

  protected abstract registerRoutes(): void;
}
